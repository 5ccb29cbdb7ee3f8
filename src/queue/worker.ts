// A worker (`dossier worker`): on any machine with the database URL. It analyses articles of the
// analysis queue on its worker threads (the pipeline's analyse stage) and sends each analysed
// document to the writer's queue; it also takes the writer role when no other process holds it (a
// session advisory lock: a worker that dies, even by kill -9, drops its connection and the lock
// with it). A heartbeat row tells `dossier ingest` and `dossier queue` that it is alive.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type PgBoss from 'pg-boss';
import { openAnalyseStage, type AnalyseStage } from '../pipeline/analyse-stage.ts';
import { defaultWorkers } from '../pipeline/analysis-pool.ts';
import type { Store } from '../store/store.ts';
import { ANALYSE, WRITE, startBoss } from './boss.ts';
import { jobId, parseAnalyseJob, type WriteJob } from './jobs.ts';
import { ensureQueueTables, QUEUE_SCHEMA } from './tables.ts';
import { CorpusWriter } from './writer.ts';

export interface WorkerOptions {
  /** Analysis worker threads (default one per core, at most 8; 0 analyses on the main thread). */
  threads?: number;
  /** Never take the writer role (a machine that only analyses). */
  analyseOnly?: boolean;
  /** Seconds between pg-boss maintenance runs (expiring the jobs of dead workers); default 5. */
  maintenanceSeconds?: number;
  log?: (line: string) => void;
}

export interface WorkerHandle {
  readonly id: string;
  /** Stops taking jobs, finishes the ones in hand, leaves the writer role and the heartbeat table. */
  stop(): Promise<void>;
  readonly stats: { analysed: number; failed: number; stored: number; writer: boolean };
}

const HEARTBEAT_MS = 5000;
const WRITER_RETRY_MS = 2000;

/** The advisory lock of the writer role, keyed by schema like the store's locks. */
const WRITER_LOCK = `SELECT pg_try_advisory_lock(hashtext(current_schema() || ':dossier:queue-writer')) AS ok`;

export async function startWorker(url: string, store: Store, opts: WorkerOptions = {}): Promise<WorkerHandle> {
  const log = opts.log ?? (() => {});
  const threads = opts.threads ?? defaultWorkers();
  const id = randomUUID();
  const db = new pg.Pool({ connectionString: url, max: 3, application_name: 'dossier-worker' });
  db.on('error', () => {}); // an idle client lost: the next query reports it
  await ensureQueueTables(db);
  const boss = await startBoss(url, { supervise: true, maintenanceSeconds: opts.maintenanceSeconds });
  const stage: AnalyseStage = await openAnalyseStage({ workers: threads });
  const stats = { analysed: 0, failed: 0, stored: 0, writer: false };
  let stopping = false;

  const beat = () =>
    db.query(
      `INSERT INTO ${QUEUE_SCHEMA}.workers (id, host, pid, threads, writer, analysed, rss_mb) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET writer = $5, analysed = $6, rss_mb = $7, seen_at = now()`,
      [id, hostname(), process.pid, threads, stats.writer, stats.analysed, Math.round(process.memoryUsage.rss() / 2 ** 20)],
    );
  await beat();
  // workers that died long ago (kill -9, power cut) leave their row: forget them after a day
  await db.query(`DELETE FROM ${QUEUE_SCHEMA}.workers WHERE seen_at < now() - interval '1 day'`);
  const heartbeat = setInterval(() => beat().catch((err) => log(`heartbeat failed: ${(err as Error).message}`)), HEARTBEAT_MS);

  // analysis: each job alone — a malformed job or an article that fails analysis fails its own job
  // (pg-boss retries it, then dead-letters it with the error), never the batch or the worker
  const analyse = async (jobs: PgBoss.Job<unknown>[]) => {
    const done: { id: string; job: WriteJob; expireInSeconds: number }[] = [];
    await Promise.all(
      jobs.map(async (j) => {
        try {
          const job = parseAnalyseJob(j.data);
          // the write job expires as its analysis job did: a dead writer's jobs come back as soon
          done.push({ id: j.id, job: { ...job, article: await stage.analyse(job.raw) }, expireInSeconds: Math.max(1, Math.round(Number(j.expireInSeconds))) });
          stats.analysed++;
        } catch (err) {
          stats.failed++;
          await boss.fail(ANALYSE, j.id, { message: (err as Error).message });
        }
      }),
    );
    const send = ({ job, expireInSeconds }: (typeof done)[number]) => ({ id: jobId('write', job.run, job.seq), name: WRITE, data: job, expireInSeconds });
    try {
      await boss.insert(done.map(send));
    } catch {
      for (const d of done) {
        try {
          await boss.insert([send(d)]);
        } catch (err) {
          await boss.fail(ANALYSE, d.id, { message: `analysed, but could not be sent to the writer: ${(err as Error).message}` });
        }
      }
    }
    // the handler returning completes the batch's jobs that did not fail
  };
  const batchSize = Math.max(1, threads) * 4;
  // two fetch loops, so one batch's slowest article does not leave the threads idle; a loop that
  // had jobs fetches again at once (pg-boss waits its polling interval only after an empty fetch)
  for (let k = 0; k < 2; k++) {
    const loop: { id?: string } = {};
    loop.id = await boss.work(ANALYSE, { batchSize, pollingIntervalSeconds: 0.5 }, async (jobs: PgBoss.Job<unknown>[]) => {
      await analyse(jobs);
      if (loop.id) boss.notifyWorker(loop.id);
    });
  }

  // the writer role
  let lockClient: pg.Client | undefined;
  const writerLoop = (async () => {
    if (opts.analyseOnly) return;
    let writer: CorpusWriter | undefined;
    while (!stopping) {
      if (!lockClient) {
        const c = new pg.Client({ connectionString: url, application_name: 'dossier-writer' });
        // the lock lives as long as this connection: losing it is losing the role
        const lost = () => {
          if (lockClient !== c) return;
          lockClient = undefined;
          writer = undefined;
          stats.writer = false;
          log('lost the writer role (its database connection ended)');
        };
        c.on('error', lost);
        c.on('end', lost);
        try {
          await c.connect();
          if ((await c.query(WRITER_LOCK)).rows[0].ok === true) {
            lockClient = c;
            // a new writer holds no jobs of the last time this worker had the role
            writer = new CorpusWriter(boss, db, store);
            stats.writer = true;
            log('took the writer role');
            await beat();
          } else await c.end();
        } catch (err) {
          log(`could not try the writer lock: ${(err as Error).message}`);
          await c.end().catch(() => {});
        }
        if (!lockClient) {
          await sleep(WRITER_RETRY_MS);
          continue;
        }
      }
      const w = writer;
      if (!w) continue;
      try {
        const work = await w.step();
        stats.stored += w.stored;
        w.stored = 0;
        if (work === 0) await sleep(250);
      } catch (err) {
        log(`writer: ${(err as Error).message}`);
        await sleep(1000);
      }
    }
  })();

  return {
    id,
    stats,
    async stop() {
      if (stopping) return;
      stopping = true;
      await boss.offWork(ANALYSE);
      await writerLoop;
      // waits for the jobs in hand; any still active after the timeout go back to the queue
      await boss.stop({ graceful: true, timeout: 30_000 });
      await stage.close();
      clearInterval(heartbeat);
      const c = lockClient;
      lockClient = undefined;
      await c?.end().catch(() => {});
      await db.query(`DELETE FROM ${QUEUE_SCHEMA}.workers WHERE id = $1`, [id]).catch(() => {});
      await db.end();
    },
  };
}
