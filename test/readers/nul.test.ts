// U+0000 (NUL) in an article: PostgreSQL refuses it in text while SQLite stores it, so the readers
// replace it by U+FFFD in every field, one character for one (offsets do not move), and both stores
// hold the same article.
import { describe, expect, it } from 'vitest';
import { connectPostgresStore } from '../../src/store/postgres/index.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { Store } from '../../src/store/store.ts';
import { ingestStream } from '../../src/pipeline/ingest.ts';
import { readBuffer } from '../../src/readers/index.ts';
import { useTestPostgres } from '../store/postgres-fixture.ts';
import { articles, collect, errors, exampleText } from './helpers.ts';

const text = exampleText('003_1d174a4085385254.txt');
const withNul = (s: string) => s.slice(0, 200) + '\u0000' + s.slice(200);

describe('NUL characters', () => {
  it('are replaced by U+FFFD in the text, the original input and the metadata (JSON text and HTML fields)', async () => {
    const line = JSON.stringify({ text: withNul(text), title: 'Talks\u0000resume', source: 'Wire\u0000' });
    const html = `<html><head><title>Talks\u0000resume</title></head><body><article><p>${withNul(text).split('\n\n').join('</p><p>')}</p></article></body></html>`;
    // (a text or HTML file with a NUL byte is binary; JSON carries one as "\u0000")
    const inputs: [string, string][] = [
      ['a.jsonl', line],
      ['b.jsonl', JSON.stringify({ html, source: 'Wire\u0000' })],
    ];
    for (const [file, body] of inputs) {
      const out = await collect(readBuffer(file, Buffer.from(body, 'utf8')));
      expect(errors(out), file).toEqual([]);
      const [raw] = articles(out);
      for (const v of [raw.raw, raw.original, ...Object.values(raw.meta).flat()]) expect(String(v), file).not.toContain('\u0000');
      expect(raw.meta.title, file).toBe('Talks\uFFFDresume');
      expect(raw.raw, file).toContain('\uFFFD');
    }
    // one for one: the JSON text keeps its length
    const [fromJson] = articles(await collect(readBuffer('a.jsonl', Buffer.from(line))));
    expect(fromJson.raw.length).toBe(withNul(text).trim().length);
  });

  it('a text or HTML file with a NUL byte is refused as binary, naming the file', async () => {
    for (const file of ['a.txt', 'a.html']) {
      const [e] = errors(await collect(readBuffer(file, Buffer.from(withNul(text)))));
      expect(e.message).toContain(file);
    }
  });

  describe('SQLite and PostgreSQL store the same article', () => {
    const pgServer = useTestPostgres();
    it('an upload with NUL characters goes into both, identically', async () => {
      const stores: Store[] = [openSqliteStore(':memory:'), await connectPostgresStore(await pgServer().database(), { poolSize: 2 })];
      const stored = [];
      for (const store of stores) {
        const line = JSON.stringify({ text: withNul(text), title: 'Talks\u0000resume' });
        const summary = await ingestStream(store, readBuffer('upload.jsonl', Buffer.from(line)), { workers: 0 });
        expect(summary.failures).toEqual([]);
        expect(summary.inserted).toBe(1);
        const doc = await store.get(summary.insertedIds[0]);
        stored.push({ title: doc?.title, text: doc?.text });
        await store.close();
      }
      expect(stored[0].text).toContain('\uFFFD');
      expect(stored[1]).toEqual(stored[0]);
    }, 60_000);
  });
});
