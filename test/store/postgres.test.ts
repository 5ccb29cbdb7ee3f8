// The PostgreSQL store: the shared contract suite on a throwaway server (support/postgres-server.ts,
// or DOSSIER_TEST_PG_URL), then what only a server database shows: migrations under concurrent
// opens, two writers ingesting into one database, and connection errors.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { bundledMigrations, connectPostgresStore, openPostgresStore, type Migration } from '../../src/store/postgres/index.ts';
import { StoreError } from '../../src/store/store.ts';
import { placeArticle } from '../../src/corpus/stories/cluster.ts';
import { articleFeatures } from '../../src/corpus/stories/features.ts';
import { MemoryStoryIndex } from '../../src/corpus/stories/memory-index.ts';
import { runSearchBounds, runStoreContract } from './contract.ts';
import { attributedArticle, attributedRows, coordinationItem, exampleItems, otherLanguageItems, undatedItem } from './fixtures.ts';
import { useTestPostgres } from './postgres-fixture.ts';
import { openCorpus } from '../../src/corpus/index.ts';

const pgServer = useTestPostgres();

runStoreContract('postgres', async () => connectPostgresStore(await pgServer().database(), { poolSize: 2 }));
runSearchBounds('postgres', async () => connectPostgresStore(await pgServer().database(), { poolSize: 2, search: { facetSample: 4, rankedMatches: 3 } }));

describe('PostgreSQL store on a server', () => {
  const known = bundledMigrations().length;
  const extra: Migration = { version: known + 1, name: `00${known + 1}_article_notes.sql`, sql: 'CREATE TABLE article_notes (article_id text NOT NULL REFERENCES articles (id), note text NOT NULL);' };

  it('migrates a new database once when several processes open it at the same moment', async () => {
    const url = await pgServer().database();
    const stores = await Promise.all(Array.from({ length: 4 }, () => connectPostgresStore(url, { poolSize: 1 })));
    try {
      expect(stores.map((s) => s.schemaVersion)).toEqual([known, known, known, known]);
      const db = new pg.Client({ connectionString: url });
      await db.connect();
      const versions = (await db.query('SELECT version, name FROM schema_version ORDER BY version')).rows;
      await db.end();
      expect(versions.map((v) => v.version)).toEqual(bundledMigrations().map((m) => m.version));
      expect(versions.map((v) => v.name)).toEqual(bundledMigrations().map((m) => m.name));
      expect((await openCorpus(stores[0]).add(exampleItems().slice(0, 2))).inserted).toBe(2);
      expect((await stores[3].list()).total).toBe(2);
    } finally {
      for (const s of stores) await s.close();
    }
  });

  it('applies a new migration to a database with data, refuses a newer schema, and stops at a failing migration', async () => {
    const url = await pgServer().database();
    const v1 = await connectPostgresStore(url);
    await openCorpus(v1).add(exampleItems().slice(0, 2));
    await v1.close();
    const v2 = await connectPostgresStore(url, { migrations: [...bundledMigrations(), extra] });
    expect((await v2.stats()).schemaVersion).toBe(known + 1);
    expect((await v2.list()).total).toBe(2);
    await v2.close();
    await expect(connectPostgresStore(url)).rejects.toThrow(`schema version ${known + 1}, newer than this version of Dossier knows (${known})`);

    const other = await pgServer().database();
    const broken: Migration = { version: known + 1, name: `00${known + 1}_broken.sql`, sql: 'CREATE TABLE ok_part (x int); ALTER TABLE no_such_table ADD y int;' };
    await expect(connectPostgresStore(other, { migrations: [...bundledMigrations(), broken] })).rejects.toThrow(
      new RegExp(`migration 00${known + 1}_broken\\.sql failed.*no_such_table.*version ${known}\\)`),
    );
    const db = new pg.Client({ connectionString: other });
    await db.connect();
    expect((await db.query('SELECT max(version) AS v FROM schema_version')).rows[0].v).toBe(known);
    expect((await db.query("SELECT to_regclass('ok_part') AS t")).rows[0].t).toBeNull();
    await db.end();
  });

  it('migration 007 fills the attribution columns of quote rows stored before it from the stored analysis', async () => {
    const url = await pgServer().database();
    const items = exampleItems();
    const store = await connectPostgresStore(url);
    await openCorpus(store).add(items.slice(0, 2));
    const a = attributedArticle(items[0]);
    await store.replaceAnalysis(a.id, a);
    await store.close();
    // The database as version 7 left it: quote rows without the columns.
    const attribution = bundledMigrations().find((m) => m.name.endsWith('_quote_attributions.sql'))!;
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    await db.query(
      'ALTER TABLE quotes DROP COLUMN attribution_kind, DROP COLUMN source_text, DROP COLUMN source_start, DROP COLUMN source_end, ' +
        'DROP COLUMN speaker_via, DROP COLUMN confidence, DROP COLUMN found_by',
    );
    await db.query('DROP TABLE search_stems, search_stems_state'); // migration 008's
    await db.query('DELETE FROM schema_version WHERE version >= $1', [attribution.version]);
    await db.end();
    const again = await connectPostgresStore(url);
    try {
      expect((await again.stats()).schemaVersion).toBe(known);
      expect((await again.quotes({ articleId: a.id })).items).toMatchObject(attributedRows(a));
      expect((await again.quotes({ articleId: items[1].article.id })).items[0]).toMatchObject({ attributionKind: null, sourceText: null, confidence: null });
    } finally {
      await again.close();
    }
  });

  it('migration 008 indexes the stems of the articles stored before it, once, and loses nothing', async () => {
    const url = await pgServer().database();
    const before = bundledMigrations().findIndex((m) => m.name.endsWith('_search_stems.sql'));
    const old = await connectPostgresStore(url, { migrations: bundledMigrations().slice(0, before) });
    await openCorpus(old).add(otherLanguageItems());
    const listed = (await old.list()).items;
    expect((await old.search('négociation')).total).toBe(0);
    await old.close();
    const store = await connectPostgresStore(url);
    try {
      expect(store.schemaVersion).toBe(known);
      expect((await store.list()).items).toEqual(listed);
      expect((await store.search('négociation')).total).toBe(1);
      expect((await store.search('Verhandlung')).hits[0].snippet).toContain('[[Verhandlungen]]');
    } finally {
      await store.close();
    }
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const count = async () => Number((await db.query('SELECT count(*) AS n FROM search_stems')).rows[0].n);
    const rows = await count();
    expect(rows).toBeGreaterThan(100);
    expect((await db.query('SELECT ready FROM search_stems_state')).rows[0].ready).toBe(true);
    await (await connectPostgresStore(url)).close();
    expect(await count()).toBe(rows);
    await db.end();
  });

  it('refuses a database that holds tables of something else under Dossier names', async () => {
    const url = await pgServer().database();
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    await db.query('CREATE TABLE articles (x int)');
    await db.end();
    await expect(connectPostgresStore(url)).rejects.toThrow(/has a table "articles" but no Dossier schema version/);
  });

  it('reports a server it cannot reach as a StoreError without the password', async () => {
    const dead = new URL(pgServer().url);
    dead.port = '1';
    dead.password = 'secret';
    const err = await connectPostgresStore(dead.toString()).catch((e: Error) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toMatch(/^cannot open database postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\//);
    expect((err as Error).message).not.toContain('secret');
    const lazy = openPostgresStore(dead.toString());
    await expect(lazy.list()).rejects.toThrow(StoreError);
    await lazy.close();
  });

  it('keeps one copy of each article and one consistent entity index when two writers ingest at once', async () => {
    const url = await pgServer().database();
    const [a, b] = [await connectPostgresStore(url, { poolSize: 2 }), await connectPostgresStore(url, { poolSize: 2 })];
    try {
      const items = [...exampleItems(), coordinationItem()];
      // Overlapping batches from two processes, several rounds: each article is stored exactly once.
      const results = await Promise.all([
        openCorpus(a).add(items.slice(0, 4)),
        openCorpus(b).add(items.slice(2, 6)),
        openCorpus(a).add(items.slice(3)),
        openCorpus(b).add([items[1], items[0]]),
      ]);
      expect(results.reduce((n, r) => n + r.inserted, 0)).toBe(items.length);
      expect(results.reduce((n, r) => n + r.inserted + r.duplicates, 0)).toBe(4 + 4 + 3 + 2);
      expect((await a.stats()).articles).toBe(items.length);
      expect((await b.quotes({ limit: 1000 })).total).toBe(items.reduce((n, i) => n + i.article.quotes.length, 0));
      // Each writer saw the other's entity index: it equals a rebuild in ingest order.
      const incremental = await openCorpus(b).entities({ limit: 1000 });
      expect(incremental.items.find((e) => e.key === 'country:IL')).toMatchObject({ articleCount: 2 });
      await openCorpus(a).rebuildEntities();
      expect(await openCorpus(b).entities({ limit: 1000 })).toEqual(incremental);
      // Stories placed by both writers at once: every article placed once, as one writer would.
      const ids = items.map((i) => i.article.id);
      const attached = await Promise.all([openCorpus(a).place(ids.slice(0, 4)), openCorpus(b).place(ids.slice(2))]);
      expect(attached[0].attached + attached[1].attached).toBe(items.length);
      const placed = await openCorpus(a).stories.placements();
      expect(placed.map((p) => p.seq)).toEqual(items.map((_, i) => i + 1));
      const together = new Map(placed.map((p) => [p.articleId, [p.eventId, p.storylineId]]));
      // Whichever writer went second saw the first one's clusters: the placements are those of one
      // index fed the articles in placement order.
      const index = new MemoryStoryIndex();
      for (const d of await a.stories.articles(placed.map((p) => p.articleId))) await placeArticle(index, articleFeatures(d));
      expect(new Map(index.members.map((m) => [m.articleId, [m.eventId, m.storylineId]]))).toEqual(together);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('marks matches in snippets as the index matched them: numbers with separators, decomposed accents, phrases', async () => {
    const store = await connectPostgresStore(await pgServer().database(), { poolSize: 1 });
    try {
      const nfd = 'Israe\u0308l';
      const note = undatedItem('5'.repeat(64), `Volgens de VN zijn er meer dan 57.500 doden. ${nfd} en Hamas spraken over een cease-fire in Gaza.`);
      await openCorpus(store).add([note]);
      expect((await store.search('57.500')).hits[0].snippet).toContain('[[57.500]]');
      expect((await store.search('Israel')).hits[0].snippet).toContain(`[[${nfd}]]`);
      expect((await store.search('"cease-fire in"')).hits[0].snippet).toContain('[[cease-fire in]]');
      expect((await store.search('doden Hamas')).hits[0].snippet).toBe(
        'Volgens de VN zijn er meer dan 57.500 [[doden]]. Israël en [[Hamas]] spraken over een cease-fire in Gaza.'.replace('Israël', nfd),
      );
      // Only the article's own words match: not the URL-ish or e-mail tokens a text-search parser would keep whole.
      expect((await store.search('VN doden')).total).toBe(1);
    } finally {
      await store.close();
    }
  });
});
