-- 003: stories, events and storylines built incrementally (the PostgreSQL form of SQLite migration
-- 004; see the comments there and src/stories/README.md).

CREATE TABLE story_state (
  id         integer PRIMARY KEY CHECK (id = 1),
  generation bigint NOT NULL
);
INSERT INTO story_state (id, generation) VALUES (1, 0);

CREATE TABLE story_clusters (
  id         text COLLATE "C" PRIMARY KEY,
  level      text NOT NULL CHECK (level IN ('event', 'storyline')),
  parent     text COLLATE "C",
  size       integer NOT NULL,
  first_day  text COLLATE "C",
  last_day   text COLLATE "C",
  created    bigint NOT NULL,
  touched    bigint NOT NULL,
  -- JSON: {vec, norms, names, monthDays, languages}.
  state      text NOT NULL
);
CREATE INDEX story_clusters_by_parent ON story_clusters (parent) WHERE parent IS NOT NULL;
CREATE INDEX story_clusters_by_activity ON story_clusters (level, last_day DESC NULLS LAST, touched DESC);

CREATE TABLE story_articles (
  article_id   text COLLATE "C" PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  seq          bigint NOT NULL UNIQUE,
  event_id     text COLLATE "C" NOT NULL,
  storyline_id text COLLATE "C" NOT NULL,
  day          text,
  month_day    text,
  reason       text NOT NULL
);
CREATE INDEX story_articles_by_event ON story_articles (event_id, seq);
CREATE INDEX story_articles_by_storyline ON story_articles (storyline_id, seq);

CREATE TABLE story_postings (
  feature    text COLLATE "C" NOT NULL,
  level      text NOT NULL,
  cluster_id text COLLATE "C" NOT NULL,
  touched    bigint NOT NULL,
  PRIMARY KEY (feature, level, cluster_id)
);
CREATE INDEX story_postings_recent ON story_postings (feature, level, touched DESC);

CREATE TABLE story_df (
  feature text COLLATE "C" PRIMARY KEY,
  df      integer NOT NULL
);
