-- 001: articles with their raw input, the normalised layers, and the full-text index.
-- Offsets (span_start, span_end) are JS string indices into articles.text, as everywhere in Dossier.

CREATE TABLE articles (
  -- Integer key: the FTS5 rowid (an explicit INTEGER PRIMARY KEY never changes, unlike a bare rowid).
  seq                INTEGER PRIMARY KEY,
  -- First 16 hex characters of content_hash.
  id                 TEXT NOT NULL UNIQUE,
  content_hash       TEXT NOT NULL UNIQUE,
  ingested_at        TEXT NOT NULL,
  analyzed_at        TEXT NOT NULL,
  file               TEXT NOT NULL,
  position           INTEGER,
  format             TEXT NOT NULL,
  language           TEXT NOT NULL,
  language_supported INTEGER NOT NULL,
  published_at       TEXT,
  published_at_from  TEXT NOT NULL,
  source             TEXT,
  url                TEXT,
  n_entities         INTEGER NOT NULL,
  n_mentions         INTEGER NOT NULL,
  n_quotes           INTEGER NOT NULL,
  n_quantities       INTEGER NOT NULL,
  n_times            INTEGER NOT NULL,
  -- Indexed by articles_fts; large columns last so listing never reads their overflow pages.
  title              TEXT,
  dek                TEXT,
  text               TEXT NOT NULL,
  -- The AnalyzedArticle as JSON with "text" emptied (the text lives in the column above).
  analysis           TEXT NOT NULL
);
-- SQLite sorts NULL lowest, so DESC puts undated articles last.
CREATE INDEX articles_by_date ON articles (published_at DESC, id);
CREATE INDEX articles_by_language ON articles (language, published_at);
CREATE INDEX articles_by_source ON articles (source, published_at);

-- The input exactly as read, for `dossier reanalyze`.
CREATE TABLE article_raw (
  seq      INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
  raw      TEXT NOT NULL,
  -- NULL when the original equals raw (plain-text input), so the text is not stored twice.
  original TEXT,
  -- The RawArticle's other fields (file, position, format, meta, encoding) as JSON.
  rest     TEXT NOT NULL
);

-- One row per quote / quantity / time expression / entity mention; idx is its index in its layer
-- (rows are listed in idx order, which is the order the analysis produced them).
-- *_folded columns hold lower-case text without diacritics (src/store/fold.ts) for substring filters.
CREATE TABLE quotes (
  article_id     TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  idx            INTEGER NOT NULL,
  span_start     INTEGER NOT NULL,
  span_end       INTEGER NOT NULL,
  span_text      TEXT NOT NULL,
  kind           TEXT NOT NULL,
  speaker_name   TEXT,
  speaker_folded TEXT,
  speaker_entity TEXT,
  speaker_start  INTEGER,
  speaker_end    INTEGER,
  cue            TEXT,
  cue_start      INTEGER,
  cue_end        INTEGER,
  PRIMARY KEY (article_id, idx),
  CHECK (span_start >= 0 AND span_end >= span_start)
) WITHOUT ROWID;

CREATE TABLE quantities (
  article_id    TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  idx           INTEGER NOT NULL,
  span_start    INTEGER NOT NULL,
  span_end      INTEGER NOT NULL,
  span_text     TEXT NOT NULL,
  value         REAL,
  value_max     REAL,
  unit          TEXT,
  qualifier     TEXT,
  counts        TEXT,
  counts_folded TEXT,
  PRIMARY KEY (article_id, idx),
  CHECK (span_start >= 0 AND span_end >= span_start)
) WITHOUT ROWID;

CREATE TABLE times (
  article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  idx         INTEGER NOT NULL,
  span_start  INTEGER NOT NULL,
  span_end    INTEGER NOT NULL,
  span_text   TEXT NOT NULL,
  value       TEXT,
  granularity TEXT NOT NULL,
  relative    INTEGER,
  PRIMARY KEY (article_id, idx),
  CHECK (span_start >= 0 AND span_end >= span_start)
) WITHOUT ROWID;
CREATE INDEX times_by_value ON times (value);

-- idx numbers the mentions of the whole article (entity by entity, mention by mention).
CREATE TABLE entity_mentions (
  article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  idx         INTEGER NOT NULL,
  entity_id   TEXT NOT NULL,
  name        TEXT NOT NULL,
  name_folded TEXT NOT NULL,
  type        TEXT NOT NULL,
  entity_key  TEXT,
  span_start  INTEGER NOT NULL,
  span_end    INTEGER NOT NULL,
  span_text   TEXT NOT NULL,
  PRIMARY KEY (article_id, idx),
  CHECK (span_start >= 0 AND span_end >= span_start)
) WITHOUT ROWID;
CREATE INDEX entity_mentions_by_key ON entity_mentions (entity_key) WHERE entity_key IS NOT NULL;

-- Full-text index over title, dek and text. External content: the text is stored once, in
-- articles; the triggers below keep the index in step with every insert, update and delete.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
  title, dek, text,
  content = 'articles',
  content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_after_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, dek, text) VALUES (new.seq, new.title, new.dek, new.text);
END;

CREATE TRIGGER articles_fts_after_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, dek, text) VALUES ('delete', old.seq, old.title, old.dek, old.text);
END;

CREATE TRIGGER articles_fts_after_update AFTER UPDATE OF title, dek, text ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, dek, text) VALUES ('delete', old.seq, old.title, old.dek, old.text);
  INSERT INTO articles_fts (rowid, title, dek, text) VALUES (new.seq, new.title, new.dek, new.text);
END;
