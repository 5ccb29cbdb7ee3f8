-- 002: fields added to the layers after 001 — what a figure counts as a language-independent key
-- (for comparing figures across articles and languages), the qualifier's offsets, and the end and
-- modifier of time ranges ("May 1 to May 5", "early April").

ALTER TABLE quantities ADD COLUMN counts_key TEXT;
ALTER TABLE quantities ADD COLUMN qualifier_start INTEGER;
ALTER TABLE quantities ADD COLUMN qualifier_end INTEGER;
CREATE INDEX quantities_by_counts_key ON quantities (counts_key) WHERE counts_key IS NOT NULL;

ALTER TABLE times ADD COLUMN value_end TEXT;
ALTER TABLE times ADD COLUMN mod TEXT;
