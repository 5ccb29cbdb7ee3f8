// The storage contract. Every implementation (SQLite now, PostgreSQL later) passes the same contract
// suite (test/store/contract.ts). Methods return Promises so a networked implementation can exist;
// the SQLite one does its work synchronously inside them.
import type { ArticleFilter, FigureFilter, IngestItem, IngestResult, ListResult, MentionFilter, Page, QuoteFilter, RowsResult, SearchResult, TimeFilter } from './shapes.ts';
import type { EntityReads, EntityTables } from './entity-tables.ts';
import type { StoryReads, StoryTables } from './story-tables.ts';
import type { SourceTables } from './source-tables.ts';
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
export * from './shapes.ts';
export * from './errors.ts';
export type * from './source-tables.ts';

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
  /** Followed sources with their polling state, the items they listed, and syndicated copies. */
  readonly sources: SourceTables;
  /**
   * Runs `fn` in one write transaction: committed when its promise resolves, rolled back when it
   * rejects. Writers of the same `lock` (in every process) wait for each other; `fn` should await
   * only the given tables (see docs/decisions.md, "Corpus stages over the store").
   */
  write<T>(lock: WriteLock, fn: (tables: WriteTables) => Promise<T>): Promise<T>;
  /** A value that changes whenever a write commits, in this process or another: what read caches
   *  (the server's response cache) are checked against. Optional: without it nothing is cached. */
  changeToken?(): Promise<string>;
  close(): Promise<void>;
}

/** What a write transaction serialises on: storing articles (and their entity links), or placing them in stories. */
export type WriteLock = 'ingest' | 'stories';

/** The tables a write transaction reads and writes. */
export interface WriteTables {
  readonly stories: StoryTables;
  readonly entities: EntityTables;
}
