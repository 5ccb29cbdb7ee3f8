// Numbered schema migrations: migrations/NNN_name.sql, applied in order, each in its own
// transaction together with the new PRAGMA user_version, so a failed step leaves the previous version.
import type Database from 'better-sqlite3';
import { StoreError } from '../store.ts';
import { checkNumbering, loadMigrations, type Migration } from '../migrations.ts';
import { pathToFileURL } from 'node:url';
import { packagePath } from '../../paths.ts';

export type { Migration } from '../migrations.ts';

let bundled: Migration[] | undefined;

/** The migrations that ship with this code, checked to be numbered 1, 2, 3, ... */
export function bundledMigrations(): Migration[] {
  bundled ??= loadMigrations(pathToFileURL(packagePath('src/store/sqlite/migrations/')));
  return bundled;
}

/** Brings the database at `path` to the newest schema; returns its version. Safe when several
 *  processes open a new database at once: each step re-reads the version inside its write lock. */
export function migrate(db: Database.Database, path: string, migrations: Migration[] = bundledMigrations()): number {
  checkNumbering(migrations);
  const latest = migrations.length;
  const current = () => db.pragma('user_version', { simple: true }) as number;
  const check = (version: number) => {
    if (version > latest) {
      throw new StoreError(
        `${path} has schema version ${version}, newer than this version of Dossier knows (${latest}); ` +
          'upgrade Dossier to open it',
      );
    }
    if (version === 0) {
      const tables = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
      if (tables.n > 0) throw new StoreError(`${path} is a SQLite database but not a Dossier one (it has tables but no schema version)`);
    }
  };
  let version = current();
  check(version);
  while (version < latest) {
    const m = migrations[version];
    const step = db.transaction(() => {
      const now = current();
      check(now);
      if (now !== m.version - 1) return now; // another process got here first
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
      return m.version;
    });
    try {
      version = step.immediate();
    } catch (err) {
      if (err instanceof StoreError) throw err;
      throw new StoreError(`migration ${m.name} failed on ${path}: ${(err as Error).message} (schema left at version ${version})`, { cause: err });
    }
  }
  return version;
}
