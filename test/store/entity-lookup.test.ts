// Entity resolution over the SQLite tables (EntityIndex.over, migration 008): a process that adds
// articles to a stored corpus reads the entities those articles can be linked to, never the whole
// entity state, and links exactly as a resolver holding every entity in memory would (a rebuild).
// Articles: generated from BBC News paragraphs (support/measure/generated-articles.ts), whose
// people are single names and full names, so that surnames, evidence and merges are exercised.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openCorpus } from '../../src/corpus/index.ts';
import { bundledMigrations, openSqliteStore } from '../../src/store/sqlite/index.ts';
import { SqliteEntityTables } from '../../src/store/sqlite/entities.ts';
import { generatedItem } from '../../support/measure/generated-articles.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-entity-lookup-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const items = (from: number, n: number) => Array.from({ length: n }, (_, i) => generatedItem(from + i));

/** Links and entities of a database file, in a fixed order. */
function dump(file: string): { links: unknown[]; entities: unknown[]; terms: number } {
  const db = new Database(file, { readonly: true });
  try {
    return {
      links: db.prepare('SELECT article_id, local_id, key, rule, reason FROM entity_links ORDER BY article_id, local_id').all(),
      entities: db.prepare('SELECT key, name, type, mention_count, article_count, first_seen, last_seen, names_json, surfaces_json, roles_json FROM entities ORDER BY key').all(),
      terms: db.prepare('SELECT count(*) FROM entity_terms').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

/** Adds `batches` of generated articles, each in a new process's store (open, add, close). */
async function addInProcesses(file: string, batches: [number, number][]): Promise<void> {
  for (const [from, n] of batches) {
    const store = openSqliteStore(file);
    await openCorpus(store).add(items(from, n));
    await store.close();
  }
}

describe('entity resolution over the SQLite tables', () => {
  it('adds articles to a stored corpus reading a bounded number of rows, never the entity state', async () => {
    const file = join(dir, 'bounded.db');
    await addInProcesses(file, [[0, 100], [100, 100]]);
    const stateRows = vi.spyOn(SqliteEntityTables.prototype, 'stateRows');
    try {
      const store = openSqliteStore(file);
      const reads = store.entityIndex.pointReads!;
      const before = reads.reads;
      await openCorpus(store).add(items(200, 5));
      const used = reads.reads - before;
      await store.close();
      expect(stateRows).not.toHaveBeenCalled();
      // a few reads per local entity (name, name parts, key), not one per stored entity
      const stored = dump(file).entities.length;
      expect(used).toBeGreaterThan(0);
      expect(used).toBeLessThan(stored / 4);
    } finally {
      stateRows.mockRestore();
    }
  });

  it('links as a resolver holding every entity in memory: process by process equals a rebuild', async () => {
    const file = join(dir, 'equal.db');
    await addInProcesses(file, [[1000, 90], [1090, 7], [1097, 53]]);
    const incremental = dump(file);
    const store = openSqliteStore(file);
    await openCorpus(store).rebuildEntities();
    await store.close();
    const rebuilt = dump(file);
    expect(incremental.links.length).toBeGreaterThan(2000);
    expect(incremental.links).toEqual(rebuilt.links);
    expect(incremental.entities).toEqual(rebuilt.entities);
    expect(incremental.terms).toBe(rebuilt.terms);
  });

  it('fills the term table of a database from before migration 008 once, then resolves as that database would have', async () => {
    const oldFile = join(dir, 'old.db');
    const newFile = join(dir, 'new.db');
    const old = openSqliteStore(oldFile, { migrations: bundledMigrations().slice(0, 7) });
    await openCorpus(old).add(items(2000, 100));
    await old.close();
    await addInProcesses(newFile, [[2000, 100]]);
    await addInProcesses(oldFile, [[2100, 50]]);
    await addInProcesses(newFile, [[2100, 50]]);
    const a = dump(oldFile);
    const b = dump(newFile);
    expect(a.links).toEqual(b.links);
    expect(a.entities).toEqual(b.entities);
    expect(a.terms).toBe(b.terms);
    const db = new Database(oldFile, { readonly: true });
    expect(db.prepare('SELECT terms_ready FROM entity_state').pluck().get()).toBe(1);
    db.close();
  });
});
