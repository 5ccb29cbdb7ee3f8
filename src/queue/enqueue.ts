// `dossier ingest` with workers running: the read stage of the pipeline (readers, the run's outlet
// name, content hash, skipping stored articles and repeats) runs here, and each new article becomes
// an analysis job of one ingest run, numbered in input order; workers analyse them and the writer
// stores them in that order (writer.ts).
import type PgBoss from 'pg-boss';
import type pg from 'pg';
import { newArticleHash, type PipelineFailure } from '../pipeline/run.ts';
import type { Store } from '../store/store.ts';
import { InputError, type RawArticle } from '../types.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import { ANALYSE, BOSS_SCHEMA, WRITE } from './boss.ts';
import { jobId, type AnalyseJob } from './jobs.ts';
import { ensureQueueTables, QUEUE_SCHEMA } from './tables.ts';

/** Articles looked up and sent per round trip. */
const BATCH = 200;

/** Most articles of all runs in the queue at once (waiting, in analysis, or analysed and waiting
 *  for the writer): the enqueuer waits for the workers beyond it, so the job table stays small
 *  whatever the size of an ingest (pg-boss's maintainers advise well under a million live rows). */
export const MAX_IN_FLIGHT = 10_000;

export interface EnqueueOptions {
  /** What the run is called in `dossier queue` (the paths given). */
  label: string;
  /** Overrides the source (outlet) name of every article. */
  source?: string;
  /** Seconds an analysis job may stay active before it is taken back and retried (default: the queue's). */
  expireSeconds?: number;
  /** Most articles in the queue at once (default MAX_IN_FLIGHT). */
  maxInFlight?: number;
  /** Stops reading (Ctrl-C): the run keeps what was queued, and the writer finishes it. */
  signal?: AbortSignal;
  onProgress?: (p: { read: number; queued: number; duplicates: number; errors: number }) => void;
}

export interface EnqueueResult {
  run: number;
  read: number;
  queued: number;
  /** Already stored, or met earlier in the run: not queued. */
  duplicates: number;
  /** Inputs that could not be read or queued. */
  failures: PipelineFailure[];
}

export async function enqueueIngest(
  boss: PgBoss,
  db: pg.Pool,
  store: Store,
  inputs: AsyncIterable<RawArticle | InputError>,
  opts: EnqueueOptions,
): Promise<EnqueueResult> {
  await ensureQueueTables(db);
  const run = Number((await db.query(`INSERT INTO ${QUEUE_SCHEMA}.runs (label) VALUES ($1) RETURNING id`, [opts.label])).rows[0].id);
  const result: EnqueueResult = { run, read: 0, queued: 0, duplicates: 0, failures: [] };
  const seen = new Set<string>();
  let batch: { raw: RawArticle; hash: string }[] = [];
  let failuresSaved = 0;
  let duplicatesSaved = 0;

  const job = (a: { raw: RawArticle; hash: string }, seq: number): PgBoss.JobInsert<AnalyseJob> => ({
    id: jobId('analyse', run, seq),
    name: ANALYSE,
    data: { run, seq, hash: a.hash, raw: a.raw },
    ...(opts.expireSeconds ? { expireInSeconds: opts.expireSeconds } : {}),
  });

  /** Records the run's counts so far (the writer adds its own to the same row). */
  const save = async (final: boolean) => {
    const fresh = result.failures.slice(failuresSaved);
    await db.query(
      `UPDATE ${QUEUE_SCHEMA}.runs SET read = $2, queued = $3, duplicates = duplicates + $4, failed = failed + $5${final ? ', total = $3' : ''} WHERE id = $1`,
      [run, result.read, result.queued, result.duplicates - duplicatesSaved, fresh.length],
    );
    for (const f of fresh) {
      await db.query(`INSERT INTO ${QUEUE_SCHEMA}.run_failures (run, file, position, reason) VALUES ($1, $2, $3, $4)`, [run, f.file, f.position ?? null, f.reason]);
    }
    failuresSaved = result.failures.length;
    duplicatesSaved = result.duplicates;
  };

  const flush = async () => {
    const items = batch;
    batch = [];
    if (items.length === 0) return;
    const stored = await store.storedHashes(items.map((i) => i.hash));
    const fresh = items.filter((i) => !stored.has(i.hash));
    result.duplicates += items.length - fresh.length;
    const limit = Math.max(opts.maxInFlight ?? MAX_IN_FLIGHT, BATCH);
    while (fresh.length > 0 && !opts.signal?.aborted && (await inFlight(db)) + fresh.length > limit) await sleep(500);
    try {
      await boss.insert(fresh.map((a, k) => job(a, result.queued + k)));
      result.queued += fresh.length;
    } catch {
      // one article the database refuses (pg-boss sends a batch in one statement): each alone, and
      // the numbers stay contiguous so the writer does not wait for a missing one
      for (const a of fresh) {
        try {
          await boss.insert([job(a, result.queued)]);
          result.queued++;
        } catch (err) {
          result.failures.push({ file: a.raw.file, ...(a.raw.position !== undefined ? { position: a.raw.position } : {}), reason: `could not be queued: ${(err as Error).message}` });
        }
      }
    }
    await save(false);
  };

  try {
    for await (const input of inputs) {
      if (opts.signal?.aborted) break;
      if (input instanceof InputError) {
        result.failures.push({ file: input.file, ...(input.position !== undefined ? { position: input.position } : {}), reason: input.reason });
      } else {
        result.read++;
        const hash = newArticleHash(input, opts.source);
        if (seen.has(hash)) result.duplicates++;
        else {
          seen.add(hash);
          batch.push({ raw: input, hash });
          if (batch.length >= BATCH) await flush();
        }
      }
      opts.onProgress?.({ read: result.read, queued: result.queued, duplicates: result.duplicates, errors: result.failures.length });
    }
    await flush();
  } finally {
    // a run stopped while reading keeps what it queued: its total is what was sent
    await save(true);
  }
  return result;
}

/** Articles in the queue: analysis jobs not done, and analysed articles the writer has not applied. */
async function inFlight(db: pg.Pool): Promise<number> {
  const r = await db.query(`SELECT count(*)::int AS n FROM ${BOSS_SCHEMA}.job WHERE (name = $1 AND state < 'completed') OR name = $2`, [ANALYSE, WRITE]);
  return r.rows[0].n;
}
