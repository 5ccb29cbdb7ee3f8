// The story commands as a user runs them (in-process through the CLI's main, output captured):
// stories, compare, timeline, export and restory on a database of the five examples ingested with the
// real pipeline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { main } from '../../../src/cli/main.ts';
import type { StoriesList } from '../../../src/corpus/stories/api.ts';
import { SEED_EXAMPLES } from '../../helpers/examples.ts';


/** Runs `dossier ARGS --db <test db>` in this process and captures what it prints. */
async function dossier(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const write = { out: process.stdout.write, err: process.stderr.write };
  process.stdout.write = ((c: string | Uint8Array) => out.push(String(c)) > 0) as typeof process.stdout.write;
  process.stderr.write = ((c: string | Uint8Array) => err.push(String(c)) > 0) as typeof process.stderr.write;
  process.exitCode = 0;
  try {
    await main(['node', 'dossier', ...args, '--db', db]);
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, stdout: out.join(''), stderr: err.join('') };
}

let dir: string;
let db: string;
let list: StoriesList;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-stories-'));
  db = join(dir, 'test.db');
  const r = await dossier('ingest', ...SEED_EXAMPLES);
  expect(r.code).toBe(0);
  list = JSON.parse((await dossier('stories', '--json')).stdout);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dossier story commands', () => {
  it('lists one storyline of four events after ingest, compares it, and exports figures and the entity graph', async () => {
    expect(list.total).toBe(1);
    expect(list.storylines[0].events).toHaveLength(4);
    const id = list.storylines[0].id;
    const text = await dossier('compare', id);
    expect(text.stdout).toMatch(/each article counts as a source of its own/);
    expect(text.stdout).toMatch(/Truce \(days\)  — 2 sources/);
    const gexf = join(dir, 'graph.gexf');
    expect((await dossier('export', '--format', 'gexf', '--out', gexf)).code).toBe(0);
    const xml = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(gexf, 'utf8'));
    const nodes = [xml.gexf.graph.nodes.node].flat() as Record<string, string>[];
    expect(nodes.length).toBeGreaterThan(10);
    const csv = await dossier('export', '--format', 'csv', '--table', 'figures', '--story', id);
    const lines = csv.stdout.trim().split('\r\n');
    expect(lines[0]).toMatch(/^article_id,source,language,published_at,event_id,storyline_id,what,/);
    expect(lines.some((l) => l.includes('Truce (days)') && l.includes(',60,'))).toBe(true);
  });

  it('restory gives the same stories; bad arguments are usage errors', async () => {
    const r = JSON.parse((await dossier('restory', '--json')).stdout);
    expect(r).toMatchObject({ attached: 5, newEvents: 4, newStorylines: 1 });
    const again = JSON.parse((await dossier('stories', '--json')).stdout) as StoriesList;
    expect(again.storylines.map((s) => s.events.map((e) => e.id))).toEqual(list.storylines.map((s) => s.events.map((e) => e.id)));
    const bad = await dossier('timeline', '--story', 'x', '--entity', 'y');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/exactly one of --story ID or --entity NAME/);
  });
});
