// The tables of followed sources (migration 007 in SQLite, 006 in PostgreSQL): the sources with
// their polling state, the items they listed (one row per canonical URL), and the syndicated copies
// found among stored articles. Storage only: polling, scheduling and what a copy is are src/sources'
// and src/pipeline's. Times are ISO 8601 strings (UTC).

export type SourceKind = 'auto' | 'feed' | 'sitemap' | 'list';
export type SourceItemStatus = 'pending' | 'stored' | 'duplicate' | 'failed' | 'skipped';

/** A followed source and its state. */
export interface SourceRow {
  id: number;
  url: string;
  /** 'auto' until the first successful poll tells what the document is. */
  kind: SourceKind;
  name: string | null;
  interval_seconds: number;
  added_at: string;
  next_due_at: string;
  last_polled_at: string | null;
  last_ok_at: string | null;
  etag: string | null;
  last_modified: string | null;
  /** Polls failed in a row (0 after a success). */
  failures: number;
  last_error: string | null;
  /** Distinct item URLs this source listed first. */
  items_seen: number;
  articles_added: number;
}

export interface NewSource {
  url: string;
  kind: SourceKind;
  name?: string | null;
  interval_seconds: number;
  added_at: string;
  next_due_at: string;
}

/** What a poll changes on a source. */
export type SourceUpdate = Partial<Omit<SourceRow, 'id' | 'url' | 'added_at' | 'items_seen' | 'articles_added'>> & {
  /** Added to items_seen / articles_added. */
  add_items_seen?: number;
  add_articles_added?: number;
};

/** An item URL a source listed, and what became of it. */
export interface SourceItemRow {
  url: string;
  source_id: number | null;
  first_seen_at: string;
  status: SourceItemStatus;
  attempts: number;
  fetched_at: string | null;
  article_id: string | null;
  error: string | null;
}

/** A stored article found to be a syndicated copy of an earlier one. */
export interface CopyRow {
  article_id: string;
  copy_of: string;
  similarity: number;
}

export interface SourceTables {
  /** False when the schema has no source tables (a SQLite store opened with older migrations). */
  readonly available: boolean;
  /** Adds a source; returns it. Throws StoreInputError when its URL is already followed. */
  add(source: NewSource): Promise<SourceRow>;
  /** Removes a source (its items stay, so their URLs are still known). False when there was none. */
  remove(idOrUrl: number | string): Promise<boolean>;
  get(idOrUrl: number | string): Promise<SourceRow | null>;
  /** Every source, by id. */
  list(): Promise<SourceRow[]>;
  /** Sources due at `now` (next_due_at <= now), soonest first. */
  due(now: string): Promise<SourceRow[]>;
  update(id: number, change: SourceUpdate): Promise<void>;

  /** The stored rows of these item URLs. */
  items(urls: readonly string[]): Promise<Map<string, SourceItemRow>>;
  /** Inserts items not yet known (others are left as they are); returns how many were new. */
  addItems(rows: readonly SourceItemRow[]): Promise<number>;
  updateItem(url: string, change: Partial<Omit<SourceItemRow, 'url' | 'source_id' | 'first_seen_at'>>): Promise<void>;
  /** Items of a source waiting to be fetched (pending, or failed fewer than `maxAttempts` times), oldest first. */
  itemsToFetch(sourceId: number, maxAttempts: number, limit: number): Promise<SourceItemRow[]>;

  /** Stores the MinHash band buckets of an article. */
  addBands(articleId: string, buckets: readonly string[]): Promise<void>;
  /** Articles sharing at least one band bucket with these (band index = position in the list). */
  bandMatches(buckets: readonly string[]): Promise<string[]>;
  addCopy(copy: CopyRow): Promise<void>;
  /** The copies recorded for these articles: as copy (article_id) or as original (copy_of). */
  copies(articleIds: readonly string[]): Promise<CopyRow[]>;
}
