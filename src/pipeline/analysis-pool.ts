// Analysis on worker threads, so ingest uses every core and a server never analyses on its request
// thread: each worker has its own analyzer and takes one article at a time; the main thread reads,
// stores and places articles in stories. Results come back as promises; the caller keeps them in
// input order (see `ordered`), so an ingest gives the same store whatever the number of workers.
//
// Every article has a time budget (DEFAULT_ARTICLE_SECONDS, or DOSSIER_ARTICLE_SECONDS): a worker
// still on one article past it is stopped and replaced; that article fails with an error naming it,
// and the articles queued behind it go to the new worker.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { AnalyzedArticle, RawArticle } from '../types.ts';

export interface AnalysisRequest {
  id: number;
  raw: RawArticle;
}

export type AnalysisReply =
  | { id: number; started: true }
  | { id: number; article: AnalyzedArticle }
  | { id: number; error: string };

interface Pending {
  raw: RawArticle;
  resolve: (a: AnalyzedArticle) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  /** The budget timer of the article being analysed. */
  timer?: NodeJS.Timeout;
}

/** Most workers started when none is asked for: each holds its own models and analyzer (about 100 MB), and the
 *  main thread, which stores and places every article, limits the gain beyond that. */
const MAX_DEFAULT_WORKERS = 8;

/** Seconds one article may take in analysis (cleaning included) unless configured otherwise. Every
 *  step is linear in the text, and the largest accepted article (MAX_ARTICLE_CHARS) takes a few
 *  seconds, so this is only reached on a busy machine or by a fault. */
export const DEFAULT_ARTICLE_SECONDS = 20;

/** The per-article time budget: DOSSIER_ARTICLE_SECONDS when set (a positive number), else the default. */
export function articleBudgetSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const v = env.DOSSIER_ARTICLE_SECONDS;
  if (v === undefined || v === '') return DEFAULT_ARTICLE_SECONDS;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new RangeError(`DOSSIER_ARTICLE_SECONDS must be a positive number of seconds, got "${v}"`);
  return n;
}

/** Worker count used when none is given: one per core, at most MAX_DEFAULT_WORKERS. */
export function defaultWorkers(): number {
  return Math.min(availableParallelism(), MAX_DEFAULT_WORKERS);
}

/** Default nice steps of the analysis threads: DOSSIER_ANALYSIS_NICE when set (0–19), else 10. On an
 *  idle machine this costs nothing; under contention the thread that serves requests or writes the
 *  store (which waits for nothing but the CPU) is scheduled before analysis. */
export function analysisNice(env: NodeJS.ProcessEnv = process.env): number {
  const v = env.DOSSIER_ANALYSIS_NICE;
  if (v === undefined || v === '') return 10;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 19) throw new RangeError(`DOSSIER_ANALYSIS_NICE must be a whole number from 0 to 19, got "${v}"`);
  return n;
}

/** The message of an article that went over its time budget. */
export function overBudgetReason(raw: RawArticle, seconds: number): string {
  const where = `${raw.file}${raw.position !== undefined ? `:${raw.position}` : ''}`;
  return `analysis of ${where} took longer than the ${seconds} s budget per article (${raw.raw.length} characters); stopped`;
}

export interface AnalysisPoolOptions {
  /** Seconds one article may take (default articleBudgetSeconds()). */
  budgetSeconds?: number;
  /** How many steps of OS priority (nice) the analysis threads run below the thread that starts them
   *  (default analysisNice()): where a server or a store shares the cores, its thread wins them. */
  nice?: number;
  /** The worker script (default analysis-worker-boot.js). Tests give a stand-in that speaks the same
   *  messages, so the budget can be tested without depending on how fast the machine analyses. */
  workerScript?: URL;
}

export class AnalysisPool {
  private slots: Slot[] = [];
  private nextId = 0;
  private closed = false;
  readonly budgetSeconds: number;
  private readonly workerScript: URL;
  private readonly nice: number;

  constructor(
    readonly size: number,
    opts: AnalysisPoolOptions = {},
  ) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`analysis workers must be a whole number ≥ 1 (got ${size})`);
    this.budgetSeconds = opts.budgetSeconds ?? articleBudgetSeconds();
    if (!(this.budgetSeconds > 0)) throw new RangeError(`the time budget per article must be positive (got ${this.budgetSeconds})`);
    this.workerScript = opts.workerScript ?? new URL('./analysis-worker-boot.js', import.meta.url);
    this.nice = opts.nice ?? analysisNice();
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerScript, { workerData: { nice: this.nice } });
    const pending = new Map<number, Pending>();
    const slot: Slot = { worker, pending };
    // requests sent before the worker has loaded its analyzer wait in its message queue
    worker.on('message', (msg: AnalysisReply) => {
      const p = pending.get(msg.id);
      if (!p) return;
      if ('started' in msg) {
        clearTimeout(slot.timer);
        slot.timer = setTimeout(() => this.overBudget(slot, msg.id), this.budgetSeconds * 1000);
        slot.timer.unref();
        return;
      }
      clearTimeout(slot.timer);
      pending.delete(msg.id);
      if ('error' in msg) p.reject(new Error(msg.error));
      else p.resolve(msg.article);
    });
    const fail = (err: Error) => {
      clearTimeout(slot.timer);
      const i = this.slots.indexOf(slot);
      if (i < 0) return;
      for (const p of pending.values()) p.reject(err);
      pending.clear();
      // a crashed worker is replaced, so one bad article does not stop the ingest
      if (!this.closed) this.slots[i] = this.spawn();
    };
    worker.on('error', (err) => fail(new Error(`analysis worker failed: ${err.message}`)));
    worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`analysis worker stopped (exit code ${code})`));
    });
    return slot;
  }

  /** The article `id` went over its budget: fail it alone, replace the worker, and hand the
   *  articles queued behind it to the new one. */
  private overBudget(slot: Slot, id: number): void {
    const i = this.slots.indexOf(slot);
    const late = slot.pending.get(id);
    if (i < 0 || !late || this.closed) return;
    slot.pending.delete(id);
    const queued = [...slot.pending.values()];
    slot.pending.clear();
    this.slots.splice(i, 1);
    void slot.worker.terminate();
    late.reject(new Error(overBudgetReason(late.raw, this.budgetSeconds)));
    const fresh = this.spawn();
    this.slots.splice(i, 0, fresh);
    for (const p of queued) this.send(fresh, p);
  }

  private send(slot: Slot, p: Pending): void {
    const id = this.nextId++;
    slot.pending.set(id, p);
    slot.worker.postMessage({ id, raw: p.raw } satisfies AnalysisRequest);
  }

  /** Analyses one article on the least busy worker. */
  analyze(raw: RawArticle): Promise<AnalyzedArticle> {
    if (this.closed) return Promise.reject(new Error('analysis pool is closed'));
    const slot = this.slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    return new Promise<AnalyzedArticle>((resolve, reject) => this.send(slot, { raw, resolve, reject }));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const s of this.slots) {
      clearTimeout(s.timer);
      for (const p of s.pending.values()) p.reject(new Error('analysis pool is closed'));
      s.pending.clear();
    }
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

/**
 * Maps `source` through `fn` with up to `window` calls in flight, yielding results in input order.
 * Each result is `{ item, value }` or `{ item, error }`.
 */
export async function* ordered<T, R>(
  source: AsyncIterable<T>,
  fn: (item: T) => Promise<R> | null,
  window: number,
): AsyncGenerator<{ item: T; value?: R; error?: unknown }> {
  const queue: { item: T; result: Promise<{ value?: R; error?: unknown }> }[] = [];
  const settle = (p: Promise<R> | null) =>
    p === null ? Promise.resolve({}) : p.then((value) => ({ value }), (error: unknown) => ({ error }));
  let failure: { error: unknown } | null = null;
  try {
    for await (const item of source) {
      queue.push({ item, result: settle(fn(item)) });
      if (queue.length >= window) {
        const head = queue.shift()!;
        yield { item: head.item, ...(await head.result) };
      }
    }
  } catch (error) {
    // the source failed: what was read before still comes out, then the error
    failure = { error };
  }
  while (queue.length) {
    const head = queue.shift()!;
    yield { item: head.item, ...(await head.result) };
  }
  if (failure) throw failure.error;
}
