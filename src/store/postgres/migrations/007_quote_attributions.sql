-- 008: each quote row carries its attribution as the analysis gives it (issue 12): the finer kind
-- (direct / indirect / mixed / belief), the source as the text writes it and where, how the source
-- phrase was resolved to the speaker, the confidence, and which side of the quotes layer (rules or
-- model) found it. The speaker's global entity key is not stored here: it comes from the entity
-- index (entity_links), which is rebuilt when entities merge.
-- Rows stored before this version are filled from the analysis JSON each article keeps. Where that
-- analysis predates the attribution layer the fields stay NULL (the API says null) until
-- `dossier reanalyze` brings the article to the current analysis version.
ALTER TABLE quotes
  ADD COLUMN attribution_kind text,
  ADD COLUMN source_text text,
  ADD COLUMN source_start integer,
  ADD COLUMN source_end integer,
  ADD COLUMN speaker_via text,
  ADD COLUMN confidence double precision,
  ADD COLUMN found_by text;

UPDATE quotes AS q
SET attribution_kind = x.quote ->> 'attributionKind',
    source_text = x.quote ->> 'source',
    source_start = (x.quote ->> 'sourceStart')::integer,
    source_end = (x.quote ->> 'sourceEnd')::integer,
    speaker_via = x.quote -> 'speaker' ->> 'via',
    confidence = (x.quote ->> 'confidence')::double precision,
    found_by = x.quote ->> 'by'
FROM (
  SELECT a.id AS article_id, (j.n - 1)::integer AS idx, j.quote
  FROM articles AS a, jsonb_array_elements(a.analysis::jsonb -> 'quotes') WITH ORDINALITY AS j(quote, n)
  WHERE a.n_quotes > 0 AND jsonb_typeof(a.analysis::jsonb -> 'quotes') = 'array'
) AS x
WHERE x.article_id = q.article_id AND x.idx = q.idx;
