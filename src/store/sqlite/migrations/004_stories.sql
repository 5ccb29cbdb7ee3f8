-- 004: stories — events and storylines built incrementally from the articles (src/stories/README.md).
-- Clusters keep their state (feature vector, names, languages) as JSON; the inverted index
-- (story_postings) and the document frequencies (story_df) make placing one article a bounded
-- number of key lookups, however large the corpus.

-- One row. generation grows with every write to the story tables, so a process that keeps document
-- frequencies and cluster states in memory sees that another process wrote and reloads them.
CREATE TABLE story_state (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  generation INTEGER NOT NULL
);
INSERT INTO story_state (id, generation) VALUES (1, 0);

CREATE TABLE story_clusters (
  -- 'e-<12 hex>' for an event, 's-<12 hex>' for a storyline: from the article that started it.
  id         TEXT PRIMARY KEY,
  level      TEXT NOT NULL CHECK (level IN ('event', 'storyline')),
  -- An event's storyline; NULL for a storyline.
  parent     TEXT,
  size       INTEGER NOT NULL,
  first_day  TEXT,
  last_day   TEXT,
  -- Sequence numbers (story_articles.seq) of the article that started it and of the last one added.
  created    INTEGER NOT NULL,
  touched    INTEGER NOT NULL,
  -- JSON: {vec, names, monthDays, languages}.
  state      TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX story_clusters_by_parent ON story_clusters (parent) WHERE parent IS NOT NULL;
CREATE INDEX story_clusters_by_activity ON story_clusters (level, last_day DESC, touched DESC);

-- Each placed article: its event and storyline, in placement order (seq), with the evidence for it.
CREATE TABLE story_articles (
  article_id   TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  seq          INTEGER NOT NULL UNIQUE,
  event_id     TEXT NOT NULL,
  storyline_id TEXT NOT NULL,
  day          TEXT,
  month_day    TEXT,
  -- JSON: the channels (entities, words, figures, dates) of the event and storyline joined or closest.
  reason       TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX story_articles_by_event ON story_articles (event_id, seq);
CREATE INDEX story_articles_by_storyline ON story_articles (storyline_id, seq);

-- Inverted index: feature -> clusters found under it; lookups read the most recent few.
CREATE TABLE story_postings (
  feature    TEXT NOT NULL,
  level      TEXT NOT NULL,
  cluster_id TEXT NOT NULL,
  touched    INTEGER NOT NULL,
  PRIMARY KEY (feature, level, cluster_id)
) WITHOUT ROWID;
CREATE INDEX story_postings_recent ON story_postings (feature, level, touched DESC);

-- Document frequency of every feature over the placed articles.
CREATE TABLE story_df (
  feature TEXT PRIMARY KEY,
  df      INTEGER NOT NULL
) WITHOUT ROWID;
