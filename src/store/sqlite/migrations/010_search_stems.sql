-- 010: search by stem (src/store/stems.ts). The full-text index keeps the words as written; this
-- table holds each distinct word of the articles with its stem in the article's language, so a
-- query word finds the other forms of it ("elections" -> "election", "négociations" ->
-- "négociation") as an OR of exact words, and phrases stay exact.
--   lang  the article's language (only languages with a stemmer have rows),
--   stem  the word's Snowball stem, folded as the index folds words ("negoci"),
--   word  the word as indexed: folded ("negociations").
-- Rows are only ever added (a word no article holds any more matches nothing).
CREATE TABLE search_stems (
  lang TEXT NOT NULL,
  stem TEXT NOT NULL,
  word TEXT NOT NULL,
  PRIMARY KEY (lang, stem, word)
) WITHOUT ROWID;

-- Articles stored before this migration get their rows once, the first time a process opens the
-- database (the stems are computed in JavaScript, not in SQL): ready = 0 until then.
CREATE TABLE search_stems_state (ready INTEGER NOT NULL);
INSERT INTO search_stems_state (ready) VALUES (NOT EXISTS (SELECT 1 FROM articles));
