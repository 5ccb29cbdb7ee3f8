// Numbered schema migrations: migrations/NNN_name.sql, applied in order at open, each in its own
// transaction together with its row in schema_version, so a failed step leaves the previous version.
// Every step takes an advisory lock and re-reads the version under it, so processes opening a new
// database at once apply each migration exactly once.
import type pg from 'pg';
import { StoreError } from '../store.ts';
import { checkNumbering, loadMigrations, type Migration } from '../migrations.ts';
import { lock, transaction, value } from './db.ts';
import { pathToFileURL } from 'node:url';
import { packagePath } from '../../paths.ts';

let bundled: Migration[] | undefined;

/** The migrations that ship with this code, checked to be numbered 1, 2, 3, ... */
export function bundledMigrations(): Migration[] {
  bundled ??= loadMigrations(pathToFileURL(packagePath('src/store/postgres/migrations/')));
  return bundled;
}

/** Tables of a Dossier schema: a schema holding one of them without schema_version is not taken over. */
const OWN_TABLES = ['articles', 'article_raw', 'quotes', 'entities', 'story_clusters'];

async function currentVersion(c: pg.PoolClient, where: string, latest: number): Promise<number> {
  const hasTable = async (name: string) => (await value<boolean>(c, 'SELECT to_regclass($1) IS NOT NULL', [name])) === true;
  let version = 0;
  if (await hasTable('schema_version')) {
    version = (await value<number>(c, 'SELECT coalesce(max(version), 0) FROM schema_version')) ?? 0;
  }
  if (version > latest) {
    throw new StoreError(`${where} has schema version ${version}, newer than this version of Dossier knows (${latest}); upgrade Dossier to open it`);
  }
  if (version === 0) {
    for (const t of OWN_TABLES) {
      if (await hasTable(t)) throw new StoreError(`${where} has a table "${t}" but no Dossier schema version; it is not a Dossier database (use another database or schema)`);
    }
  }
  return version;
}

/** Brings the database to the newest schema; returns its version. `where` names it in errors (no password). */
export async function migrate(pool: pg.Pool, where: string, migrations: Migration[] = bundledMigrations()): Promise<number> {
  checkNumbering(migrations);
  const latest = migrations.length;
  let version = -1;
  for (;;) {
    let applied: Migration | undefined;
    try {
      version = await transaction(pool, async (c) => {
        await lock(c, 'migrate');
        const now = await currentVersion(c, where, latest);
        if (now >= latest) return now;
        applied = migrations[now];
        await c.query('CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
        await c.query(applied.sql);
        await c.query('INSERT INTO schema_version (version, name) VALUES ($1, $2)', [applied.version, applied.name]);
        return applied.version;
      });
    } catch (err) {
      if (err instanceof StoreError || !applied) throw err;
      throw new StoreError(`migration ${applied.name} failed on ${where}: ${(err as Error).message} (schema left at version ${applied.version - 1})`, { cause: err });
    }
    if (version >= latest) return version;
  }
}
