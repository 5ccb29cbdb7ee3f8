// Writing the corpus-wide entity index in PostgreSQL (tables of migration 002): incremental resolution
// inside the ingest transaction, a full rebuild, and the resolver's state read back. The resolver
// is held in memory between batches and reloaded when another process wrote (entity_state.generation)
// or a transaction rolled back. Callers hold the 'ingest' advisory lock, so one batch writes at a time.
import type pg from 'pg';
import type { ArticleEntities, EntityLink, EntityMerge, EntityRow, ResolverState } from '../../corpus/entities/model.ts';
import { EntityResolver } from '../../corpus/entities/resolve.ts';
import {
  ENTITY_TABLES,
  EntityBatchLog,
  type EntityStateRows,
  type StoredEntity,
  articleEntities,
  checkLocalIds,
  entityColumns,
  entityStateQueries,
  newEntityNames,
  stateFromRows,
  stateRows,
} from '../entity-rows.ts';
import { NOT_SEEN, type Seen, seenOf } from '../entity-view.ts';
import type { EntityRebuildResult } from '../store.ts';
import { column, rows, value } from './db.ts';

export { articleEntities };

/** Stored articles read per step when rebuilding. */
const REBUILD_PAGE = 500;

const ENTITY_COLUMN_TYPES =
  'key text, ord int, name text, name_folded text, type text, source text, canonical_name text, canonical_type text, is_person smallint, ' +
  'mention_count int, article_count int, first_seen text, last_seen text, types_json text, names_json text, surfaces_json text, ' +
  'roles_json text, genders_json text';
const ENTITY_COLUMNS = ENTITY_COLUMN_TYPES.split(', ').map((c) => c.split(' ')[0]);

/** Inserts rows given as objects keyed by column, in one statement (json_to_recordset). */
async function insertRecords(c: pg.PoolClient, table: string, types: string, records: object[], onConflict = ''): Promise<void> {
  if (records.length === 0) return;
  const cols = types.split(', ').map((x) => x.split(' ')[0]).join(', ');
  await c.query(`INSERT INTO ${table} (${cols}) SELECT ${cols} FROM json_to_recordset($1::json) AS x(${types}) ${onConflict}`, [JSON.stringify(records)]);
}

const LINK_TYPES = 'article_id text, local_id text, key text, name text, type text, rule text, reason text, position int';
const linkRecords = (links: EntityLink[]) =>
  links.map((l, position) => ({ article_id: l.articleId, local_id: l.localId, key: l.key, name: l.name, type: l.type, rule: l.rule, reason: l.reason, position }));
const ARTICLE_TYPES = 'seq bigint, article_id text, language text, published_at text, story_id text';
const NAME_TYPES = 'key text, kind text, text text, folded text';

async function writeEntities(c: pg.PoolClient, entities: Record<string, unknown>[], names: object[]): Promise<void> {
  const updates = ENTITY_COLUMNS.filter((k) => k !== 'key' && k !== 'ord').map((k) => `${k} = excluded.${k}`).join(', ');
  await insertRecords(c, 'entities', ENTITY_COLUMN_TYPES, entities, `ON CONFLICT (key) DO UPDATE SET ${updates}`);
  await insertRecords(c, 'entity_names', NAME_TYPES, names, 'ON CONFLICT DO NOTHING');
}

export class PgEntityIndexWriter {
  private resolver: EntityResolver | undefined;
  private generation = -1;

  /** Starts resolving a batch of new articles; call inside the write transaction, then `finish` the batch. */
  async batch(c: pg.PoolClient): Promise<PgEntityBatch> {
    const generation = (await value<number>(c, 'SELECT generation FROM entity_state'))!;
    if (!this.resolver || generation !== this.generation) {
      this.resolver = EntityResolver.fromState(await readEntityState(c));
      this.generation = generation;
    }
    return new PgEntityBatch(c, this.resolver, (g) => {
      this.generation = g;
    });
  }

  /** Forgets the resolver in memory: after a rolled-back transaction it knows articles the tables do not. */
  discard(): void {
    this.resolver = undefined;
  }

  /** Replaces the index with a new resolution of every stored entity layer, in ingest order. Call inside a transaction. */
  async rebuild(c: pg.PoolClient): Promise<EntityRebuildResult> {
    // DELETE, not TRUNCATE: readers keep seeing the old index until the rebuild commits.
    for (const t of ENTITY_TABLES) await c.query(`DELETE FROM ${t}`);
    const resolver = new EntityResolver();
    const seqOf = new Map<string, number>();
    for (let after = 0; ; ) {
      const page = await rows<{ seq: number; id: string; language: string; published_at: string | null; entities: ArticleEntities['entities'] | null }>(
        c,
        `SELECT seq, id, language, published_at, analysis::json -> 'entities' AS entities FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2`,
        [after, REBUILD_PAGE],
      );
      if (page.length === 0) break;
      for (const r of page) {
        resolver.add(articleEntities({ id: r.id, language: r.language, publishedAt: r.published_at, entities: r.entities ?? [] }));
        seqOf.set(r.id, r.seq);
      }
      after = page[page.length - 1].seq;
    }
    const state = resolver.state();
    await writeState(c, state, seqOf);
    this.generation = (await value<number>(c, 'UPDATE entity_state SET generation = generation + 1, stale = 0 RETURNING generation'))!;
    this.resolver = resolver;
    return { articles: state.articles.length, entities: state.entities.length, links: state.links.length, merges: state.merges.length };
  }
}

/** The resolution of one ingest batch: `add` each stored article in order, then `finish`. Links are written in bulk. */
export class PgEntityBatch {
  private readonly log = new EntityBatchLog();
  private pendingArticles: object[] = [];
  private pendingLinks: object[] = [];

  constructor(
    private readonly c: pg.PoolClient,
    private readonly resolver: EntityResolver,
    private readonly onCommit: (generation: number) => void,
  ) {}

  /** Resolves one article just stored (its `articles.seq`): records it, applies the merges it caused, queues its links. */
  async add(article: ArticleEntities, seq: number): Promise<void> {
    checkLocalIds(article);
    const res = this.resolver.add(article);
    this.pendingArticles.push({ seq, article_id: article.id, language: article.language, published_at: article.publishedAt, story_id: article.storyId ?? null });
    if (res.merges.length > 0) {
      await this.flush(); // merges rewrite the keys of links written before
      for (const m of res.merges) await this.merge(m);
    }
    this.pendingLinks.push(...linkRecords(res.links));
    this.log.resolved(article, res);
  }

  private async flush(): Promise<void> {
    await insertRecords(this.c, 'entity_articles', ARTICLE_TYPES, this.pendingArticles);
    await insertRecords(this.c, 'entity_links', LINK_TYPES, this.pendingLinks);
    this.pendingArticles = [];
    this.pendingLinks = [];
  }

  private async merge(m: EntityMerge): Promise<void> {
    const c = this.c;
    await c.query('UPDATE entity_links SET key = $1 WHERE key = $2', [m.to, m.from]);
    await c.query('UPDATE entity_redirects SET to_key = $1 WHERE to_key = $2', [m.to, m.from]);
    await c.query('INSERT INTO entity_redirects (from_key, to_key) VALUES ($1, $2)', [m.from, m.to]);
    await c.query('INSERT INTO entity_merges (from_key, to_key, article_id, reason) VALUES ($1, $2, $3, $4)', [m.from, m.to, m.articleId, m.reason]);
    await c.query('INSERT INTO entity_names (key, kind, text, folded) SELECT $1, kind, text, folded FROM entity_names WHERE key = $2 ON CONFLICT DO NOTHING', [m.to, m.from]);
    await c.query('DELETE FROM entity_names WHERE key = $1', [m.from]);
    await c.query('DELETE FROM entities WHERE key = $1', [m.from]);
    this.log.merged(m.to);
  }

  /** Writes the rows of every entity the batch changed and marks the index as changed for other processes. */
  async finish(): Promise<void> {
    if (this.log.added === 0) return;
    await this.flush();
    const c = this.c;
    const writes = this.log.writes(this.resolver);
    let nextOrd = (await value<number>(c, 'SELECT coalesce(max(ord), 0) FROM entities'))! + 1;
    const stored = new Map(
      (
        await rows<StoredEntity & { key: string }>(
          c,
          'SELECT key, ord, article_count, first_seen, last_seen, names_json, surfaces_json FROM entities WHERE key = ANY($1::text[])',
          [writes.map((w) => w.row.key)],
        )
      ).map((r) => [r.key, r]),
    );
    const entities: Record<string, unknown>[] = [];
    const names: object[] = [];
    for (const { row, fromLinks } of writes) {
      const before = stored.get(row.key);
      const seen = fromLinks ? await seenOfLinks(c, row.key) : this.log.seenOf(row.key, before);
      entities.push(entityColumns(row, before?.ord ?? nextOrd++, seen));
      names.push(...newEntityNames(row, before));
    }
    await writeEntities(c, entities, names);
    this.onCommit((await value<number>(c, 'UPDATE entity_state SET generation = generation + 1 RETURNING generation'))!);
  }
}

/** Article count and dates of an entity from its links (after merges). */
async function seenOfLinks(c: pg.PoolClient, key: string): Promise<Seen> {
  return seenOf(
    await column<string | null>(c, 'SELECT published_at FROM entity_articles WHERE article_id IN (SELECT article_id FROM entity_links WHERE key = $1)', [key]),
  );
}

/** Writes a whole resolver state into the emptied tables (a rebuild). `seqOf`: article id -> articles.seq. */
async function writeState(c: pg.PoolClient, state: ResolverState, seqOf: Map<string, number>): Promise<void> {
  await insertRecords(
    c,
    'entity_articles',
    ARTICLE_TYPES,
    state.articles.map((a) => ({ seq: seqOf.get(a.id), article_id: a.id, language: a.language, published_at: a.publishedAt, story_id: a.storyId })),
  );
  const { linksByArticle, seen } = stateRows(state);
  const links = linksByArticle.flatMap(linkRecords);
  for (let i = 0; i < links.length; i += 5000) await insertRecords(c, 'entity_links', LINK_TYPES, links.slice(i, i + 5000));
  // One statement keeps the merges in order (identity seq) and the redirects with them.
  await insertRecords(
    c,
    'entity_merges',
    'from_key text, to_key text, article_id text, reason text',
    state.merges.map((m) => ({ from_key: m.from, to_key: m.to, article_id: m.articleId, reason: m.reason })),
  );
  await insertRecords(c, 'entity_redirects', 'from_key text, to_key text', Object.entries(state.redirects).map(([from_key, to_key]) => ({ from_key, to_key })));
  const entities = state.entities.map((row: EntityRow, i) => entityColumns(row, i + 1, seen.get(row.key) ?? NOT_SEEN));
  const names = state.entities.flatMap((row) => newEntityNames(row, undefined));
  for (let i = 0; i < entities.length; i += 2000) await writeEntities(c, entities.slice(i, i + 2000), []);
  for (let i = 0; i < names.length; i += 5000) await writeEntities(c, [], names.slice(i, i + 5000));
}

/** The resolver's state as stored: what `EntityResolver.fromState` continues from. */
export async function readEntityState(c: pg.PoolClient | pg.Pool): Promise<ResolverState> {
  const all = <K extends keyof EntityStateRows>(k: K) => rows<EntityStateRows[K][number]>(c, entityStateQueries()[k]) as Promise<EntityStateRows[K]>;
  return stateFromRows({ entities: await all('entities'), links: await all('links'), merges: await all('merges'), redirects: await all('redirects'), articles: await all('articles') });
}
