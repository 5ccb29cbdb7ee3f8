// Entity resolution over the SQLite tables (EntityIndex.over, migration 008): a process that adds
// articles to a stored corpus reads the entities those articles can be linked to, never the whole
// entity state, and links exactly as a resolver holding every entity in memory would (a rebuild).
// Articles: generated from BBC News paragraphs (support/measure/generated-articles.ts), whose
// people are single names and full names, so that surnames, evidence and merges are exercised.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openCorpus } from '../../src/corpus/index.ts';
import { bundledMigrations, openSqliteStore } from '../../src/store/sqlite/index.ts';
import { SqliteEntityTables } from '../../src/store/sqlite/entities.ts';
import { generatedItem } from '../../support/measure/generated-articles.ts';
import { createHash } from 'node:crypto';
import { EntityResolver } from '../../src/corpus/entities/resolve.ts';
import { articleEntities } from '../../src/corpus/entities/index-writer.ts';
import { TERM_RULES_VERSION } from '../../src/corpus/entities/entity-index.ts';
import { layer, type EntitySpec } from '../corpus/entities/seeds.ts';
import type { IngestItem } from '../../src/store/shapes.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-entity-lookup-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const items = (from: number, n: number) => Array.from({ length: n }, (_, i) => generatedItem(from + i));

/** An article of one paragraph with a hand-made entity layer (offsets found in the text). */
function craftedItem(day: number, text: string, specs: EntitySpec[]): IngestItem {
  const base = generatedItem(day);
  const contentHash = createHash('sha256').update(text).digest('hex');
  const id = contentHash.slice(0, 16);
  const article = { ...base.article, id, title: text.slice(0, 40), text, sentences: [{ start: 0, end: text.length }], entities: layer(text, specs), quotes: [], figures: [], times: [] };
  return { contentHash, raw: { ...base.raw, raw: text, original: text }, article };
}

/** Links and entities of a database file, in a fixed order. */
function dump(file: string): { links: unknown[]; entities: unknown[]; terms: number } {
  const db = new Database(file, { readonly: true });
  try {
    return {
      links: db.prepare('SELECT article_id, local_id, key, rule, reason FROM entity_links ORDER BY article_id, local_id').all(),
      entities: db.prepare('SELECT key, name, type, mention_count, article_count, first_seen, last_seen, names_json, surfaces_json, roles_json FROM entities ORDER BY key').all(),
      terms: db.prepare('SELECT count(*) FROM entity_terms').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

/** Adds `batches` of generated articles, each in a new process's store (open, add, close). */
async function addInProcesses(file: string, batches: [number, number][]): Promise<void> {
  for (const [from, n] of batches) {
    const store = openSqliteStore(file);
    await openCorpus(store).add(items(from, n));
    await store.close();
  }
}

describe('entity resolution over the SQLite tables', () => {
  it('adds articles to a stored corpus reading a bounded number of rows, never the entity state', async () => {
    const file = join(dir, 'bounded.db');
    await addInProcesses(file, [[0, 100], [100, 100]]);
    const stateRows = vi.spyOn(SqliteEntityTables.prototype, 'stateRows');
    try {
      const store = openSqliteStore(file);
      const reads = store.entityIndex.pointReads!;
      const before = reads.reads;
      await openCorpus(store).add(items(200, 5));
      const used = reads.reads - before;
      await store.close();
      expect(stateRows).not.toHaveBeenCalled();
      // a few reads per local entity (name, name parts, key), not one per stored entity
      const stored = dump(file).entities.length;
      expect(used).toBeGreaterThan(0);
      expect(used).toBeLessThan(stored / 4);
    } finally {
      stateRows.mockRestore();
    }
  });

  it('links as a resolver holding every entity in memory: process by process equals a rebuild', async () => {
    const file = join(dir, 'equal.db');
    await addInProcesses(file, [[1000, 90], [1090, 7], [1097, 53]]);
    const incremental = dump(file);
    const store = openSqliteStore(file);
    await openCorpus(store).rebuildEntities();
    await store.close();
    const rebuilt = dump(file);
    expect(incremental.links.length).toBeGreaterThan(2000);
    expect(incremental.links).toEqual(rebuilt.links);
    expect(incremental.entities).toEqual(rebuilt.entities);
    expect(incremental.terms).toBe(rebuilt.terms);
  });

  it('fills the term table of a database from before migration 008 once, then resolves as that database would have', async () => {
    const oldFile = join(dir, 'old.db');
    const newFile = join(dir, 'new.db');
    const old = openSqliteStore(oldFile, { migrations: bundledMigrations().slice(0, 7) });
    await openCorpus(old).add(items(2000, 100));
    await old.close();
    await addInProcesses(newFile, [[2000, 100]]);
    await addInProcesses(oldFile, [[2100, 50]]);
    await addInProcesses(newFile, [[2100, 50]]);
    const a = dump(oldFile);
    const b = dump(newFile);
    expect(a.links).toEqual(b.links);
    expect(a.entities).toEqual(b.entities);
    expect(a.terms).toBe(b.terms);
    const db = new Database(oldFile, { readonly: true });
    expect(db.prepare('SELECT terms_ready FROM entity_state').pluck().get()).toBe(TERM_RULES_VERSION);
    db.close();
  });

  it('joins acronyms, surname spellings and British/American spellings across processes as a resolver in memory does', async () => {
    // the first process stores the longer names, the second the variants: each variant is found
    // through a name part of entity_terms ('acronym', 'last-name', 'typo', 'spelling')
    const first = [
      craftedItem(1, 'The Academy of Motion Picture Arts and Sciences named the nominees on Tuesday.', [{ type: 'ORG', name: 'Academy of Motion Picture Arts and Sciences' }]),
      craftedItem(2, 'Yulia Timoshenko spoke to reporters in Kiev on Monday.', [{ type: 'PER', name: 'Yulia Timoshenko' }, { type: 'LOC', name: 'Kiev' }]),
      craftedItem(3, 'Heidar Alishvandi was arrested at the border on Friday.', [{ type: 'PER', name: 'Heidar Alishvandi' }]),
      craftedItem(4, 'The Betty Ford Centre opened a new clinic.', [{ type: 'ORG', name: 'Betty Ford Centre' }]),
    ];
    const second = [
      craftedItem(5, 'AMPAS said the ceremony would go ahead.', [{ type: 'ORG', name: 'AMPAS' }]),
      craftedItem(6, 'Yulia Tymoshenko left the country on Sunday.', [{ type: 'PER', name: 'Yulia Tymoshenko' }]),
      craftedItem(7, 'Heydar Alishbandi was released on bail.', [{ type: 'PER', name: 'Heydar Alishbandi' }]),
      craftedItem(8, 'The Betty Ford Center treated the singer.', [{ type: 'ORG', name: 'Betty Ford Center' }]),
    ];
    // in memory: one resolver sees every article
    const memory = new EntityResolver();
    const inMemory = new Map<string, string>();
    for (const { article } of [...first, ...second]) {
      for (const l of memory.add(articleEntities(article)).links) inMemory.set(l.name, l.key);
    }
    const pairs = [
      ['Academy of Motion Picture Arts and Sciences', 'AMPAS'],
      ['Yulia Timoshenko', 'Yulia Tymoshenko'],
      ['Heidar Alishvandi', 'Heydar Alishbandi'],
      ['Betty Ford Centre', 'Betty Ford Center'],
    ];
    for (const [a, b] of pairs) expect(memory.current(inMemory.get(a)!), `${a} / ${b} in memory`).toBe(memory.current(inMemory.get(b)!));

    // over the store: each half in a process of its own
    const file = join(dir, 'variants.db');
    for (const batch of [first, second]) {
      const store = openSqliteStore(file);
      await openCorpus(store).add(batch);
      await store.close();
    }
    const incremental = dump(file);
    const db = new Database(file, { readonly: true });
    const keyOf = db.prepare('SELECT key FROM entity_links WHERE name = ?').pluck();
    for (const [a, b] of pairs) expect(keyOf.get(b), `${a} / ${b} over the store`).toBe(keyOf.get(a));
    for (const [name, key] of inMemory) expect(keyOf.get(name), name).toBe(memory.current(key));
    const kinds = db.prepare('SELECT DISTINCT kind FROM entity_terms ORDER BY kind').pluck().all();
    db.close();
    expect(kinds).toEqual(expect.arrayContaining(['acronym', 'last-name', 'spelling', 'typo']));

    const store = openSqliteStore(file);
    await openCorpus(store).rebuildEntities();
    await store.close();
    const rebuilt = dump(file);
    expect(incremental.links).toEqual(rebuilt.links);
    expect(incremental.entities).toEqual(rebuilt.entities);
    expect(incremental.terms).toBe(rebuilt.terms);
  });

  it('joins nicknames, facility names, blends, given names and "The" acronyms across processes as a resolver in memory does', async () => {
    // each variant is found through a name part of entity_terms ('part': "#sixers", "~phil";
    // 'core': "+morningside"; 'first-last': "~lilo", "^craig"; 'acronym': "thr") and needs the
    // company the entity kept, read through the stored links (ECB+ sentences)
    const first = [
      craftedItem(1, 'The Philadelphia 76ers fired coach Maurice Cheeks on Saturday, dpa reported.', [{ type: 'ORG', name: 'Philadelphia 76ers' }, { type: 'PER', name: 'Maurice Cheeks' }]),
      craftedItem(2, 'Lindsay Lohan had checked into Morningside Recovery Center Thursday morning, her father said.', [{ type: 'PER', name: 'Lindsay Lohan' }, { type: 'LOC', name: 'Morningside Recovery Center' }]),
      craftedItem(3, 'The Hollywood Reporter says Gary Ross is set to meet with Lionsgate officials on Monday.', [{ type: 'ORG', name: 'Hollywood Reporter' }, { type: 'PER', name: 'Gary Ross' }]),
      craftedItem(4, 'Ellen DeGeneres will host the Oscars again, producers Craig Zadan and Neil Meron of the Academy announced.', [
        { type: 'PER', name: 'Ellen DeGeneres' }, { type: 'MISC', name: 'Oscars' }, { type: 'PER', name: 'Craig Zadan' }, { type: 'PER', name: 'Neil Meron' }, { type: 'ORG', name: 'Academy' },
      ]),
    ];
    const second = [
      craftedItem(5, 'Cheeks, who played for the Sixers for 11 seasons, was named coach.', [{ type: 'PER', name: 'Cheeks' }, { type: 'ORG', name: 'Sixers' }]),
      craftedItem(6, 'Maurice Cheeks remained popular with Philly fans.', [{ type: 'PER', name: 'Maurice Cheeks' }, { type: 'ORG', name: 'Philly' }]),
      craftedItem(7, 'Lohan reportedly pulled up to Morningside in an SUV.', [{ type: 'PER', name: 'Lohan' }, { type: 'LOC', name: 'Morningside' }]),
      craftedItem(8, 'LiLo showed up to Morningside at around noon.', [{ type: 'PER', name: 'LiLo' }, { type: 'LOC', name: 'Morningside' }]),
      craftedItem(9, 'THR is saying that director Gary Ross is still in negotiations.', [{ type: 'ORG', name: 'THR' }, { type: 'PER', name: 'Gary Ross' }]),
      craftedItem(10, 'Academy President Boone Isaacs said she agreed with Craig that the Oscars need a host.', [{ type: 'ORG', name: 'Academy' }, { type: 'PER', name: 'Craig' }, { type: 'MISC', name: 'Oscars' }]),
    ];
    const memory = new EntityResolver();
    const inMemory = new Map<string, string>();
    for (const { article } of [...first, ...second]) {
      for (const l of memory.add(articleEntities(article)).links) inMemory.set(l.name, l.key);
    }
    const pairs = [
      ['Philadelphia 76ers', 'Sixers'],
      ['Philadelphia 76ers', 'Philly'],
      ['Morningside Recovery Center', 'Morningside'],
      ['Lindsay Lohan', 'LiLo'],
      ['Hollywood Reporter', 'THR'],
      ['Craig Zadan', 'Craig'],
    ];
    for (const [a, b] of pairs) expect(memory.current(inMemory.get(a)!), `${a} / ${b} in memory`).toBe(memory.current(inMemory.get(b)!));

    const file = join(dir, 'nicknames.db');
    for (const batch of [first, second]) {
      const store = openSqliteStore(file);
      await openCorpus(store).add(batch);
      await store.close();
      if (batch !== first) continue;
      // as a database whose terms the rules before these derived: their rows missing, marked version 1;
      // the next process derives them again before it resolves
      const old = new Database(file);
      old.prepare("DELETE FROM entity_terms WHERE term GLOB '[#~+^]*' OR term = 'thr'").run();
      old.prepare('UPDATE entity_state SET terms_ready = 1').run();
      old.close();
    }
    const incremental = dump(file);
    const db = new Database(file, { readonly: true });
    const keyOf = db.prepare('SELECT key FROM entity_links WHERE name = ?').pluck();
    for (const [a, b] of pairs) expect(keyOf.get(b), `${a} / ${b} over the store`).toBe(keyOf.get(a));
    for (const [name, key] of inMemory) expect(keyOf.get(name), name).toBe(memory.current(key));
    db.close();

    const store = openSqliteStore(file);
    await openCorpus(store).rebuildEntities();
    await store.close();
    const rebuilt = dump(file);
    expect(incremental.links).toEqual(rebuilt.links);
    expect(incremental.entities).toEqual(rebuilt.entities);
    expect(incremental.terms).toBe(rebuilt.terms);
  });
});
