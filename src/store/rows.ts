// Between the tables of a store and the Store's objects: the column lists and row shapes both stores
// share (the same column names in SQLite and PostgreSQL), and the converters.
import type { AnalyzedArticle, EntityType, Quote, RawArticle, TimeExpr } from '../types.ts';
import { foldForSearch } from '../text/fold.ts';
import { inflateRawSync } from 'node:zlib';
import type { ArticleSummary, FacetCount, FigureRow, LayerRowBase, MentionRow, QuoteRow, StoreStats, StoredArticle, TimeRow } from '../api/index.ts';
import { AmbiguousIdError, StoreError, StoreInputError } from './errors.ts';
import type { IngestItem, IngestResult } from './shapes.ts';

/** Columns of `articles a` that make an ArticleSummary. */
export const SUMMARY_COLUMNS =
  'a.id, a.title, a.source, a.language, a.language_supported, a.published_at, a.published_at_from, a.file, a.position, a.url, ' +
  'a.n_entities, a.n_mentions, a.n_quotes, a.n_figures, a.n_times';

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
  n_figures: number;
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
    counts: { entities: r.n_entities, mentions: r.n_mentions, quotes: r.n_quotes, figures: r.n_figures, times: r.n_times },
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
    n_figures: a.figures.length,
    n_times: a.times.length,
    title: a.title,
    dek: a.dek,
    text: a.text,
    // The text is stored once, in its own column; `get` puts it back.
    analysis: JSON.stringify({ ...a, text: '' }),
    analyzed_at: analyzedAt,
    analysis_version: a.analysisVersion ?? null,
  };
}

/** The rows of an article's layer tables, keyed by column (idx: the item's index in its layer). */
export interface LayerRecords {
  quotes: Record<string, unknown>[];
  figures: Record<string, unknown>[];
  times: Record<string, unknown>[];
  entity_mentions: Record<string, unknown>[];
}

export const LAYER_TABLES = ['quotes', 'figures', 'times', 'entity_mentions'] as const;

export function layerRecords(a: AnalyzedArticle): LayerRecords {
  const span = (x: { start: number; end: number; text: string }) => ({ span_start: x.start, span_end: x.end, span_text: x.text });
  const quotes = a.quotes.map((q, idx) => {
    const sp = q.speaker;
    return {
      article_id: a.id, idx, ...span(q), kind: q.kind,
      speaker_name: sp?.name ?? null, speaker_folded: sp ? foldForSearch(sp.name) : null, speaker_entity: sp?.entity ?? null,
      speaker_start: sp?.start ?? null, speaker_end: sp?.end ?? null,
      cue: q.cue ?? null, cue_start: q.cueStart ?? null, cue_end: q.cueEnd ?? null,
      attribution_kind: q.attributionKind ?? null, source_text: q.source ?? null, source_start: q.sourceStart ?? null, source_end: q.sourceEnd ?? null,
      speaker_via: sp?.via ?? null,
      confidence: q.confidence ?? null, found_by: q.by ?? null,
    };
  });
  const figures = a.figures.map((f, idx) => ({
    article_id: a.id, idx, ...span(f), value: f.value ?? null, value_max: f.valueMax ?? null, unit: f.unit ?? null,
    qualifier: f.qualifier ?? null, qualifier_start: f.qualifierStart ?? null, qualifier_end: f.qualifierEnd ?? null,
    counts: f.counts ?? null, counts_folded: f.counts ? foldForSearch(f.counts) : null, counts_key: f.countsKey ?? null,
  }));
  const times = a.times.map((t, idx) => ({
    article_id: a.id, idx, ...span(t), value: t.value ?? null, value_end: t.valueEnd ?? null, granularity: t.granularity,
    mod: t.mod ?? null, relative: t.relative === undefined ? null : t.relative ? 1 : 0,
  }));
  const entity_mentions: Record<string, unknown>[] = [];
  for (const e of a.entities) {
    const folded = foldForSearch(e.name);
    for (const m of e.mentions) {
      entity_mentions.push({
        article_id: a.id, idx: entity_mentions.length, entity_id: e.id, name: e.name, name_folded: folded, type: e.type,
        entity_key: e.key ?? null, ...span(m),
      });
    }
  }
  return { quotes, figures, times, entity_mentions };
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
  attribution_kind: NonNullable<Quote['attributionKind']> | null;
  source_text: string | null;
  source_start: number | null;
  source_end: number | null;
  speaker_via: NonNullable<NonNullable<Quote['speaker']>['via']> | null;
  confidence: number | null;
  found_by: NonNullable<Quote['by']> | null;
}

export function toQuoteRow(r: QuoteDbRow): QuoteRow {
  const q: QuoteRow = {
    ...base(r),
    kind: r.kind,
    // `?? null`: a schema from before the attribution columns (upgrade tests) has none.
    attributionKind: r.attribution_kind ?? null,
    speakerName: r.speaker_name,
    speakerEntity: r.speaker_entity,
    // The global key comes from the entity index, which the corpus keeps (`withSpeakerKeys`).
    speakerKey: null,
    speakerVia: r.speaker_via ?? null,
    sourceText: r.source_text ?? null,
    cue: r.cue,
    confidence: r.confidence ?? null,
    by: r.found_by ?? null,
  };
  if (r.speaker_start !== null) q.speakerStart = r.speaker_start;
  if (r.speaker_end !== null) q.speakerEnd = r.speaker_end;
  if (r.cue_start !== null) q.cueStart = r.cue_start;
  if (r.cue_end !== null) q.cueEnd = r.cue_end;
  if (r.source_start != null) q.sourceStart = r.source_start;
  if (r.source_end != null) q.sourceEnd = r.source_end;
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

/** Candidates listed for an ambiguous id prefix. */
export const MAX_ID_CANDIDATES = 10;

/**
 * How `get` looks an article up: by its full id, or by the range of ids (a prefix of at least 6
 * hex characters) or content hashes (a prefix longer than 16) starting with the key.
 */
export function articleLookup(idOrPrefix: string): { id: string } | { column: 'id' | 'content_hash'; from: string; to: string } {
  const key = /^[0-9A-Fa-f]+$/.test(idOrPrefix.trim()) ? idOrPrefix.trim().toLowerCase() : idOrPrefix.trim();
  if (key.length < 6) throw new StoreInputError(`an article id or id prefix needs at least 6 characters, got "${idOrPrefix}"`);
  if (key.length === 16) return { id: key };
  return { column: key.length < 16 ? 'id' : 'content_hash', from: key, to: key + '\u{10FFFF}' };
}

/** The one article among the (at most MAX_ID_CANDIDATES + 1) a prefix matched; null for none. */
export function onlyArticle(idOrPrefix: string, rows: { id: string; title: string | null }[]): string | null {
  if (rows.length === 0) return null;
  if (rows.length > 1) throw new AmbiguousIdError(idOrPrefix, rows.slice(0, MAX_ID_CANDIDATES), rows.length > MAX_ID_CANDIDATES);
  return rows[0].id;
}

export interface StoredDbRow {
  content_hash: string;
  ingested_at: string;
  analyzed_at: string;
  text: string;
  analysis: string | Uint8Array;
  rest: string;
}

/** A stored analysis (the `analysis` column): JSON text, or (SQLite) JSON deflated into a BLOB.
 *  Analyses stored before the layer was renamed hold the figures under their former name,
 *  `quantities`; they are read as `figures`. */
export function parseAnalysis(stored: string | Uint8Array): AnalyzedArticle {
  const json = typeof stored === 'string' ? stored : inflateRawSync(stored).toString('utf8');
  const doc = JSON.parse(json) as AnalyzedArticle & { quantities?: AnalyzedArticle['figures'] };
  if (doc.quantities !== undefined) {
    doc.figures ??= doc.quantities;
    delete doc.quantities;
  }
  return doc;
}

export function toStoredArticle(r: StoredDbRow): StoredArticle {
  const doc = parseAnalysis(r.analysis);
  doc.text = r.text;
  return { ...doc, ingestedAt: r.ingested_at, analyzedAt: r.analyzed_at, contentHash: r.content_hash, raw: JSON.parse(r.rest) as StoredArticle['raw'] };
}

/** A stored raw input (article_raw: raw, original or NULL when equal, the rest as JSON). */
export function toRawArticle(r: { raw: string; original: string | null; rest: string }): RawArticle {
  return { ...JSON.parse(r.rest), raw: r.raw, original: r.original ?? r.raw } as RawArticle;
}

/** The article_raw columns of a raw input; `original` is null when it equals `raw` (plain text: stored once). */
export function rawColumns(raw: RawArticle): { raw: string; original: string | null; rest: string } {
  const { raw: text, original, ...rest } = raw;
  return { raw: text, original: original === text ? null : original, rest: JSON.stringify(rest) };
}

/** The error of a batch item that could not be stored (the batch is rolled back). */
export function itemError(item: IngestItem, index: number, count: number, err: unknown): StoreError {
  const where = `${item.raw?.file ?? '?'}${item.raw?.position !== undefined ? `:${item.raw.position}` : ''}`;
  return new StoreError(
    `could not store item ${index + 1} of ${count} (${where}, id ${item.article?.id}): ${(err as Error).message}; the whole batch was rolled back`,
    { cause: err },
  );
}

/** True when what entity resolution read of an article (language, date, entity layer as JSON) changed. */
export function entityInputChanged(before: { language: string; published_at: string | null; entities: string | null }, after: AnalyzedArticle): boolean {
  const inputs = (x: { language: string; published_at: string | null; entities: string | null }) => JSON.stringify([x.language, x.published_at, x.entities]);
  return inputs(before) !== inputs({ language: after.language, published_at: after.publishedAt, entities: JSON.stringify(after.entities) });
}

/** The totals row of `stats` (count, dates and layer sums over articles). */
export interface TotalsRow {
  articles: number;
  first: string | null;
  last: string | null;
  undated: number;
  entities: number;
  mentions: number;
  quotes: number;
  figures: number;
  times: number;
}

export function toStats(
  t: TotalsRow,
  byLanguage: FacetCount[],
  bySource: FacetCount[],
  sizeBytes: number,
  schemaVersion: number,
  analysisVersions: StoreStats['analysisVersions'],
): StoreStats {
  return {
    articles: t.articles,
    analysisVersions,
    byLanguage,
    bySource,
    dateRange: { from: t.first, to: t.last },
    undated: t.undated,
    counts: { entities: t.entities, mentions: t.mentions, quotes: t.quotes, figures: t.figures, times: t.times },
    sizeBytes,
    schemaVersion,
  };
}

/** The `articles` columns of a new article (named as the columns). */
export function articleColumns({ contentHash, raw, article }: IngestItem, now: string) {
  return { ...analysisParams(article, now), id: article.id, content_hash: contentHash, ingested_at: now, position: raw.position ?? null, format: raw.format };
}

/** The result of an ingest batch as it is built, item by item; knows the ids of the hashes stored so far. */
export class IngestTally {
  readonly result: IngestResult = { inserted: 0, duplicates: 0, insertedIds: [], items: [] };
  /** Content hash -> article id, for hashes stored before or earlier in the batch. */
  readonly stored = new Map<string, string>();

  duplicate(contentHash: string, id: string): void {
    this.stored.set(contentHash, id);
    this.result.duplicates++;
    this.result.items.push({ id, contentHash, status: 'duplicate' });
  }

  inserted(item: IngestItem): void {
    this.stored.set(item.contentHash, item.article.id);
    this.result.inserted++;
    this.result.insertedIds.push(item.article.id);
    this.result.items.push({ id: item.article.id, contentHash: item.contentHash, status: 'inserted' });
  }
}
