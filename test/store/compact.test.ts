// The SQLite store keeps long analyses and raw inputs deflated (BLOBs in their TEXT columns) and
// reads rows stored as text before that (databases made by earlier versions) the same way.
import Database from 'better-sqlite3';
import { inflateRawSync } from 'node:zlib';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { generatedItem } from '../../support/measure/generated-articles.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-compact-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rawOf(file: string): Promise<Map<string, unknown>> {
  const store = openSqliteStore(file);
  const out = new Map<string, unknown>();
  for await (const r of store.allRaw()) out.set(r.id, r.raw);
  await store.close();
  return out;
}

describe('compact storage of analyses and raw inputs', () => {
  it('stores them deflated, gives them back unchanged, and reads rows stored as text alike', async () => {
    const file = join(dir, 'compact.db');
    const items = [generatedItem(1), generatedItem(2), generatedItem(3)];
    const store = openSqliteStore(file);
    await store.ingest(items);
    const stored = await Promise.all(items.map((i) => store.get(i.article.id)));
    await store.close();
    for (const [i, s] of stored.entries()) {
      expect(s?.text).toBe(items[i].article.text);
      expect(s?.entities).toEqual(items[i].article.entities);
      expect(s?.quotes).toEqual(items[i].article.quotes);
    }
    const raws = await rawOf(file);
    for (const i of items) expect(raws.get(i.article.id)).toEqual(i.raw);

    // the columns hold deflated BLOBs; written back as text (as an earlier version stored them), they read the same
    const db = new Database(file);
    const rows = db
      .prepare('SELECT a.seq, a.analysis, typeof(a.analysis) AS ta, r.raw, typeof(r.raw) AS tr FROM articles a JOIN article_raw r ON r.seq = a.seq ORDER BY a.seq')
      .all() as { seq: number; analysis: Uint8Array; ta: string; raw: Uint8Array; tr: string }[];
    // (a raw input under 256 characters stays text)
    expect(rows.map((r) => [r.ta, r.tr])).toEqual([['blob', 'blob'], ['blob', 'text'], ['blob', 'blob']]);
    for (const r of rows) {
      db.prepare('UPDATE articles SET analysis = ? WHERE seq = ?').run(inflateRawSync(r.analysis).toString('utf8'), r.seq);
      if (r.tr === 'blob') db.prepare('UPDATE article_raw SET raw = ? WHERE seq = ?').run(inflateRawSync(r.raw).toString('utf8'), r.seq);
    }
    expect(db.prepare("SELECT count(*) FROM articles WHERE typeof(analysis) = 'text'").pluck().get()).toBe(3);
    db.close();
    const again = openSqliteStore(file);
    expect(await Promise.all(items.map((i) => again.get(i.article.id)))).toEqual(stored);
    await again.close();
    expect(await rawOf(file)).toEqual(raws);
  });
});
