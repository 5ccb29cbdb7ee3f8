-- 005: the figures layer is called figures everywhere (it was "quantities" in the code and the
-- schema). Stored analyses keep the former field name until re-analysed; rows.ts reads both.
ALTER TABLE quantities RENAME TO figures;
ALTER TABLE articles RENAME COLUMN n_quantities TO n_figures;
ALTER INDEX quantities_by_counts_key RENAME TO figures_by_counts_key;
