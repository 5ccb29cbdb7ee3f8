-- 009: each quote row carries its attribution as the analysis gives it (issue 12): the finer kind
-- (direct / indirect / mixed / belief), the source as the text writes it and where, how the source
-- phrase was resolved to the speaker, the confidence, and which side of the quotes layer (rules or
-- model) found it. The speaker's global entity key is not stored here: it comes from the entity
-- index (entity_links), which is rebuilt when entities merge.
-- Rows stored before this version are filled from the analysis JSON each article keeps. Where that
-- analysis predates the attribution layer the fields stay NULL (the API says null) until
-- `dossier reanalyze` brings the article to the current analysis version.
ALTER TABLE quotes ADD COLUMN attribution_kind TEXT;
ALTER TABLE quotes ADD COLUMN source_text TEXT;
ALTER TABLE quotes ADD COLUMN source_start INTEGER;
ALTER TABLE quotes ADD COLUMN source_end INTEGER;
ALTER TABLE quotes ADD COLUMN speaker_via TEXT;
ALTER TABLE quotes ADD COLUMN confidence REAL;
ALTER TABLE quotes ADD COLUMN found_by TEXT;

UPDATE quotes AS q
SET attribution_kind = json_extract(x.quote, '$.attributionKind'),
    source_text = json_extract(x.quote, '$.source'),
    source_start = json_extract(x.quote, '$.sourceStart'),
    source_end = json_extract(x.quote, '$.sourceEnd'),
    speaker_via = json_extract(x.quote, '$.speaker.via'),
    confidence = json_extract(x.quote, '$.confidence'),
    found_by = json_extract(x.quote, '$.by')
FROM (
  SELECT a.id AS article_id, CAST(j.key AS INTEGER) AS idx, j.value AS quote
  FROM articles AS a, json_each(a.analysis, '$.quotes') AS j
  -- Only analyses kept as JSON text: one stored compressed (a BLOB) cannot be read by SQL; its rows
  -- stay NULL until `dossier reanalyze`, like those of an analysis older than the attribution layer.
  WHERE a.n_quotes > 0 AND typeof(a.analysis) = 'text'
) AS x
WHERE x.article_id = q.article_id AND x.idx = q.idx;
