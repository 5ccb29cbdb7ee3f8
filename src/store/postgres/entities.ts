// The entity tables in PostgreSQL (migration 002), as the entity stage of the corpus reads and writes
// them while resolving (the corpus's entity index writer), on the client of a write transaction
// that holds the 'ingest' advisory lock. Rows go in bulk (json_to_recordset).
import type pg from 'pg';
import type { EntityArticleRow, EntityColumns, EntityNameRow, EntityTables, LinkRow, MergeRow, StoredEntityLayer } from '../entity-tables.ts';
import { ENTITY_TABLES, entityStateQueries, type EntityStateRows, type StoredEntity } from '../entity-rows.ts';
import { column, rows, value, type Queryable } from './db.ts';

/** Rows sent per statement. */
const CHUNK = 5000;

const ENTITY_COLUMN_TYPES =
  'key text, ord int, name text, name_folded text, type text, source text, canonical_name text, canonical_type text, is_person smallint, ' +
  'mention_count int, article_count int, first_seen text, last_seen text, types_json text, names_json text, surfaces_json text, ' +
  'roles_json text, genders_json text';
const ENTITY_COLUMNS = ENTITY_COLUMN_TYPES.split(', ').map((c) => c.split(' ')[0]);
const LINK_TYPES = 'article_id text, local_id text, key text, name text, type text, rule text, reason text, position int';
const ARTICLE_TYPES = 'seq bigint, article_id text, language text, published_at text, story_id text';
const NAME_TYPES = 'key text, kind text, text text, folded text';

/** Inserts rows given as objects keyed by column, CHUNK to a statement (json_to_recordset). */
async function insertRecords(c: Queryable, table: string, types: string, records: object[], onConflict = ''): Promise<void> {
  const cols = types.split(', ').map((x) => x.split(' ')[0]).join(', ');
  for (let i = 0; i < records.length; i += CHUNK) {
    const chunk = records.slice(i, i + CHUNK);
    await c.query(`INSERT INTO ${table} (${cols}) SELECT ${cols} FROM json_to_recordset($1::json) AS x(${types}) ${onConflict}`, [JSON.stringify(chunk)]);
  }
}

export class PgEntityTables implements EntityTables {
  /** PostgreSQL reads asynchronously: its resolver loads the state (`stateRows`). */
  readonly pointReads = null;
  readonly available = true;

  constructor(private readonly c: pg.PoolClient) {}

  async generation(): Promise<number> {
    return (await value<number>(this.c, 'SELECT generation FROM entity_state'))!;
  }

  async nextGeneration(opts: { rebuilt?: boolean } = {}): Promise<number> {
    return (await value<number>(this.c, `UPDATE entity_state SET generation = generation + 1${opts.rebuilt ? ', stale = 0' : ''} RETURNING generation`))!;
  }

  async stateRows(): Promise<EntityStateRows> {
    return readStateRows(this.c);
  }

  async layersAfter(seq: number, limit: number): Promise<StoredEntityLayer[]> {
    const found = await rows<Omit<StoredEntityLayer, 'entities'> & { entities: StoredEntityLayer['entities'] | null }>(
      this.c,
      `SELECT seq, id, language, published_at, analysis::json -> 'entities' AS entities FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [seq, limit],
    );
    return found.map((r) => ({ ...r, entities: r.entities ?? [] }));
  }

  async clear(): Promise<void> {
    // DELETE, not TRUNCATE: readers keep seeing the old index until the rebuild commits.
    for (const t of ENTITY_TABLES) await this.c.query(`DELETE FROM ${t}`);
  }

  addArticles(r: EntityArticleRow[]): Promise<void> {
    return insertRecords(this.c, 'entity_articles', ARTICLE_TYPES, r);
  }

  addLinks(r: LinkRow[]): Promise<void> {
    return insertRecords(this.c, 'entity_links', LINK_TYPES, r);
  }

  addMerges(r: MergeRow[]): Promise<void> {
    // One statement a chunk keeps the merges in order (identity seq).
    return insertRecords(this.c, 'entity_merges', 'from_key text, to_key text, article_id text, reason text', r);
  }

  addRedirects(r: { from_key: string; to_key: string }[]): Promise<void> {
    return insertRecords(this.c, 'entity_redirects', 'from_key text, to_key text', r);
  }

  async merge(m: MergeRow): Promise<void> {
    const c = this.c;
    await c.query('UPDATE entity_links SET key = $1 WHERE key = $2', [m.to_key, m.from_key]);
    await c.query('UPDATE entity_redirects SET to_key = $1 WHERE to_key = $2', [m.to_key, m.from_key]);
    await c.query('INSERT INTO entity_redirects (from_key, to_key) VALUES ($1, $2)', [m.from_key, m.to_key]);
    await c.query('INSERT INTO entity_merges (from_key, to_key, article_id, reason) VALUES ($1, $2, $3, $4)', [m.from_key, m.to_key, m.article_id, m.reason]);
    await c.query('INSERT INTO entity_names (key, kind, text, folded) SELECT $1, kind, text, folded FROM entity_names WHERE key = $2 ON CONFLICT DO NOTHING', [
      m.to_key,
      m.from_key,
    ]);
    await c.query('DELETE FROM entity_names WHERE key = $1', [m.from_key]);
    await c.query('DELETE FROM entities WHERE key = $1', [m.from_key]);
  }

  async maxOrd(): Promise<number> {
    return (await value<number>(this.c, 'SELECT coalesce(max(ord), 0) FROM entities'))!;
  }

  async storedEntities(keys: string[]): Promise<Map<string, StoredEntity>> {
    const found = await rows<StoredEntity & { key: string }>(
      this.c,
      'SELECT key, ord, article_count, first_seen, last_seen, names_json, surfaces_json FROM entities WHERE key = ANY($1::text[])',
      [keys],
    );
    return new Map(found.map((r) => [r.key, r]));
  }

  linkedDates(key: string): Promise<(string | null)[]> {
    return column<string | null>(this.c, 'SELECT published_at FROM entity_articles WHERE article_id IN (SELECT article_id FROM entity_links WHERE key = $1)', [key]);
  }

  async writeEntities(entities: EntityColumns[], names: EntityNameRow[]): Promise<void> {
    const updates = ENTITY_COLUMNS.filter((k) => k !== 'key' && k !== 'ord').map((k) => `${k} = excluded.${k}`).join(', ');
    // Fewer entity rows a statement: each is wide.
    for (let i = 0; i < entities.length; i += 2000) {
      await insertRecords(this.c, 'entities', ENTITY_COLUMN_TYPES, entities.slice(i, i + 2000), `ON CONFLICT (key) DO UPDATE SET ${updates}`);
    }
    await insertRecords(this.c, 'entity_names', NAME_TYPES, names, 'ON CONFLICT DO NOTHING');
  }
}

/** The rows of the resolver's state as stored. */
export async function readStateRows(q: Queryable): Promise<EntityStateRows> {
  const all = <K extends keyof EntityStateRows>(k: K) => rows<EntityStateRows[K][number]>(q, entityStateQueries()[k]) as Promise<EntityStateRows[K]>;
  return { entities: await all('entities'), links: await all('links'), merges: await all('merges'), redirects: await all('redirects'), articles: await all('articles') };
}
