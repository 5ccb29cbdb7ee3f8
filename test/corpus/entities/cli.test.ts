// `dossier entities`, `dossier entity` and the index rebuild of `dossier reanalyze`, run in-process
// through the CLI's main() on a database holding the example articles with their entity layers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { openSqliteStore } from '../../../src/store/sqlite/index.ts';
import { exampleItems, kushnerFirst, stephenMiller } from './examples.ts';
import { openCorpus } from '../../../src/corpus/index.ts';

let dir: string;
let db: string;
/** Mentions of Netanyahu in the stored layers (as moved onto the cleaned texts). */
let n: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-entity-cli-'));
  db = join(dir, 'test.db');
  const examples = await exampleItems();
  n = examples.flatMap((i) => i.article.entities.filter((e) => e.name === 'Benjamin Netanyahu').flatMap((e) => e.mentions)).length;
  const store = openSqliteStore(db);
  await openCorpus(store).add([await kushnerFirst(), ...examples, await stephenMiller()]);
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function dossier(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  process.exitCode = undefined;
  try {
    await main(['node', 'dossier', ...args]);
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('dossier entities', () => {
  it('lists entities with names, roles, article counts and dates, filtered by type', async () => {
    const r = await dossier('entities', '--db', db, '--type', 'per');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^\d+ entities \(PER\)$/);
    expect(lines[2]).toBe(`Benjamin Netanyahu  [per:benjamin-netanyahu] PER · 5 articles · ${n} mentions · 2024-05-01 – 2025-09-29`);
    expect(lines[3]).toMatch(/^ {4}names: Netanyahu \(\d+\), Benjamin Netanyahu \(\d+\)$/);
    expect(lines[4]).toMatch(/^ {4}roles: .*Israeli Prime Minister \(\d\).*premier \(\d\)/);
    expect(r.stdout).not.toContain('[org:');
  });

  it('pages as JSON', async () => {
    const r = await dossier('entities', '--db', db, '--json', '--limit', '2', '--offset', '1');
    const page = JSON.parse(r.stdout);
    expect(page.items.map((e: { key: string }) => e.key)).toEqual(['per:benjamin-netanyahu', 'org:hamas']);
    expect(page.total).toBeGreaterThan(40);
    expect(page.stale).toBe(false);
  });

  it('explains why mentions were merged', async () => {
    const r = await dossier('entities', '--db', db, '--explain', 'Internationaal Strafhof');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^International Criminal Court \[org:icc\] ORG: 2 linked names in 2 articles\n/);
    expect(r.stdout).toContain('"Internationaal Strafhof" (ORG, e19)  organisation-alias: organisation alias \'Internationaal Strafhof\'');
    const none = await dossier('entities', '--db', db, '--explain', 'Nobody Atall');
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(`dossier: no entity named "Nobody Atall" in ${db} (names containing it: dossier entities --name "Nobody Atall")\n`);
    // A part of a name is no name; --name finds it.
    expect((await dossier('entities', '--db', db, '--explain', 'Strafhof')).code).toBe(1);
    expect((await dossier('entities', '--db', db, '--name', 'strafhof')).stdout).toMatch(/^1 entity \(named like "strafhof"\)\n\nInternational Criminal Court {2}\[org:icc\]/);
  });

  it('refuses a bad type in one line', async () => {
    const r = await dossier('entities', '--db', db, '--type', 'person');
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')[0]).toContain('--type must be one of PER, ORG, LOC, MISC, got "person"');
  });
});

describe('dossier entity', () => {
  it('shows one entity with its mentions and the quotes it said, in both languages', async () => {
    const r = await dossier('entity', 'Netanyahu', '--db', db, '--limit', '3');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(`Benjamin Netanyahu  [per:benjamin-netanyahu] PER\n5 articles · ${n} mentions · first seen 2024-05-01 · last seen 2025-09-29\n`)).toBe(true);
    expect(r.stdout).toContain(`Mentions (${n}):`);
    expect(r.stdout).toMatch(/\n {2}[0-9a-f]{16} 2025-09-29 · Trump officials fear meeting with Netanyahu[^\n]*\n {6}@\d+-\d+ "Benjamin Netanyahu", @\d+-\d+ "Netanyahu"/);
    expect(r.stdout).toContain(`  … showing 1–3 of ${n} (--limit / --offset for more)\n`);
    expect(r.stdout).toContain('Quotes (3):');
    // all three quotes fit the page: no paging line after them
    expect(r.stdout.split('Quotes (3):')[1]).not.toContain('showing');
    const json = JSON.parse((await dossier('entity', 'Netanyahu', '--db', db, '--json', '--limit', '100')).stdout);
    expect(json.quotes.items.map((q: { text: string }) => q.text)).toContain('Als dit via onderhandelingen kan worden bereikt, geweldig,');
    expect(json.mentions.items).toHaveLength(n);
  });

  it('lists the candidates of an ambiguous name in one line and says how to pick one', async () => {
    const r = await dossier('entity', 'Miller', '--db', db);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^dossier: "Miller" names 2 entities: per:\w+-miller \(\w+ Miller, PER, 1 article\), per:\w+-miller .*; pick one by its key, e\.g\. dossier entity per:\w+-miller\n$/);
    const picked = await dossier('entity', 'per:stephen-miller', '--db', db);
    expect(picked.stdout).toContain('Roles: deputy chief of staff (1)');
  });

  it('says so when nothing has the name', async () => {
    const r = await dossier('entity', 'Nobody Atall', '--db', db);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`dossier: no entity named "Nobody Atall" in ${db} (names containing it: dossier entities --name "Nobody Atall")\n`);
  });
});

describe('dossier reanalyze', () => {
  it('rebuilds the entity index from the layers it stored', async () => {
    const r = await dossier('reanalyze', '--db', db, '--json');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.entities.articles).toBe(7);
    const after = JSON.parse((await dossier('entities', '--db', db, '--json', '--limit', '1000')).stdout);
    expect(after.stale).toBe(false);
    expect(after.total).toBe(summary.entities.entities);
    // a CLI run with every article analysed again (on nice'd worker threads): minutes on a loaded machine
  }, 180_000);
});
