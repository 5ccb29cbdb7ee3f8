// Reanalysis reads stored articles again from their original input, through the readers.
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/readers/index.ts';
import { rereadStored } from '../../src/pipeline/reread.ts';
import { ingestStream } from '../../src/pipeline/ingest.ts';
import { reanalyzeStored } from '../../src/pipeline/reanalyze.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { InputError, type RawArticle } from '../../src/types.ts';

const INPUTS = ['test/fixtures/readers', 'examples'].map((d) => new URL(`../../${d}/`, import.meta.url).pathname);

async function readAll(): Promise<RawArticle[]> {
  const out: RawArticle[] = [];
  for await (const r of readInputs(INPUTS)) if (!(r instanceof InputError)) out.push(r);
  return out;
}

async function* inputs(items: RawArticle[]): AsyncGenerator<RawArticle> {
  yield* items;
}

describe('re-reading a stored input', () => {
  it('gives what the readers gave at ingest, for every format', async () => {
    const read = await readAll();
    expect(new Set(read.map((r) => r.format))).toEqual(new Set(['txt', 'html', 'jsonl', 'rss', 'atom']));
    for (const raw of read) expect(rereadStored(structuredClone(raw)), `${raw.file}:${raw.position ?? ''}`).toEqual({ raw });
  });

  it('keeps the outlet name an ingest set', async () => {
    const [raw] = (await readAll()).filter((r) => r.format === 'html');
    const stored = { ...raw, meta: { ...raw.meta, source: 'Given Outlet' } };
    expect(rereadStored(stored).raw.meta.source).toBe('Given Outlet');
  });

  it('falls back to the stored text, with a note, when the original cannot be read', () => {
    const stored: RawArticle = { file: 'feed.rss', position: 2, format: 'rss', raw: 'Stored text.', original: '{"not": "xml"}', meta: {} };
    const again = rereadStored(stored);
    expect(again.raw).toBe(stored);
    expect(again.note).toMatch(/could not be read again .*analysed from the text stored at ingest/);
  });
});

describe('reanalysis', () => {
  it('analyses the original input again, so a reader fix reaches stored articles', async () => {
    const store = openSqliteStore(':memory:');
    const page = '<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>' +
      '<p>The harbour of Ashdod reopened on Monday after a week of repairs, the port authority said.</p>' +
      '<p>Ships waiting offshore began to unload their cargo in the afternoon.</p></article></body></html>';
    // What an older reader made of the page: its text lost the second paragraph.
    const stale: RawArticle = { file: 'port.html', format: 'html', raw: 'The harbour of Ashdod reopened on Monday after a week of repairs.', original: page, meta: {} };
    const broken: RawArticle = { file: 'feed.rss', position: 1, format: 'rss', raw: 'Rain fell in Haifa on Tuesday.', original: '{"not": "xml"}', meta: {} };
    const ingested = await ingestStream(store, inputs([stale, broken]), { workers: 0 });
    expect(ingested.inserted).toBe(2);
    expect((await store.get(ingested.insertedIds[0]))!.text).not.toMatch(/unload their cargo/);

    const result = await reanalyzeStored(store, { workers: 0 });
    expect(result).toMatchObject({ reanalyzed: 2, failures: [] });
    expect(result.notes).toEqual([{ id: ingested.insertedIds[1], file: 'feed.rss', note: expect.stringMatching(/could not be read again/) }]);
    expect((await store.get(ingested.insertedIds[0]))!.text).toMatch(/unload their cargo in the afternoon/);
    expect((await store.get(ingested.insertedIds[1]))!.text).toBe('Rain fell in Haifa on Tuesday.');
    await store.close();
  });
});
