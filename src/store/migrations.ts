// Numbered schema migrations as every store keeps them: a folder of NNN_name.sql files, numbered
// 1, 2, 3, ... without gaps, applied in order (each store records the version its own way).
import { readdirSync, readFileSync } from 'node:fs';
import { StoreError } from './store.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE = /^(\d+)_([\w-]+)\.sql$/;

/** The migrations in `dir` (a folder URL), checked to be numbered 1, 2, 3, ... */
export function loadMigrations(dir: URL): Migration[] {
  const migrations = readdirSync(dir)
    .flatMap((file) => {
      const m = FILE.exec(file);
      return m ? [{ version: Number(m[1]), name: file, sql: readFileSync(new URL(file, dir), 'utf8') }] : [];
    })
    .sort((a, b) => a.version - b.version);
  checkNumbering(migrations);
  return migrations;
}

export function checkNumbering(migrations: Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new StoreError(`migration ${m.name} should be number ${i + 1}: migrations must be numbered 1, 2, 3, ...`);
  });
}
