// `dossier start` (what `npm start` runs) from another working directory: finds the bundled examples
// through the package root, stores them, serves them, and a second start finds them stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES_DIR } from '../helpers/examples.ts';

/** Every example article, in every language: `dossier start` ingests them all. */
const EXAMPLE_COUNT = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.txt')).length;

const BIN = new URL('../../bin/dossier.js', import.meta.url).pathname;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-start-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts `dossier start` on port 0, waits for its "serving" line, fetches `path`, stops it. */
async function startAndFetch(path: string): Promise<{ stdout: string; body: unknown }> {
  const child = spawn('node', [BIN, 'start', '--db', 'd.db', '--port', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        stdout += d;
        const m = /serving \S+ at (http:\/\/\S+?)\/ /.exec(stdout);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`dossier start exited (${code}): ${stderr}`)));
    });
    const body = await (await fetch(url + path)).json();
    return { stdout, body };
  } finally {
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await gone;
  }
}

describe('dossier start', () => {
  it('ingests the examples once and serves them', async () => {
    const first = await startAndFetch('/api/articles');
    expect(first.stdout).toMatch(new RegExp(`^examples: ${EXAMPLE_COUNT} new, 0 already stored in d\\.db\n`));
    expect(first.body).toMatchObject({ total: EXAMPLE_COUNT });
    const second = await startAndFetch('/api/articles');
    expect(second.stdout).toMatch(new RegExp(`^examples: 0 new, ${EXAMPLE_COUNT} already stored in d\\.db\n`));
  }, 120_000); // two starts, each analysing or checking the examples: generous on a loaded machine
});
