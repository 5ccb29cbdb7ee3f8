-- 003: the corpus-wide entity index. Each article's entity layer (local entities, ids e1, e2, ...)
-- is linked to global entities by src/entities/resolve.ts; these tables hold the resolver's whole
-- state (ResolverState in src/entities/model.ts), so resolution continues incrementally in a new
-- process and can be rebuilt from the stored layers. The stored layers themselves are not changed:
-- entity_links (article_id, local_id) -> key is the one place that says which global entity a
-- local entity is, and it is kept current when entities merge.

-- One row. generation grows with every write to the index, so a process holding the resolver in
-- memory sees that another process wrote and reloads. stale = 1 when stored analyses changed since
-- the index was built (replaceAnalysis, or articles stored before this migration): rebuild it.
CREATE TABLE entity_state (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  generation INTEGER NOT NULL,
  stale      INTEGER NOT NULL
);
INSERT INTO entity_state (id, generation, stale) SELECT 1, 0, EXISTS (SELECT 1 FROM articles);

-- The articles given to the resolver, in the order of resolution (seq = articles.seq: ingest order).
CREATE TABLE entity_articles (
  seq          INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
  article_id   TEXT NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE,
  language     TEXT NOT NULL,
  published_at TEXT,
  story_id     TEXT
);

-- One row per global entity (merged-away keys are deleted and leave a redirect).
-- ord: order of creation (the resolver's own order, used when loading it back).
-- name, type, article_count, first_seen, last_seen: the public view (GlobalEntity), kept here so
-- listing needs no resolver. The rest is the EntityRow the resolver reloads; its name, mention-text
-- and role counts are JSON objects (in the resolver's order) so that an entity named again is one
-- row update, not a rewrite of its names.
CREATE TABLE entities (
  key            TEXT PRIMARY KEY,
  ord            INTEGER NOT NULL UNIQUE,
  name           TEXT NOT NULL,
  name_folded    TEXT NOT NULL,
  type           TEXT NOT NULL,
  source         TEXT NOT NULL,
  canonical_name TEXT,
  canonical_type TEXT,
  is_person      INTEGER NOT NULL,
  mention_count  INTEGER NOT NULL,
  article_count  INTEGER NOT NULL,
  first_seen     TEXT,
  last_seen      TEXT,
  types_json     TEXT NOT NULL,
  names_json     TEXT NOT NULL,
  surfaces_json  TEXT NOT NULL,
  roles_json     TEXT NOT NULL,
  genders_json   TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX entities_by_articles ON entities (article_count DESC, mention_count DESC, key);
CREATE INDEX entities_by_type ON entities (type, article_count DESC, mention_count DESC, key);

-- Every name an entity goes by, for finding it: kind 'name' for the cleaned names of the linked
-- local entities (what matching uses), 'surface' for the cleaned mention texts.
-- folded: foldName(text) of src/entities/normalise.ts. Rows are only added (and moved by merges).
CREATE TABLE entity_names (
  key    TEXT NOT NULL,
  kind   TEXT NOT NULL CHECK (kind IN ('name', 'surface')),
  text   TEXT NOT NULL,
  folded TEXT NOT NULL,
  PRIMARY KEY (key, kind, text)
) WITHOUT ROWID;
CREATE INDEX entity_names_by_folded ON entity_names (folded);

-- How each local entity was linked: its global key (current), the rule and the reason.
-- position: index of the link in its article (the order of the article's entity layer).
CREATE TABLE entity_links (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  local_id   TEXT NOT NULL,
  key        TEXT NOT NULL,
  name       TEXT NOT NULL,
  type       TEXT NOT NULL,
  rule       TEXT NOT NULL,
  reason     TEXT NOT NULL,
  position   INTEGER NOT NULL,
  PRIMARY KEY (article_id, local_id)
) WITHOUT ROWID;
CREATE INDEX entity_links_by_key ON entity_links (key);

-- Entities found to be one after both existed, in the order it happened (keys as at the merge).
CREATE TABLE entity_merges (
  seq        INTEGER PRIMARY KEY,
  from_key   TEXT NOT NULL,
  to_key     TEXT NOT NULL,
  article_id TEXT NOT NULL,
  reason     TEXT NOT NULL
);
CREATE INDEX entity_merges_by_to ON entity_merges (to_key);

-- Former key -> current key (always the current one: rewritten when the target merges on).
CREATE TABLE entity_redirects (
  from_key TEXT PRIMARY KEY,
  to_key   TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX entity_redirects_by_to ON entity_redirects (to_key);
