// The storage contract. Every implementation (SQLite now, PostgreSQL later) passes the same contract
// suite (test/store/contract.ts). Methods return Promises so a networked implementation can exist;
// the SQLite one does its work synchronously inside them.
import type { EntitySource } from './entity-records.ts';
import type { EntityReads, EntityTables } from './entity-tables.ts';
import type { StoryReads, StoryTables } from './story-tables.ts';
import type { AnalyzedArticle, EntityType, Quote, RawArticle, TimeExpr } from '../types.ts';
import type { ArticleSummary, CooccurringEntity, EntitySummary, MentionRow, QuoteRow, FigureRow, SearchFacets, SearchHit, StoredArticle, StoreStats, TimeRow } from '../api/index.ts';

// The shapes the API returns are declared once, in src/api (schemas and types).
export type {
  ArticleSummary,
  CooccurringEntity,
  EntityFacetCount,
  EntitySummary,
  FacetCount,
  FigureRow,
  LayerCounts,
  LayerRowBase,
  MentionRow,
  QuoteRow,
  SearchFacets,
  SearchHit,
  StoredArticle,
  StoreStats,
  TimeRow,
} from '../api/index.ts';

export { QueryError } from './query.ts';

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

/** A corpus stage that runs on each article an ingest stores, in the ingest's transaction (the entity index). */
export interface IngestStage {
  /** Starts the stage inside the transaction. */
  begin(tables: WriteTables): Promise<{
    /** After each stored article (its `articles.seq`); an error fails the batch and names the item. */
    stored(article: AnalyzedArticle, seq: number): Promise<void>;
    /** After the last one. */
    finish(): Promise<void>;
  }>;
  /** The transaction was rolled back. */
  abort(): void;
}

export interface Store {
  /**
   * Stores a batch in one transaction (under the 'ingest' lock); all or nothing. Items whose content
   * hash is stored are skipped. `stage` runs on each stored article in the same transaction.
   */
  ingest(batch: IngestItem[], stage?: IngestStage): Promise<IngestResult>;
  /** Which of these content hashes are already stored (ingest skips analysing those articles). */
  storedHashes(hashes: readonly string[]): Promise<Set<string>>;
  /** By full id, unique id prefix (≥ 6 hex characters) or content-hash prefix (> 16 characters). */
  get(idOrPrefix: string): Promise<StoredArticle | null>;
  list(filter?: ArticleFilter & Page): Promise<ListResult>;
  /** Full-text search; `query` uses the syntax of ./query.ts and throws QueryError when malformed. */
  search(query: string, opts?: ArticleFilter & Page): Promise<SearchResult>;
  /** Every stored raw input in ingest order. Safe to call replaceAnalysis while iterating. */
  allRaw(): AsyncIterable<{ id: string; raw: RawArticle }>;
  /** Replaces every layer of a stored article in one transaction (raw input and ingestedAt kept). */
  replaceAnalysis(id: string, article: AnalyzedArticle): Promise<void>;
  quotes(filter?: QuoteFilter): Promise<RowsResult<QuoteRow>>;
  figures(filter?: FigureFilter): Promise<RowsResult<FigureRow>>;
  times(filter?: TimeFilter): Promise<RowsResult<TimeRow>>;
  entityMentions(filter?: MentionFilter): Promise<RowsResult<MentionRow>>;
  stats(): Promise<StoreStats>;
  /** The entity tables, as the entity views read them (resolving writes them inside `ingest` and `write`). */
  readonly entityIndex: EntityReads;
  /** The story tables, as the story views read them (placing writes them inside `write`). */
  readonly stories: StoryReads;
  /**
   * Runs `fn` in one write transaction: committed when its promise resolves, rolled back when it
   * rejects. Writers of the same `lock` (in every process) wait for each other; `fn` should await
   * only the given tables (see docs/decisions.md, "Corpus stages over the store").
   */
  write<T>(lock: WriteLock, fn: (tables: WriteTables) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** What a write transaction serialises on: storing articles (and their entity links), or placing them in stories. */
export type WriteLock = 'ingest' | 'stories';

/** The tables a write transaction reads and writes. */
export interface WriteTables {
  readonly stories: StoryTables;
  readonly entities: EntityTables;
}

/** A storage failure described for the user (the underlying driver error is kept as `cause`). */
export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/** The caller asked for something malformed (bad id prefix, bad filter or page): HTTP 400. */
export class StoreInputError extends StoreError {
  readonly statusCode = 400;
  constructor(message: string) {
    super(message);
    this.name = 'StoreInputError';
  }
}

/** An id prefix that matches several articles. */
export class AmbiguousIdError extends StoreInputError {
  /** `candidates` lists at most 10 of the matches; `more` says there are others. */
  constructor(
    public prefix: string,
    public candidates: { id: string; title: string | null }[],
    public more = false,
  ) {
    super(
      `id prefix "${prefix}" is ambiguous; it matches ${more ? 'more than ' : ''}${candidates.length} articles: ` +
        candidates.map((c) => `${c.id} (${c.title ?? 'untitled'})`).join(', ') +
        '. Give more characters of the id.',
    );
    this.name = 'AmbiguousIdError';
  }
}

/** A name that fits several global entities; the caller should ask again with one of their keys. */
export class AmbiguousEntityError extends StoreInputError {
  constructor(
    public query: string,
    public candidates: Pick<EntitySummary, 'key' | 'name' | 'type' | 'articleCount' | 'mentionCount'>[],
  ) {
    super(
      `"${query}" names ${candidates.length} entities: ` +
        candidates.map((c) => `${c.key} (${c.name}, ${c.type}, ${c.articleCount} article${c.articleCount === 1 ? '' : 's'})`).join(', ') +
        '. Ask again with the key of the one you mean.',
    );
    this.name = 'AmbiguousEntityError';
  }
}
