// The job queue: pg-boss (a queue on PostgreSQL, SKIP LOCKED fetches, retries, expiration, archive)
// in the schema `dossier_jobs` of the corpus database, with three queues:
//   dossier-analyse         an article's input -> its analysed document, on any worker, in parallel;
//   dossier-write           an analysed document waiting for the single writer (store, entities, stories);
//   dossier-analyse-failed  the dead letters of dossier-analyse: an article whose analysis failed for
//                           good (its error is the job's output), so the writer skips its place.
// Retention keeps the job table small: completed analysis jobs go to the archive after
// ARCHIVE_COMPLETED_SECONDS and leave it after DELETE_ARCHIVED_SECONDS; the writer deletes the write
// jobs it has applied; failed jobs stay in the job table for a week so `dossier queue` shows them.
import pg from 'pg';
import PgBoss from 'pg-boss';

export const BOSS_SCHEMA = 'dossier_jobs';
export const ANALYSE = 'dossier-analyse';
export const WRITE = 'dossier-write';
export const ANALYSE_FAILED = 'dossier-analyse-failed';

/** Seconds an analysis job may stay active before pg-boss takes it back (its worker died) and retries it. */
export const ANALYSE_EXPIRE_SECONDS = 120;
/** Attempts after the first: a job of a killed worker is retried; an article that fails every time is dead-lettered. */
export const ANALYSE_RETRIES = 2;
export const ARCHIVE_COMPLETED_SECONDS = 60;
export const ARCHIVE_FAILED_SECONDS = 7 * 24 * 3600;
export const DELETE_ARCHIVED_SECONDS = 120;

export interface BossOptions {
  /** Run pg-boss maintenance (expire, archive, delete) from this process: workers do, one-off commands do not. */
  supervise?: boolean;
  /** Seconds between maintenance runs (expiration is noticed at the next one); default 5. */
  maintenanceSeconds?: number;
  /** Connections in pg-boss's own pool (default 3). */
  connections?: number;
}

/** A started pg-boss on the database at `url`, its schema made or migrated, the queues created. */
export async function startBoss(url: string, opts: BossOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: BOSS_SCHEMA,
    max: opts.connections ?? 3,
    application_name: 'dossier-queue',
    supervise: opts.supervise ?? false,
    schedule: false,
    migrate: true,
    maintenanceIntervalSeconds: opts.maintenanceSeconds ?? 5,
    monitorStateIntervalSeconds: 3600,
    archiveCompletedAfterSeconds: ARCHIVE_COMPLETED_SECONDS,
    archiveFailedAfterSeconds: ARCHIVE_FAILED_SECONDS,
    deleteAfterSeconds: DELETE_ARCHIVED_SECONDS,
  });
  // errors of its background loops (a lost connection) are reported by the caller's next call
  boss.on('error', (err) => {
    if (process.env.DOSSIER_DEBUG) process.stderr.write(`dossier queue: ${err.message}\n`);
  });
  // Processes starting at the same moment on a new database would deadlock making pg-boss's schema
  // and queue partitions: they take turns.
  const turn = new pg.Client({ connectionString: url, application_name: 'dossier-queue' });
  await turn.connect();
  try {
    await turn.query(`SELECT pg_advisory_lock(hashtext('dossier:queue:setup'))`);
    await boss.start();
    await ensureQueue(boss, ANALYSE_FAILED, { retryLimit: 0, expireInSeconds: 600 });
    await ensureQueue(boss, ANALYSE, {
      retryLimit: ANALYSE_RETRIES,
      retryDelay: 1,
      expireInSeconds: ANALYSE_EXPIRE_SECONDS,
      deadLetter: ANALYSE_FAILED,
    });
    // A write job waits in the writer's hands until the articles before it are analysed; if the
    // writer dies its jobs come back after expiration; it never fails one (an article that cannot
    // be stored is a failure of the ingest run, not of the job).
    await ensureQueue(boss, WRITE, { retryLimit: 1_000_000, expireInSeconds: 120 });
  } catch (err) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw err;
  } finally {
    await turn.end(); // ends the session, and its lock
  }
  return boss;
}

async function ensureQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, 'name'>): Promise<void> {
  if (await boss.getQueue(name)) return;
  try {
    await boss.createQueue(name, { name, ...options });
  } catch (err) {
    // another process created it at the same moment
    if (!(await boss.getQueue(name))) throw err;
  }
}
