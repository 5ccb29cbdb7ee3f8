// What the store's methods take and give: the articles to store, filters, paging, and the results of
// lists, search, layer rows and the entity tables. The row shapes themselves are the API's (src/api).
import type { ArticleSummary, CooccurringEntity, EntitySummary, MentionRow, QuoteRow, SearchFacets, SearchHit } from '../api/index.ts';
import type { AnalyzedArticle, EntityType, Figure, Quote, RawArticle, TimeExpr } from '../types.ts';

/** One article to store: its raw input (kept verbatim for `reanalyze`) and its analysis. */
export interface IngestItem {
  /** Hex digest identifying the article's content; re-ingesting the same hash is a no-op. */
  contentHash: string;
  raw: RawArticle;
  /** `article.id` must be `contentHash.slice(0, 16)`; the store trusts it. */
  article: AnalyzedArticle;
}

export interface IngestResult {
  /** Articles stored by this call. */
  inserted: number;
  /** Items skipped because their content hash was already stored (or repeated in the batch). */
  duplicates: number;
  /** Ids of the newly stored articles, in batch order. */
  insertedIds: string[];
  /** One entry per batch item, in order: the article id (the existing one for duplicates). */
  items: { id: string; contentHash: string; status: 'inserted' | 'duplicate' }[];
}

/** Filters shared by list, search and the layer queries. All given filters must hold. */
export interface ArticleFilter {
  /** ISO 639-1 code(s). */
  language?: string | string[];
  /** Exact source (outlet) name(s). */
  source?: string | string[];
  /** Published on or after: an ISO date or prefix ("2024", "2024-05", "2024-05-01"). */
  from?: string;
  /** Published on or before, inclusive of the whole prefix: to "2024-05" includes 2024-05-31T23:59. */
  to?: string;
  /** Only these article ids (full 16-character ids). */
  ids?: string[];
  /** Only articles naming this global entity: its key ("per:benjamin-netanyahu"; former keys are followed). */
  entity?: string;
}

/** Paging: `limit` 1..1000 (default 20), `offset` ≥ 0 (default 0). */
export interface Page {
  limit?: number;
  offset?: number;
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 1000;

export interface ListResult {
  /** Number of articles matching the filter (all pages). */
  total: number;
  /** Ordered by publishedAt descending (undated last), then id. */
  items: ArticleSummary[];
}

/** Marks the start and end of a matched term in `SearchHit.snippet`. */
export const SNIPPET_OPEN = '[[';
export const SNIPPET_CLOSE = ']]';
/** Stands for cut text at either end of a snippet. */
export const SNIPPET_ELLIPSIS = '…';

export interface SearchResult {
  /** Matches over all pages. */
  total: number;
  /** Best first. */
  hits: SearchHit[];
  /** Counts over all matches (not just this page); by count descending, month chronologically. */
  facets: SearchFacets;
  /** Present when the language, source and month counts are estimates: scaled to `total` from this
   *  many matches picked at random (more than FACET_SAMPLE matches). */
  facetsFrom?: number;
  /** Present when the hits are ranked among only this many most recent matches (more than RANKED_MATCHES). */
  rankedFrom?: number;
}

export interface RowsResult<T> {
  total: number;
  /** Ordered by the article's publishedAt descending (undated last), article id, then the row's
   *  index in its layer (the analysis's order: text order for quotes, figures and times; entity by
   *  entity for mentions). */
  items: T[];
}

export interface QuoteFilter extends ArticleFilter, Page {
  /** Substring of the speaker's name; case and diacritics ignored. */
  speaker?: string;
  articleId?: string;
  kind?: Quote['kind'];
}

export interface FigureFilter extends ArticleFilter, Page {
  /** Substring of what the figure counts ("killed", "hostages"); case and diacritics ignored. */
  counts?: string;
  /** Exact language-independent key of what is counted (Figure.countsKey). */
  countsKey?: string;
  articleId?: string;
}

export interface TimeFilter extends ArticleFilter, Page {
  /** Prefix of the resolved ISO value: "2024" matches 2024, 2024-05 and 2024-05-01. */
  value?: string;
  granularity?: TimeExpr['granularity'];
  articleId?: string;
}

export interface MentionFilter extends ArticleFilter, Page {
  /** Substring of the entity name; case and diacritics ignored. */
  name?: string;
  type?: EntityType;
  articleId?: string;
}

/** The entity types, as in EntityType. */
export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** Filters and paging of the global entities. */
export interface EntityFilter extends Page {
  type?: EntityType;
  /** Substring of one of the entity's names (best name, names and mention texts); case and diacritics ignored. */
  name?: string;
}

export interface EntityListResult extends RowsResult<EntitySummary> {
  /** The stored analyses changed since the index was built (reanalysis, upgrade): `rebuildEntities` brings it up to date. */
  stale: boolean;
}

export interface EntityDetail extends EntitySummary {
  /** Keys of entities merged into this one (they still find it). */
  formerKeys: string[];
  /** Its mentions in every article (newest article first), keyed by this entity's key. */
  mentions: RowsResult<MentionRow>;
  /** Quotes whose speaker is this entity in any article. */
  quotes: RowsResult<QuoteRow>;
}

export interface EntityDetailOptions {
  mentions?: Page;
  quotes?: Page;
}

export interface EntityCooccurrence {
  /** The entity asked about (its current key). */
  key: string;
  /** Entities sharing at least one article with it (all pages). */
  total: number;
  /** Most shared articles first, then most articles overall, then key. */
  items: CooccurringEntity[];
  /** For every pair of entities in `items` named together anywhere in the corpus: the articles naming both (a < b). */
  edges: { a: string; b: string; sharedArticles: number }[];
}

export interface EntityRebuildResult {
  articles: number;
  entities: number;
  links: number;
  merges: number;
}
