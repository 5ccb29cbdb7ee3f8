// The response cache of the read routes: a repeated read is served from it, and a write committed
// by another process (another connection to the same file) is seen by the next read.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildServer } from '../../src/server/app.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { openCorpus } from '../../src/corpus/index.ts';
import { generatedItem } from '../../support/measure/generated-articles.ts';

const dir = mkdtempSync(join(tmpdir(), 'dossier-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('response cache', () => {
  it('serves a repeated read from the cache until another connection commits a write', async () => {
    const path = join(dir, 'cache.db');
    const server = openSqliteStore(path);
    const writer = openSqliteStore(path);
    const app = await buildServer(server);
    try {
      await openCorpus(writer).add([generatedItem(1), generatedItem(2)]);
      const first = await app.inject({ url: '/api/articles?limit=5' });
      expect(first.statusCode).toBe(200);
      expect(first.json().total).toBe(2);
      expect(first.headers['x-dossier-cache']).toBeUndefined();
      const again = await app.inject({ url: '/api/articles?limit=5' });
      expect(again.headers['x-dossier-cache']).toBe('hit');
      expect(again.body).toBe(first.body);
      expect(again.headers['content-type']).toMatch(/^application\/json/);

      await openCorpus(writer).add([generatedItem(3)]);
      const after = await app.inject({ url: '/api/articles?limit=5' });
      expect(after.headers['x-dossier-cache']).toBeUndefined();
      expect(after.json().total).toBe(3);

      // A write through the server's own connection changes the token too.
      await openCorpus(server).add([generatedItem(4)]);
      expect((await app.inject({ url: '/api/articles?limit=5' })).json().total).toBe(4);
      // Errors are not cached.
      expect((await app.inject({ url: '/api/search?q=%22' })).statusCode).toBe(400);
      expect((await app.inject({ url: '/api/search?q=%22' })).headers['x-dossier-cache']).toBeUndefined();
    } finally {
      await app.close();
      await server.close();
      await writer.close();
    }
  });
});


describe('response cache, concurrent requests', () => {
  it('computes a page once for the requests that ask for it at the same time, and each request gets it', async () => {
    const path = join(dir, 'flight.db');
    const store = openSqliteStore(path);
    // a store whose article list answers only after a while, as a busy database does: the requests
    // below all arrive while the first one's answer is being computed
    let lists = 0;
    const slow = new Proxy(store, {
      get(target, name) {
        const v = Reflect.get(target, name, target) as unknown;
        if (name === 'list') {
          return async (...args: Parameters<typeof store.list>) => {
            lists++;
            await new Promise((resolve) => setTimeout(resolve, 50));
            return store.list(...args);
          };
        }
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const app = await buildServer(slow);
    try {
      await openCorpus(store).add([generatedItem(5), generatedItem(6), generatedItem(7)]);
      const answers = await Promise.all(Array.from({ length: 8 }, () => app.inject({ url: '/api/articles?limit=2' })));
      expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(200));
      expect(new Set(answers.map((a) => a.body)).size).toBe(1);
      const how = answers.map((a) => a.headers['x-dossier-cache'] ?? 'computed');
      expect(how.filter((h) => h === 'computed')).toHaveLength(1);
      expect(how.filter((h) => h === 'shared').length + how.filter((h) => h === 'hit').length).toBe(7);
      expect(lists).toBe(1);
      // a failing computation is not shared: each request gets its own error
      const bad = await Promise.all(Array.from({ length: 3 }, () => app.inject({ url: '/api/search?q=%22' })));
      expect(bad.map((a) => a.statusCode)).toEqual([400, 400, 400]);
      // and the next write's page is computed again
      await openCorpus(store).add([generatedItem(8)]);
      const after = await Promise.all(Array.from({ length: 4 }, () => app.inject({ url: '/api/articles?limit=2' })));
      expect(after.map((a) => a.json().total)).toEqual([4, 4, 4, 4]);
      expect(after.filter((a) => a.headers['x-dossier-cache'] === undefined)).toHaveLength(1);
      expect(lists).toBe(2);
    } finally {
      await app.close();
      await store.close();
    }
  });
});

describe('response cache with staleSeconds (stale while revalidate, bounded)', () => {
  it('serves the answer from before a write, marked and with its token, for at most staleSeconds after the write was first possible; a refresh computes the new one once', async () => {
    // the clock the bound is kept by is faked, so the test does not depend on the machine's speed
    vi.useFakeTimers({ toFake: ['performance'] });
    const path = join(dir, 'stale.db');
    const server = openSqliteStore(path);
    const writer = openSqliteStore(path);
    let lists = 0;
    const counted = new Proxy(server, {
      get(target, name) {
        const v = Reflect.get(target, name, target) as unknown;
        if (name === 'list') return (...args: Parameters<typeof server.list>) => (lists++, server.list(...args));
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const app = await buildServer(counted, { staleSeconds: 10 });
    const get = (headers: Record<string, string> = {}) => app.inject({ url: '/api/articles?limit=5', headers });
    try {
      await openCorpus(writer).add([generatedItem(11), generatedItem(12)]);
      const first = await get();
      expect(first.json().total).toBe(2);
      const t1 = first.headers['x-dossier-token'];
      expect(t1).toEqual(expect.any(String));

      // a write from another process: the old answer, marked stale, with the token it was made under
      await openCorpus(writer).add([generatedItem(13)]);
      vi.advanceTimersByTime(1_000);
      const stale = await get();
      expect(stale.headers['x-dossier-cache']).toBe('stale');
      expect(stale.headers['x-dossier-token']).toBe(t1);
      expect(stale.json().total).toBe(2);
      expect(lists).toBe(1);
      // Cache-Control: no-cache is never given a stale answer
      const fresh = await get({ 'cache-control': 'no-cache' });
      expect(fresh.json().total).toBe(3);
      expect(fresh.headers['x-dossier-token']).not.toBe(t1);
      expect((await get()).headers['x-dossier-cache']).toBe('hit');
      expect(lists).toBe(2);

      // half the bound on: a stale answer starts one background refresh, and the next read is fresh
      await openCorpus(writer).add([generatedItem(14)]);
      vi.advanceTimersByTime(6_000);
      const served = await Promise.all([get(), get(), get()]);
      expect(served.map((a) => a.json().total)).toEqual([3, 3, 3]);
      expect(served.map((a) => a.headers['x-dossier-cache'])).toEqual(['stale', 'stale', 'stale']);
      // the refresh ends when it ends (the test's timeout is the only clock); meanwhile reads stay stale
      for (;;) {
        const r = await get();
        if (r.headers['x-dossier-cache'] === 'hit') break;
        expect(r.headers['x-dossier-cache']).toBe('stale');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const refreshed = await get();
      expect(refreshed.headers['x-dossier-cache']).toBe('hit');
      expect(refreshed.json().total).toBe(4);
      expect(lists).toBe(3);

      // the bound counts from when the old token was last seen current, so after an idle spell
      // longer than the bound a write is never hidden, however long ago the answer was cached
      await openCorpus(writer).add([generatedItem(15)]);
      vi.advanceTimersByTime(10_001);
      const late = await get();
      expect(late.headers['x-dossier-cache']).toBeUndefined();
      expect(late.json().total).toBe(5);
    } finally {
      vi.useRealTimers();
      await app.close();
      await server.close();
      await writer.close();
    }
  }, 120_000);
});
