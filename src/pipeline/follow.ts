// Following sources: poll the feeds, sitemaps and URL lists of the store when they are due, fetch
// each new item's page (src/fetch: politely), read it with the HTML reader and ingest it through the
// one pipeline (ingest.ts). Items are deduplicated on their canonical URL (the listed one and the
// one the page names) before fetching and storing, and on the text hash by the ingest itself;
// stored articles that are syndicated copies of earlier ones are linked to them. A source that
// fails keeps its error and is retried later with backoff (src/sources/schedule.ts).
import { articleId, contentHash } from '../analyze.ts';
import { decodeBody, FetchError, type Fetcher } from '../fetch/index.ts';
import { htmlToArticle } from '../readers/index.ts';
import {
  COPY_SIMILARITY,
  DEFAULT_INTERVAL_SECONDS,
  DocumentError,
  bandBuckets,
  canonicalUrl,
  jaccard,
  nextDue,
  pageCanonical,
  readSourceDocument,
  shingles,
  type ListedItem,
} from '../sources/index.ts';
import type { SourceItemRow, SourceKind, SourceRow, Store } from '../store/store.ts';
import { StoreInputError } from '../store/store.ts';
import { InputError, type RawArticle } from '../types.ts';
import { ingestStream, type IngestOptions } from './ingest.ts';

export interface FollowOptions extends Omit<IngestOptions, 'onProgress' | 'onSkip' | 'stdin'> {
  fetcher: Fetcher;
  /** Item pages fetched per source and poll (default 50); the rest wait for the next poll. */
  maxItemsPerPoll?: number;
  /** Attempts at an item page before it is given up (default 3). */
  maxItemAttempts?: number;
  /** Child sitemaps read from a sitemap index per poll (default 20). */
  maxSitemaps?: number;
  /** Told of each poll as it ends. */
  onPoll?: (report: PollReport) => void;
}

export interface PollReport {
  source: string;
  ok: boolean;
  /** Why the poll failed (the source stays, and is retried at next_due_at). */
  error?: string;
  /** The source answered 304 Not Modified. */
  notModified: boolean;
  kind: SourceKind;
  /** Items the document listed; of them not seen before. */
  listed: number;
  newItems: number;
  /** Item pages fetched, and what became of them. */
  fetched: number;
  stored: number;
  duplicates: number;
  copies: number;
  failed: { url: string; reason: string }[];
  nextDueAt: string;
}

export interface AddSourceOptions {
  kind?: SourceKind;
  name?: string | null;
  intervalSeconds?: number;
  now?: number;
}

/** Adds a source to follow; due at once. Throws StoreInputError for a URL that is not http(s) or is already followed. */
export async function addSource(store: Store, url: string, opts: AddSourceOptions = {}): Promise<SourceRow> {
  let canonical: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http');
    canonical = u.href;
  } catch {
    throw new StoreInputError(`not an http(s) URL: ${url}`);
  }
  const now = new Date(opts.now ?? Date.now()).toISOString();
  return store.sources.add({
    url: canonical,
    kind: opts.kind ?? 'auto',
    name: opts.name ?? null,
    interval_seconds: opts.intervalSeconds ?? DEFAULT_INTERVAL_SECONDS,
    added_at: now,
    next_due_at: now,
  });
}

/** Polls every source due now; returns what each poll did. */
export async function pollDue(store: Store, opts: FollowOptions): Promise<PollReport[]> {
  const due = await store.sources.due(new Date(opts.fetcher.clock.now()).toISOString());
  // Sources on different hosts are polled side by side; the fetcher keeps each host to its pace.
  return Promise.all(due.map((s) => pollSource(store, s, opts)));
}

/** Wakes a sleeping `watchSources` loop (a source was added): it polls what is due at once. */
export class WatchWaker {
  private listener: (() => void) | undefined;
  wake(): void {
    this.listener?.();
  }
  /** For the loop: `fn` runs at the next wake (and replaces any earlier one). */
  onWake(fn: (() => void) | undefined): void {
    this.listener = fn;
  }
}

/**
 * Polls sources until `signal` aborts: each when it is due, sleeping in between (at most
 * `maxSleepMs`, so sources added meanwhile by another process are seen; `waker` ends a sleep at once).
 */
export async function watchSources(store: Store, opts: FollowOptions & { signal?: AbortSignal; maxSleepMs?: number; waker?: WatchWaker }): Promise<void> {
  const clock = opts.fetcher.clock;
  while (!opts.signal?.aborted) {
    await pollDue(store, opts);
    const sources = await store.sources.list();
    const soonest = Math.min(...sources.map((s) => Date.parse(s.next_due_at)), Infinity);
    const wait = Math.max(1000, Math.min(opts.maxSleepMs ?? 60_000, soonest - clock.now()));
    const nap = new AbortController();
    const stop = () => nap.abort();
    opts.signal?.addEventListener('abort', stop, { once: true });
    opts.waker?.onWake(stop);
    try {
      await clock.sleep(wait, nap.signal);
    } catch {
      // woken, or stopped
    } finally {
      opts.signal?.removeEventListener('abort', stop);
      opts.waker?.onWake(undefined);
    }
  }
}

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/plain;q=0.8, */*;q=0.5';
const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

/** Polls one source now: its document, then the pages of its new items; updates its state. */
export async function pollSource(store: Store, source: SourceRow, opts: FollowOptions): Promise<PollReport> {
  const { fetcher } = opts;
  const started = fetcher.clock.now();
  const polledAt = new Date(started).toISOString();
  const report: PollReport = { source: source.url, ok: false, notModified: false, kind: source.kind, listed: 0, newItems: 0, fetched: 0, stored: 0, duplicates: 0, copies: 0, failed: [], nextDueAt: '' };

  const failPoll = async (reason: string): Promise<PollReport> => {
    const failures = source.failures + 1;
    report.error = reason;
    report.nextDueAt = nextDue(fetcher.clock.now(), source.interval_seconds, failures);
    await store.sources.update(source.id, { last_polled_at: polledAt, failures, last_error: reason, next_due_at: report.nextDueAt });
    opts.onPoll?.(report);
    return report;
  };

  let listed: ListedItem[] = [];
  let docTitle: string | undefined;
  let validators: { etag: string | null; last_modified: string | null } = { etag: source.etag, last_modified: source.last_modified };
  try {
    const res = await fetcher.get(source.url, { etag: source.etag, lastModified: source.last_modified, accept: FEED_ACCEPT });
    if (res.notModified) {
      report.notModified = true;
    } else {
      validators = { etag: res.etag, last_modified: res.lastModified };
      const doc = readSourceDocument(decodeBody(res.body, res.contentType).text, res.finalUrl, res.contentType);
      if (doc.kind === 'sitemap-index') {
        if (source.kind !== 'auto' && source.kind !== 'sitemap') return await failPoll(`added as a ${source.kind}, but the document is a sitemap index`);
        report.kind = 'sitemap';
        const errors: string[] = [];
        for (const child of doc.sitemaps.slice(0, opts.maxSitemaps ?? 20)) {
          try {
            const c = await fetcher.get(child, { accept: FEED_ACCEPT });
            const sub = readSourceDocument(decodeBody(c.body, c.contentType).text, c.finalUrl, c.contentType);
            if (sub.kind === 'sitemap') listed.push(...sub.items);
            else errors.push(`${child}: a sitemap index lists a ${sub.kind === 'sitemap-index' ? 'nested sitemap index (not followed)' : sub.kind}`);
          } catch (e) {
            if (!(e instanceof FetchError || e instanceof DocumentError)) throw e;
            errors.push(`${child}: ${e.message}`);
          }
        }
        if (listed.length === 0 && errors.length > 0) return await failPoll(`every sitemap of the index failed (${errors[0]}${errors.length > 1 ? `; and ${errors.length - 1} more` : ''})`);
      } else {
        if (source.kind !== 'auto' && source.kind !== doc.kind) return await failPoll(`added as a ${source.kind}, but the document is a ${doc.kind === 'list' ? 'URL list' : doc.kind}`);
        report.kind = doc.kind;
        listed = doc.items;
        if (doc.kind === 'feed') docTitle = doc.title;
      }
    }
  } catch (e) {
    if (e instanceof FetchError || e instanceof DocumentError) return failPoll(e.message);
    throw e;
  }

  // the items, by canonical URL; those never seen are recorded as pending
  const byUrl = new Map<string, ListedItem>();
  for (const item of listed) {
    const url = canonicalUrl(item.url);
    if (!byUrl.has(url)) byUrl.set(url, { ...item, url });
  }
  report.listed = byUrl.size;
  const rows: SourceItemRow[] = [...byUrl.keys()].map((url) => ({ url, source_id: source.id, first_seen_at: polledAt, status: 'pending', attempts: 0, fetched_at: null, article_id: null, error: null }));
  report.newItems = await store.sources.addItems(rows);

  // the pages of this source's items waiting to be fetched (new ones and earlier failures)
  const maxAttempts = opts.maxItemAttempts ?? 3;
  const todo = await store.sources.itemsToFetch(source.id, maxAttempts, opts.maxItemsPerPoll ?? 50);
  const raws: { item: SourceItemRow; raw: RawArticle; id: string }[] = [];
  for (const item of todo) {
    const fetchedAt = new Date(fetcher.clock.now()).toISOString();
    const attempts = item.attempts + 1;
    try {
      const page = await fetcher.get(item.url, { accept: PAGE_ACCEPT });
      report.fetched++;
      const { text, charset } = decodeBody(page.body, page.contentType);
      const { raw, meta } = htmlToArticle(text, item.url, undefined, { url: page.finalUrl });
      const canonical = pageCanonical(meta.url, page.finalUrl);
      const hint = byUrl.get(item.url);
      const article: RawArticle = {
        file: item.url,
        format: 'html',
        raw,
        original: text,
        meta: { ...meta, url: canonical, title: meta.title ?? hint?.title, publishedAt: meta.publishedAt ?? hint?.publishedAt },
        encoding: charset,
      };
      if (!raw.trim()) throw new InputError(item.url, 'no article text found on the page');
      // the page names a canonical URL already stored: a duplicate, not fetched again under this one
      if (canonical !== item.url) {
        const known = (await store.sources.items([canonical])).get(canonical);
        if (known?.status === 'stored') {
          report.duplicates++;
          await store.sources.updateItem(item.url, { status: 'duplicate', attempts, fetched_at: fetchedAt, article_id: known.article_id, error: null });
          continue;
        }
      }
      const hash = contentHash(article);
      if ((await store.storedHashes([hash])).size > 0) {
        report.duplicates++;
        await store.sources.updateItem(item.url, { status: 'duplicate', attempts, fetched_at: fetchedAt, article_id: articleId(hash), error: null });
        continue;
      }
      await store.sources.updateItem(item.url, { attempts, fetched_at: fetchedAt });
      raws.push({ item: { ...item, attempts }, raw: article, id: articleId(hash) });
    } catch (e) {
      if (!(e instanceof FetchError || e instanceof InputError)) throw e;
      const reason = e instanceof InputError ? e.reason : e.message;
      report.failed.push({ url: item.url, reason });
      // robots.txt forbids it, or it can never be read (too large, not http): given up at once;
      // anything else is tried again at the next polls
      const forbidden = e instanceof FetchError && (e.kind === 'robots' || e.kind === 'too-large' || e.kind === 'bad-url');
      await store.sources.updateItem(item.url, { status: forbidden ? 'skipped' : 'failed', attempts, fetched_at: fetchedAt, error: reason });
    }
  }

  // through the one pipeline: read -> clean -> analyse -> store -> entities -> stories
  if (raws.length > 0) {
    const { fetcher: _f, maxItemsPerPoll: _m, maxItemAttempts: _a, maxSitemaps: _s, onPoll: _p, ...ingestOpts } = opts;
    // polls of several sources run side by side; their ingests go one after another
    const summary = await oneAtATime(store, () => ingestStream(store, fromList(raws.map((r) => r.raw)), ingestOpts));
    const inserted = new Set(summary.insertedIds);
    const failures = new Map(summary.failures.map((f) => [f.file, f.reason]));
    for (const { item, raw, id } of raws) {
      const failure = failures.get(item.url);
      if (failure !== undefined) {
        report.failed.push({ url: item.url, reason: failure });
        await store.sources.updateItem(item.url, { status: 'failed', error: failure });
        continue;
      }
      const stored = inserted.has(id);
      if (stored) report.stored++;
      else report.duplicates++;
      await store.sources.updateItem(item.url, { status: stored ? 'stored' : 'duplicate', article_id: id, error: null });
      // the canonical URL the page named is known too, so another source listing it is not fetched
      const canonical = raw.meta.url;
      if (canonical && canonical !== item.url) {
        await store.sources.addItems([{ url: canonical, source_id: source.id, first_seen_at: polledAt, status: stored ? 'stored' : 'duplicate', attempts: 1, fetched_at: item.fetched_at, article_id: id, error: null }]);
      }
      if (stored && (await linkCopies(store, id))) report.copies++;
    }
  }

  report.ok = true;
  report.nextDueAt = nextDue(fetcher.clock.now(), source.interval_seconds, 0);
  await store.sources.update(source.id, {
    kind: report.kind,
    ...(source.name === null && docTitle ? { name: docTitle } : {}),
    last_polled_at: polledAt,
    last_ok_at: polledAt,
    etag: validators.etag,
    last_modified: validators.last_modified,
    failures: 0,
    last_error: report.failed.length > 0 ? `${report.failed.length} item page(s) failed; first: ${report.failed[0].url}: ${report.failed[0].reason}` : null,
    next_due_at: report.nextDueAt,
    add_items_seen: report.newItems,
    add_articles_added: report.stored,
  });
  opts.onPoll?.(report);
  return report;
}

/**
 * Links a stored article to the article it is a syndicated copy of, when there is one: the stored
 * article sharing a MinHash band with it whose shingles are most alike (≥ COPY_SIMILARITY). The
 * original is the earliest of the group (a copy of a copy is linked to the first). True when linked.
 */
export async function linkCopies(store: Store, id: string): Promise<boolean> {
  if (!store.sources.available) return false;
  const article = await store.get(id);
  if (!article) return false;
  const set = shingles(article.text, article.language ?? 'en');
  const buckets = bandBuckets(set);
  if (buckets.length === 0) return false;
  const candidates = (await store.sources.bandMatches(buckets)).filter((c) => c !== id);
  await store.sources.addBands(id, buckets);
  let best: { id: string; similarity: number } | undefined;
  for (const c of candidates) {
    const other = await store.get(c);
    if (!other) continue;
    const similarity = jaccard(set, shingles(other.text, other.language ?? 'en'));
    if (similarity >= COPY_SIMILARITY && (!best || similarity > best.similarity)) best = { id: c, similarity };
  }
  if (!best) return false;
  const existing = (await store.sources.copies([best.id])).find((r) => r.article_id === best.id);
  await store.sources.addCopy({ article_id: id, copy_of: existing?.copy_of ?? best.id, similarity: Math.round(best.similarity * 1000) / 1000 });
  return true;
}

const ingests = new WeakMap<Store, Promise<unknown>>();

/** Runs `fn` after the ingests of other polls into the same store have finished. */
function oneAtATime<T>(store: Store, fn: () => Promise<T>): Promise<T> {
  const before = ingests.get(store) ?? Promise.resolve();
  const run = before.then(fn, fn);
  ingests.set(store, run.catch(() => {}));
  return run;
}

async function* fromList<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}
