// The job queue of a PostgreSQL corpus (see boss.ts for its queues, writer.ts for the order it keeps):
// what `dossier ingest`, `dossier worker`, `dossier queue` and the server use.
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { Store } from '../store/store.ts';
import type { InputError, RawArticle } from '../types.ts';
import { startBoss } from './boss.ts';
import { enqueueIngest, type EnqueueOptions, type EnqueueResult } from './enqueue.ts';
import { liveWorkers, QUEUE_SCHEMA, type LiveWorker } from './tables.ts';

export { startWorker, type WorkerHandle, type WorkerOptions } from './worker.ts';
export { queueStatus } from './status.ts';
export type { EnqueueResult, LiveWorker };

/** The live workers of the corpus at `url` (none when no worker ever ran there). */
export async function workersOf(url: string): Promise<LiveWorker[]> {
  const c = new pg.Client({ connectionString: url, application_name: 'dossier' });
  await c.connect();
  try {
    return await liveWorkers(c);
  } finally {
    await c.end();
  }
}

export interface RunStatus {
  run: number;
  label: string;
  read: number;
  queued: number;
  /** Null while articles are still being queued. */
  total: number | null;
  /** Articles the writer is through (stored, duplicate or failed), in input order. */
  written: number;
  stored: number;
  duplicates: number;
  failed: number;
  failures: { seq: number | null; file: string; position?: number; reason: string }[];
  createdAt: string;
  finishedAt: string | null;
}

/** Failures listed per run (the count is complete). */
const FAILURES_LISTED = 100;

export async function runStatus(db: pg.Pool | pg.Client, run: number): Promise<RunStatus | null> {
  const r = (await db.query(`SELECT * FROM ${QUEUE_SCHEMA}.runs WHERE id = $1`, [run])).rows[0];
  if (!r) return null;
  const failures = (
    await db.query(`SELECT seq, file, position, reason FROM ${QUEUE_SCHEMA}.run_failures WHERE run = $1 ORDER BY seq NULLS FIRST, at LIMIT $2`, [run, FAILURES_LISTED])
  ).rows.map((f) => ({ seq: f.seq, file: f.file, ...(f.position !== null ? { position: f.position } : {}), reason: f.reason }));
  return {
    run,
    label: r.label,
    read: r.read,
    queued: r.queued,
    total: r.total,
    written: r.next_seq,
    stored: r.stored,
    duplicates: r.duplicates,
    failed: r.failed,
    failures,
    createdAt: new Date(r.created_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  };
}

export interface QueueIngestOptions extends EnqueueOptions {
  /** Follow the run until the writer is through it. */
  wait?: boolean;
  onWait?: (s: RunStatus) => void;
}

export interface QueueIngestResult {
  queued: EnqueueResult;
  /** The run when the writer was through it (with `wait`). */
  done?: RunStatus;
}

/** Queues articles for the workers as one ingest run, and with `wait` follows it to its end. */
export async function queueIngest(url: string, store: Store, inputs: AsyncIterable<RawArticle | InputError>, opts: QueueIngestOptions): Promise<QueueIngestResult> {
  const db = new pg.Pool({ connectionString: url, max: 2, application_name: 'dossier-ingest' });
  db.on('error', () => {});
  const boss = await startBoss(url, { connections: 2 });
  try {
    const queued = await enqueueIngest(boss, db, store, inputs, opts);
    if (!opts.wait || opts.signal?.aborted) return { queued };
    for (;;) {
      const s = await runStatus(db, queued.run);
      if (!s) throw new Error(`ingest run ${queued.run} is gone from the queue tables`);
      opts.onWait?.(s);
      if (s.finishedAt) return { queued, done: s };
      await sleep(500);
    }
  } finally {
    await boss.stop({ graceful: false, close: true });
    await db.end();
  }
}
