// What the queue holds and does, read from pg-boss's tables (its documented schema: job, archive)
// and the queue's own (tables.ts): `dossier queue` and GET /api/queue.
import pg from 'pg';
import type { QueueStatus } from '../api/queue.ts';
import { ANALYSE, ANALYSE_FAILED, BOSS_SCHEMA, WRITE } from './boss.ts';
import { hasQueueTables, liveWorkers, QUEUE_SCHEMA } from './tables.ts';
import { outputMessage } from './writer.ts';

const THROUGHPUT_SECONDS = 60;

type Counts = QueueStatus['queues']['analyse'];
const none = (): Counts => ({ pending: 0, active: 0, failed: 0, completed: 0 });

export function emptyQueueStatus(): QueueStatus {
  return { available: false, queues: { analyse: none(), write: none(), deadLetters: none() }, analysedPerSecond: 0, jobRows: 0, archiveRows: 0, failedJobs: [], workers: [], runs: [] };
}

/** The queue of the corpus at `url`, or of an open connection. */
export async function queueStatus(target: string | pg.Pool): Promise<QueueStatus> {
  const own = typeof target === 'string';
  const db = own ? new pg.Pool({ connectionString: target, max: 1, application_name: 'dossier-queue-status' }) : target;
  try {
    const status = emptyQueueStatus();
    const bossThere = (await db.query(`SELECT to_regclass('${BOSS_SCHEMA}.job') IS NOT NULL AS ok`)).rows[0].ok === true;
    if (!bossThere || !(await hasQueueTables(db))) return status;
    status.available = true;
    const byQueue: Record<string, Counts> = { [ANALYSE]: status.queues.analyse, [WRITE]: status.queues.write, [ANALYSE_FAILED]: status.queues.deadLetters };
    for (const r of (await db.query(`SELECT name, state, count(*)::int AS n FROM ${BOSS_SCHEMA}.job GROUP BY name, state`)).rows) {
      const c = byQueue[r.name];
      if (!c) continue;
      if (r.state === 'created' || r.state === 'retry') c.pending += r.n;
      else if (r.state === 'active') c.active += r.n;
      else if (r.state === 'failed') c.failed += r.n;
      else if (r.state === 'completed') c.completed += r.n;
    }
    const done = (
      await db.query(
        `SELECT (SELECT count(*) FROM ${BOSS_SCHEMA}.job WHERE name = $1 AND state = 'completed' AND completed_on > now() - make_interval(secs => $2))
              + (SELECT count(*) FROM ${BOSS_SCHEMA}.archive WHERE name = $1 AND state = 'completed' AND completed_on > now() - make_interval(secs => $2)) AS n`,
        [ANALYSE, THROUGHPUT_SECONDS],
      )
    ).rows[0].n;
    status.analysedPerSecond = Math.round((Number(done) / THROUGHPUT_SECONDS) * 100) / 100;
    const sizes = (await db.query(`SELECT (SELECT count(*) FROM ${BOSS_SCHEMA}.job)::int AS jobs, (SELECT count(*) FROM ${BOSS_SCHEMA}.archive)::int AS archived`)).rows[0];
    status.jobRows = sizes.jobs;
    status.archiveRows = sizes.archived;
    status.failedJobs = (
      await db.query(
        `SELECT id, name, data->'raw'->>'file' AS file, output, completed_on FROM ${BOSS_SCHEMA}.job
         WHERE state = 'failed' AND name = ANY($1) ORDER BY completed_on DESC NULLS LAST LIMIT 20`,
        [[ANALYSE, WRITE, ANALYSE_FAILED]],
      )
    ).rows.map((r) => ({ id: r.id, queue: r.name, file: r.file ?? null, error: outputMessage(r.output), failedAt: r.completed_on ? new Date(r.completed_on).toISOString() : null }));
    status.workers = await liveWorkers(db);
    status.runs = (await db.query(`SELECT * FROM ${QUEUE_SCHEMA}.runs ORDER BY id DESC LIMIT 10`)).rows.map((r) => ({
      run: Number(r.id),
      label: r.label,
      read: r.read,
      queued: r.queued,
      total: r.total,
      written: r.next_seq,
      stored: r.stored,
      duplicates: r.duplicates,
      failed: r.failed,
      createdAt: new Date(r.created_at).toISOString(),
      finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
    }));
    return status;
  } finally {
    if (own) await (db as pg.Pool).end();
  }
}
