// The dossier command end to end, as a user runs it (a child process per call).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { AnalyzedArticle } from '../../src/types.ts';
import { expectContract } from '../helpers/contract.ts';
import { SEED_EXAMPLES } from '../helpers/examples.ts';
import { comparisonSchema } from '../../src/api/stories.ts';
import { quotePageSchema } from '../../src/api/layers.ts';

// Each test starts the CLI several times (seconds each on a busy machine): a hang guard, not a speed goal.
vi.setConfig({ testTimeout: 120_000 });

const run = promisify(execFile);
const BIN = new URL('../../bin/dossier.js', import.meta.url).pathname;
const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;

async function dossier(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [BIN, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

let dir: string;
let db: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-cli-'));
  db = join(dir, 'test.db');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dossier analyze --json', () => {
  it('prints one contract-conforming JSON object per example article', async () => {
    const r = await dossier('analyze', ...SEED_EXAMPLES, '--json');
    expect(r.code).toBe(0);
    const docs = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as AnalyzedArticle);
    expect(docs).toHaveLength(5);
    for (const d of docs) expectContract(d);
    const byFile = Object.fromEntries(docs.map((d) => [d.file.replace(/.*\//, '').slice(0, 3), d]));
    expect(byFile['002'].language).toBe('nl');
    expect(byFile['003'].publishedAt).toBe('2025-09-29');
    expect(byFile['003'].publishedAtFrom).toBe('url');
    expect(byFile['004'].byline).toBe('Ryan Morgan');
    expect(byFile['000'].title).toBeNull();
  });
});

describe('dossier ingest, search, show, stats', () => {
  it('ingests the examples once; a second ingest is a no-op', async () => {
    const first = await dossier('ingest', ...SEED_EXAMPLES, '--db', db, '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ inserted: 5, duplicates: 0, failures: [] });
    const second = await dossier('ingest', ...SEED_EXAMPLES, '--db', db, '--json');
    expect(JSON.parse(second.stdout)).toMatchObject({ inserted: 0, duplicates: 5 });
  });

  it('reports each bad file by name, stores the good ones, exits 1 and leaves stored articles intact', async () => {
    const bad = join(dir, 'bad');
    rmSync(bad, { recursive: true, force: true });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(bad);
    writeFileSync(join(bad, 'empty.txt'), '');
    writeFileSync(join(bad, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
    writeFileSync(join(bad, 'archive.txt.gz'), gzipSync(Buffer.from('hello world '.repeat(100))));
    writeFileSync(join(bad, 'dump.jsonl'), '{"text": "Een geldig artikel over de onderhandelingen in Doha tussen Israël en Hamas."}\nnot json\n');
    copyFileSync(join(EXAMPLES, '001_4f95569abf96a48a.txt'), join(bad, 'copy-of-001.txt'));
    const r = await dossier('ingest', bad, '--db', db, '--json');
    expect(r.code).toBe(1);
    const summary = JSON.parse(r.stdout);
    expect(summary.inserted).toBe(1); // the valid JSONL line; the copy of 001 is a duplicate
    expect(summary.duplicates).toBe(1);
    const failed = summary.failures.map((f: { file: string; position?: number }) => `${f.file.replace(/.*\//, '')}${f.position ? ':' + f.position : ''}`).sort();
    expect(failed).toEqual(['archive.txt.gz', 'dump.jsonl:2', 'empty.txt']);
    // an image met in a directory is not an article: left out with a note, not a failure
    expect(summary.skipped).toEqual([{ file: join(bad, 'image.png'), reason: 'an image (.png), not an article' }]);
    const stats = JSON.parse((await dossier('stats', '--db', db, '--json')).stdout);
    expect(stats.articles).toBe(6);
  });

  it('finds the Dutch article when searching "Israel" (diacritics ignored)', async () => {
    const r = await dossier('search', 'Israel', '--lang', 'nl', '--db', db, '--json');
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res.total).toBe(2);
    expect(res.hits.every((h: { language: string }) => h.language === 'nl')).toBe(true);
    expect(res.hits.some((h: { snippet: string }) => h.snippet.includes('[[Israël'))).toBe(true);
  });

  it('answers a malformed query with one clear line and exit status 2', async () => {
    const r = await dossier('search', '"cease-fire', '--db', db);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/bad query: .*quote/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('shows a stored article by id prefix, and says clearly when there is none', async () => {
    const list = JSON.parse((await dossier('search', 'Blinken Rafah', '--db', db, '--json')).stdout);
    const id: string = list.hits[0].id;
    const shown = await dossier('show', id.slice(0, 8), '--db', db, '--json');
    const doc = JSON.parse(shown.stdout) as AnalyzedArticle;
    expect(doc.id).toBe(id);
    expect(doc.title).toMatch(/^Blinken Meets With Netanyahu/);
    const text = (await dossier('show', id.slice(0, 8), '--db', db)).stdout;
    // the readable view lists the entities with their global key, roles and other names, and the dates
    expect(text).toMatch(/^Entities:$/m);
    expect(text).toMatch(/^ {2}PER +Antony Blinken \[per:antony-blinken\] · Secretary of State · \d+ mentions: .*Blinken.*the secretary of state/m);
    expect(text).toMatch(/^Dates:$/m);
    const missing = await dossier('show', 'ffffffffff', '--db', db);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no article with id "ffffffffff"/);
  });

  it('explains, article by article, why each mention belongs to an entity', async () => {
    const r = await dossier('entities', '--db', db, '--explain', 'Kushner');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Jared Kushner \[per:jared-kushner\] PER: 1 linked name in 1 article\n/);
    expect(r.stdout).toMatch(/^ {6}@\d+-\d+ "Kusher" {2}misspelling of Jared Kushner, the only person with a name this close$/m);
  });

  it('reanalyzes every stored article from its raw input', async () => {
    const r = await dossier('reanalyze', '--db', db, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ reanalyzed: 6, failures: [] });
  });
});

describe('dossier lists page and their keys resolve', () => {
  it('says which rows a page shows when it shows fewer than all, and nothing extra when it shows all', async () => {
    const all = await dossier('quotes', '--db', db, '--limit', '500');
    expect(all.code).toBe(0);
    const total = Number(/^(\d+) quote\(s\)\n/.exec(all.stdout)?.[1]);
    expect(total).toBeGreaterThan(2);
    const page = await dossier('quotes', '--db', db, '--limit', '1', '--offset', '1');
    expect(page.stdout.split('\n')[0]).toBe(`${total} quote(s); showing 2–2 of ${total} (--limit / --offset for more)`);
    const entities = await dossier('entities', '--db', db, '--limit', '2');
    expect(entities.stdout.split('\n')[0]).toMatch(/^\d+ entities; showing 1–2 of \d+ \(--limit \/ --offset for more\)$/);
    const stories = await dossier('stories', '--db', db, '--limit', '500');
    expect(stories.stdout).not.toMatch(/showing/);
  });

  it('dossier compare pages the sources most telling first, with how telling each is; --json is the API comparison', async () => {
    const list = JSON.parse((await dossier('stories', '--db', db, '--json')).stdout) as { storylines: { id: string; sources: unknown[] }[] };
    const story = list.storylines.reduce((a, b) => (b.sources.length > a.sources.length ? b : a));
    expect(story.sources.length).toBeGreaterThan(2);
    const json = await dossier('compare', story.id, '--db', db, '--json');
    const c = comparisonSchema.parse(JSON.parse(json.stdout));
    const n = c.sources.length;
    const first = await dossier('compare', story.id, '--db', db, '--limit', '2');
    expect(first.code).toBe(0);
    const lines = first.stdout.split('\n');
    expect(lines).toContain(`showing 1–2 of ${n} (--limit / --offset for more)`);
    const ranked = lines.filter((l) => /^ +\d+\. .+ {2}telling \d+ \(adds \d+, disputes \d+, own-voice terms \d+; reports \d+ of \d+ facts\)/.test(l));
    expect(ranked).toHaveLength(2);
    // Names are clipped to 60 characters: compare their first 40.
    const rankLine = (out: string, i: number) => out.split('\n').find((l) => l.startsWith(`${String(i + 1).padStart(5)}. ${c.sources[i].source.name.slice(0, 40)}`));
    expect(rankLine(first.stdout, 0)).toContain(`  telling ${c.sources[0].telling.score} (adds ${c.sources[0].telling.adds}, `);
    const second = await dossier('compare', story.id, '--db', db, '--limit', '2', '--offset', '2');
    expect(second.stdout.split('\n')).toContain(`showing 3–4 of ${n} (--limit / --offset for more)`);
    expect(rankLine(second.stdout, 2)).toContain(`  telling ${c.sources[2].telling.score} (adds ${c.sources[2].telling.adds}, `);
    expect(rankLine(second.stdout, 0)).toBeUndefined();
    // Voice and coverage list the page's sources only.
    const voice = second.stdout.slice(second.stdout.indexOf('\nVoice\n'));
    expect(voice).not.toContain(`\n  ${c.sources[0].source.name.slice(0, 40)}`);
    expect(voice).toContain(`\n  ${c.sources[2].source.name.slice(0, 40)}`);
  });

  it('dossier quotes shows each attribution: speaker with its key, the source as written, cue, kind and confidence', async () => {
    const json = JSON.parse((await dossier('quotes', '--db', db, '--limit', '500', '--json')).stdout);
    const page = quotePageSchema.parse(json);
    expect(page.limit).toBe(500);
    const keyed = page.items.find((q) => q.speakerKey && q.cue && q.confidence !== null)!;
    expect(keyed).toBeDefined();
    const at = page.items.indexOf(keyed);
    const r = await dossier('quotes', '--db', db, '--limit', '1', '--offset', String(at));
    const [head, content] = r.stdout.split('\n').slice(2, 4);
    expect(head.startsWith(`${keyed.speakerName} [${keyed.speakerKey}]`)).toBe(true);
    expect(head).toContain(` — “${keyed.cue}” · ${keyed.attributionKind ?? keyed.kind} · ${keyed.confidence!.toFixed(2)}`);
    expect(content).toContain(`${keyed.articleId} @${keyed.start}-${keyed.end}`);
    const unresolved = page.items.find((q) => q.sourceText && q.sourceText !== q.speakerName);
    if (unresolved) {
      const u = await dossier('quotes', '--db', db, '--limit', '1', '--offset', String(page.items.indexOf(unresolved)));
      expect(u.stdout.split('\n')[2]).toContain(`← “${unresolved.sourceText}”`);
    }
  });

  it('every entity key dossier stories --json prints is found by dossier entity', async () => {
    const r = await dossier('stories', '--db', db, '--json', '--limit', '500');
    expect(r.code).toBe(0);
    const keys = [...new Set((JSON.parse(r.stdout) as { storylines: { entities: { key: string }[] }[] }).storylines.flatMap((s) => s.entities.map((e) => e.key)))];
    expect(keys.some((k) => k.startsWith('sur:'))).toBe(true);
    const found = await Promise.all(keys.map(async (k) => [k, (await dossier('entity', k, '--db', db, '--json')).code] as const));
    expect(found.filter(([, code]) => code !== 0)).toEqual([]);
  });
});

describe('dossier usage errors', () => {
  it('rejects a bad option value naming the option', async () => {
    const r = await dossier('search', 'Israel', '--from', 'yesterday', '--db', db);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--from must be a date/);
  });
});
