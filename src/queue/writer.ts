// The corpus writer: the one process at a time (worker.ts holds a PostgreSQL advisory lock for it)
// that applies the corpus stages — store, link entities, place in stories — to analysed articles.
// Workers finish analyses in any order; the writer applies each ingest run's articles in input
// order (their `seq`), holding the ones that arrive early, so the corpus is the same whatever the
// number of workers, and the same as `dossier ingest` without workers. An article whose analysis
// failed for good comes as a dead letter and its place is skipped with its error recorded.
//
// Crash safety: the run's progress (next_seq) is written after the corpus stages commit; a writer
// killed in between leaves the jobs to come back (pg-boss expiration) and the next writer applies
// them again — the store skips articles already stored (content hash) and placeUnplaced places
// articles stored but not placed. Applied write jobs are deleted (they carry whole documents).
import type PgBoss from 'pg-boss';
import type pg from 'pg';
import { openCorpus } from '../corpus/index.ts';
import { addAnalysed } from '../pipeline/run.ts';
import type { Store } from '../store/store.ts';
import { ANALYSE_FAILED, WRITE } from './boss.ts';
import { deadJobPlace, parseWriteJob, type WriteJob } from './jobs.ts';
import { QUEUE_SCHEMA } from './tables.ts';

type Entry =
  | { kind: 'write'; queue: string; jobId: string; run: number; seq: number; job: WriteJob }
  | { kind: 'failed'; queue: string; jobId: string; run: number; seq: number; file: string; position?: number; reason: string };

interface Failure {
  seq: number | null;
  file: string;
  position?: number;
  reason: string;
}

export interface WriterOptions {
  /** Articles per store transaction (default 200, as ingest). */
  batchSize?: number;
  /** Jobs taken from the queue per fetch (default 500). */
  fetchSize?: number;
}

export class CorpusWriter {
  /** Jobs taken and not yet applied, by `run:seq`. */
  private held = new Map<string, Entry>();
  private readonly corpus;
  private placedLeftover = false;
  /** Articles this writer stored (for the worker's log). */
  stored = 0;

  constructor(
    private readonly boss: PgBoss,
    private readonly db: pg.Pool,
    private readonly corpusStore: Store,
    private readonly opts: WriterOptions = {},
  ) {
    this.corpus = openCorpus(corpusStore);
  }

  /** Takes what is queued and applies what can be applied in order; returns the number of jobs taken or applied (0: nothing to do). */
  async step(): Promise<number> {
    if (!this.placedLeftover) {
      // a writer killed between storing a batch and placing it left those articles unplaced
      await this.corpus.placeUnplaced();
      this.placedLeftover = true;
    }
    let work = await this.take();
    const runs = (await this.db.query(`SELECT id, next_seq, total, applying FROM ${QUEUE_SCHEMA}.runs WHERE finished_at IS NULL ORDER BY id`)).rows as {
      id: string;
      next_seq: number;
      total: number | null;
      applying: number | null;
    }[];
    const open = new Map(runs.map((r) => [Number(r.id), r]));
    // jobs of finished runs or of places already applied: copies sent again by a retried analysis
    const stale = [...this.held.values()].filter((e) => !open.has(e.run) || e.seq < open.get(e.run)!.next_seq);
    await this.drop(stale);
    for (const r of runs) {
      const run = Number(r.id);
      let next = r.next_seq;
      for (;;) {
        const entries: Entry[] = [];
        for (let e = this.held.get(`${run}:${next}`); e && entries.length < (this.opts.batchSize ?? 200); e = this.held.get(`${run}:${next}`)) {
          entries.push(e);
          next++;
        }
        if (entries.length === 0) break;
        await this.apply(run, entries, r.applying);
        r.applying = null;
        work += entries.length;
      }
      if (r.total !== null && next >= r.total) {
        await this.db.query(`UPDATE ${QUEUE_SCHEMA}.runs SET finished_at = now() WHERE id = $1 AND finished_at IS NULL`, [run]);
      }
    }
    return work;
  }

  /** Fetches write jobs and dead letters into `held`. */
  private async take(): Promise<number> {
    const writes = await this.boss.fetch<unknown>(WRITE, { batchSize: this.opts.fetchSize ?? 500 });
    const dead = await this.boss.fetch<unknown>(ANALYSE_FAILED, { batchSize: 100, includeMetadata: true });
    for (const j of writes) {
      try {
        const job = parseWriteJob(j.data);
        this.hold({ kind: 'write', queue: WRITE, jobId: j.id, run: job.run, seq: job.seq, job });
      } catch (err) {
        const place = deadJobPlace(j.data);
        if (place) this.hold({ kind: 'failed', queue: WRITE, jobId: j.id, ...place, reason: (err as Error).message });
        else await this.boss.deleteJob(WRITE, j.id);
      }
    }
    for (const j of dead) {
      const place = deadJobPlace(j.data);
      if (!place) {
        await this.boss.deleteJob(ANALYSE_FAILED, j.id);
        continue;
      }
      this.hold({ kind: 'failed', queue: ANALYSE_FAILED, jobId: j.id, ...place, reason: `analysis failed: ${outputMessage(j.output)}` });
    }
    return writes.length + dead.length;
  }

  private hold(e: Entry): void {
    const key = `${e.run}:${e.seq}`;
    const had = this.held.get(key);
    // an analysed article wins over a dead letter of the same place (an earlier attempt failed, a retry succeeded)
    if (had && had.jobId !== e.jobId && had.kind === 'write') {
      void this.boss.deleteJob(e.queue, e.jobId);
      return;
    }
    if (had && had.jobId !== e.jobId) void this.boss.deleteJob(had.queue, had.jobId);
    this.held.set(key, e);
  }

  /** Applies a run's next articles; `crashed` is the last one of a batch a writer died applying. */
  private async apply(run: number, entries: Entry[], crashed: number | null): Promise<void> {
    const failures: Failure[] = [];
    const writes = entries.flatMap((e) => (e.kind === 'write' ? [e.job] : []));
    const first = entries[0].seq;
    const last = entries[entries.length - 1].seq;
    // articles of a batch a dead writer stored before it could record them are this run's, not duplicates
    const again = crashed !== null && first <= crashed ? writes.filter((w) => w.seq <= crashed) : [];
    const storedBefore = again.length > 0 ? (await this.corpusStore.storedHashes(again.map((w) => w.hash))).size : 0;
    await this.db.query(`UPDATE ${QUEUE_SCHEMA}.runs SET applying = $2 WHERE id = $1`, [run, last]);
    for (const e of entries) if (e.kind === 'failed') failures.push({ seq: e.seq, file: e.file, ...(e.position !== undefined ? { position: e.position } : {}), reason: e.reason });
    const added = await addAnalysed(this.corpus, writes, (job, reason) =>
      failures.push({ seq: job.seq, file: job.raw.file, ...(job.raw.position !== undefined ? { position: job.raw.position } : {}), reason }),
    );
    failures.push(...added.failures.map((f) => ({ seq: null, file: f.file, reason: f.reason })));
    this.stored += added.stored;
    const c = await this.db.connect();
    try {
      await c.query('BEGIN');
      await c.query(
        `UPDATE ${QUEUE_SCHEMA}.runs SET next_seq = $3, stored = stored + $4, duplicates = duplicates + $5, failed = failed + $6, applying = NULL WHERE id = $1 AND next_seq = $2`,
        [run, first, last + 1, added.stored + storedBefore, added.duplicates - storedBefore, failures.length],
      );
      for (const f of failures) {
        await c.query(`INSERT INTO ${QUEUE_SCHEMA}.run_failures (run, seq, file, position, reason) VALUES ($1, $2, $3, $4, $5)`, [run, f.seq, f.file, f.position ?? null, f.reason]);
      }
      await c.query('COMMIT');
    } catch (err) {
      await c.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      c.release();
    }
    await this.drop(entries);
  }

  /** Deletes applied (or stale) jobs and forgets them. */
  private async drop(entries: Entry[]): Promise<void> {
    for (const queue of [WRITE, ANALYSE_FAILED]) {
      const ids = entries.filter((e) => e.queue === queue).map((e) => e.jobId);
      if (ids.length > 0) await this.boss.deleteJob(queue, ids);
    }
    for (const e of entries) if (this.held.get(`${e.run}:${e.seq}`)?.jobId === e.jobId) this.held.delete(`${e.run}:${e.seq}`);
  }
}

/** The error message pg-boss stored as a failed job's output. */
export function outputMessage(output: unknown): string {
  const o = output as { message?: unknown; value?: { message?: unknown } } | null;
  if (typeof o?.message === 'string') return o.message;
  if (typeof o?.value?.message === 'string') return o.value.message;
  if (typeof o?.value === 'string') return o.value;
  return output === null || output === undefined ? 'no error recorded' : JSON.stringify(output).slice(0, 500);
}
