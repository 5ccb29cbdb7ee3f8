// The embedded Store: one SQLite file (better-sqlite3), WAL journal, FTS5 search.
// All work is synchronous inside the async methods; statements are prepared once and reused.
import Database from 'better-sqlite3';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { existsSync, statSync } from 'node:fs';
import type { AnalyzedArticle, RawArticle } from '../../types.ts';
import { optionalText, resolveFilter, resolvePage } from '../filter.ts';
import { ENTITY_FACET_MATCHES, byCount, byMonth, sampleCondition, sampleThreshold, scaleCounts, searchBounds, type SearchBounds } from '../facets.ts';
import { foldForSearch } from '../../text/fold.ts';
import { parseQuery, QueryError } from '../query.ts';
import { SNIPPET_CLOSE, SNIPPET_ELLIPSIS, SNIPPET_OPEN, StoreError, StoreInputError } from '../store.ts';
import type { ArticleFilter, FacetCount, FigureFilter, FigureRow, IngestItem, IngestResult, ListResult, MentionFilter, MentionRow, Page, QuoteFilter, QuoteRow, RowsResult, SearchFacets, EntityFacetCount, SearchResult, Store, IngestStage, WriteLock, WriteTables, StoreStats, StoredArticle, TimeFilter, TimeRow } from '../store.ts';
import { toFts5 } from './fts5.ts';
import { StoredStems, stemPairs, withStems, type StemKey } from '../stems.ts';
import { SqliteEntityIndex } from './entity-queries.ts';
import { ingestBatch, type ArticleWrites } from '../ingest-batch.ts';
import { migrate, type Migration } from './migrate.ts';
import { SqliteStoryTables } from './stories.ts';
import { SqliteSourceTables } from './sources.ts';
import { LAYER_ARTICLE_COLUMNS, LAYER_TABLES, SUMMARY_COLUMNS, MAX_ID_CANDIDATES, analysisParams, parseAnalysis, articleColumns, articleLookup, entityInputChanged, layerRecords, onlyArticle, rawColumns, toRawArticle, toStats, toStoredArticle, toFigureRow, toMentionRow, toQuoteRow, toSummary, toTimeRow } from '../rows.ts';
import type { StoredDbRow, TotalsRow, FigureDbRow, MentionDbRow, QuoteDbRow, SummaryRow, TimeDbRow } from '../rows.ts';
import { articleConditions, whereClause, type Conditions } from './where.ts';

export interface SqliteStoreOptions {
  /** Schema migrations to apply instead of the bundled ones (for tools and tests of migrations). */
  migrations?: Migration[];
  /** Milliseconds to wait for another process's write lock before failing (default 10 s). */
  busyTimeoutMs?: number;
  /** Search bounds (facets.ts: FACET_SAMPLE, RANKED_MATCHES); smaller ones let tests reach them. */
  search?: SearchBounds;
}

/** Longest synchronous wait for a lock inside SQLite (busy_timeout); longer waits are asynchronous. */
const SYNC_BUSY_MS = 20;

/** BM25 column weights: a match in the title counts most, then the dek, then the body. */
const BM25_WEIGHTS = { title: 10, dek: 4, text: 1 };
/** Tokens of context in a search snippet. */
const SNIPPET_TOKENS = 32;
/** Raw inputs fetched per step by allRaw (no statement stays open between steps). */
const RAW_PAGE = 200;
/** Raw inputs and analyses at least this long are stored deflated (read back only as a whole, never by SQL). */
const PACK_FROM = 256;

/** A raw input or analysis column as stored: long text as a deflated BLOB (SQLite keeps a BLOB as it is in a TEXT column). */
function packText(text: string | null): string | Buffer | null {
  return text !== null && text.length >= PACK_FROM ? deflateRawSync(Buffer.from(text, 'utf8')) : text;
}

/** The entity layer of a stored analysis as JSON text (null when it has none). */
function entitiesJson(analysis: string | Buffer): string | null {
  const entities = parseAnalysis(analysis).entities;
  return entities === undefined ? null : JSON.stringify(entities);
}

/** A raw input column as read: text, or a BLOB written by packText (rows stored before it are text). */
function unpackText<T extends string | null>(v: T | Buffer): T {
  return (v === null || typeof v === 'string' ? v : inflateRawSync(v).toString('utf8')) as T;
}

type Statement = Database.Statement<unknown[], unknown>;

/** The per-article columns; analysis_version from migration 005 on (a store opened with older
 *  migrations, as the upgrade tests do, has no such column). */
const ARTICLE_COLUMNS = [
  'id', 'content_hash', 'ingested_at', 'analyzed_at', 'file', 'position', 'format', 'language', 'language_supported',
  'published_at', 'published_at_from', 'source', 'url', 'n_entities', 'n_mentions', 'n_quotes', 'n_figures', 'n_times',
  'title', 'dek', 'text', 'analysis', 'analysis_version',
];
const NOT_UPDATED = new Set(['id', 'content_hash', 'ingested_at', 'position', 'format']);

function articleInsert(columns: string[]): string {
  return `INSERT INTO articles (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
}

function articleUpdate(columns: string[]): string {
  return `UPDATE articles SET ${columns.filter((c) => !NOT_UPDATED.has(c)).map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`;
}

export class SqliteStore implements Store {
  private db: Database.Database;
  private cache = new Map<string, Statement>();
  private closed = false;
  readonly schemaVersion: number;
  /** The corpus-wide entity index: resolved inside each ingest transaction, read with SQL. */
  /** The entity tables (migration 003), as the entity views read them. */
  readonly entityIndex: SqliteEntityIndex;
  /** False only for a schema from `options.migrations` without the entity tables (migration 003). */
  private readonly hasEntityIndex: boolean;
  /** `INDEXED BY articles_facets` when the schema has it (migration 008), else empty. */
  private readonly facetIndex: string;
  /** INSERT and UPDATE of an article's columns, for the columns this database has. */
  private readonly articleColumns: Set<string>;
  /** The schema predates migration 006: the figures layer is the table `quantities`, its count `n_quantities`. */
  private readonly legacyFigures: boolean;
  /** The columns each layer table has: a schema from before migration 009 (older `options.migrations`,
   *  as the upgrade tests use) has quote rows without the attribution columns. */
  private readonly layerColumns = new Map<string, Set<string>>();
  private readonly articleInsert: string;
  private readonly articleUpdate: string;
  /** Events and storylines (tables of migration 004). */
  readonly stories: SqliteStoryTables;
  /** Followed sources, their items and syndicated copies (migration 007). */
  readonly sources: SqliteSourceTables;
  /** Writes this connection committed (PRAGMA data_version counts only other connections' commits). */
  private commits = 0;
  /** The end of the queue of this connection's writers (see `serial`). */
  private writers: Promise<unknown> = Promise.resolve();

  /** How long a writer waits for another process's write lock in all (see `begin`). */
  private readonly busyTimeoutMs: number;
  /** Above how many matches search samples its facets and ranks the most recent ones only. */
  private readonly bounds: Required<SearchBounds>;
  /** The schema has the stems of search words (migration 010). */
  private readonly hasStems: boolean;
  /** The (language, word) pairs of search_stems this connection wrote or found stored. */
  private readonly storedStems = new StoredStems();

  constructor(
    readonly path: string,
    options: SqliteStoreOptions = {},
  ) {
    this.busyTimeoutMs = options.busyTimeoutMs ?? 10_000;
    this.bounds = searchBounds(options.search);
    try {
      this.db = new Database(path);
    } catch (err) {
      throw new StoreError(`cannot open database ${path}: ${(err as Error).message}`, { cause: err });
    }
    try {
      // WAL lets readers work while one process writes; NORMAL sync is durable at checkpoints and safe with WAL.
      if (path !== ':memory:' && path !== '') this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      // A short synchronous wait: a writer of another process holding the lock must not freeze this
      // process's event loop (a server answering reads); `begin` waits for it between retries instead.
      this.db.pragma(`busy_timeout = ${Math.min(SYNC_BUSY_MS, this.busyTimeoutMs)}`);
      this.db.pragma('cache_size = -32768'); // 32 MiB page cache: FTS5 merges during big ingests
      this.db.pragma('temp_store = MEMORY');
    } catch (err) {
      this.db.close();
      throw new StoreError(`cannot open database ${path}: ${(err as Error).message}`, { cause: err });
    }
    try {
      this.schemaVersion = migrate(this.db, path, options.migrations);
      this.hasEntityIndex = this.db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'entity_state'").get() !== undefined;
      const columns = new Set((this.db.prepare('PRAGMA table_info(articles)').all() as { name: string }[]).map((c) => c.name));
      // A schema from before migration 006 (opened with older `options.migrations`, as the upgrade
      // tests do) names the figures layer by its former name.
      this.legacyFigures = !columns.has('n_figures') && columns.has('n_quantities');
      for (const table of LAYER_TABLES) {
        const names = (this.db.prepare(`PRAGMA table_info(${this.column(table)})`).all() as { name: string }[]).map((c) => c.name);
        this.layerColumns.set(table, new Set(names));
      }
      const present = ARTICLE_COLUMNS.filter((c) => columns.has(this.column(c)));
      this.articleColumns = new Set(present);
      this.articleInsert = articleInsert(present.map((c) => this.column(c)));
      this.articleUpdate = articleUpdate(present.map((c) => this.column(c)));
      const hasTerms = this.db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'entity_terms'").get() !== undefined;
      this.facetIndex = this.db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = 'articles_facets'").get() !== undefined ? 'INDEXED BY articles_facets' : '';
      this.entityIndex = new SqliteEntityIndex((sql) => this.stmt(sql), this.hasEntityIndex, () => void this.withEntityIndex(), hasTerms);
      this.stories = new SqliteStoryTables(this.db, (sql) => this.stmt(sql), () => void this.open());
      this.sources = new SqliteSourceTables(this.db, (sql) => this.stmt(sql), () => void this.open());
      this.hasStems = this.db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'search_stems'").get() !== undefined;
      this.fillStems();
    } catch (err) {
      this.db.close();
      throw err;
    }
  }

  /** A prepared statement for `sql`, prepared on first use and reused after. */
  private stmt(sql: string): Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }

  private open(): Database.Database {
    if (this.closed) throw new StoreError(`the store ${this.path} is closed`);
    return this.db;
  }

  // ---------------------------------------------------------------- writing

  /**
   * Runs the writers of this connection one after another. A `write` transaction stays open while
   * its function awaits; a writer started meanwhile (an ingest from another request) must not run
   * inside it, where better-sqlite3 would make it a savepoint of that transaction.
   */
  private serial<T>(fn: () => T | Promise<T>): Promise<T> {
    const run = this.writers.then(fn, fn);
    this.writers = run.catch(() => {});
    return run;
  }

  /**
   * One write transaction (BEGIN IMMEDIATE: other processes' writers wait on the file lock, this
   * process's on `serial`). The tables do their SQL synchronously and return settled promises, so
   * while `fn` awaits only them no other callback of this process runs inside the transaction.
   */
  write<T>(_lock: WriteLock, fn: (tables: WriteTables) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      const db = this.open();
      await this.begin(() => db.prepare('BEGIN IMMEDIATE').run());
      try {
        const out = await fn({ stories: this.stories, entities: this.entityIndex });
        db.prepare('COMMIT').run();
        this.commits++;
        return out;
      } catch (err) {
        if (db.inTransaction) db.prepare('ROLLBACK').run();
        this.storedStems.forget();
        throw err;
      }
    });
  }

  /** Adds the stems of an article's words that search_stems lacks (inside the caller's transaction). */
  private insertStems(a: { language: string; title: string | null; dek: string | null; text: string }): void {
    if (!this.hasStems) return;
    const insert = this.stmt('INSERT OR IGNORE INTO search_stems (lang, stem, word) VALUES (?, ?, ?)');
    for (const [word, stem] of stemPairs(a.language, [a.title, a.dek, a.text], (w) => this.storedStems.has(a.language, w))) {
      insert.run(a.language, stem, word);
      this.storedStems.add(a.language, word);
    }
  }

  /**
   * The one-time step of migration 010: the stems of the words of the articles stored before it, in
   * one write transaction (a process that finds it done by another skips it). Nothing else changes.
   */
  private fillStems(): void {
    if (!this.hasStems) return;
    const ready = () => this.db.prepare('SELECT ready FROM search_stems_state').pluck().get() === 1;
    if (ready()) return;
    const page = this.db.prepare('SELECT seq, language, title, dek, text FROM articles WHERE seq > ? ORDER BY seq LIMIT 500');
    const fill = this.db.transaction(() => {
      if (ready()) return;
      for (let after = 0; ; ) {
        const rows = page.all(after) as { seq: number; language: string; title: string | null; dek: string | null; text: string }[];
        if (rows.length === 0) break;
        for (const r of rows) this.insertStems(r);
        after = rows[rows.length - 1].seq;
      }
      this.db.prepare('UPDATE search_stems_state SET ready = 1').run();
    });
    try {
      fill.immediate();
    } catch (err) {
      this.storedStems.forget();
      throw new StoreError(`cannot index the stems of the stored articles of ${this.path} (migration 010): ${(err as Error).message}`, { cause: err });
    }
  }

  /** The stored words under some stems (for withStems). */
  private async stemWords(keys: StemKey[]): Promise<{ lang: string; stem: string; word: string }[]> {
    if (!this.hasStems) return [];
    const q = this.stmt('SELECT lang, stem, word FROM search_stems WHERE lang = ? AND stem = ? LIMIT 256');
    return keys.flatMap((k) => q.all(k.lang, k.stem) as { lang: string; stem: string; word: string }[]);
  }

  /**
   * Runs `start` (which takes the write lock first thing) and, while another process holds the
   * lock (SQLITE_BUSY after the short synchronous busy_timeout), tries again after a pause in which
   * this process goes on answering requests, until busyTimeoutMs have passed.
   */
  private async begin<T>(start: () => T): Promise<T> {
    const deadline = performance.now() + this.busyTimeoutMs;
    for (let pause = 5; ; pause = Math.min(100, pause * 2)) {
      try {
        return start();
      } catch (err) {
        const busy = err instanceof Database.SqliteError && (err.code === 'SQLITE_BUSY' || err.code === 'SQLITE_BUSY_SNAPSHOT');
        if (!busy || performance.now() + pause > deadline) throw err;
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  /** The parameters of the article columns this database has (better-sqlite3 refuses extra named parameters). */
  private present(params: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(
      Object.entries(params)
        .filter(([k]) => this.articleColumns.has(k))
        .map(([k, v]) => [this.column(k), k === 'analysis' && typeof v === 'string' ? packText(v) : v]),
    );
  }

  /** The name of a column or table in this database's schema (see `legacyFigures`). */
  private column(name: string): string {
    if (!this.legacyFigures) return name;
    return name === 'n_figures' ? 'n_quantities' : name === 'figures' ? 'quantities' : name;
  }

  async storedHashes(hashes: readonly string[]): Promise<Set<string>> {
    this.open();
    const byHash = this.stmt('SELECT 1 FROM articles WHERE content_hash = ?').pluck();
    return new Set(hashes.filter((h) => byHash.get(h) !== undefined));
  }

  ingest(batch: IngestItem[], stage?: IngestStage): Promise<IngestResult> {
    return ingestBatch(batch, stage, (fn) => this.write('ingest', (tables) => fn(this.articleWrites, tables)));
  }

  /** The article writes of an ingest; synchronous SQL, settled promises (see `write`). */
  private readonly articleWrites: ArticleWrites = {
    storedIds: async (hashes) => {
      const rows = this.stmt('SELECT content_hash, id FROM articles WHERE content_hash IN (SELECT value FROM json_each(?))').all(JSON.stringify(hashes)) as {
        content_hash: string;
        id: string;
      }[];
      return new Map(rows.map((r) => [r.content_hash, r.id]));
    },
    insert: async (item, now) => this.insertArticle(item, now),
    // One writer at a time: a hash is never stored by another one between the lookup and the insert.
    idOf: async (hash) => this.stmt('SELECT id FROM articles WHERE content_hash = ?').pluck().get(hash) as string,
  };

  /** Stores one article with its raw input and layers; returns its `seq`. */
  private insertArticle(item: IngestItem, now: string): number {
    const { raw, article } = item;
    const info = this.stmt(this.articleInsert).run(this.present(articleColumns(item, now)));
    const cols = rawColumns(raw);
    this.stmt('INSERT INTO article_raw (seq, raw, original, rest) VALUES (@seq, @raw, @original, @rest)').run({
      seq: info.lastInsertRowid,
      raw: packText(cols.raw),
      original: packText(cols.original),
      rest: cols.rest,
    });
    this.insertLayers(article);
    this.insertStems(article);
    return Number(info.lastInsertRowid);
  }

  private insertLayers(a: AnalyzedArticle): void {
    const records = layerRecords(a);
    for (const table of LAYER_TABLES) {
      const rows = records[table];
      if (rows.length === 0) continue;
      const has = this.layerColumns.get(table)!;
      const columns = Object.keys(rows[0]).filter((c) => has.has(c));
      const insert = this.stmt(`INSERT INTO ${this.column(table)} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
      const all = columns.length === Object.keys(rows[0]).length;
      for (const r of rows) insert.run(all ? r : Object.fromEntries(columns.map((c) => [c, r[c]])));
    }
  }

  async replaceAnalysis(id: string, article: AnalyzedArticle): Promise<void> {
    const db = this.open();
    if (article.id !== id) throw new StoreInputError(`replaceAnalysis: the article's id "${article.id}" is not "${id}"`);
    const run = db.transaction(() => {
      const stored = this.stmt('SELECT language, published_at, analysis FROM articles WHERE id = ?').get(id) as
        | { language: string; published_at: string | null; analysis: string | Buffer }
        | undefined;
      const before = (stored && { ...stored, entities: entitiesJson(stored.analysis) }) as
        | { language: string; published_at: string | null; entities: string | null }
        | undefined;
      const info = this.stmt(this.articleUpdate).run(this.present({ ...analysisParams(article, new Date().toISOString()), id }));
      if (info.changes === 0) throw new StoreError(`replaceAnalysis: no stored article has id "${id}"`);
      // When what entity resolution read changed, the entity index is out of date until rebuilt.
      if (this.hasEntityIndex && before && entityInputChanged(before, article)) this.stmt('UPDATE entity_state SET stale = 1').run();
      for (const table of LAYER_TABLES) this.stmt(`DELETE FROM ${this.column(table)} WHERE article_id = ?`).run(id);
      this.insertLayers(article);
      this.insertStems(article);
    });
    return this.serial(async () => {
      try {
        await this.begin(() => run.immediate());
      } catch (err) {
        this.storedStems.forget();
        throw err;
      }
      this.commits++;
    });
  }

  /** Changes with every commit: this connection's count, and SQLite's data_version for the others'. */
  async changeToken(): Promise<string> {
    this.open();
    return `${this.stmt('PRAGMA data_version').pluck().get() as number}:${this.commits}`;
  }

  // ---------------------------------------------------------------- reading one article

  async get(idOrPrefix: string): Promise<StoredArticle | null> {
    this.open();
    const lookup = articleLookup(idOrPrefix);
    let id: string | null;
    if ('id' in lookup) id = lookup.id;
    else {
      const { column, from, to } = lookup;
      const rows = this.stmt(`SELECT id, title FROM articles WHERE ${column} >= ? AND ${column} < ? ORDER BY ${column} LIMIT ?`).all(
        from,
        to,
        MAX_ID_CANDIDATES + 1,
      ) as { id: string; title: string | null }[];
      id = onlyArticle(idOrPrefix, rows);
      if (id === null) return null;
    }
    const row = this.stmt(
      `SELECT a.content_hash, a.ingested_at, a.analyzed_at, a.text, a.analysis, r.rest
       FROM articles a JOIN article_raw r ON r.seq = a.seq WHERE a.id = ?`,
    ).get(id) as StoredDbRow | undefined;
    return row ? toStoredArticle(row) : null;
  }

  async *allRaw(): AsyncIterable<{ id: string; raw: RawArticle }> {
    let after = 0;
    for (;;) {
      this.open();
      // A whole page is read before yielding, so the caller may write (replaceAnalysis) in between.
      const rows = this.stmt(
        `SELECT a.seq, a.id, r.raw, r.original, r.rest FROM articles a JOIN article_raw r ON r.seq = a.seq
         WHERE a.seq > ? ORDER BY a.seq LIMIT ?`,
      ).all(after, RAW_PAGE) as { seq: number; id: string; raw: string | Buffer; original: string | Buffer | null; rest: string }[];
      if (rows.length === 0) return;
      for (const r of rows) yield { id: r.id, raw: toRawArticle({ raw: unpackText(r.raw as string | Buffer), original: unpackText(r.original), rest: r.rest }) };
      after = rows[rows.length - 1].seq;
    }
  }

  // ---------------------------------------------------------------- listing and search

  async list(filter: ArticleFilter & Page = {}): Promise<ListResult> {
    this.open();
    const { limit, offset } = resolvePage(filter);
    const c = articleConditions(resolveFilter(filter));
    const where = whereClause(c);
    const params = c.params;
    const total = this.stmt(`SELECT count(*) FROM articles a ${where}`).pluck().get(...params) as number;
    const rows = this.stmt(
      `SELECT ${SUMMARY_COLUMNS} FROM articles a ${where} ORDER BY a.published_at DESC, a.id LIMIT ? OFFSET ?`,
    ).all(...params, limit, offset) as SummaryRow[];
    return { total, items: rows.map(toSummary) };
  }

  /**
   * Top entities (global keys) among the articles matched by `from` (a search's FROM … WHERE): over
   * every match up to ENTITY_FACET_MATCHES of them, else over that many most recent matches (the
   * facet's cost stays bounded however common the words). Names are read for the top counts only.
   */
  private entityFacet(from: string, params: unknown[]): EntityFacetCount[] {
    if (!this.hasEntityIndex) return [];
    // Each article's distinct keys are gathered article by article (a small sort each) rather than
    // in one DISTINCT over all its links (20 -> 14 ms of CPU over 1,000 matches).
    return this.stmt(
      `WITH m AS MATERIALIZED (SELECT a.id ${from} ORDER BY articles_fts.rowid DESC LIMIT ${ENTITY_FACET_MATCHES}),
       k AS MATERIALIZED (SELECT value AS key, count(*) AS n
         FROM m, json_each((SELECT json_group_array(DISTINCT key) FROM entity_links WHERE article_id = m.id)) GROUP BY value)
       SELECT k.key AS value, e.name AS name, e.type AS type, k.n AS count
       FROM k JOIN entities e ON e.key = k.key
       WHERE k.n >= coalesce((SELECT n FROM k ORDER BY n DESC LIMIT 1 OFFSET 19), 0)
       ORDER BY k.n DESC, e.name LIMIT 20`,
    ).all(...params) as EntityFacetCount[];
  }

  async search(query: string, opts: ArticleFilter & Page = {}): Promise<SearchResult> {
    this.open();
    const match = toFts5(await withStems(parseQuery(query), (keys) => this.stemWords(keys)));
    const { limit, offset } = resolvePage(opts);
    const c = articleConditions(resolveFilter(opts), { sql: ['articles_fts MATCH ?'], params: [match] });
    const filtered = c.sql.length > 1;
    // CROSS JOIN keeps the index search outermost: one MATCH evaluation, then a key lookup per
    // match. (Left to itself the planner may probe the index once per filtered article.) The
    // narrow index (migration 008) serves what is read of every match when no filter reads more.
    const from = (extra: Conditions = { sql: [], params: [] }) =>
      `FROM articles_fts CROSS JOIN articles a ${filtered ? '' : this.facetIndex} ON a.seq = articles_fts.rowid ${whereClause({ sql: [...c.sql, ...extra.sql], params: [] })}`;
    const params = (extra: Conditions = { sql: [], params: [] }) => [...c.params, ...extra.params];
    const { title, dek, text } = BM25_WEIGHTS;
    try {
      // The exact total: from the full-text index alone when nothing else filters.
      const total = (
        filtered ? this.stmt(`SELECT count(*) ${from()}`).pluck().get(...params()) : this.stmt('SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?').pluck().get(match)
      ) as number;
      const facets: SearchFacets = { language: [], source: [], entity: [], month: [] };
      if (total === 0) return { total, hits: [], facets };
      // Language, source and month: over every match, or over a sample of about FACET_SAMPLE of
      // them scaled to the total (facets.ts); the sample test needs no row of the article.
      const { facetSample, rankedMatches } = this.bounds;
      const sample: Conditions =
        total > facetSample ? { sql: [sampleCondition('articles_fts.rowid', '?')], params: [sampleThreshold(facetSample, total)] } : { sql: [], params: [] };
      const facetRows = (sample: Conditions) => this.stmt(
        `WITH m AS MATERIALIZED (SELECT a.language, a.source, substr(a.published_at, 1, 7) AS month ${from(sample)})
         SELECT 'language' AS facet, language AS value, count(*) AS n FROM m GROUP BY language
         UNION ALL SELECT 'source', source, count(*) FROM m GROUP BY source
         UNION ALL SELECT 'month', month, count(*) FROM m GROUP BY month`,
      ).all(...params(sample)) as { facet: keyof SearchFacets; value: string | null; n: number }[];
      let counted = facetRows(sample);
      if (counted.length === 0) counted = facetRows({ sql: [], params: [] }); // a sample that took none (tiny bounds)
      for (const r of counted) if (r.facet !== 'entity') facets[r.facet].push({ value: r.value, count: r.n });
      const sampled = facets.language.reduce((n, f) => n + f.count, 0);
      for (const f of [facets.language, facets.source, facets.month]) scaleCounts(f, sampled, total);
      byCount(facets.language);
      byCount(facets.source);
      facets.entity = this.entityFacet(from(), params());
      byMonth(facets.month);
      // The hits: ranked among every match, or among the RANKED_MATCHES most recent ones.
      let ranked: Conditions = { sql: [], params: [] };
      if (total > rankedMatches) {
        const oldest = this.stmt(`SELECT articles_fts.rowid ${from()} ORDER BY articles_fts.rowid DESC LIMIT 1 OFFSET ?`).pluck().get(...params(), rankedMatches - 1) as number;
        ranked = { sql: ['articles_fts.rowid >= ?'], params: [oldest] };
      }
      const rows =
        offset >= Math.min(total, rankedMatches)
          ? []
          : (this.stmt(
              // The page is ranked first and only its rows get a snippet (a snippet for every match
              // before sorting cost 130 ms for a word in 7,700 of 10,000 articles).
              // Without a filter the ranking reads the full-text index alone (no article row per match:
              // 13.8 -> 8.5 ms of CPU for a word in 23,000 of 30,000 articles); ties go by ingest order.
              `WITH page AS MATERIALIZED (
                 SELECT articles_fts.rowid AS seq, bm25(articles_fts, ${title}, ${dek}, ${text}) AS rank
                 ${filtered ? from(ranked) : `FROM articles_fts ${whereClause({ sql: ['articles_fts MATCH ?', ...ranked.sql], params: [] })}`}
                 ORDER BY rank, articles_fts.rowid LIMIT ? OFFSET ?)
               SELECT ${SUMMARY_COLUMNS}, page.rank,
                 snippet(articles_fts, -1, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}', '${SNIPPET_ELLIPSIS}', ${SNIPPET_TOKENS}) AS snippet
               FROM page CROSS JOIN articles_fts ON articles_fts.rowid = page.seq CROSS JOIN articles a ON a.seq = page.seq
               WHERE articles_fts MATCH ? ORDER BY page.rank, page.seq`,
            ).all(...params(ranked), limit, offset, match) as (SummaryRow & { rank: number; snippet: string })[]);
      const hits = rows.map((r) => ({ ...toSummary(r), score: -r.rank, snippet: r.snippet }));
      return {
        total,
        hits,
        facets,
        ...(sampled < total ? { facetsFrom: sampled } : {}),
        ...(total > rankedMatches ? { rankedFrom: rankedMatches } : {}),
      };
    } catch (err) {
      // The compiled expression quotes every user word, so this is a bug, not a user error; still
      // report it as a query problem rather than a driver stack trace.
      if (err instanceof Database.SqliteError && /fts5/i.test(err.message)) {
        throw new QueryError(`the search engine rejected the query: ${err.message}`, query, 0);
      }
      throw err;
    }
  }

  // ---------------------------------------------------------------- layers across the corpus

  private layerRows<Db, Row>(
    table: string,
    filter: ArticleFilter & Page & { articleId?: string },
    layer: Conditions,
    map: (r: Db) => Row,
  ): RowsResult<Row> {
    this.open();
    const { limit, offset } = resolvePage(filter);
    const articleId = optionalText(filter.articleId);
    if (articleId !== undefined) {
      layer.sql.push('l.article_id = ?');
      layer.params.push(articleId);
    }
    const articles = articleConditions(resolveFilter(filter));
    const c: Conditions = { sql: [...layer.sql, ...articles.sql], params: [...layer.params, ...articles.params] };
    // Articles outermost, in date order from their index, each with its rows by primary key: a page
    // is read without sorting the whole layer. The count needs the articles only when filtered by them.
    const from = `FROM articles a CROSS JOIN ${table} l ON l.article_id = a.id ${whereClause(c)}`;
    const total = (
      articles.sql.length
        ? this.stmt(`SELECT count(*) ${from}`).pluck().get(...c.params)
        : this.stmt(`SELECT count(*) FROM ${table} l ${whereClause(layer)}`).pluck().get(...layer.params)
    ) as number;
    const rows = this.stmt(
      `SELECT ${LAYER_ARTICLE_COLUMNS}, l.* ${from} ORDER BY a.published_at DESC, a.id, l.idx LIMIT ? OFFSET ?`,
    ).all(...c.params, limit, offset) as Db[];
    return { total, items: rows.map(map) };
  }

  async quotes(filter: QuoteFilter = {}): Promise<RowsResult<QuoteRow>> {
    const c: Conditions = { sql: [], params: [] };
    const speaker = optionalText(filter.speaker);
    if (speaker !== undefined) {
      c.sql.push('instr(l.speaker_folded, ?) > 0');
      c.params.push(foldForSearch(speaker));
    }
    if (optionalText(filter.kind) !== undefined) {
      c.sql.push('l.kind = ?');
      c.params.push(filter.kind);
    }
    return this.layerRows<QuoteDbRow, QuoteRow>('quotes', filter, c, toQuoteRow);
  }

  async figures(filter: FigureFilter = {}): Promise<RowsResult<FigureRow>> {
    const c: Conditions = { sql: [], params: [] };
    const counts = optionalText(filter.counts);
    if (counts !== undefined) {
      c.sql.push('instr(l.counts_folded, ?) > 0');
      c.params.push(foldForSearch(counts));
    }
    const countsKey = optionalText(filter.countsKey);
    if (countsKey !== undefined) {
      c.sql.push('l.counts_key = ?');
      c.params.push(countsKey);
    }
    return this.layerRows<FigureDbRow, FigureRow>('figures', filter, c, toFigureRow);
  }

  async times(filter: TimeFilter = {}): Promise<RowsResult<TimeRow>> {
    const c: Conditions = { sql: [], params: [] };
    const value = optionalText(filter.value);
    if (value !== undefined) {
      c.sql.push('l.value >= ? AND l.value < ?');
      c.params.push(value, value + '\u{10FFFF}');
    }
    if (optionalText(filter.granularity) !== undefined) {
      c.sql.push('l.granularity = ?');
      c.params.push(filter.granularity);
    }
    return this.layerRows<TimeDbRow, TimeRow>('times', filter, c, toTimeRow);
  }

  async entityMentions(filter: MentionFilter = {}): Promise<RowsResult<MentionRow>> {
    const c: Conditions = { sql: [], params: [] };
    const name = optionalText(filter.name);
    if (name !== undefined) {
      c.sql.push('instr(l.name_folded, ?) > 0');
      c.params.push(foldForSearch(name));
    }
    if (optionalText(filter.type) !== undefined) {
      c.sql.push('l.type = ?');
      c.params.push(filter.type);
    }
    return this.layerRows<MentionDbRow, MentionRow>('entity_mentions', filter, c, toMentionRow);
  }

  // ---------------------------------------------------------------- the whole store

  async stats(): Promise<StoreStats> {
    const db = this.open();
    const t = this.stmt(
      `SELECT count(*) AS articles, min(published_at) AS first, max(published_at) AS last,
         count(*) - count(published_at) AS undated, total(n_entities) AS entities, total(n_mentions) AS mentions,
         total(n_quotes) AS quotes, total(n_figures) AS figures, total(n_times) AS times FROM articles`,
    ).get() as TotalsRow;
    const facet = (column: string) =>
      this.stmt(`SELECT ${column} AS value, count(*) AS count FROM articles GROUP BY ${column} ORDER BY count DESC, ${column} IS NULL, ${column}`).all() as FacetCount[];
    const versions = facet('analysis_version').map((f) => ({ version: f.value, articles: f.count }));
    return toStats(t, facet('language'), facet('source'), this.sizeBytes(db), this.schemaVersion, versions);
  }

  private sizeBytes(db: Database.Database): number {
    const file = db.name;
    if (db.memory || !existsSync(file)) {
      return (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
    }
    const wal = `${file}-wal`;
    return statSync(file).size + (existsSync(wal) ? statSync(wal).size : 0);
  }

  // ---------------------------------------------------------------- the entity index

  /** The open database, checked to have the entity index. */
  private withEntityIndex(): Database.Database {
    const db = this.open();
    if (!this.hasEntityIndex) throw new StoreError(`${this.path} has no entity index (schema version ${this.schemaVersion})`);
    return db;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.cache.clear();
    this.db.close();
  }
}

/** Opens (creating and migrating as needed) the SQLite store at `path`; ':memory:' for a throwaway one. */
export function openSqliteStore(path: string, options?: SqliteStoreOptions): SqliteStore {
  return new SqliteStore(path, options);
}

export type { Migration } from './migrate.ts';
export { bundledMigrations } from './migrate.ts';

