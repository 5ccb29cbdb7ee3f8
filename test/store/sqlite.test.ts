import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledMigrations, openSqliteStore, type Migration } from '../../src/store/sqlite/index.ts';
import { StoreError } from '../../src/store/store.ts';
import { runSearchBounds, runStoreContract } from './contract.ts';
import { attributedArticle, attributedRows, coordinationItem, exampleItems } from './fixtures.ts';
import { otherLanguageItems } from './fixtures.ts';
import { openCorpus } from '../../src/corpus/index.ts';

runStoreContract('sqlite :memory:', async () => openSqliteStore(':memory:'));
runSearchBounds('sqlite', async () => openSqliteStore(':memory:', { search: { facetSample: 4, rankedMatches: 3 } }));

describe('SQLite store on a file', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-store-'));
    file = join(dir, 'dossier.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A second, plain connection to inspect the file the store wrote. */
  const inspect = <T>(fn: (db: Database.Database) => T): T => {
    const db = new Database(file, { readonly: true });
    try {
      return fn(db);
    } finally {
      db.close();
    }
  };

  it('uses WAL, keeps its data across reopening and keeps the search index consistent', async () => {
    const items = [...exampleItems(), coordinationItem()];
    const store = openSqliteStore(file);
    await openCorpus(store).add(items.slice(0, 4));
    await openCorpus(store).add(items.slice(4));
    const a = items[2].article;
    await store.replaceAnalysis(a.id, { ...a, title: 'Netanyahu wil onderhandelen', quotes: a.quotes.slice(1) });
    await expect(openCorpus(store).add([items[0], { ...items[1], contentHash: items[0].contentHash.slice(0, 16) + '0'.repeat(48) }])).rejects.toThrow(StoreError);
    await store.close();

    expect(inspect((db) => db.pragma('journal_mode', { simple: true }))).toBe('wal');
    expect(inspect((db) => db.pragma('user_version', { simple: true }))).toBe(bundledMigrations().length);
    // FTS5's own check that the external-content index matches the articles table.
    const rw = new Database(file);
    rw.prepare("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)").run();
    expect(rw.pragma('foreign_key_check')).toEqual([]);
    rw.close();

    const again = openSqliteStore(file);
    const stats = await again.stats();
    expect(stats.articles).toBe(items.length);
    expect(stats.sizeBytes).toBeGreaterThan(100_000);
    expect((await again.get(a.id))!.title).toBe('Netanyahu wil onderhandelen');
    expect((await again.search('onderhandelen', { language: 'nl' })).hits[0].id).toBe(a.id);
    expect((await openCorpus(again).add(items)).duplicates).toBe(items.length);
    await again.close();
  });

  it('lets a second connection read while the store holds a write transaction open (WAL)', async () => {
    const store = openSqliteStore(file);
    await openCorpus(store).add(exampleItems().slice(0, 2));
    const writer = new Database(file);
    writer.exec('BEGIN IMMEDIATE; DELETE FROM quotes;');
    expect((await store.list()).total).toBe(2);
    expect((await store.quotes()).total).toBe(3);
    writer.exec('ROLLBACK');
    writer.close();
    await store.close();
  });

  it('rolls back a batch whose item breaks a table constraint (span end before start)', async () => {
    const [first, second, third] = exampleItems();
    const store = openSqliteStore(file);
    await openCorpus(store).add([first]);
    const bad = structuredClone(third);
    bad.article.figures[1] = { ...bad.article.figures[1], end: bad.article.figures[1].start - 1 };
    const err = await openCorpus(store).add([second, bad]).catch((e: Error) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toMatch(/item 2 of 2 .*002_74f363901181367a.*CHECK constraint failed/);
    await store.close();
    inspect((db) => {
      for (const table of ['articles', 'article_raw']) expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(1);
      expect(db.prepare('SELECT count(*) FROM quotes').pluck().get()).toBe(first.article.quotes.length);
      const matches = (q: string) => db.prepare('SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?').pluck().get(q);
      expect(matches('gijzelaars')).toBe(0);
      expect(matches('"peace through strength"')).toBe(0);
      expect(matches('Netanyahu')).toBe(1);
    });
  });

  describe('migrations', () => {
    const known = bundledMigrations().length;
    const next = String(known + 1).padStart(3, '0');
    const extra: Migration = {
      version: known + 1,
      name: `${next}_article_notes.sql`,
      sql: 'CREATE TABLE article_notes (article_id TEXT NOT NULL REFERENCES articles (id), note TEXT NOT NULL);',
    };

    it('applies new migrations to an existing file in order and keeps its data', async () => {
      const v1 = openSqliteStore(file);
      await openCorpus(v1).add(exampleItems().slice(0, 2));
      await v1.close();

      const v2 = openSqliteStore(file, { migrations: [...bundledMigrations(), extra] });
      expect(v2.schemaVersion).toBe(known + 1);
      expect((await v2.stats()).schemaVersion).toBe(known + 1);
      expect((await v2.list()).total).toBe(2);
      await v2.close();
      expect(inspect((db) => db.prepare("SELECT name FROM sqlite_schema WHERE name = 'article_notes'").pluck().get())).toBe('article_notes');
    });

    it('upgrades a file made with the first migration only through every bundled one', async () => {
      openSqliteStore(file, { migrations: bundledMigrations().slice(0, 1) }).close();
      expect(inspect((db) => db.pragma('user_version', { simple: true }))).toBe(1);
      const store = openSqliteStore(file);
      expect(store.schemaVersion).toBe(known);
      await openCorpus(store).add(exampleItems());
      expect((await store.figures({ countsKey: 'palestinians killed' })).total).toBe(2);
      await store.close();
    });

    it('migration 010 indexes the stems of the articles stored before it, once, and loses nothing', async () => {
      const before = bundledMigrations().findIndex((m) => m.name.endsWith('_search_stems.sql'));
      const old = openSqliteStore(file, { migrations: bundledMigrations().slice(0, before) });
      await openCorpus(old).add(otherLanguageItems());
      const listed = (await old.list()).items;
      expect((await old.search('négociations')).total).toBe(1);
      expect((await old.search('négociation')).total).toBe(0);
      await old.close();
      const store = openSqliteStore(file);
      expect(store.schemaVersion).toBe(known);
      expect((await store.list()).items).toEqual(listed);
      expect((await store.search('négociation')).total).toBe(1);
      expect((await store.search('Verhandlung')).total).toBe(1);
      await store.close();
      const rows = inspect((db) => db.prepare('SELECT count(*) FROM search_stems').pluck().get() as number);
      expect(rows).toBeGreaterThan(100);
      expect(inspect((db) => db.prepare('SELECT ready FROM search_stems_state').pluck().get())).toBe(1);
      // a second open finds it done and writes nothing
      openSqliteStore(file).close();
      expect(inspect((db) => db.prepare('SELECT count(*) FROM search_stems').pluck().get())).toBe(rows);
    });

    it('migration 009 fills the attribution columns of quote rows stored before it from the stored analysis', async () => {
      const items = exampleItems();
      const store = openSqliteStore(file);
      await openCorpus(store).add(items.slice(0, 2));
      const a = attributedArticle(items[0]);
      await store.replaceAnalysis(a.id, a);
      await store.close();
      // The file as version 8 left it: quote rows without the columns.
      const attribution = bundledMigrations().find((m) => m.name.endsWith('_quote_attributions.sql'))!;
      const db = new Database(file);
      for (const c of ['attribution_kind', 'source_text', 'source_start', 'source_end', 'speaker_via', 'confidence', 'found_by']) db.exec(`ALTER TABLE quotes DROP COLUMN ${c}`);
      // and its analyses as JSON text, as every released version wrote them (009 reads no compressed one)
      const packed = db.prepare("SELECT seq, analysis FROM articles WHERE typeof(analysis) = 'blob'").all() as { seq: number; analysis: Buffer }[];
      for (const r of packed) db.prepare('UPDATE articles SET analysis = ? WHERE seq = ?').run(inflateRawSync(r.analysis).toString('utf8'), r.seq);
      db.exec('DROP TABLE search_stems; DROP TABLE search_stems_state'); // migration 010's
      db.pragma(`user_version = ${attribution.version - 1}`);
      db.close();
      const again = openSqliteStore(file);
      expect(again.schemaVersion).toBe(known);
      expect((await again.quotes({ articleId: a.id })).items).toMatchObject(attributedRows(a));
      expect((await again.quotes({ articleId: items[1].article.id })).items[0]).toMatchObject({ attributionKind: null, sourceText: null, confidence: null });
      await again.close();
    });

    it('refuses a database with a newer schema than the code knows', () => {
      openSqliteStore(file, { migrations: [...bundledMigrations(), extra] }).close();
      expect(() => openSqliteStore(file)).toThrow(`schema version ${known + 1}, newer than this version of Dossier knows (${known})`);
    });

    it('leaves the schema at the last good version when a migration fails, naming the migration', () => {
      const broken: Migration = { version: known + 1, name: `${next}_broken.sql`, sql: 'CREATE TABLE ok_part (x); ALTER TABLE no_such_table ADD y;' };
      openSqliteStore(file).close();
      expect(() => openSqliteStore(file, { migrations: [...bundledMigrations(), broken] })).toThrow(
        new RegExp(`migration ${next}_broken\\.sql failed.*no such table.*version ${known}\\)`),
      );
      inspect((db) => {
        expect(db.pragma('user_version', { simple: true })).toBe(known);
        expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'ok_part'").pluck().get()).toBe(0);
      });
    });

    it('rejects migrations that are not numbered 1, 2, 3, ...', () => {
      expect(() => openSqliteStore(file, { migrations: [...bundledMigrations(), { ...extra, version: known + 2 }] })).toThrow(
        `should be number ${known + 1}`,
      );
    });

    it('refuses files that are not Dossier databases', () => {
      const other = new Database(file);
      other.exec('CREATE TABLE unrelated (x)');
      other.close();
      expect(() => openSqliteStore(file)).toThrow(/not a Dossier one/);
      const text = join(dir, 'notes.db');
      writeFileSync(text, 'these are not the bytes of a database, but they are long enough to look like a header'.repeat(20));
      expect(() => openSqliteStore(text)).toThrow(/cannot open database .*notes\.db/);
      expect(() => openSqliteStore(join(dir, 'missing-dir', 'x.db'))).toThrow(StoreError);
    });
  });
});
