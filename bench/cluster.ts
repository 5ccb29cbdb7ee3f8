// Work among machines, measured on one: N generated articles (BBC paragraphs recombined, ~2 KB each,
// no two alike) ingested through the job queue by 1, 2 and 4 `dossier worker` processes against one
// local PostgreSQL (a throwaway cluster with durable settings, support/postgres-server.ts; a fresh
// database per round). Prints articles/s and the scaling curve, the live job-table size (peak) and
// the peak RSS of each worker process.
//   npm run bench:cluster -- [--articles 100000] [--workers 1,2,4] [--threads 1 (analysis threads per worker)]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { queueIngest, runStatus, workersOf } from '../src/queue/index.ts';
import { BOSS_SCHEMA } from '../src/queue/boss.ts';
import { readInputs } from '../src/readers/index.ts';
import { connectPostgresStore } from '../src/store/postgres/index.ts';
import { dataPath, requireData } from '../support/data.ts';
import { startPostgres } from '../support/postgres-server.ts';
import { rng } from '../support/random.ts';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '100000' }, workers: { type: 'string', default: '1,2,4' }, threads: { type: 'string', default: '1' } } });
const count = Number(values.articles);
const rounds = values.workers!.split(',').map(Number);
const threads = Number(values.threads);
if (!(count > 0) || rounds.some((w) => !(w > 0)) || !(threads >= 0)) throw new Error('--articles, --workers (a list) and --threads must be positive numbers');
requireData('bbc');

// ---- the corpus ----------------------------------------------------------------------------------

/** Every BBC article as [title, paragraphs]. */
function bbcArticles(): [string, string[]][] {
  const out: [string, string[]][] = [];
  for (const topic of readdirSync(dataPath('bbc')).filter((d) => !d.includes('.')).sort()) {
    for (const f of readdirSync(dataPath('bbc', topic)).sort()) {
      const [title, ...rest] = readFileSync(dataPath('bbc', topic, f), 'utf8').split('\n');
      const paras = rest.map((p) => p.trim()).filter(Boolean);
      if (paras.length >= 3) out.push([title.trim(), paras]);
    }
  }
  return out;
}

/** Article i: the title and lead of one BBC article, then paragraphs of others, and a line naming it. */
function generate(file: string): void {
  const bbc = bbcArticles();
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const rand = rng(i + 1);
    const [title, paras] = bbc[i % bbc.length];
    const body = [paras[0], paras[1]];
    while (body.join('\n\n').length < 2000) {
      const [, other] = bbc[Math.floor(rand() * bbc.length)];
      body.push(other[Math.floor(rand() * other.length)]);
    }
    body.push(`This is report number ${i} in the series.`);
    lines.push(JSON.stringify({ title, text: body.join('\n\n'), source: `outlet-${i % 7}` }));
  }
  writeFileSync(file, lines.join('\n') + '\n');
}

// ---- one round -----------------------------------------------------------------------------------

const BIN = join(process.cwd(), 'bin', 'dossier.js');

/** Peak resident memory of a process so far (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

interface Round {
  workers: number;
  seconds: number;
  stored: number;
  rate: number;
  peakJobRows: number;
  peakArchiveRows: number;
  rssMb: number[];
  dbMb: number;
}

async function round(url: string, workers: number, input: string): Promise<Round> {
  const procs: ChildProcess[] = [];
  for (let k = 0; k < workers; k++) {
    procs.push(spawn('nice', ['-n', '10', process.execPath, BIN, 'worker', '--db', url, '--workers', String(threads)], { stdio: ['ignore', 'ignore', 'inherit'] }));
  }
  const deadline = Date.now() + 120_000;
  while ((await workersOf(url).catch(() => [])).length < workers) {
    if (Date.now() > deadline) throw new Error(`the ${workers} workers did not start in 2 minutes`);
    await sleep(500);
  }
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const store = await connectPostgresStore(url, { poolSize: 2 });
  let peakJobRows = 0;
  let peakArchiveRows = 0;
  const rss = new Map<number, number>();
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const r = (await db.query(`SELECT (SELECT count(*) FROM ${BOSS_SCHEMA}.job)::int AS jobs, (SELECT count(*) FROM ${BOSS_SCHEMA}.archive)::int AS archived`)).rows[0];
      peakJobRows = Math.max(peakJobRows, r.jobs);
      peakArchiveRows = Math.max(peakArchiveRows, r.archived);
      for (const p of procs) rss.set(p.pid!, Math.max(rss.get(p.pid!) ?? 0, peakRssMb(p.pid!)));
      await sleep(1000);
    }
  })();
  const started = performance.now();
  let last = 0;
  const { done } = await queueIngest(url, store, readInputs([input]), {
    label: `bench ${count}`,
    wait: true,
    onWait: (s) => {
      if (performance.now() - last > 10_000) {
        last = performance.now();
        process.stderr.write(`  ${workers} worker(s): ${s.written}/${s.total ?? '?'} written after ${((last - started) / 1000).toFixed(0)} s\n`);
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  sampling = false;
  await sampler;
  for (const p of procs) rss.set(p.pid!, Math.max(rss.get(p.pid!) ?? 0, peakRssMb(p.pid!)));
  const dbMb = Math.round(Number((await db.query('SELECT pg_database_size(current_database()) AS b')).rows[0].b) / 2 ** 20);
  if (done!.failed > 0) process.stderr.write(`  ${done!.failed} failed, e.g. ${done!.failures[0]?.reason}\n`);
  await db.end();
  await store.close();
  for (const p of procs) p.kill('SIGTERM');
  await Promise.all(procs.map((p) => new Promise((r) => (p.exitCode !== null ? r(null) : p.once('exit', r)))));
  return { workers, seconds, stored: done!.stored, rate: done!.stored / seconds, peakJobRows, peakArchiveRows, rssMb: [...rss.values()], dbMb };
}

// ---- main ----------------------------------------------------------------------------------------

const dir = join(process.cwd(), '.bench');
mkdirSync(dir, { recursive: true });
const input = join(dir, `cluster-${count}.jsonl`);
generate(input);
process.stderr.write(`${count} articles generated in ${input}; starting PostgreSQL\n`);
const server = await startPostgres();
// Ctrl-C: stop the throwaway server too (the workers, its children, end with the terminal's signal)
process.once('SIGINT', () => void server.stop().finally(() => process.exit(130)));
const results: Round[] = [];
try {
  for (const w of rounds) {
    const url = await server.database();
    process.stderr.write(`round: ${w} worker process(es), ${threads} analysis thread(s) each\n`);
    results.push(await round(url, w, input));
  }
} finally {
  await server.stop();
}
const base = results[0].rate;
console.log(`\n${count} articles through the job queue, ${threads} analysis thread(s) per worker, one PostgreSQL (${process.platform}, ${(await import('node:os')).availableParallelism()} cores)`);
console.log('workers  seconds  articles/s  speed-up  peak job rows  peak archive rows  peak RSS per worker (MB)  database MB');
for (const r of results) {
  console.log(
    `${String(r.workers).padStart(7)}  ${r.seconds.toFixed(1).padStart(7)}  ${r.rate.toFixed(1).padStart(10)}  ${(r.rate / base).toFixed(2).padStart(8)}  ` +
      `${String(r.peakJobRows).padStart(13)}  ${String(r.peakArchiveRows).padStart(17)}  ${r.rssMb.join(' / ').padStart(24)}  ${String(r.dbMb).padStart(11)}`,
  );
}
for (const r of results) if (r.stored !== count) console.log(`round with ${r.workers} worker(s): ${r.stored} of ${count} stored`);
