-- 002: the corpus-wide entity index (the PostgreSQL form of SQLite migration 003; see the comments
-- there). The resolver's whole state, so resolution continues incrementally in any process.

-- One row. generation grows with every write to the index, so a process holding the resolver in
-- memory sees that another process wrote and reloads. stale = 1: rebuild (rebuildEntities).
CREATE TABLE entity_state (
  id         integer PRIMARY KEY CHECK (id = 1),
  generation bigint NOT NULL,
  stale      smallint NOT NULL
);
INSERT INTO entity_state (id, generation, stale) SELECT 1, 0, CASE WHEN EXISTS (SELECT 1 FROM articles) THEN 1 ELSE 0 END;

-- The articles given to the resolver, in the order of resolution (seq = articles.seq).
CREATE TABLE entity_articles (
  seq          bigint PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
  article_id   text COLLATE "C" NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE,
  language     text NOT NULL,
  published_at text,
  story_id     text
);

CREATE TABLE entities (
  key            text COLLATE "C" PRIMARY KEY,
  ord            integer NOT NULL UNIQUE,
  name           text COLLATE "C" NOT NULL,
  name_folded    text NOT NULL,
  type           text NOT NULL,
  source         text NOT NULL,
  canonical_name text,
  canonical_type text,
  is_person      smallint NOT NULL,
  mention_count  integer NOT NULL,
  article_count  integer NOT NULL,
  first_seen     text,
  last_seen      text,
  types_json     text NOT NULL,
  names_json     text NOT NULL,
  surfaces_json  text NOT NULL,
  roles_json     text NOT NULL,
  genders_json   text NOT NULL
);
CREATE INDEX entities_by_articles ON entities (article_count DESC, mention_count DESC, key);
CREATE INDEX entities_by_type ON entities (type, article_count DESC, mention_count DESC, key);

-- Every name an entity goes by: kind 'name' (cleaned names of linked local entities) or 'surface'
-- (cleaned mention texts); folded: foldName(text).
CREATE TABLE entity_names (
  key    text COLLATE "C" NOT NULL,
  kind   text NOT NULL CHECK (kind IN ('name', 'surface')),
  text   text COLLATE "C" NOT NULL,
  folded text NOT NULL,
  PRIMARY KEY (key, kind, text)
);
CREATE INDEX entity_names_by_folded ON entity_names (folded);

CREATE TABLE entity_links (
  article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  local_id   text COLLATE "C" NOT NULL,
  key        text COLLATE "C" NOT NULL,
  name       text NOT NULL,
  type       text NOT NULL,
  rule       text NOT NULL,
  reason     text NOT NULL,
  position   integer NOT NULL,
  PRIMARY KEY (article_id, local_id)
);
CREATE INDEX entity_links_by_key ON entity_links (key);

CREATE TABLE entity_merges (
  seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  from_key   text COLLATE "C" NOT NULL,
  to_key     text COLLATE "C" NOT NULL,
  article_id text NOT NULL,
  reason     text NOT NULL
);
CREATE INDEX entity_merges_by_to ON entity_merges (to_key);

CREATE TABLE entity_redirects (
  from_key text COLLATE "C" PRIMARY KEY,
  to_key   text COLLATE "C" NOT NULL
);
CREATE INDEX entity_redirects_by_to ON entity_redirects (to_key);
