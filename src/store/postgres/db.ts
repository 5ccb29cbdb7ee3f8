// The connection pool and the small helpers every PostgreSQL module uses: typed queries,
// numbered parameters, transactions, and the advisory locks that serialise writers.
import pg from 'pg';

/** A pool or one checked-out client (inside a transaction). */
export type Queryable = pg.Pool | pg.PoolClient;

/** 64-bit integers (counts, sums, identity columns) as JS numbers: Dossier's counts fit in 2^53. */
const TYPES = {
  getTypeParser(oid: number, format?: string) {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as unknown as pg.CustomTypesConfig;

/**
 * A pool for the store. Its sessions use random_page_cost 1.1 (SSD storage; the server default 4
 * assumes spinning disks): with 4 the planner reads a search's matches by scanning every article's
 * tsvector (35 ms on 10k articles) instead of through the GIN index (2.5 ms). An `options` parameter
 * in the URL replaces this setting.
 */
export function createPool(url: string, max: number): pg.Pool {
  return new pg.Pool({ connectionString: url, max, types: TYPES, application_name: 'dossier', options: '-c random_page_cost=1.1' });
}

export async function rows<T>(q: Queryable, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await q.query(sql, params)).rows as T[];
}

export async function row<T>(q: Queryable, sql: string, params: unknown[] = []): Promise<T | undefined> {
  return (await q.query(sql, params)).rows[0] as T | undefined;
}

/** The first column of the first row (undefined when there is no row). */
export async function value<T>(q: Queryable, sql: string, params: unknown[] = []): Promise<T | undefined> {
  const r = await q.query({ text: sql, values: params, rowMode: 'array' });
  return r.rows[0]?.[0] as T | undefined;
}

/** The first column of every row. */
export async function column<T>(q: Queryable, sql: string, params: unknown[] = []): Promise<T[]> {
  const r = await q.query({ text: sql, values: params, rowMode: 'array' });
  return r.rows.map((x: unknown[]) => x[0] as T);
}

/** Numbered query parameters: `p.add(v)` returns "$n". */
export class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** What an advisory lock serialises. Locks are keyed by schema, so two Dossier schemas in one database do not wait on each other. */
export type LockName = 'migrate' | 'ingest' | 'stories';

/** Takes the transaction-scoped advisory lock `name` (released at commit or rollback). */
export async function lock(c: pg.PoolClient, name: LockName): Promise<void> {
  await c.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':dossier:' || $1))`, [name]);
}

/** Runs `fn` in one transaction on one client: committed when it returns, rolled back when it throws. */
export async function transaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    let out: T;
    try {
      out = await fn(c);
    } catch (err) {
      await c.query('ROLLBACK').catch(() => {});
      throw err;
    }
    await c.query('COMMIT');
    return out;
  } finally {
    c.release();
  }
}
