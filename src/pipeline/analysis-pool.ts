// Analysis on worker threads, so ingest uses every core: each worker has its own analyzer and takes
// one article at a time; the main thread reads, stores and places articles in stories. Results
// come back as promises; the caller keeps them in input order (see `ordered`), so an ingest gives
// the same store whatever the number of workers.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { AnalyzedArticle, RawArticle } from '../types.ts';

export interface AnalysisRequest {
  id: number;
  raw: RawArticle;
}

export type AnalysisReply = { id: number; article: AnalyzedArticle } | { id: number; error: string };

interface Pending {
  resolve: (a: AnalyzedArticle) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

/** Most workers started when none is asked for: each holds its own models and analyzer (about 100 MB), and the
 *  main thread, which stores and places every article, limits the gain beyond that. */
const MAX_DEFAULT_WORKERS = 8;

/** Worker count used when none is given: one per core, at most MAX_DEFAULT_WORKERS. */
export function defaultWorkers(): number {
  return Math.min(availableParallelism(), MAX_DEFAULT_WORKERS);
}

export class AnalysisPool {
  private slots: Slot[] = [];
  private nextId = 0;
  private closed = false;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`analysis workers must be a whole number ≥ 1 (got ${size})`);
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./analysis-worker-boot.js', import.meta.url));
    const pending = new Map<number, Pending>();
    const slot: Slot = { worker, pending };
    // requests sent before the worker has loaded its analyzer wait in its message queue
    worker.on('message', (msg: AnalysisReply) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if ('error' in msg) p.reject(new Error(msg.error));
      else p.resolve(msg.article);
    });
    const fail = (err: Error) => {
      for (const p of pending.values()) p.reject(err);
      pending.clear();
      // a crashed worker is replaced, so one bad article does not stop the ingest
      const i = this.slots.indexOf(slot);
      if (i >= 0 && !this.closed) this.slots[i] = this.spawn();
    };
    worker.on('error', (err) => fail(new Error(`analysis worker failed: ${err.message}`)));
    worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`analysis worker stopped (exit code ${code})`));
    });
    return slot;
  }

  /** Analyses one article on the least busy worker. */
  analyze(raw: RawArticle): Promise<AnalyzedArticle> {
    if (this.closed) return Promise.reject(new Error('analysis pool is closed'));
    const slot = this.slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    const result = new Promise<AnalyzedArticle>((resolve, reject) => slot.pending.set(id, { resolve, reject }));
    slot.worker.postMessage({ id, raw } satisfies AnalysisRequest);
    return result;
  }

  async close(): Promise<void> {
    this.closed = true;
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
