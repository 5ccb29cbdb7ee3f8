-- 006: followed sources (feeds, sitemaps, URL lists) with their polling state, the items they
-- listed (one row per canonical URL: what became of it), and syndicated copies (near-duplicate
-- articles, the same wire story on several sites) found by MinHash bands over the cleaned text.
-- Times are ISO 8601 strings (UTC).
CREATE TABLE sources (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('auto', 'feed', 'sitemap', 'list')),
  name TEXT,
  interval_seconds INTEGER NOT NULL,
  added_at TEXT NOT NULL,
  next_due_at text COLLATE "C" NOT NULL,
  last_polled_at TEXT,
  last_ok_at TEXT,
  etag TEXT,
  last_modified TEXT,
  failures INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  items_seen INTEGER NOT NULL DEFAULT 0,
  articles_added INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sources_by_due ON sources (next_due_at);

CREATE TABLE source_items (
  url TEXT PRIMARY KEY,
  source_id bigint REFERENCES sources (id) ON DELETE SET NULL,
  first_seen_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'stored', 'duplicate', 'failed', 'skipped')),
  attempts INTEGER NOT NULL DEFAULT 0,
  fetched_at TEXT,
  article_id TEXT,
  error TEXT
);
CREATE INDEX source_items_by_source ON source_items (source_id, status);

CREATE TABLE copy_bands (
  band INTEGER NOT NULL,
  bucket TEXT NOT NULL,
  article_id TEXT NOT NULL,
  PRIMARY KEY (band, bucket, article_id)
);
CREATE INDEX copy_bands_by_article ON copy_bands (article_id);

CREATE TABLE article_copies (
  article_id TEXT PRIMARY KEY,
  copy_of TEXT NOT NULL,
  similarity double precision NOT NULL
);
CREATE INDEX article_copies_by_original ON article_copies (copy_of);
