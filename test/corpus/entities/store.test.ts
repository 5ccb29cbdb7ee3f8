// The corpus-wide entity index in the SQLite store: resolved at ingest inside the batch's
// transaction, read with SQL, rebuildable from the stored layers. Articles: the five examples as the
// ingest path analyses them, with the hand-built entity layers of test/corpus/entities/seeds.ts.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatExplanation } from '../../../src/corpus/entities/explain.ts';
import { EntityResolver } from '../../../src/corpus/entities/resolve.ts';
import { articleEntities, readResolverState } from '../../../src/corpus/entities/index-writer.ts';
import { bundledMigrations, openSqliteStore, type SqliteStore } from '../../../src/store/sqlite/index.ts';
import { AmbiguousEntityError, type IngestItem, StoreError, StoreInputError } from '../../../src/store/store.ts';
import { exampleItems, kushnerFirst, stephenMiller } from './examples.ts';
import { openCorpus } from '../../../src/corpus/index.ts';

let examples: IngestItem[];
let kushner: IngestItem;
let miller: IngestItem;
/** Every test article in ingest order: Kushner alone first (merged into Jared Kushner by 003), then 000-004, then Stephen Miller. */
let all: IngestItem[];
let dir: string;

beforeAll(async () => {
  examples = await exampleItems();
  kushner = await kushnerFirst();
  miller = await stephenMiller();
  all = [kushner, ...examples, miller];
  dir = mkdtempSync(join(tmpdir(), 'dossier-entity-index-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
const newFile = (): string => join(dir, `index-${++files}.db`);

/** Ingests `batches` one after another into a new store (':memory:' unless a file is given). */
async function storeWith(batches: IngestItem[][], file = ':memory:'): Promise<SqliteStore> {
  const store = openSqliteStore(file);
  for (const b of batches) await openCorpus(store).add(b);
  return store;
}

/** The entity tables of a database file, in a deterministic order; `ord` replaced by the order it gives. */
function dump(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const q = (sql: string) => db.prepare(sql).all();
    return {
      entities: (q('SELECT * FROM entities ORDER BY ord') as { ord?: number }[]).map(({ ord: _, ...rest }) => rest),
      names: q('SELECT * FROM entity_names ORDER BY key, kind, text'),
      links: q('SELECT * FROM entity_links ORDER BY article_id, position'),
      merges: q('SELECT * FROM entity_merges ORDER BY seq'),
      redirects: q('SELECT * FROM entity_redirects ORDER BY from_key'),
      articles: q('SELECT * FROM entity_articles ORDER BY seq'),
      state: q('SELECT generation > 0 AS written, stale FROM entity_state'),
    };
  } finally {
    db.close();
  }
}

/** The global key of the local entity called `name` in a stored article. */
async function keyOf(store: SqliteStore, item: IngestItem, name: string): Promise<string> {
  const local = item.article.entities.find((e) => e.name === name);
  if (!local) throw new Error(`no local entity ${name} in ${item.raw.file}`);
  const link = (await openCorpus(store).entityLinks(item.article.id)).find((l) => l.localId === local.id);
  if (!link) throw new Error(`${name} in ${item.raw.file} is not linked`);
  return link.key;
}

describe('the entity index of the example articles', () => {
  let store: SqliteStore;
  beforeAll(async () => {
    store = await storeWith([[kushner, examples[0], examples[1]], [examples[2]], [examples[3], examples[4], miller]]);
  });
  afterAll(() => store.close());

  it('makes Netanyahu one entity in all five articles, with his mentions and quotes in both languages', async () => {
    for (const item of examples) expect(await keyOf(store, item, 'Benjamin Netanyahu')).toBe('per:benjamin-netanyahu');
    const e = (await openCorpus(store).entity('Netanyahu', { mentions: { limit: 1000 } }))!;
    expect(e.key).toBe('per:benjamin-netanyahu');
    expect(e.name).toBe('Benjamin Netanyahu');
    expect(e.type).toBe('PER');
    expect(e.articleCount).toBe(5);
    expect([e.firstSeen, e.lastSeen]).toEqual(['2024-05-01', '2025-09-29']);
    expect(e.aliases.map((a) => a.name)).toEqual(expect.arrayContaining(['Netanyahu', 'Benjamin Netanyahu']));
    expect(e.roles.map((r) => r.role)).toEqual(expect.arrayContaining(['Israeli Prime Minister', 'premier']));

    const local = examples.flatMap((i) => i.article.entities.filter((x) => x.name === 'Benjamin Netanyahu').flatMap((x) => x.mentions));
    expect(e.mentionCount).toBe(local.length);
    expect(e.mentions.total).toBe(local.length);
    expect(new Set(e.mentions.items.map((m) => m.language))).toEqual(new Set(['en', 'nl']));
    for (const m of e.mentions.items) {
      const doc = (await store.get(m.articleId))!;
      expect(doc.text.slice(m.start, m.end)).toBe(m.text);
      expect(m.key).toBe('per:benjamin-netanyahu');
    }
    // Three quotes by him (001, 002 in Dutch, 004), not the one by Matthew Miller in 004.
    expect(e.quotes.total).toBe(3);
    expect(e.quotes.items.map((q) => q.speakerName).sort()).toEqual(['Mr. Netanyahu', 'Netanyahu', 'Netanyahu']);
    expect(e.quotes.items.find((q) => q.language === 'nl')!.text).toBe('Als dit via onderhandelingen kan worden bereikt, geweldig,');
    for (const q of e.quotes.items) expect((await store.get(q.articleId))!.text.slice(q.start, q.end)).toBe(q.text);
  });

  it('links the Dutch "Internationaal Strafhof" to the International Criminal Court', async () => {
    expect(await keyOf(store, examples[2], 'Internationaal Strafhof')).toBe('org:icc');
    expect(await keyOf(store, examples[0], 'International Criminal Court')).toBe('org:icc');
    const e = (await openCorpus(store).entity('Internationaal Strafhof'))!;
    expect(e).toMatchObject({ key: 'org:icc', name: 'International Criminal Court', type: 'ORG', source: 'organisation', articleCount: 2 });
    expect(e.aliases.map((a) => a.name).sort()).toEqual(['Internationaal Strafhof', 'International Criminal Court']);
    expect((await openCorpus(store).entity('ICC'))!.key).toBe('org:icc'); // known alias, never written in the articles
  });

  it('explains why mentions were merged, in the order they were resolved', async () => {
    const icc = await openCorpus(store).explainEntity('Internationaal Strafhof');
    expect(icc.entities).toHaveLength(1);
    expect(icc.entities[0].links.map((l) => [l.articleId, l.name, l.rule])).toEqual([
      [examples[0].article.id, 'International Criminal Court', 'organisation-alias'],
      [examples[2].article.id, 'Internationaal Strafhof', 'organisation-alias'],
    ]);
    const text = formatExplanation(icc);
    expect(text).toContain("organisation alias 'Internationaal Strafhof'");

    const kushnerKey = await keyOf(store, examples[3], 'Jared Kushner');
    const k = await openCorpus(store).explainEntity(kushnerKey);
    expect(k.entities[0].merges).toEqual([
      { from: 'per:kushner', to: 'per:jared-kushner', articleId: examples[3].article.id, reason: expect.stringContaining("'Jared Kushner' is the first person with that surname") },
    ]);
    expect(k.entities[0].links.map((l) => l.articleId)).toEqual([kushner.article.id, examples[3].article.id, examples[3].article.id]);
    expect(k.entities[0].links.map((l) => l.rule)).toEqual(['new', 'new', 'typo-in-article']); // "Kusher", the typo in 003
    expect((await openCorpus(store).entity('per:kushner'))!.key).toBe('per:jared-kushner'); // a former key still finds it
    expect((await openCorpus(store).entity('per:jared-kushner'))!.formerKeys).toEqual(['per:kushner']);
    for (const e of [icc, k]) for (const x of e.entities) for (const l of x.links) expect(l.reason.length).toBeGreaterThan(10);
  });

  it('holds exactly the state of a resolver fed the same articles, and shows every entity as the resolver does', async () => {
    const resolver = new EntityResolver();
    for (const item of all) resolver.add(articleEntities(item.article));
    const file = newFile();
    await (await storeWith([[kushner, examples[0], examples[1]], [examples[2]], [examples[3], examples[4], miller]], file)).close();
    const reopened = openSqliteStore(file);
    const stored = await reopened.write('ingest', ({ entities }) => readResolverState(entities));
    await reopened.close();
    const want = resolver.state();
    expect(stored.entities).toEqual(want.entities); // same rows, same (creation) order
    expect(stored.links).toEqual(want.links);
    expect(stored.merges).toEqual(want.merges);
    expect(stored.redirects).toEqual(want.redirects);
    expect(stored.articles).toEqual(want.articles);

    const listed = await openCorpus(store).entities({ limit: 1000 });
    expect(listed.total).toBe(want.entities.length);
    expect(listed.stale).toBe(false);
    const byKey = new Map(listed.items.map((e) => [e.key, e]));
    for (const v of resolver.entities()) {
      expect(byKey.get(v.key), v.key).toEqual({
        key: v.key,
        name: v.name,
        type: v.type,
        source: v.source,
        aliases: v.aliases,
        roles: v.roles,
        articleCount: v.articleIds.length,
        mentionCount: v.mentionCount,
        firstSeen: v.firstSeen,
        lastSeen: v.lastSeen,
      });
    }
    // Finding by name agrees with the resolver's own lookup.
    for (const name of ['Netanyahu', 'Trump', 'Israël', 'VS', 'Hamas', 'Miller', 'Gaza', 'Kushner', 'Witkoff', 'Strafhof']) {
      expect((await openCorpus(store).explainEntity(name)).entities.map((e) => e.key), name).toEqual(resolver.find(name));
    }
  });

  it('lists the candidates when a name fits two people, and finds each by its key', async () => {
    const err = await openCorpus(store).entity('Miller').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AmbiguousEntityError);
    const candidates = (err as AmbiguousEntityError).candidates.map((c) => c.key).sort();
    expect(candidates).toEqual(['per:matthew-miller', 'per:stephen-miller']);
    expect((err as Error).message).toMatch(/^"Miller" names 2 entities: per:\S+ \(\w+ Miller, PER, 1 article\), .*Ask again with the key/);
    expect((await openCorpus(store).entity('per:stephen-miller'))!.roles.map((r) => r.role)).toEqual(['deputy chief of staff']);
    const matthew = (await openCorpus(store).entity('Matthew Miller'))!;
    expect(matthew.key).toBe('per:matthew-miller');
    expect(matthew.quotes.items.map((q) => q.text)).toEqual(['reiterated the importance of accelerating and sustaining that improvement']);
    expect((await openCorpus(store).explainEntity('Miller')).entities).toHaveLength(2);
    expect(await openCorpus(store).entity('Nobody Atall')).toBeNull();
  });

  it('filters by type and name, pages in a stable order, and rejects a bad type', async () => {
    const all = await openCorpus(store).entities({ limit: 1000 });
    const people = await openCorpus(store).entities({ type: 'PER', limit: 1000 });
    expect(people.total).toBe(all.items.filter((e) => e.type === 'PER').length);
    expect(people.items.every((e) => e.type === 'PER')).toBe(true);
    const counts = all.items.map((e) => e.articleCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // Gaza (the place alias Gaza Strip) is in six articles; Netanyahu and Hamas in five, he with more mentions.
    expect(all.items.slice(0, 3).map((e) => e.key)).toEqual(['loc:gaza-strip', 'per:benjamin-netanyahu', 'org:hamas']);
    const pages = [...(await openCorpus(store).entities({ limit: 7 })).items, ...(await openCorpus(store).entities({ limit: 7, offset: 7 })).items];
    expect(pages).toEqual(all.items.slice(0, 14));
    expect((await openCorpus(store).entities({ name: 'israel' })).items.map((e) => e.key)).toContain('country:IL');
    await expect(openCorpus(store).entities({ type: 'PERSON' as never })).rejects.toThrow(StoreInputError);
  });
});

describe('rebuilding and failing', () => {
  it('rebuilds to exactly the incremental build, whatever the batches and across reopening', async () => {
    const file = newFile();
    const first = await storeWith([[kushner, examples[0]], [examples[1], examples[2]]], file);
    await first.close();
    const again = await storeWith([[examples[3], miller], [examples[4]]], file); // resolver loaded from the tables
    await again.close();
    const incremental = dump(file);

    const oneBatch = newFile();
    await (await storeWith([[kushner, ...examples.slice(0, 4), miller, examples[4]]], oneBatch)).close();
    expect(dump(oneBatch)).toEqual(incremental);

    const store = openSqliteStore(file);
    const r = await openCorpus(store).rebuildEntities();
    expect(r).toMatchObject({ articles: all.length, merges: 1 });
    await store.close();
    expect(dump(file)).toEqual(incremental);
    expect(incremental.entities.length).toBe(r.entities);
  });

  it('leaves the entity tables as they were when a batch fails, and carries on from there', async () => {
    // A quote span the schema refuses (the article insert fails).
    const badQuote = { ...examples[3], article: { ...examples[3].article, quotes: [{ start: -1, end: 4, text: 'x', kind: 'direct' as const, speaker: null, cue: null }] } };
    // Two local entities with one id: the entity index itself refuses the article.
    const e = examples[3].article.entities;
    const badLayer = { ...examples[3], article: { ...examples[3].article, entities: [...e, { ...e[1], id: e[0].id }] } };
    for (const bad of [badQuote, badLayer]) {
      const file = newFile();
      const store = await storeWith([[kushner, examples[0], examples[1]]], file);
      const before = dump(file);
      // examples[2] is resolved (new entities, links) before the bad item fails.
      await expect(openCorpus(store).add([examples[2], bad])).rejects.toThrow(bad === badLayer ? /item 2 of 2 .*two entities with id "e1"/ : StoreError);
      expect(dump(file)).toEqual(before);
      await openCorpus(store).add([examples[2]]);
      await openCorpus(store).add([examples[3], examples[4], miller]);
      await store.close();
      const clean = newFile();
      await (await storeWith([[kushner, examples[0], examples[1]], [examples[2]], [examples[3], examples[4], miller]], clean)).close();
      expect(dump(file)).toEqual(dump(clean));
    }
  });

  it('marks the index stale when a stored entity layer changes; a rebuild follows the new layers', async () => {
    const store = await storeWith([all.filter((i) => i !== miller)]);
    const a = examples[2].article;
    const withoutStrafhof = a.entities.filter((e) => e.name !== 'Internationaal Strafhof');
    await store.replaceAnalysis(a.id, { ...a, title: 'Nieuwe titel' }); // entities unchanged: still current
    expect((await openCorpus(store).entities()).stale).toBe(false);
    await store.replaceAnalysis(a.id, { ...a, entities: withoutStrafhof });
    expect((await openCorpus(store).entities()).stale).toBe(true);
    expect((await openCorpus(store).entity('org:icc'))!.articleCount).toBe(2);
    await openCorpus(store).rebuildEntities();
    expect((await openCorpus(store).entities()).stale).toBe(false);
    expect((await openCorpus(store).entity('org:icc'))!.articleCount).toBe(1);
    expect((await openCorpus(store).entityLinks(a.id)).map((l) => l.localId)).toEqual(withoutStrafhof.map((e) => e.id));
    // Incremental resolution goes on from the rebuilt index.
    await openCorpus(store).add([miller]);
    expect((await openCorpus(store).entity('per:stephen-miller'))!.articleCount).toBe(1);
    await expect(openCorpus(store).entity('Miller')).rejects.toThrow(AmbiguousEntityError);
    await store.close();
  });

  it('marks a database upgraded with stored articles as stale until rebuilt', async () => {
    const file = newFile();
    const old = openSqliteStore(file, { migrations: bundledMigrations().slice(0, 2) }); // before the entity index
    await openCorpus(old).add(all);
    await old.close();
    const store = openSqliteStore(file);
    expect(await openCorpus(store).entities()).toEqual({ total: 0, items: [], stale: true });
    expect(await openCorpus(store).rebuildEntities()).toMatchObject({ articles: all.length });
    expect((await openCorpus(store).entities()).stale).toBe(false);
    expect((await openCorpus(store).entity('Netanyahu'))!.articleCount).toBe(5);
    await store.close();
  });
});
