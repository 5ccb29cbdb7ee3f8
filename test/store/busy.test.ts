// A writer waiting for another process's write lock waits between retries, not inside SQLite: the
// process goes on running (a server keeps answering reads) while an ingest elsewhere holds the lock.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'dossier-busy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite write lock held by another process', () => {
  it('waits without blocking the event loop, reads go on, and the write runs once the lock is free', async () => {
    const path = join(dir, 'wait.db');
    const store = openSqliteStore(path);
    const other = new Database(path);
    try {
      other.prepare('BEGIN IMMEDIATE').run();
      let done = false;
      const write = store.write('stories', async (t) => t.stories.generation()).then((g) => {
        done = true;
        return g;
      });
      // Timers and reads run while the write waits.
      for (let i = 0; i < 5; i++) {
        await new Promise((r) => setTimeout(r, 20));
        expect((await store.stats()).articles).toBe(0);
      }
      expect(done).toBe(false);
      other.prepare('COMMIT').run();
      expect(await write).toBe(0);
    } finally {
      other.close();
      await store.close();
    }
  });

  it('gives up with the busy error after busyTimeoutMs', async () => {
    const path = join(dir, 'give-up.db');
    openSqliteStore(path).close();
    const store = openSqliteStore(path, { busyTimeoutMs: 100 });
    const other = new Database(path);
    try {
      other.prepare('BEGIN IMMEDIATE').run();
      await expect(store.write('stories', async () => 1)).rejects.toThrow(/locked|busy/i);
      other.prepare('ROLLBACK').run();
      expect(await store.write('stories', async () => 2)).toBe(2);
    } finally {
      other.close();
      await store.close();
    }
  });
});
