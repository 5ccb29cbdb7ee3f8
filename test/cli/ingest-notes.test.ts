// `dossier ingest` run as from a script or in the background (stderr is a pipe): the README of a data
// set is skipped with a note, progress comes as plain lines, and no rate is shown before it is
// measurable. DOSSIER_PROGRESS_SECONDS shortens the interval so a short run still prints lines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { SEED_EXAMPLES } from '../helpers/examples.ts';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/dossier.js');

let dir: string;
let data: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-ingest-notes-'));
  data = join(dir, 'bbc-like');
  mkdirSync(data);
  for (const f of SEED_EXAMPLES) copyFileSync(f, join(data, basename(f)));
  copyFileSync(join(ROOT, 'README.md'), join(data, 'README.TXT'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dossier ingest on a pipe', () => {
  it('skips README.TXT with a note, prints progress lines, and stores exactly the articles', async () => {
    const db = join(dir, 'a.db');
    const { stdout, stderr } = await run('node', [BIN, 'ingest', data, '--db', db, '--workers', '1'], {
      env: { ...process.env, DOSSIER_PROGRESS_SECONDS: '0.05' },
    });
    const lines = stderr.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('skipped '))).toEqual([`skipped ${join(data, 'README.TXT')}: a README file, not an article; name it on the command line to read it anyway`]);
    const progress = lines.filter((l) => l.startsWith('ingest: '));
    expect(progress.length).toBeGreaterThan(0);
    for (const l of progress) {
      expect(l).toMatch(/^ingest: \d+ articles, \d+ errors?, (?:\d[\d.]* articles\/s, )?\d+ s(?: — .*)?$/);
    }
    // a rate, where there is one, is never a rounded-down 0
    const rates = [...stderr.matchAll(/([\d.]+) articles\/s/g), ...stdout.matchAll(/([\d.]+) articles\/s/g)].map((m) => Number(m[1]));
    expect(rates.every((r) => r > 0)).toBe(true);
    expect(stdout).toMatch(/^ingested 5 new article\(s\), 0 already stored, 0 failed, 1 file\(s\) skipped — 5 read in /);
  });

  it('lists the skipped files in the JSON summary, and reads README.TXT when it is named', async () => {
    const db = join(dir, 'b.db');
    const r = await run('node', [BIN, 'ingest', data, '--db', db, '--json', '--workers', '0']);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ inserted: 5, skipped: [{ file: join(data, 'README.TXT'), reason: 'a README file, not an article' }] });
    const named = JSON.parse((await run('node', [BIN, 'ingest', join(data, 'README.TXT'), '--db', db, '--json', '--workers', '0'])).stdout);
    expect(named).toMatchObject({ inserted: 1, skipped: [] });
  });
});
