-- 008: name parts of the entities, so that resolving an article reads the few entities it can be
-- linked to instead of loading every entity first (src/corpus/entities/entity-index.ts, "over a
-- store"). Names and mention texts are found through entity_names; this table holds the other
-- parts the resolver looks people and organisations up by:
--   'first-last' the first and last word of the core of a person's full name ("donald trump"),
--   'surname'    each proper end part of a person's full name ("trump", "von der leyen"),
--   'core'       an organisation's name without its legal form or country ("intel", "t-mobile"),
--   'part'       the first or last words of an organisation's longer name ("saints", "new orleans"),
--   'acronym'    the initials of an organisation's longer name ("ampas"; only of entities tagged
--                an organisation, and of names with no word in capitals),
--   'last-name'  the spelling-tolerant key of the last word of a person's full name ("netaniahu"),
--   'spelling'   a non-person's name in the one English spelling when written in the other
--                ("world trade center" for "World Trade Centre"),
--   'typo'       the one-deletion variants of a person's surname of six letters or more
--                ("campell", "campbel", ... for "Campbell").
-- Rows are derived from the entities' names (the resolver's rules compute them); a merge deletes
-- the rows of the merged-away key. Entities stored before this migration get their rows the first
-- time a process resolves into the database (terms_ready = 0 until then).
CREATE TABLE entity_terms (
  kind TEXT NOT NULL CHECK (kind IN ('first-last', 'surname', 'core', 'part', 'acronym', 'last-name', 'spelling', 'typo')),
  term TEXT NOT NULL,
  key  TEXT NOT NULL,
  PRIMARY KEY (kind, term, key)
) WITHOUT ROWID;
CREATE INDEX entity_terms_by_key ON entity_terms (key);

ALTER TABLE entity_state ADD COLUMN terms_ready INTEGER NOT NULL DEFAULT 0;
UPDATE entity_state SET terms_ready = NOT EXISTS (SELECT 1 FROM entities);

-- What a search reads of every match, in an index of its own: the language, source and month
-- facets and the id that breaks ties in the ranking. Reading this narrow index instead of the wide
-- article rows took the facets of a word in 7,700 of 10,000 articles from 15 to 9 ms of CPU.
-- Search names it (INDEXED BY: the planner picks it only after ANALYZE).
CREATE INDEX articles_facets ON articles (seq, language, source, published_at, id);
