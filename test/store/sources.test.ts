// The source tables (SQLite migration 007, PostgreSQL migration 006): the same behaviour in both stores.
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { connectPostgresStore } from '../../src/store/postgres/index.ts';
import type { Store } from '../../src/store/store.ts';
import { useTestPostgres } from './postgres-fixture.ts';

const pgServer = useTestPostgres();

const stores: [string, () => Promise<Store>][] = [
  ['sqlite', async () => openSqliteStore(':memory:')],
  ['postgres', async () => connectPostgresStore(await pgServer().database(), { poolSize: 2 })],
];

describe.each(stores)('source tables (%s)', (_name, open) => {
  it('adds, lists, updates and removes sources, and finds the due ones', async () => {
    const store = await open();
    try {
      const t = store.sources;
      const a = await t.add({ url: 'https://a.example/rss', kind: 'auto', interval_seconds: 900, added_at: '2026-03-01T08:00:00.000Z', next_due_at: '2026-03-01T08:00:00.000Z' });
      const b = await t.add({ url: 'https://b.example/sitemap.xml', kind: 'sitemap', name: 'B', interval_seconds: 3600, added_at: '2026-03-01T08:00:00.000Z', next_due_at: '2026-03-01T09:00:00.000Z' });
      expect(a).toMatchObject({ id: expect.any(Number), kind: 'auto', name: null, failures: 0, items_seen: 0, last_error: null, etag: null });
      await expect(t.add({ url: 'https://a.example/rss', kind: 'feed', interval_seconds: 60, added_at: 'x', next_due_at: 'x' })).rejects.toThrow('the source https://a.example/rss is already followed');
      expect((await t.due('2026-03-01T08:30:00.000Z')).map((s) => s.url)).toEqual(['https://a.example/rss']);
      await t.update(a.id, { kind: 'feed', failures: 2, last_error: 'HTTP 500', etag: '"e"', add_items_seen: 3, add_articles_added: 2 });
      await t.update(a.id, { add_items_seen: 1 });
      expect(await t.get(a.id)).toMatchObject({ kind: 'feed', failures: 2, last_error: 'HTTP 500', etag: '"e"', items_seen: 4, articles_added: 2 });
      expect(await t.get(String(b.id))).toMatchObject({ url: b.url, name: 'B' });
      expect((await t.list()).map((s) => s.id)).toEqual([a.id, b.id]);
      expect(await t.remove(b.url)).toBe(true);
      expect(await t.remove(b.url)).toBe(false);
      expect(await t.get(b.id)).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('keeps items by URL, hands out those to fetch, and records copies and band matches', async () => {
    const store = await open();
    try {
      const t = store.sources;
      const s = await t.add({ url: 'https://a.example/rss', kind: 'feed', interval_seconds: 900, added_at: '2026-03-01T08:00:00.000Z', next_due_at: '2026-03-01T08:00:00.000Z' });
      const item = (url: string) => ({ url, source_id: s.id, first_seen_at: '2026-03-01T08:00:00.000Z', status: 'pending' as const, attempts: 0, fetched_at: null, article_id: null, error: null });
      expect(await t.addItems([item('https://a.example/1'), item('https://a.example/2'), item('https://a.example/3')])).toBe(3);
      expect(await t.addItems([item('https://a.example/1'), item('https://a.example/4')])).toBe(1);
      await t.updateItem('https://a.example/1', { status: 'stored', attempts: 1, article_id: 'abc' });
      await t.updateItem('https://a.example/2', { status: 'failed', attempts: 3, error: 'HTTP 500' });
      await t.updateItem('https://a.example/3', { status: 'failed', attempts: 1, error: 'timeout' });
      expect((await t.itemsToFetch(s.id, 3, 10)).map((i) => i.url)).toEqual(['https://a.example/3', 'https://a.example/4']);
      expect((await t.items(['https://a.example/1', 'https://x.example/'])).get('https://a.example/1')).toMatchObject({ status: 'stored', article_id: 'abc' });

      await t.addBands('a1', ['x', 'y', 'z']);
      await t.addBands('a2', ['q', 'y', 'w']);
      expect(await t.bandMatches(['y', 'n', 'n'])).toEqual([]);
      expect(await t.bandMatches(['n', 'y', 'n'])).toEqual(['a1', 'a2']);
      await t.addCopy({ article_id: 'a2', copy_of: 'a1', similarity: 0.91 });
      expect(await t.copies(['a1'])).toEqual([{ article_id: 'a2', copy_of: 'a1', similarity: 0.91 }]);
      expect(await t.copies(['zz'])).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
