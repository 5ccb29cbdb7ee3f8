// The job queue with real worker processes on the throwaway PostgreSQL server: a worker killed with
// kill -9 in the middle of a batch loses nothing and stores nothing twice, and the corpus is the one
// an ingest in one process makes; a poisoned job fails alone, with its error stored.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openCorpus } from '../../src/corpus/index.ts';
import { ingestPaths } from '../../src/pipeline/ingest.ts';
import { queueIngest, queueStatus, runStatus, workersOf } from '../../src/queue/index.ts';
import { ANALYSE, startBoss } from '../../src/queue/boss.ts';
import { readInputs } from '../../src/readers/index.ts';
import { buildServer } from '../../src/server/app.ts';
import { connectPostgresStore } from '../../src/store/postgres/index.ts';
import type { Store } from '../../src/store/store.ts';
import { dataPath } from '../../support/data.ts';
import { hasData } from '../helpers/needs.ts';
import { useTestPostgres } from '../store/postgres-fixture.ts';

const BIN = fileURLToPath(new URL('../../bin/dossier.js', import.meta.url));
const pgServer = useTestPostgres();
const children: ChildProcess[] = [];
const tmp = mkdtempSync(join(tmpdir(), 'dossier-queue-test-'));

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
});

interface Worker {
  proc: ChildProcess;
  log: string[];
}

function startWorkerProcess(url: string): Worker {
  const proc = spawn(process.execPath, [BIN, 'worker', '--db', url, '--workers', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const log: string[] = [];
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => log.push(d));
  children.push(proc);
  return { proc, log };
}

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, seconds: number, logs: () => string = () => ''): Promise<T> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${seconds} s waiting for ${what}\n${logs()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** What must not depend on how the articles were analysed and stored: articles, entities, stories. */
async function corpusState(store: Store, url: string) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const hashes = (await db.query('SELECT content_hash FROM articles ORDER BY content_hash')).rows.map((r) => r.content_hash as string);
  await db.end();
  const corpus = openCorpus(store);
  const list = await corpus.stories.list();
  return {
    hashes,
    unplaced: list.unplaced,
    storylines: JSON.stringify(list.storylines),
    placements: JSON.stringify(await corpus.stories.placements()),
    entities: JSON.stringify(await corpus.entities({ limit: 1000 })),
  };
}

const BBC = 60;

describe.runIf(hasData('bbc'))('dossier worker processes on one PostgreSQL corpus', () => {
  const files = hasData('bbc')
    ? ['business', 'politics'].flatMap((d) => readdirSync(dataPath('bbc', d)).sort().slice(0, BBC / 2).map((f) => dataPath('bbc', d, f)))
    : [];

  it('a worker killed with kill -9 in the middle of a batch loses nothing, stores nothing twice, and the corpus equals an ingest in one process', async () => {
    const url = await pgServer().database();
    // the first worker alone: whatever is in hand when it dies is its own
    const workers = [startWorkerProcess(url)];
    const logs = () => workers.map((w, i) => `worker ${i}:\n${w.log.join('')}`).join('\n');
    await until('a live worker', async () => (await workersOf(url)).length === 1, 90, logs);

    const store = await connectPostgresStore(url, { poolSize: 2 });
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const jobs = async (where: string) =>
      Number((await db.query(`SELECT (SELECT count(*) FROM dossier_jobs.job WHERE ${where}) + (SELECT count(*) FROM dossier_jobs.archive WHERE ${where}) AS n`, [ANALYSE])).rows[0].n);
    try {
      // short expiration: the killed worker's jobs come back within seconds
      const { queued } = await queueIngest(url, store, readInputs(files), { label: 'bbc', expireSeconds: 15 });
      expect(queued.queued).toBe(BBC);
      await until('the writer to store a first batch', async () => ((await runStatus(db, queued.run))?.written ?? 0) > 0, 120, logs);
      workers[0].proc.kill('SIGKILL');
      await until('the killed worker to exit', async () => workers[0].proc.signalCode === 'SIGKILL', 10);
      // it died with articles stored and analysis jobs in hand
      expect((await runStatus(db, queued.run))!.written).toBeLessThan(BBC);
      expect(await jobs(`name = $1 AND state = 'active'`)).toBeGreaterThan(0);

      workers.push(startWorkerProcess(url));
      const done = await until('the run to finish on the second worker', async () => {
        const s = await runStatus(db, queued.run);
        return s?.finishedAt ? s : null;
      }, 180, logs);
      expect({ stored: done.stored, duplicates: done.duplicates, failed: done.failed, failures: done.failures }).toEqual({ stored: BBC, duplicates: 0, failed: 0, failures: [] });
      // the jobs the dead worker held were taken back (expired) and done again
      expect(await jobs(`name = $1 AND retry_count > 0`)).toBeGreaterThan(0);
      // a killed worker stays listed until its heartbeat is older than the liveness window
      await until('the killed worker to drop out of the live workers', async () => (await queueStatus(url)).workers.every((w) => w.pid !== workers[0].proc.pid), 60, logs);
      const status = await queueStatus(url);
      expect(status.queues.analyse.pending + status.queues.analyse.active + status.queues.write.pending + status.queues.write.active).toBe(0);
      expect(status.workers.map((w) => w.pid)).toEqual([workers[1].proc.pid]);

      // the same files ingested in one process, into another database
      const refUrl = await pgServer().database();
      const ref = await connectPostgresStore(refUrl, { poolSize: 2 });
      try {
        await ingestPaths(ref, files, { workers: 1 });
        const got = await corpusState(store, url);
        expect(new Set(got.hashes).size).toBe(BBC);
        expect(got).toEqual(await corpusState(ref, refUrl));
      } finally {
        await ref.close();
      }
    } finally {
      await db.end();
      await store.close();
      for (const w of workers) w.proc.kill('SIGTERM');
    }
  }, 400_000);

  it('a poisoned input fails alone with its error stored (a malformed job, an over-long text, a 20 MB file), and the worker goes on', async () => {
    const url = await pgServer().database();
    const worker = startWorkerProcess(url);
    const logs = () => worker.log.join('');
    await until('a live worker', async () => (await workersOf(url)).length === 1, 90, logs);
    // over the 10 MB a reader takes: refused before it is queued
    const huge = join(tmp, 'huge.txt');
    writeFileSync(huge, 'The council met on Monday. '.repeat(800_000));
    // under it, but over the 2,000,000 characters one article may have: its analysis job fails
    const long = join(tmp, 'long.txt');
    writeFileSync(long, 'The council met on Monday. '.repeat(120_000));
    const boss = await startBoss(url);
    const store = await connectPostgresStore(url, { poolSize: 2 });
    try {
      await boss.insert([{ name: ANALYSE, data: { run: 1_000_000, seq: 0, hash: 'not a hash', raw: { file: 'poison.txt' } } }]);
      const { done } = await queueIngest(url, store, readInputs([huge, long, files[0]]), { label: 'poison', wait: true });
      expect({ stored: done!.stored, failed: done!.failed }).toEqual({ stored: 1, failed: 2 });
      expect(done!.failures).toEqual([
        { seq: null, file: huge, reason: expect.stringMatching(/over the 10 MB limit/) },
        { seq: 0, file: long, reason: expect.stringMatching(/^analysis failed: .*long\.txt: the article text is 3240000 characters, over the limit/) },
      ]);
      const status = await until('the failed jobs to show', async () => {
        const s = await queueStatus(url);
        return s.failedJobs.length === 2 ? s : null;
      }, 30, logs);
      expect(status.failedJobs.map((f) => f.error).sort()).toEqual([expect.stringMatching(/the article text is 3240000 characters/), expect.stringMatching(/^malformed analysis job: hash: /)]);
      expect(status.queues.analyse.failed).toBe(2);
      expect(status.workers).toHaveLength(1);
      expect(worker.proc.exitCode).toBeNull();

      // GET /api/queue answers exactly what its handler built (every field declared in its schema)
      const app = await buildServer(store, { queueDb: url });
      try {
        let built: unknown;
        app.addHook('preSerialization', async (_req, _reply, payload) => {
          built = JSON.parse(JSON.stringify(payload));
          return payload;
        });
        const r = await app.inject({ url: '/api/queue' });
        expect(r.statusCode).toBe(200);
        expect(r.json()).toEqual(built);
        expect(r.json().runs[0]).toMatchObject({ label: 'poison', stored: 1, failed: 2, total: 2 });
        expect(r.json().failedJobs).toHaveLength(2);
      } finally {
        await app.close();
      }
    } finally {
      await boss.stop({ graceful: false });
      await store.close();
      worker.proc.kill('SIGTERM');
    }
  }, 300_000);
});
