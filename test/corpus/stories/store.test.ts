// Stories in the SQLite store: placing after each ingest batch, rebuilding with the same result, and
// the JSON views (list, detail, timeline, compare) the CLI prints and the API will serve.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentHash } from '../../../src/analyze.ts';
import { ingestPaths } from '../../../src/pipeline/ingest.ts';
import { bundledMigrations, openSqliteStore, type SqliteStore } from '../../../src/store/sqlite/index.ts';
import { StoreInputError, type IngestItem } from '../../../src/store/store.ts';
import { articleFeatures } from '../../../src/corpus/stories/features.ts';
import { placeArticle } from '../../../src/corpus/stories/cluster.ts';
import { MemoryStoryIndex } from '../../../src/corpus/stories/memory-index.ts';
import { TableStoryIndex } from '../../../src/corpus/stories/table-index.ts';
import type { ArticleFeatures, StoryIndex } from '../../../src/corpus/stories/shapes.ts';
import type { AnalyzedArticle } from '../../../src/types.ts';
import { EXAMPLE_FILES, exampleDocs, exampleRaw } from './examples.ts';
import { openCorpus } from '../../../src/corpus/index.ts';

let docs: AnalyzedArticle[];
let items: IngestItem[];
let store: SqliteStore;

beforeAll(async () => {
  docs = await exampleDocs();
  items = EXAMPLE_FILES.map((f, i) => {
    const raw = exampleRaw(f);
    return { contentHash: contentHash(raw), raw, article: docs[i] };
  });
});
beforeEach(() => {
  store = openSqliteStore(':memory:');
});
afterEach(async () => {
  await store.close();
});

async function ingestInBatches(batches: number[][]): Promise<void> {
  for (const b of batches) {
    const r = await openCorpus(store).add(b.map((i) => items[i]));
    await openCorpus(store).place(r.insertedIds);
  }
}

const placementsById = async () => new Map((await openCorpus(store).stories.placements()).map((m) => [m.articleId, [m.eventId, m.storylineId]]));

describe('placing and rebuilding', () => {
  it('places each batch after it is stored, and restory gives the same events and storylines', async () => {
    await ingestInBatches([[0, 1, 2], [3, 4]]);
    const incremental = await placementsById();
    expect(incremental.size).toBe(5);
    const [e0, s0] = incremental.get(docs[0].id)!;
    expect(incremental.get(docs[2].id)).toEqual([e0, s0]);
    expect(new Set([...incremental.values()].map(([e]) => e)).size).toBe(4);
    expect(new Set([...incremental.values()].map(([, s]) => s)).size).toBe(1);

    const summary = await openCorpus(store).restory();
    expect(summary).toMatchObject({ attached: 5, newEvents: 4, newStorylines: 1 });
    expect(await placementsById()).toEqual(incremental);

    // The in-memory index, fed the stored articles in ingest order, agrees too.
    const index = new MemoryStoryIndex();
    for await (const a of openCorpus(store).stories.articlesOf()) await placeArticle(index, articleFeatures(a));
    expect(new Map(index.members.map((m) => [m.articleId, [m.eventId, m.storylineId]]))).toEqual(incremental);
  });

  it('sees what another connection placed (its caches are checked against the story generation)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-stories-'));
    const file = join(dir, 'two.db');
    const a = openSqliteStore(file);
    const b = openSqliteStore(file);
    try {
      for (const [s, batch] of [[a, [0, 1]], [b, [2, 3]], [a, [4]]] as const) {
        const r = await openCorpus(s).add(batch.map((i) => items[i]));
        await openCorpus(s).place(r.insertedIds);
      }
      const incremental = new Map((await openCorpus(a).stories.placements()).map((m) => [m.articleId, [m.eventId, m.storylineId]]));
      await openCorpus(b).restory();
      expect(new Map((await openCorpus(a).stories.placements()).map((m) => [m.articleId, [m.eventId, m.storylineId]]))).toEqual(incremental);
      expect(new Set([...incremental.values()].map(([e]) => e)).size).toBe(4);
    } finally {
      await a.close();
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts articles stored before the story tables existed until restory places them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-stories-'));
    const file = join(dir, 'old.db');
    try {
      const old = openSqliteStore(file, { migrations: bundledMigrations().slice(0, 3) });
      await openCorpus(old).add(items);
      expect(await openCorpus(old).place([docs[0].id])).toMatchObject({ attached: 0, skipped: 1 });
      await old.close();
      const upgraded = openSqliteStore(file);
      expect(await openCorpus(upgraded).stories.list()).toMatchObject({ total: 0, unplaced: 5 });
      await openCorpus(upgraded).restory();
      expect(await openCorpus(upgraded).stories.list()).toMatchObject({ total: 1, unplaced: 0 });
      await upgraded.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('places like the in-memory index over hundreds of articles, across its writes in between', async () => {
    // Variants of the examples on many days: the SQLite index writes its changes every 250 articles.
    const feats = docs.map((d) => articleFeatures(d));
    const variants = Array.from({ length: 600 }, (_, i) => {
      const f = feats[i % 5];
      const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(i / 3) * 5 * 86_400_000).toISOString().slice(0, 10);
      return { ...f, id: `${String(i).padStart(12, '0')}beef`, when: i % 7 === 0 ? f.when : { day, monthDay: null, from: 'published' as const } };
    });
    const placeAll = async (index: StoryIndex, fs: ArticleFeatures[]) => {
      const out = [];
      for (const f of fs) out.push(await placeArticle(index, f));
      return out;
    };
    const memory = new MemoryStoryIndex();
    const viaMemory = (await placeAll(memory, variants)).map((p) => [p.eventId, p.storylineId]);
    const db = (store as unknown as { db: import('better-sqlite3').Database }).db;
    db.pragma('foreign_keys = OFF'); // the variants are not stored articles
    const sqlite = new TableStoryIndex();
    const batch = (fs: ArticleFeatures[]) => store.write('stories', ({ stories }) => sqlite.within(stories, () => placeAll(sqlite, fs)));
    const viaSqlite = [...(await batch(variants.slice(0, 550))), ...(await batch(variants.slice(550)))].map((p) => [p.eventId, p.storylineId]);
    expect(viaSqlite).toEqual(viaMemory);
    expect(new Set(viaMemory.map(([e]) => e)).size).toBeGreaterThan(50);
  });

  it('skips articles already placed and ids that are not stored', async () => {
    await ingestInBatches([[0, 1]]);
    const again = await openCorpus(store).place([docs[0].id, 'ffffffffffffffff']);
    expect(again).toMatchObject({ attached: 0, skipped: 2 });
  });

  it('places articles ingested through the normal ingest path', async () => {
    const summary = await ingestPaths(store, EXAMPLE_FILES.map((f) => `examples/${f}`));
    expect(summary.failures).toEqual([]);
    const placed = await openCorpus(store).stories.placements();
    expect(placed.map((p) => p.file).sort()).toEqual(EXAMPLE_FILES.map((f) => `examples/${f}`));
  });
});

describe('story views', () => {
  beforeEach(async () => {
    await ingestInBatches([[0, 1, 2, 3, 4]]);
  });

  it('lists the storyline with its events, sources and languages, saying sources are articles here', async () => {
    const list = await openCorpus(store).stories.list();
    expect(list.total).toBe(1);
    expect(list.unplaced).toBe(0);
    expect(list.sourceBasis).toBe('article');
    const s = list.storylines[0];
    expect(s.articles).toBe(5);
    expect(s.languages).toEqual({ en: 4, nl: 1 });
    expect(s.span).toMatchObject({ from: '2024-05-01', to: '2025-09-29' });
    expect(s.events.map((e) => e.span.from)).toEqual(['2024-05-01', '2025-09-29', null, null]);
    const shared = s.events.find((e) => e.articles === 2)!;
    expect(shared.languages).toEqual({ en: 1, nl: 1 });
    expect(shared.label).toMatch(/date unknown$/);
    expect(shared.label).toMatch(/Netanyahu/);
    expect(s.events.find((e) => e.span.monthDays.includes('02-04'))!.label).toMatch(/--02-04 \(year unknown\)$/);
    expect(s.label).toMatch(/Netanyahu/);
  });

  it('shows one event by id prefix with its storyline, articles and timeline', async () => {
    const e = (await openCorpus(store).stories.placements([docs[0].id]))[0].eventId;
    const d = (await openCorpus(store).stories.detail(e.slice(0, 8)))!;
    expect(d.level).toBe('event');
    expect(d.articles.map((a) => a.id).sort()).toEqual([docs[0].id, docs[2].id].sort());
    expect(d.storyline!.id).toMatch(/^s-/);
    expect(d.sources).toHaveLength(2);
    await expect(openCorpus(store).stories.detail('x-12')).rejects.toThrow(StoreInputError);
    expect(await openCorpus(store).stories.detail('e-ffffffff')).toBeNull();
  });

  it('compares the storyline: the death toll row has 57,500 (nl) and 66,000 (en)', async () => {
    const s = (await openCorpus(store).stories.list()).storylines[0];
    const c = (await openCorpus(store).stories.compare(s.id))!;
    const row = c.figures.find((r) => r.key === 'palestinians killed')!;
    expect(row.claims.map((x) => [x.value, x.language])).toEqual(
      expect.arrayContaining([
        [57_500, 'nl'],
        [66_000, 'en'],
      ]),
    );
    expect(c.sources).toHaveLength(5);
    expect(c.coverage.facts.filter((f) => f.kind === 'event')).toHaveLength(4);
    expect(JSON.parse(JSON.stringify(c))).toEqual(c); // plain JSON
  });

  it('gives the timeline of a story and of an entity by name', async () => {
    const s = (await openCorpus(store).stories.list()).storylines[0];
    const t = (await openCorpus(store).stories.timeline({ story: s.id }))!;
    expect(t.items.length).toBeGreaterThan(10);
    expect(t.articles).toBe(5);
    const b = (await openCorpus(store).stories.timeline({ entity: 'Blinken' }))!;
    expect(b.scope).toEqual({ entity: { query: 'Blinken', keys: ['per:antony-blinken'], names: ['Antony Blinken'] } });
    expect(b.articles).toBe(1);
    expect(b.items.every((i) => i.sources[0].id === `article:${docs[4].id}`)).toBe(true);
  });

  it('reads the articles of an entity through the entity index: any alias, any language', async () => {
    await openCorpus(store).add(items);
    // "ICC" is written in none of the articles; the entity index knows 000 ("International Criminal
    // Court") and 002 ("Internationaal Strafhof") name it
    const icc = (await openCorpus(store).stories.timeline({ entity: 'ICC' }))!;
    expect(icc.articles).toBe(2);
    expect(icc.scope).toMatchObject({ entity: { keys: expect.arrayContaining(['org:icc']) } });
    const dutch = (await openCorpus(store).stories.timeline({ entity: 'Internationaal Strafhof' }))!;
    expect(dutch.articles).toBe(2);
  });
});
