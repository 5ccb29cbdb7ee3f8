-- 001: articles with their raw input, the normalised layers, and the full-text index
-- (the PostgreSQL form of SQLite migrations 001 and 002). Offsets (span_start, span_end) are JS
-- string indices into articles.text, as everywhere in Dossier. Text columns that are sorted or
-- compared as ranges use COLLATE "C" (code-point order, as SQLite compares), whatever the
-- database's locale.

CREATE TABLE articles (
  -- Ingest order.
  seq                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- First 16 hex characters of content_hash.
  id                 text COLLATE "C" NOT NULL UNIQUE,
  content_hash       text COLLATE "C" NOT NULL UNIQUE,
  ingested_at        text NOT NULL,
  analyzed_at        text NOT NULL,
  file               text NOT NULL,
  position           integer,
  format             text NOT NULL,
  language           text COLLATE "C" NOT NULL,
  language_supported smallint NOT NULL,
  published_at       text COLLATE "C",
  published_at_from  text NOT NULL,
  source             text COLLATE "C",
  url                text,
  n_entities         integer NOT NULL,
  n_mentions         integer NOT NULL,
  n_quotes           integer NOT NULL,
  n_quantities       integer NOT NULL,
  n_times            integer NOT NULL,
  title              text,
  dek                text,
  text               text NOT NULL,
  -- The AnalyzedArticle as JSON with "text" emptied (the text lives in the column above). Kept as
  -- text, not jsonb, so `get` gives back the JSON exactly as written.
  analysis           text NOT NULL,
  -- Folded words of title (weight A), dek (B) and text (D), written with every insert and update.
  search             tsvector NOT NULL
);
CREATE INDEX articles_by_date ON articles (published_at DESC NULLS LAST, id);
CREATE INDEX articles_by_language ON articles (language, published_at);
CREATE INDEX articles_by_source ON articles (source, published_at);
CREATE INDEX articles_search ON articles USING gin (search);

-- The input exactly as read, for `dossier reanalyze`.
CREATE TABLE article_raw (
  seq      bigint PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
  raw      text NOT NULL,
  -- NULL when the original equals raw (plain-text input), so the text is not stored twice.
  original text,
  -- The RawArticle's other fields (file, position, format, meta, encoding) as JSON.
  rest     text NOT NULL
);

-- One row per quote / quantity / time expression / entity mention; idx is its index in its layer.
-- *_folded columns hold lower-case text without diacritics (src/store/fold.ts) for substring filters.
CREATE TABLE quotes (
  article_id     text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  idx            integer NOT NULL,
  span_start     integer NOT NULL,
  span_end       integer NOT NULL,
  span_text      text NOT NULL,
  kind           text NOT NULL,
  speaker_name   text,
  speaker_folded text,
  speaker_entity text,
  speaker_start  integer,
  speaker_end    integer,
  cue            text,
  cue_start      integer,
  cue_end        integer,
  PRIMARY KEY (article_id, idx),
  CHECK (span_start >= 0 AND span_end >= span_start)
);

CREATE TABLE quantities (
  article_id      text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  idx             integer NOT NULL,
  span_start      integer NOT NULL,
  span_end        integer NOT NULL,
  span_text       text NOT NULL,
  value           double precision,
  value_max       double precision,
  unit            text,
  qualifier       text,
  qualifier_start integer,
  qualifier_end   integer,
  counts          text,
  counts_folded   text,
  counts_key      text,
  PRIMARY KEY (article_id, idx),
  CHECK (span_start >= 0 AND span_end >= span_start)
);
CREATE INDEX quantities_by_counts_key ON quantities (counts_key) WHERE counts_key IS NOT NULL;

CREATE TABLE times (
  article_id  text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  idx         integer NOT NULL,
  span_start  integer NOT NULL,
  span_end    integer NOT NULL,
  span_text   text NOT NULL,
  value       text COLLATE "C",
  value_end   text,
  granularity text NOT NULL,
  mod         text,
  relative    smallint,
  PRIMARY KEY (article_id, idx),
  CHECK (span_start >= 0 AND span_end >= span_start)
);
CREATE INDEX times_by_value ON times (value);

-- idx numbers the mentions of the whole article (entity by entity, mention by mention).
CREATE TABLE entity_mentions (
  article_id  text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  idx         integer NOT NULL,
  entity_id   text NOT NULL,
  name        text NOT NULL,
  name_folded text NOT NULL,
  type        text NOT NULL,
  entity_key  text,
  span_start  integer NOT NULL,
  span_end    integer NOT NULL,
  span_text   text NOT NULL,
  PRIMARY KEY (article_id, idx),
  CHECK (span_start >= 0 AND span_end >= span_start)
);
CREATE INDEX entity_mentions_by_key ON entity_mentions (entity_key) WHERE entity_key IS NOT NULL;
