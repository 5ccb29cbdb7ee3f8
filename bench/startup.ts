// Start-up times of the command line, as a user meets them after `npm ci`: the median of several runs
// of `node -e ''` (what Node alone costs on this machine), `dossier --version`, `dossier --help`,
// `dossier search` on a database of the examples, and `npm start` (build the web UI, ingest the
// examples into a new database, serve) until its first page is served — each beside its goal — and
// `dossier start` alone, the part of `npm start` after the web UI's build.
//   npm run bench:startup -- [--runs 7] [--start-runs 3]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: plain JavaScript without declarations
import { staleReason } from '../bin/build-stamp.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, 'start-runs': { type: 'string', default: '3' } } });
const RUNS = Number(values.runs);
const START_RUNS = Number(values['start-runs']);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/dossier.js');
const work = mkdtempSync(join(tmpdir(), 'dossier-bench-startup-'));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Milliseconds for one run of `node args`, which must succeed. */
function timeNode(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  if (args[0] === BIN && r.stderr.length) throw new Error(`dossier wrote to stderr (is dist/ current?): ${r.stderr}`);
  return ms;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Milliseconds from `command` (npm start, dossier start; on a new database) to the first page it serves. */
async function timeStart(command: string[], run: number): Promise<number> {
  const port = await freePort();
  const db = join(work, `start-${run}.db`);
  const t = performance.now();
  const child = spawn(command[0], command.slice(1), { cwd: ROOT, detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, PORT: String(port), DOSSIER_DB: db } });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  let exited: number | null = null;
  child.on('exit', (code) => (exited = code ?? -1));
  try {
    for (;;) {
      if (exited !== null) throw new Error(`${command.join(' ')} exited (${exited}) before serving: ${stderr}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/`);
        if (res.ok) return performance.now() - t;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    if (exited === null) {
      const gone = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid!, 'SIGTERM'); // npm, its shell and dossier
      await gone;
    }
  }
}

const stale = staleReason(ROOT);
if (stale) {
  process.stdout.write(`${stale}: building it first (npm run build)\n`);
  spawnSync(process.execPath, [join(ROOT, 'bin/build.js')], { stdio: 'inherit' });
}

// a database of the examples for `dossier search`
const db = join(work, 'examples.db');
spawnSync(process.execPath, [BIN, 'ingest', join(ROOT, 'examples'), '--db', db], { stdio: 'ignore' });

const rows: { what: string; ms: number[]; goal: string }[] = [
  { what: "node -e ''", ms: [], goal: '(Node alone)' },
  { what: 'dossier --version', ms: [], goal: '< 150 ms' },
  { what: 'dossier --help', ms: [], goal: '< 150 ms' },
  { what: 'dossier search Israel (examples db)', ms: [], goal: '< 400 ms' },
  { what: 'npm start → first page served', ms: [], goal: '< 10 s' },
  { what: '  of which dossier start (UI built)', ms: [], goal: '(ingest 5 examples, serve)' },
];
const args = [['-e', ''], [BIN, '--version'], [BIN, '--help'], [BIN, 'search', 'Israel', '--db', db]];
timeNode(args[1]); // warm the file cache once
for (let i = 0; i < RUNS; i++) args.forEach((a, k) => rows[k].ms.push(timeNode(a)));
for (let i = 0; i < START_RUNS; i++) {
  rows[4].ms.push(await timeStart(['npm', 'start', '--silent'], 2 * i));
  rows[5].ms.push(await timeStart([process.execPath, BIN, 'start'], 2 * i + 1));
}
rmSync(work, { recursive: true, force: true });

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
process.stdout.write(`\n${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, load average ${loadavg()[0].toFixed(1)} at the end\n\n`);
// on a busy machine Node's own start grows too: "over Node" is what Dossier adds to it
const node = median(rows[0].ms);
process.stdout.write(`${'command'.padEnd(38)}${'median'.padStart(10)}${'over Node'.padStart(11)}${'min–max'.padStart(22)}   goal\n`);
for (const [i, r] of rows.entries()) {
  const range = `${fmt(Math.min(...r.ms))}–${fmt(Math.max(...r.ms))}`;
  const over = i >= 1 && i <= 3 ? `+${fmt(median(r.ms) - node)}` : '';
  process.stdout.write(`${r.what.padEnd(38)}${fmt(median(r.ms)).padStart(10)}${over.padStart(11)}${range.padStart(22)}   ${r.goal}  (${r.ms.length} runs)\n`);
}
