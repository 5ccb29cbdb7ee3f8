// Merging events (and storylines) that a later article shows to be one, on real ECB+ articles: two
// topics (riots after police shootings of teenagers in Athens 2008 and Brooklyn 2013; two children
// killed by stray bullets) in one arrival order where bridging articles merge events and storylines. The SQLite store,
// placing in three batches (so merges reach stored rows), ends with exactly the placements of the
// in-memory index, keeps no row of an absorbed cluster, and `restory` rebuilds the same.
import { beforeAll, describe, expect, it } from 'vitest';
import { contentHash, createAnalyzer } from '../../../src/analyze.ts';
import { readTxt } from '../../../src/readers/txt.ts';
import { openSqliteStore } from '../../../src/store/sqlite/index.ts';
import { connectPostgresStore } from '../../../src/store/postgres/index.ts';
import type { Store } from '../../../src/store/store.ts';
import { useTestPostgres } from '../../store/postgres-fixture.ts';
import { openCorpus } from '../../../src/corpus/index.ts';
import { articleFeatures } from '../../../src/corpus/stories/features.ts';
import { placeArticle } from '../../../src/corpus/stories/cluster.ts';
import { MemoryStoryIndex } from '../../../src/corpus/stories/memory-index.ts';
import type { Placement } from '../../../src/corpus/stories/shapes.ts';
import type { IngestItem } from '../../../src/store/store.ts';
import { readCorpus, shuffled } from '../../../support/measure/stories-quality.ts';
import { hasData } from '../../helpers/needs.ts';

describe.runIf(hasData('ecbplus'))('merging events a later article shows to be one (ECB+ topics 19 and 33)', () => {
  let items: IngestItem[];
  const pgServer = useTestPostgres();

  beforeAll(async () => {
    const analyzer = await createAnalyzer();
    const docs = readCorpus().filter((d) => ['19', '33'].includes(d.gold.split('/')[0]));
    const all: IngestItem[] = [];
    for (const d of docs) {
      const raw = readTxt(`${d.name}.txt`, d.text, 'utf-8');
      all.push({ contentHash: contentHash(raw), raw, article: await analyzer.analyze(raw) });
    }
    items = shuffled(all, 2);
  }, 120_000);

  const stores: [string, () => Promise<Store>][] = [
    ['SQLite', async () => openSqliteStore(':memory:')],
    ['PostgreSQL', async () => connectPostgresStore(await pgServer().database(), { poolSize: 1 })],
  ];
  it.each(stores)('merges in memory and in %s alike, across batches, and restory rebuilds the same', async (_name, open) => {
    const store = await open();
    try {
      const corpus = openCorpus(store);
      for (const batch of [items.slice(0, 14), items.slice(14, 28), items.slice(28)]) {
        const r = await corpus.add(batch);
        await corpus.place(r.insertedIds);
      }
      // The in-memory index, fed the stored articles (with their entity keys) in ingest order.
      const memory = new MemoryStoryIndex();
      const placements: Placement[] = [];
      for await (const a of corpus.stories.articlesOf()) placements.push(await placeArticle(memory, articleFeatures(a)));
      expect(placements.length).toBe(items.length);
      const merges = placements.flatMap((p) => p.merges);
      expect(merges.filter((m) => m.level === 'event').length).toBeGreaterThanOrEqual(1);
      expect(merges.filter((m) => m.level === 'storyline').length).toBeGreaterThanOrEqual(1);
      // At least one merge reaches a cluster stored by an earlier batch (rows updated in the store).
      const batchOf = (articleId: string) => Math.min(2, Math.floor(items.findIndex((x) => x.article.id === articleId) / 14));
      const startedBy = (clusterId: string) => items.find((x) => x.article.id.startsWith(clusterId.slice(2)))!.article.id;
      expect(placements.some((p) => p.merges.some((m) => batchOf(startedBy(m.from)) < batchOf(p.articleId)))).toBe(true);
      const expected = new Map(memory.members.map((m) => [m.articleId, [m.eventId, m.storylineId]]));
      // No member is left in an absorbed cluster, and every event's storyline exists.
      const absorbed = new Set(merges.map((m) => m.from));
      for (const [e, s] of expected.values()) expect(absorbed.has(e) || absorbed.has(s)).toBe(false);
      for (const c of memory.allClusters()) if (c.level === 'event') expect(memory.cluster(c.parent!)).toBeDefined();

      const stored = async () => new Map((await corpus.stories.placements()).map((m) => [m.articleId, [m.eventId, m.storylineId]]));
      expect(await stored()).toEqual(expected);
      expect(await store.stories.clusters([...absorbed])).toEqual([]);
      const events = await store.stories.eventsOf([...new Set([...expected.values()].map(([, s]) => s))]);
      expect(new Set(events.map((e) => e.id))).toEqual(new Set([...expected.values()].map(([e]) => e)));
      await corpus.restory();
      expect(await stored()).toEqual(expected);
    } finally {
      await store.close();
    }
  });
});
