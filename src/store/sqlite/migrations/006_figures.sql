-- 006: the figures layer is called figures everywhere (it was "quantities" in the code and the
-- schema). Stored analyses keep the former field name until re-analysed; rows.ts reads both.
ALTER TABLE quantities RENAME TO figures;
ALTER TABLE articles RENAME COLUMN n_quantities TO n_figures;
DROP INDEX quantities_by_counts_key;
CREATE INDEX figures_by_counts_key ON figures (counts_key) WHERE counts_key IS NOT NULL;
