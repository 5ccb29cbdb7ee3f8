// The PostgreSQL store gives what the SQLite store gives for the same ingests: the entity index
// (lists, details, explanations, links, co-occurrence, the resolver state itself), the stories
// (placements, views, rebuilt) and search (matches and facets). Articles: the five examples with
// their hand-built entity layers (test/corpus/entities/examples.ts) and as the pipeline analyses them
// (test/corpus/stories/examples.ts), ingested in several batches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../src/analyze.ts';
import { connectPostgresStore, type PostgresStore } from '../../src/store/postgres/index.ts';
import { readResolverState } from '../../src/corpus/entities/index-writer.ts';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.ts';
import type { IngestItem, Store } from '../../src/store/store.ts';
import { exampleItems as entityItems, kushnerFirst, stephenMiller } from '../corpus/entities/examples.ts';
import { EXAMPLE_FILES, exampleDocs, exampleRaw } from '../corpus/stories/examples.ts';
import { useTestPostgres } from './postgres-fixture.ts';
import { openCorpus } from '../../src/corpus/index.ts';

const pgServer = useTestPostgres();

/** The same batches into a SQLite and a PostgreSQL store, each batch placed in stories after it is stored. */
async function both(batches: IngestItem[][]): Promise<{ sqlite: SqliteStore; pg: PostgresStore }> {
  const sqlite = openSqliteStore(':memory:');
  const pg = await connectPostgresStore(await pgServer().database(), { poolSize: 2 });
  for (const s of [sqlite, pg] as Store[]) {
    for (const b of batches) await openCorpus(s).place((await openCorpus(s).add(b)).insertedIds);
  }
  return { sqlite, pg };
}

/** The resolver state a store holds. */
async function stateOf(s: SqliteStore | PostgresStore) {
  return s.write('ingest', ({ entities }) => readResolverState(entities));
}

describe('the entity index, as in SQLite', () => {
  let sqlite: SqliteStore;
  let pg: PostgresStore;
  let all: IngestItem[];
  beforeAll(async () => {
    const examples = await entityItems();
    all = [await kushnerFirst(), ...examples, await stephenMiller()];
    ({ sqlite, pg } = await both([all.slice(0, 3), all.slice(3, 4), all.slice(4)]));
  }, 60_000);
  afterAll(async () => {
    await sqlite?.close();
    await pg?.close();
  });

  it('lists the same entities in the same order, with the same details, explanations and co-occurrences', async () => {
    const list = await openCorpus(sqlite).entities({ limit: 1000 });
    expect(list.total).toBeGreaterThan(20);
    expect(await openCorpus(pg).entities({ limit: 1000 })).toEqual(list);
    for (const filter of [{ type: 'PER' as const }, { name: 'israel' }, { name: 'strafhof', limit: 3 }, { limit: 5, offset: 5 }]) {
      expect(await openCorpus(pg).entities(filter), JSON.stringify(filter)).toEqual(await openCorpus(sqlite).entities(filter));
    }
    for (const e of list.items) {
      expect(await openCorpus(pg).entity(e.key, { mentions: { limit: 1000 }, quotes: { limit: 1000 } }), e.key).toEqual(
        await openCorpus(sqlite).entity(e.key, { mentions: { limit: 1000 }, quotes: { limit: 1000 } }),
      );
      expect(await openCorpus(pg).explainEntity(e.key), e.key).toEqual(await openCorpus(sqlite).explainEntity(e.key));
      expect(await openCorpus(pg).entityCooccurrence(e.key), e.key).toEqual(await openCorpus(sqlite).entityCooccurrence(e.key));
    }
    for (const name of ['Netanyahu', 'Internationaal Strafhof', 'Kushner', 'Miller', 'Israël']) {
      const [a, b] = await Promise.allSettled([openCorpus(sqlite).entity(name), openCorpus(pg).entity(name)]);
      expect(b, name).toEqual(a);
    }
    for (const item of all) expect(await openCorpus(pg).entityLinks(item.article.id)).toEqual(await openCorpus(sqlite).entityLinks(item.article.id));
  });

  it('holds the same resolver state, and a rebuild gives it again', async () => {
    const before = await stateOf(sqlite);
    expect(before.merges.length).toBeGreaterThan(0);
    expect(await stateOf(pg)).toEqual(before);
    expect(await openCorpus(pg).rebuildEntities()).toEqual(await openCorpus(sqlite).rebuildEntities());
    expect(await stateOf(pg)).toEqual(before);
    expect(await openCorpus(pg).entities({ limit: 1000 })).toEqual(await openCorpus(sqlite).entities({ limit: 1000 }));
  });
});

describe('stories and search, as in SQLite', () => {
  let sqlite: SqliteStore;
  let pg: PostgresStore;
  beforeAll(async () => {
    const docs = await exampleDocs();
    const items = EXAMPLE_FILES.map((f, i) => {
      const raw = exampleRaw(f);
      return { contentHash: contentHash(raw), raw, article: docs[i] };
    });
    ({ sqlite, pg } = await both([items.slice(0, 3), items.slice(3)]));
  }, 60_000);
  afterAll(async () => {
    await sqlite?.close();
    await pg?.close();
  });

  it('places every article in the same event and storyline and shows the same views', async () => {
    const placed = await openCorpus(sqlite).stories.placements();
    expect(placed).toHaveLength(5);
    expect(await openCorpus(pg).stories.placements()).toEqual(placed);
    const list = await openCorpus(sqlite).stories.list();
    expect(await openCorpus(pg).stories.list()).toEqual(list);
    for (const s of list.storylines) {
      for (const id of [s.id, ...s.events.map((e) => e.id)]) {
        expect(await openCorpus(pg).stories.detail(id), id).toEqual(await openCorpus(sqlite).stories.detail(id));
        expect(await openCorpus(pg).stories.timeline({ story: id }), id).toEqual(await openCorpus(sqlite).stories.timeline({ story: id }));
      }
      expect(await openCorpus(pg).stories.compare(s.id)).toEqual(await openCorpus(sqlite).stories.compare(s.id));
    }
    expect(await openCorpus(pg).stories.timeline({ entity: 'Blinken' })).toEqual(await openCorpus(sqlite).stories.timeline({ entity: 'Blinken' }));
    const exported = async (s: Store) => {
      const ids: string[] = [];
      for await (const a of openCorpus(s).stories.articlesOf()) ids.push(a.id);
      return ids;
    };
    expect(await exported(pg)).toEqual(await exported(sqlite));
  });

  it('rebuilds the stories to the same placements', async () => {
    const [a, b] = [await openCorpus(sqlite).restory(), await openCorpus(pg).restory()];
    expect({ ...b, seconds: 0 }).toEqual({ ...a, seconds: 0 });
    expect(await openCorpus(pg).stories.placements()).toEqual(await openCorpus(sqlite).stories.placements());
  });

  it('finds the same articles with the same facets', async () => {
    for (const q of ['Netanyahu', 'Israel', 'gaza -hamas', '"cease-fire" OR truce', 'hostag*', 'Trump AND (Qatar OR Egypt)', '57.500', "Hamas's"]) {
      const [a, b] = [await sqlite.search(q, { limit: 100 }), await pg.search(q, { limit: 100 })];
      expect(b.total, q).toBe(a.total);
      expect(b.hits.map((h) => h.id).sort(), q).toEqual(a.hits.map((h) => h.id).sort());
      expect(b.facets, q).toEqual(a.facets);
      for (const h of b.hits) expect(h.snippet, q).toMatch(/\[\[.+?\]\]/);
    }
  });
});
