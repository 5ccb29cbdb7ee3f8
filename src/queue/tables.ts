// The queue's own small tables (schema dossier_queue), beside pg-boss's: live workers (a heartbeat),
// ingest runs (what was queued, how far the writer is, what it stored) and their failures.
import pg from 'pg';

export const QUEUE_SCHEMA = 'dossier_queue';
/** A worker not seen for this long is taken for dead. */
export const WORKER_STALE_SECONDS = 20;

const DDL = `
CREATE SCHEMA IF NOT EXISTS ${QUEUE_SCHEMA};
CREATE TABLE IF NOT EXISTS ${QUEUE_SCHEMA}.workers (
  id text PRIMARY KEY,
  host text NOT NULL,
  pid integer NOT NULL,
  threads integer NOT NULL,
  writer boolean NOT NULL DEFAULT false,
  analysed bigint NOT NULL DEFAULT 0,
  rss_mb integer NOT NULL DEFAULT 0,
  started_at timestamptz NOT NULL DEFAULT now(),
  seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS ${QUEUE_SCHEMA}.runs (
  id bigserial PRIMARY KEY,
  label text NOT NULL,
  read integer NOT NULL DEFAULT 0,
  queued integer NOT NULL DEFAULT 0,
  total integer,
  next_seq integer NOT NULL DEFAULT 0,
  applying integer,
  stored integer NOT NULL DEFAULT 0,
  duplicates integer NOT NULL DEFAULT 0,
  failed integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE TABLE IF NOT EXISTS ${QUEUE_SCHEMA}.run_failures (
  run bigint NOT NULL REFERENCES ${QUEUE_SCHEMA}.runs (id) ON DELETE CASCADE,
  seq integer,
  file text NOT NULL,
  position integer,
  reason text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS run_failures_run ON ${QUEUE_SCHEMA}.run_failures (run);
`;

/** Makes the tables when missing (under an advisory lock: workers start at the same moment). */
export async function ensureQueueTables(db: pg.Pool): Promise<void> {
  const c = await db.connect();
  try {
    await c.query('BEGIN');
    await c.query(`SELECT pg_advisory_xact_lock(hashtext('dossier:queue:tables'))`);
    await c.query(DDL);
    await c.query('COMMIT');
  } catch (err) {
    await c.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    c.release();
  }
}

/** True when the queue's tables exist (a database no worker ever ran on has none). */
export async function hasQueueTables(db: pg.Pool | pg.Client): Promise<boolean> {
  const r = await db.query(`SELECT to_regclass('${QUEUE_SCHEMA}.workers') IS NOT NULL AS ok`);
  return r.rows[0].ok === true;
}

export interface LiveWorker {
  id: string;
  host: string;
  pid: number;
  threads: number;
  writer: boolean;
  analysed: number;
  rssMb: number;
  startedAt: string;
  seenAt: string;
}

/** The workers seen in the last WORKER_STALE_SECONDS. */
export async function liveWorkers(db: pg.Pool | pg.Client): Promise<LiveWorker[]> {
  if (!(await hasQueueTables(db))) return [];
  const r = await db.query(
    `SELECT id, host, pid, threads, writer, analysed, rss_mb, started_at, seen_at FROM ${QUEUE_SCHEMA}.workers
     WHERE seen_at > now() - make_interval(secs => $1) ORDER BY started_at, id`,
    [WORKER_STALE_SECONDS],
  );
  return r.rows.map((w) => ({
    id: w.id,
    host: w.host,
    pid: w.pid,
    threads: w.threads,
    writer: w.writer,
    analysed: Number(w.analysed),
    rssMb: w.rss_mb,
    startedAt: new Date(w.started_at).toISOString(),
    seenAt: new Date(w.seen_at).toISOString(),
  }));
}
