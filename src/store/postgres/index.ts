// The Store on PostgreSQL, for several machines working on one corpus. A pool of connections
// (`pg`), parameterised queries only, the schema of ./migrations applied at open, full-text search
// on a tsvector the store builds (./tsearch.ts). One ingest batch is one transaction; batches of
// different processes queue on an advisory lock (see README "PostgreSQL" in src/store).
import type pg from 'pg';
import type { AnalyzedArticle, RawArticle } from '../../types.ts';
import { ENTITY_FACET_MATCHES, byCount, byMonth, sampleCondition, sampleThreshold, scaleCounts, searchBounds, type SearchBounds } from '../facets.ts';
import { optionalText, resolveFilter, resolvePage } from '../filter.ts';
import { foldForSearch } from '../../text/fold.ts';
import type { Migration } from '../migrations.ts';
import { parseQuery } from '../query.ts';
import { bestSnippet, snippetTerms } from '../snippet.ts';
import { LAYER_ARTICLE_COLUMNS, LAYER_TABLES, SUMMARY_COLUMNS, MAX_ID_CANDIDATES, analysisParams, articleColumns, articleLookup, entityInputChanged, layerRecords, onlyArticle, rawColumns, toRawArticle, toStats, toStoredArticle, toFigureRow, toMentionRow, toQuoteRow, toSummary, toTimeRow } from '../rows.ts';
import type { StoredDbRow, TotalsRow, FigureDbRow, MentionDbRow, QuoteDbRow, SummaryRow, TimeDbRow } from '../rows.ts';
import { StoreError, StoreInputError } from '../store.ts';
import type { ArticleFilter, EntityFacetCount, FacetCount, FigureFilter, FigureRow, IngestItem, IngestResult, ListResult, MentionFilter, MentionRow, Page, QuoteFilter, QuoteRow, RowsResult, SearchFacets, SearchResult, Store, IngestStage, WriteLock, WriteTables, StoreStats, StoredArticle, TimeFilter, TimeRow } from '../store.ts';
import { Params, createPool, lock, row, rows, transaction, value, type Queryable } from './db.ts';
import { PgEntityTables } from './entities.ts';
import { PgEntityReads } from './entity-queries.ts';
import { ingestBatch, type ArticleWrites } from '../ingest-batch.ts';
import { migrate } from './migrate.ts';
import { PgStoryTables } from './stories.ts';
import { PgSourceTables } from './sources.ts';
import { articleVector, toTsquery } from './tsearch.ts';
import { StoredStems, stemPairs, withStems, type StemKey } from '../stems.ts';
import { articleConditions, whereClause } from './where.ts';
import { redactUrl } from './url.ts';

export { isPostgresUrl, redactUrl } from './url.ts';

export interface PostgresStoreOptions {
  /** Schema migrations to apply instead of the bundled ones (for tests of migrations). */
  migrations?: Migration[];
  /** Connections in the pool (default 4). */
  poolSize?: number;
  /** Search bounds (facets.ts: FACET_SAMPLE, RANKED_MATCHES); smaller ones let tests reach them. */
  search?: SearchBounds;
}

/** Raw inputs fetched per step by allRaw. */
const RAW_PAGE = 200;

const ARTICLE_COLUMNS = [
  'id', 'content_hash', 'ingested_at', 'analyzed_at', 'file', 'position', 'format', 'language', 'language_supported',
  'published_at', 'published_at_from', 'source', 'url', 'n_entities', 'n_mentions', 'n_quotes', 'n_figures', 'n_times',
  'title', 'dek', 'text', 'analysis', 'analysis_version',
] as const;
const UPDATED_COLUMNS = ARTICLE_COLUMNS.filter((c) => !['id', 'content_hash', 'ingested_at', 'position', 'format'].includes(c));

/** Column types of the layer tables, for json_to_recordset. */
const LAYER_COLUMN_TYPES: Record<(typeof LAYER_TABLES)[number], string> = {
  quotes:
    'article_id text, idx int, span_start int, span_end int, span_text text, kind text, speaker_name text, speaker_folded text, ' +
    'speaker_entity text, speaker_start int, speaker_end int, cue text, cue_start int, cue_end int, attribution_kind text, source_text text, ' +
    'source_start int, source_end int, speaker_via text, confidence float8, found_by text',
  figures:
    'article_id text, idx int, span_start int, span_end int, span_text text, value float8, value_max float8, unit text, qualifier text, ' +
    'qualifier_start int, qualifier_end int, counts text, counts_folded text, counts_key text',
  times: 'article_id text, idx int, span_start int, span_end int, span_text text, value text, value_end text, granularity text, mod text, relative smallint',
  entity_mentions:
    'article_id text, idx int, entity_id text, name text, name_folded text, type text, entity_key text, span_start int, span_end int, span_text text',
};
const columnsOf = (table: (typeof LAYER_TABLES)[number]) => LAYER_COLUMN_TYPES[table].split(', ').map((c) => c.split(' ')[0]);

/** `INSERT INTO <table> SELECT … FROM json_to_recordset($n)` for each layer with rows. */
function layerInserts(a: AnalyzedArticle, p: Params): string[] {
  const records = layerRecords(a);
  return LAYER_TABLES.filter((t) => records[t].length > 0).map((t) => {
    const cols = columnsOf(t).join(', ');
    return `INSERT INTO ${t} (${cols}) SELECT ${cols} FROM json_to_recordset(${p.add(JSON.stringify(records[t]))}::json) AS x(${LAYER_COLUMN_TYPES[t]})`;
  });
}

export class PostgresStore implements Store {
  private readonly pool: pg.Pool;
  /** Connects and migrates; every method waits for it. */
  readonly ready: Promise<void>;
  private closed = false;
  private version = 0;
  /** The URL without password, for messages. */
  readonly where: string;
  /** The entity tables (migration 002), as the entity views read them. */
  readonly entityIndex: PgEntityReads;
  /** Events and storylines (tables of migration 003). */
  readonly stories: PgStoryTables;
  /** Followed sources, their items and syndicated copies (migration 006). */
  readonly sources: PgSourceTables;
  /** The schema has the stems of search words (migration 008). */
  private hasStems = false;
  /** Above how many matches search samples its facets and ranks the most recent ones only. */
  private readonly bounds: Required<SearchBounds>;
  /** The (language, word) pairs of search_stems this process wrote. */
  private readonly storedStems = new StoredStems();

  constructor(
    readonly url: string,
    options: PostgresStoreOptions = {},
  ) {
    this.where = redactUrl(url);
    this.bounds = searchBounds(options.search);
    this.pool = createPool(url, options.poolSize ?? 4);
    // An idle client losing its connection (server restart) must not crash the process.
    this.pool.on('error', () => {});
    this.ready = this.init(options.migrations);
    this.ready.catch(() => {}); // reported by the first call that awaits it
    this.entityIndex = new PgEntityReads(() => this.open());
    this.stories = new PgStoryTables(() => this.open());
    this.sources = new PgSourceTables(() => this.open());
  }

  private async init(migrations: Migration[] | undefined): Promise<void> {
    try {
      const encoding = await value<string>(this.pool, 'SHOW server_encoding');
      if (encoding !== 'UTF8') throw new StoreError(`${this.where} uses the ${encoding} encoding; Dossier needs a UTF8 database (CREATE DATABASE … ENCODING 'UTF8')`);
      this.version = await migrate(this.pool, this.where, migrations);
      this.hasStems = (await value<boolean>(this.pool, "SELECT to_regclass('search_stems') IS NOT NULL")) === true;
      await this.fillStems();
    } catch (err) {
      if (err instanceof StoreError) throw err;
      throw new StoreError(`cannot open database ${this.where}: ${(err as Error).message}`, { cause: err });
    }
  }

  /** Waits for the connection and schema; refuses work after close. */
  private async open(): Promise<pg.Pool> {
    if (this.closed) throw new StoreError(`the store ${this.where} is closed`);
    await this.ready;
    return this.pool;
  }

  get schemaVersion(): number {
    return this.version;
  }

  // ---------------------------------------------------------------- writing

  /** One write transaction on one pooled client, under the advisory lock `name` (see README.md). */
  write<T>(name: WriteLock, fn: (tables: WriteTables) => Promise<T>): Promise<T> {
    return this.transact(name, (_c, tables) => fn(tables));
  }

  /** The server's transaction snapshot (xmin:xmax:in-progress ids): it changes when a transaction
   *  that may write starts and when it ends, so a value read before a commit differs from one after. */
  async changeToken(): Promise<string> {
    const pool = await this.open();
    const [r] = await rows<{ s: string }>(pool, 'SELECT txid_current_snapshot()::text AS s');
    return r.s;
  }

  private async transact<T>(name: WriteLock, fn: (c: pg.PoolClient, tables: WriteTables) => Promise<T>): Promise<T> {
    const pool = await this.open();
    try {
      return await transaction(pool, async (c) => {
        await lock(c, name);
        return fn(c, { stories: new PgStoryTables(async () => c), entities: new PgEntityTables(c) });
      });
    } catch (err) {
      this.storedStems.forget();
      throw err;
    }
  }

  /** Adds the stems of an article's words that search_stems lacks, on the transaction's client. */
  private async insertStems(c: Queryable, a: { language: string; title: string | null; dek: string | null; text: string }): Promise<void> {
    if (!this.hasStems) return;
    const pairs = stemPairs(a.language, [a.title, a.dek, a.text], (w) => this.storedStems.has(a.language, w));
    if (pairs.length === 0) return;
    await c.query('INSERT INTO search_stems (lang, stem, word) SELECT $1, s, w FROM unnest($2::text[], $3::text[]) AS x(w, s) ON CONFLICT DO NOTHING', [
      a.language,
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    ]);
    for (const [word] of pairs) this.storedStems.add(a.language, word);
  }

  /**
   * The one-time step of migration 008: the stems of the words of the articles stored before it, in
   * one transaction under the ingest lock (a process that finds it done by another skips it).
   */
  private async fillStems(): Promise<void> {
    if (!this.hasStems || (await value<boolean>(this.pool, 'SELECT ready FROM search_stems_state'))) return;
    try {
      await transaction(this.pool, async (c) => {
        await lock(c, 'ingest');
        if (await value<boolean>(c, 'SELECT ready FROM search_stems_state FOR UPDATE')) return;
        for (let after = 0; ; ) {
          const page = await rows<{ seq: number; language: string; title: string | null; dek: string | null; text: string }>(
            c,
            'SELECT seq, language, title, dek, text FROM articles WHERE seq > $1 ORDER BY seq LIMIT 500',
            [after],
          );
          if (page.length === 0) break;
          for (const r of page) await this.insertStems(c, r);
          after = page[page.length - 1].seq;
        }
        await c.query('UPDATE search_stems_state SET ready = true');
      });
    } catch (err) {
      this.storedStems.forget();
      throw new StoreError(`cannot index the stems of the stored articles of ${this.where} (migration 008): ${(err as Error).message}`, { cause: err });
    }
  }

  /** The stored words under some stems (for withStems). */
  private async stemWords(keys: StemKey[]): Promise<{ lang: string; stem: string; word: string }[]> {
    if (!this.hasStems || keys.length === 0) return [];
    return rows<{ lang: string; stem: string; word: string }>(
      this.pool,
      'SELECT s.lang, s.stem, s.word FROM unnest($1::text[], $2::text[]) AS k(lang, stem) CROSS JOIN LATERAL (SELECT * FROM search_stems s WHERE s.lang = k.lang AND s.stem = k.stem LIMIT 256) s',
      [keys.map((k) => k.lang), keys.map((k) => k.stem)],
    );
  }

  async storedHashes(hashes: readonly string[]): Promise<Set<string>> {
    const pool = await this.open();
    if (hashes.length === 0) return new Set();
    const found = await rows<{ content_hash: string }>(pool, 'SELECT content_hash FROM articles WHERE content_hash = ANY($1::text[])', [[...hashes]]);
    return new Set(found.map((r) => r.content_hash));
  }

  ingest(batch: IngestItem[], stage?: IngestStage): Promise<IngestResult> {
    // One writer at a time: the corpus stages follow ingest order (seq).
    return ingestBatch(batch, stage, (fn) => this.transact('ingest', (c, tables) => fn(this.articleWrites(c), tables)));
  }

  /** The article writes of an ingest on the transaction's client. */
  private articleWrites(c: pg.PoolClient): ArticleWrites {
    return {
      storedIds: async (hashes) =>
        new Map((await rows<{ content_hash: string; id: string }>(c, 'SELECT content_hash, id FROM articles WHERE content_hash = ANY($1::text[])', [hashes])).map((r) => [r.content_hash, r.id])),
      insert: (item, now) => this.insertArticle(c, item, now),
      // Stored by another writer since the lookup (ON CONFLICT on the content hash).
      idOf: async (hash) => (await value<string>(c, 'SELECT id FROM articles WHERE content_hash = $1', [hash]))!,
    };
  }

  /** Stores one article with its raw input and layers in one statement; its `seq`, or undefined when the hash is taken. */
  private async insertArticle(c: Queryable, item: IngestItem, now: string): Promise<number | undefined> {
    const { raw, article } = item;
    const values: Record<(typeof ARTICLE_COLUMNS)[number], unknown> = articleColumns(item, now);
    const p = new Params();
    const inserted = `INSERT INTO articles (${ARTICLE_COLUMNS.join(', ')}, search)
      VALUES (${ARTICLE_COLUMNS.map((k) => p.add(values[k])).join(', ')}, ${p.add(articleVector(article.title, article.dek, article.text))}::tsvector)
      ON CONFLICT (content_hash) DO NOTHING RETURNING seq`;
    const r = rawColumns(raw);
    const rawInsert = `INSERT INTO article_raw (seq, raw, original, rest) SELECT seq, ${p.add(r.raw)}, ${p.add(r.original)}, ${p.add(r.rest)} FROM a`;
    // Layers are inserted only when the article was (the CTE `a` returned its row).
    const layers = layerInserts(article, p).map((sql, i) => `l${i} AS (${sql.replace(/ FROM json_to_recordset/, ' FROM a, json_to_recordset')})`);
    const sql = `WITH a AS (${inserted}), r AS (${rawInsert})${layers.map((l) => `, ${l}`).join('')} SELECT seq FROM a`;
    const seq = await value<number>(c, sql, p.values);
    if (seq !== undefined) await this.insertStems(c, article);
    return seq;
  }

  async replaceAnalysis(id: string, article: AnalyzedArticle): Promise<void> {
    const pool = await this.open();
    if (article.id !== id) throw new StoreInputError(`replaceAnalysis: the article's id "${article.id}" is not "${id}"`);
    await transaction(pool, async (c) => {
      await lock(c, 'ingest');
      const before = await row<{ language: string; published_at: string | null; entities: string | null }>(
        c,
        `SELECT language, published_at, (analysis::json -> 'entities')::text AS entities FROM articles WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!before) throw new StoreError(`replaceAnalysis: no stored article has id "${id}"`);
      const values: Record<string, unknown> = analysisParams(article, new Date().toISOString());
      const p = new Params();
      const sets = UPDATED_COLUMNS.map((k) => `${k} = ${p.add(values[k])}`);
      sets.push(`search = ${p.add(articleVector(article.title, article.dek, article.text))}::tsvector`);
      await c.query(`UPDATE articles SET ${sets.join(', ')} WHERE id = ${p.add(id)}`, p.values);
      // When what entity resolution read changed, the entity index is out of date until rebuilt.
      if (entityInputChanged(before, article)) await c.query('UPDATE entity_state SET stale = 1');
      await c.query(`WITH ${LAYER_TABLES.map((t, i) => `d${i} AS (DELETE FROM ${t} WHERE article_id = $1)`).join(', ')} SELECT 1`, [id]);
      const lp = new Params();
      const inserts = layerInserts(article, lp);
      if (inserts.length > 0) await c.query(`WITH ${inserts.map((sql, i) => `l${i} AS (${sql})`).join(', ')} SELECT 1`, lp.values);
      await this.insertStems(c, article);
    }).catch((err) => {
      this.storedStems.forget();
      throw err;
    });
  }

  // ---------------------------------------------------------------- reading one article

  async get(idOrPrefix: string): Promise<StoredArticle | null> {
    const pool = await this.open();
    const lookup = articleLookup(idOrPrefix);
    let id: string | null;
    if ('id' in lookup) id = lookup.id;
    else {
      const { column, from, to } = lookup;
      id = onlyArticle(
        idOrPrefix,
        await rows<{ id: string; title: string | null }>(pool, `SELECT id, title FROM articles WHERE ${column} >= $1 AND ${column} < $2 ORDER BY ${column} LIMIT $3`, [
          from,
          to,
          MAX_ID_CANDIDATES + 1,
        ]),
      );
      if (id === null) return null;
    }
    const r = await row<StoredDbRow>(
      pool,
      `SELECT a.content_hash, a.ingested_at, a.analyzed_at, a.text, a.analysis, r.rest
       FROM articles a JOIN article_raw r ON r.seq = a.seq WHERE a.id = $1`,
      [id],
    );
    return r ? toStoredArticle(r) : null;
  }

  async *allRaw(): AsyncIterable<{ id: string; raw: RawArticle }> {
    let after = 0;
    for (;;) {
      const pool = await this.open();
      const page = await rows<{ seq: number; id: string; raw: string; original: string | null; rest: string }>(
        pool,
        `SELECT a.seq, a.id, r.raw, r.original, r.rest FROM articles a JOIN article_raw r ON r.seq = a.seq
         WHERE a.seq > $1 ORDER BY a.seq LIMIT $2`,
        [after, RAW_PAGE],
      );
      if (page.length === 0) return;
      for (const r of page) yield { id: r.id, raw: toRawArticle(r) };
      after = page[page.length - 1].seq;
    }
  }

  // ---------------------------------------------------------------- listing and search

  async list(filter: ArticleFilter & Page = {}): Promise<ListResult> {
    const pool = await this.open();
    const { limit, offset } = resolvePage(filter);
    const p = new Params();
    const where = whereClause(articleConditions(resolveFilter(filter), p));
    const total = (await value<number>(pool, `SELECT count(*) FROM articles a ${where}`, p.values))!;
    const items = await rows<SummaryRow>(
      pool,
      `SELECT ${SUMMARY_COLUMNS} FROM articles a ${where} ORDER BY a.published_at DESC NULLS LAST, a.id LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`,
      p.values,
    );
    return { total, items: items.map(toSummary) };
  }

  async search(query: string, opts: ArticleFilter & Page = {}): Promise<SearchResult> {
    const pool = await this.open();
    const tree = await withStems(parseQuery(query), (keys) => this.stemWords(keys));
    const { limit, offset } = resolvePage(opts);
    const tsquery = toTsquery(tree);
    const filter = resolveFilter(opts);
    /** FROM … WHERE of the matches with `extra` conditions, its parameters added to `p`. */
    const matches = (p: Params, extra: (p: Params) => string[] = () => []) => {
      const q = p.add(tsquery);
      return { q, from: `FROM articles a ${whereClause(articleConditions(filter, p, [`a.search @@ ${q}::tsquery`, ...extra(p)]))}` };
    };
    const tp = new Params();
    const total = (await value<number>(pool, `SELECT count(*)::int ${matches(tp).from}`, tp.values))!;
    const facets: SearchFacets = { language: [], source: [], entity: [], month: [] };
    if (total === 0) return { total, hits: [], facets };
    const { facetSample, rankedMatches } = this.bounds;
    // The hits: ranked among every match, or among the rankedMatches most recent ones.
    let oldest: number | undefined;
    if (total > rankedMatches) {
      const op = new Params();
      const { from } = matches(op);
      oldest = await value<number>(pool, `SELECT a.seq ${from} ORDER BY a.seq DESC OFFSET ${op.add(rankedMatches - 1)} LIMIT 1`, op.values);
    }
    // Language, source and month over every match, or over a sample of them scaled to the total,
    // as in SQLite (facets.ts). Facets, entity facet and the page run at once, each on its own
    // connection of the pool.
    const facetRows = async (sampled: boolean) => {
      const fp = new Params();
      const { from } = matches(fp, (p) => (sampled ? [sampleCondition('a.seq', p.add(sampleThreshold(facetSample, total)))] : []));
      return rows<{ facet: keyof SearchFacets; value: string | null; n: number }>(
        pool,
        `WITH m AS MATERIALIZED (SELECT a.language, a.source, substr(a.published_at, 1, 7) AS month ${from})
         SELECT 'language' AS facet, language AS value, count(*)::int AS n FROM m GROUP BY language
         UNION ALL SELECT 'source', source, count(*)::int FROM m GROUP BY source
         UNION ALL SELECT 'month', month, count(*)::int FROM m GROUP BY month`,
        fp.values,
      );
    };
    const ep = new Params();
    const entityFrom = matches(ep).from;
    const hp = new Params();
    const hq = matches(hp, (p) => (oldest !== undefined ? [`a.seq >= ${p.add(oldest)}`] : []));
    // Ranking: cover density with PostgreSQL's default weights {D 0.1, C 0.2, B 0.4, A 1.0}, i.e.
    // title 10, dek 4, text 1 as the SQLite store's BM25 weights; divided by 1 + log(length).
    const [sampledRows, entityFacet, hits] = await Promise.all([
      facetRows(total > facetSample),
      // Each matching article counts once per entity; names are looked up for the top counts only.
      // Over the ENTITY_FACET_MATCHES most recent matches (all of them when fewer), as in SQLite.
      rows<EntityFacetCount>(
        pool,
        `WITH m AS MATERIALIZED (SELECT a.id ${entityFrom} ORDER BY a.seq DESC LIMIT ${ENTITY_FACET_MATCHES}),
         k AS MATERIALIZED (SELECT d.key, count(*) AS n FROM m CROSS JOIN LATERAL (SELECT DISTINCT l.key FROM entity_links l WHERE l.article_id = m.id) d GROUP BY d.key)
         SELECT k.key AS value, e.name AS name, e.type AS type, k.n::int AS count
         FROM k JOIN entities e ON e.key = k.key
         WHERE k.n >= coalesce((SELECT n FROM k ORDER BY n DESC OFFSET 19 LIMIT 1), 0)
         ORDER BY k.n DESC, e.name LIMIT 20`,
        ep.values,
      ),
      offset >= Math.min(total, rankedMatches)
        ? []
        : rows<SummaryRow & { score: number; dek: string | null; text: string }>(
            pool,
            `SELECT ${SUMMARY_COLUMNS}, a.dek, a.text, ts_rank_cd(a.search, ${hq.q}::tsquery, 1) AS score
             ${hq.from} ORDER BY score DESC, a.seq LIMIT ${hp.add(limit)} OFFSET ${hp.add(offset)}`,
            hp.values,
          ),
    ]);
    // a sample that took none (tiny bounds): every match
    const counted = sampledRows.length === 0 && total > facetSample ? await facetRows(false) : sampledRows;
    facets.entity = entityFacet;
    for (const r of counted) if (r.facet !== 'entity') facets[r.facet].push({ value: r.value, count: r.n });
    const sampled = facets.language.reduce((n, f) => n + f.count, 0);
    for (const f of [facets.language, facets.source, facets.month]) scaleCounts(f, sampled, total);
    byCount(facets.language);
    byCount(facets.source);
    byMonth(facets.month);
    // Snippets from the field holding the most searched words (the text on a tie), marked as matched.
    const terms = snippetTerms(tree);
    return {
      total,
      hits: hits.map((r) => ({ ...toSummary(r), score: r.score, snippet: bestSnippet([r.text, r.dek, r.title], terms) })),
      facets,
      ...(sampled < total ? { facetsFrom: sampled } : {}),
      ...(total > rankedMatches ? { rankedFrom: rankedMatches } : {}),
    };
  }

  // ---------------------------------------------------------------- layers across the corpus

  private async layerRows<Db, Row>(
    table: string,
    filter: ArticleFilter & Page & { articleId?: string },
    layer: (p: Params) => string[],
    map: (r: Db) => Row,
  ): Promise<RowsResult<Row>> {
    const pool = await this.open();
    const { limit, offset } = resolvePage(filter);
    const p = new Params();
    const conditions = layer(p);
    const articleId = optionalText(filter.articleId);
    if (articleId !== undefined) conditions.push(`l.article_id = ${p.add(articleId)}`);
    const articles = articleConditions(resolveFilter(filter), p);
    const from = `FROM articles a JOIN ${table} l ON l.article_id = a.id ${whereClause([...conditions, ...articles])}`;
    // The count needs the articles only when filtered by them.
    const total = (await value<number>(pool, articles.length ? `SELECT count(*) ${from}` : `SELECT count(*) FROM ${table} l ${whereClause(conditions)}`, p.values))!;
    const items = await rows<Db>(
      pool,
      `SELECT ${LAYER_ARTICLE_COLUMNS}, l.* ${from} ORDER BY a.published_at DESC NULLS LAST, a.id, l.idx LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`,
      p.values,
    );
    return { total, items: items.map(map) };
  }

  async quotes(filter: QuoteFilter = {}): Promise<RowsResult<QuoteRow>> {
    return this.layerRows<QuoteDbRow, QuoteRow>('quotes', filter, (p) => {
      const c: string[] = [];
      const speaker = optionalText(filter.speaker);
      if (speaker !== undefined) c.push(`strpos(l.speaker_folded, ${p.add(foldForSearch(speaker))}) > 0`);
      if (optionalText(filter.kind) !== undefined) c.push(`l.kind = ${p.add(filter.kind)}`);
      return c;
    }, toQuoteRow);
  }

  async figures(filter: FigureFilter = {}): Promise<RowsResult<FigureRow>> {
    return this.layerRows<FigureDbRow, FigureRow>('figures', filter, (p) => {
      const c: string[] = [];
      const counts = optionalText(filter.counts);
      if (counts !== undefined) c.push(`strpos(l.counts_folded, ${p.add(foldForSearch(counts))}) > 0`);
      const countsKey = optionalText(filter.countsKey);
      if (countsKey !== undefined) c.push(`l.counts_key = ${p.add(countsKey)}`);
      return c;
    }, toFigureRow);
  }

  async times(filter: TimeFilter = {}): Promise<RowsResult<TimeRow>> {
    return this.layerRows<TimeDbRow, TimeRow>('times', filter, (p) => {
      const c: string[] = [];
      const v = optionalText(filter.value);
      if (v !== undefined) c.push(`l.value >= ${p.add(v)} AND l.value < ${p.add(v + '\u{10FFFF}')}`);
      if (optionalText(filter.granularity) !== undefined) c.push(`l.granularity = ${p.add(filter.granularity)}`);
      return c;
    }, toTimeRow);
  }

  async entityMentions(filter: MentionFilter = {}): Promise<RowsResult<MentionRow>> {
    return this.layerRows<MentionDbRow, MentionRow>('entity_mentions', filter, (p) => {
      const c: string[] = [];
      const name = optionalText(filter.name);
      if (name !== undefined) c.push(`strpos(l.name_folded, ${p.add(foldForSearch(name))}) > 0`);
      if (optionalText(filter.type) !== undefined) c.push(`l.type = ${p.add(filter.type)}`);
      return c;
    }, toMentionRow);
  }

  // ---------------------------------------------------------------- the whole store

  async stats(): Promise<StoreStats> {
    const pool = await this.open();
    const t = (await row<TotalsRow>(
      pool,
      `SELECT count(*) AS articles, min(published_at) AS first, max(published_at) AS last,
         count(*) - count(published_at) AS undated, coalesce(sum(n_entities), 0) AS entities, coalesce(sum(n_mentions), 0) AS mentions,
         coalesce(sum(n_quotes), 0) AS quotes, coalesce(sum(n_figures), 0) AS figures, coalesce(sum(n_times), 0) AS times FROM articles`,
    ))!;
    const facet = (column: string) =>
      rows<FacetCount>(pool, `SELECT ${column} AS value, count(*) AS count FROM articles GROUP BY ${column} ORDER BY count DESC, ${column} NULLS LAST`);
    // Tables, indexes and TOAST of this schema.
    const size = await value<number>(
      pool,
      `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind = 'r'`,
    );
    const versions = (await facet('analysis_version')).map((f) => ({ version: f.value, articles: Number(f.count) }));
    return toStats(t, await facet('language'), await facet('source'), size ?? 0, this.version, versions);
  }

  // ---------------------------------------------------------------- the entity index

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.ready.catch(() => {});
    await this.pool.end();
  }
}

/** Opens the PostgreSQL store at `url` (creating and migrating the schema as needed); await `ready` or any method. */
export function openPostgresStore(url: string, options?: PostgresStoreOptions): PostgresStore {
  return new PostgresStore(url, options);
}

/** Opens the store and waits until it is connected and migrated (errors surface here). */
export async function connectPostgresStore(url: string, options?: PostgresStoreOptions): Promise<PostgresStore> {
  const store = new PostgresStore(url, options);
  try {
    await store.ready;
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

export { bundledMigrations } from './migrate.ts';
export type { Migration } from '../migrations.ts';
