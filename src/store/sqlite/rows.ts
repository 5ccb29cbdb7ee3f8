// Between the SQLite tables and the Store's objects: column lists, row types and converters.
import type { AnalyzedArticle, EntityType, Quote, TimeExpr } from '../../types.ts';
import type { ArticleSummary, FigureRow, LayerRowBase, MentionRow, QuoteRow, TimeRow } from '../store.ts';

/** Columns of `articles a` that make an ArticleSummary. */
export const SUMMARY_COLUMNS =
  'a.id, a.title, a.source, a.language, a.language_supported, a.published_at, a.published_at_from, a.file, a.position, a.url, ' +
  'a.n_entities, a.n_mentions, a.n_quotes, a.n_quantities, a.n_times';

export interface SummaryRow {
  id: string;
  title: string | null;
  source: string | null;
  language: string;
  language_supported: number;
  published_at: string | null;
  published_at_from: ArticleSummary['publishedAtFrom'];
  file: string;
  position: number | null;
  url: string | null;
  n_entities: number;
  n_mentions: number;
  n_quotes: number;
  n_quantities: number;
  n_times: number;
}

export function toSummary(r: SummaryRow): ArticleSummary {
  const s: ArticleSummary = {
    id: r.id,
    title: r.title,
    source: r.source,
    language: r.language,
    languageSupported: r.language_supported === 1,
    publishedAt: r.published_at,
    publishedAtFrom: r.published_at_from,
    file: r.file,
    url: r.url,
    counts: { entities: r.n_entities, mentions: r.n_mentions, quotes: r.n_quotes, quantities: r.n_quantities, times: r.n_times },
  };
  if (r.position !== null) s.position = r.position;
  return s;
}

/** The per-article columns written on ingest and on replaceAnalysis (named parameters). */
export function analysisParams(a: AnalyzedArticle, analyzedAt: string) {
  return {
    file: a.file,
    language: a.language,
    language_supported: a.languageSupported ? 1 : 0,
    published_at: a.publishedAt,
    published_at_from: a.publishedAtFrom,
    source: a.source,
    url: a.url,
    n_entities: a.entities.length,
    n_mentions: a.entities.reduce((n, e) => n + e.mentions.length, 0),
    n_quotes: a.quotes.length,
    n_quantities: a.quantities.length,
    n_times: a.times.length,
    title: a.title,
    dek: a.dek,
    text: a.text,
    // The text is stored once, in its own column; `get` puts it back.
    analysis: JSON.stringify({ ...a, text: '' }),
    analyzed_at: analyzedAt,
  };
}

/** Columns of the article that layer rows carry. */
export const LAYER_ARTICLE_COLUMNS = 'a.id AS article_id, a.title, a.source, a.language, a.published_at';

interface LayerBaseRow {
  article_id: string;
  title: string | null;
  source: string | null;
  language: string;
  published_at: string | null;
  span_start: number;
  span_end: number;
  span_text: string;
}

function base(r: LayerBaseRow): LayerRowBase {
  return {
    articleId: r.article_id,
    title: r.title,
    source: r.source,
    language: r.language,
    publishedAt: r.published_at,
    start: r.span_start,
    end: r.span_end,
    text: r.span_text,
  };
}

export interface QuoteDbRow extends LayerBaseRow {
  kind: Quote['kind'];
  speaker_name: string | null;
  speaker_entity: string | null;
  speaker_start: number | null;
  speaker_end: number | null;
  cue: string | null;
  cue_start: number | null;
  cue_end: number | null;
}

export function toQuoteRow(r: QuoteDbRow): QuoteRow {
  const q: QuoteRow = { ...base(r), kind: r.kind, speakerName: r.speaker_name, speakerEntity: r.speaker_entity, cue: r.cue };
  if (r.speaker_start !== null) q.speakerStart = r.speaker_start;
  if (r.speaker_end !== null) q.speakerEnd = r.speaker_end;
  if (r.cue_start !== null) q.cueStart = r.cue_start;
  if (r.cue_end !== null) q.cueEnd = r.cue_end;
  return q;
}

export interface FigureDbRow extends LayerBaseRow {
  value: number | null;
  value_max: number | null;
  unit: string | null;
  qualifier: string | null;
  qualifier_start: number | null;
  qualifier_end: number | null;
  counts: string | null;
  counts_key: string | null;
}

export function toFigureRow(r: FigureDbRow): FigureRow {
  const f: FigureRow = { ...base(r), value: r.value, unit: r.unit, qualifier: r.qualifier, counts: r.counts };
  if (r.value_max !== null) f.valueMax = r.value_max;
  if (r.qualifier_start !== null) f.qualifierStart = r.qualifier_start;
  if (r.qualifier_end !== null) f.qualifierEnd = r.qualifier_end;
  if (r.counts_key !== null) f.countsKey = r.counts_key;
  return f;
}

export interface TimeDbRow extends LayerBaseRow {
  value: string | null;
  value_end: string | null;
  granularity: TimeExpr['granularity'];
  mod: TimeExpr['mod'] | null;
  relative: number | null;
}

export function toTimeRow(r: TimeDbRow): TimeRow {
  const t: TimeRow = { ...base(r), value: r.value, granularity: r.granularity };
  if (r.value_end !== null) t.valueEnd = r.value_end;
  if (r.mod !== null) t.mod = r.mod;
  if (r.relative !== null) t.relative = r.relative === 1;
  return t;
}

export interface MentionDbRow extends LayerBaseRow {
  entity_id: string;
  name: string;
  type: EntityType;
  entity_key: string | null;
}

export function toMentionRow(r: MentionDbRow): MentionRow {
  const m: MentionRow = { ...base(r), entityId: r.entity_id, name: r.name, type: r.type };
  if (r.entity_key !== null) m.key = r.entity_key;
  return m;
}
