// Ingest: read inputs -> analyse -> store, in batches. Each batch is one store transaction, so an
// interrupted ingest keeps every finished batch and a re-run skips them by content hash.
import { readInputs, type ReaderOptions } from '../readers/index.ts';
import { contentHash, createAnalyzer } from '../analyze.ts';
import type { IngestItem, Store } from '../store/store.ts';
import { InputError, type AnalyzedArticle, type RawArticle } from '../types.ts';
import { readAhead } from './read-ahead.ts';
import { AnalysisPool, defaultWorkers, ordered } from './analysis-pool.ts';
import { openCorpus } from '../corpus/index.ts';

export interface IngestOptions extends ReaderOptions {
  /** Overrides the source (outlet) name of every article. */
  source?: string;
  /** Articles per transaction. */
  batchSize?: number;
  onProgress?: (p: IngestProgress) => void;
  /** Tag names with this local ONNX model instead of the shipped ones (`--ner-model`). */
  nerModelDir?: string;
  /** Analysis worker threads (default: one per core); 0 analyses on the main thread. An ONNX model
   *  (`nerModelDir`) always runs on the main thread: its runtime has threads of its own. */
  workers?: number;
}

export interface IngestProgress {
  read: number;
  inserted: number;
  duplicates: number;
  errors: number;
  file: string;
}

export interface IngestFailure {
  file: string;
  position?: number;
  reason: string;
}

export interface IngestSummary {
  read: number;
  inserted: number;
  duplicates: number;
  failures: IngestFailure[];
  insertedIds: string[];
  seconds: number;
  bytes: number;
}

export async function ingestPaths(store: Store, paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  return ingestStream(store, readInputs(paths, opts), opts);
}

/** Ingests articles (and reader errors) from any source: files, stdin, uploads. */
export async function ingestStream(
  store: Store,
  inputs: AsyncIterable<RawArticle | InputError>,
  opts: IngestOptions = {},
): Promise<IngestSummary> {
  const started = performance.now();
  const workers = opts.nerModelDir ? 0 : (opts.workers ?? defaultWorkers());
  const pool = workers > 0 ? new AnalysisPool(workers) : null;
  const analyzer = pool ? null : await createAnalyzer({ nerModelDir: opts.nerModelDir });
  const batchSize = opts.batchSize ?? 200;
  const summary: IngestSummary = { read: 0, inserted: 0, duplicates: 0, failures: [], insertedIds: [], seconds: 0, bytes: 0 };
  let batch: IngestItem[] = [];
  let lastFile = '';

  const report = () =>
    opts.onProgress?.({
      read: summary.read,
      inserted: summary.inserted,
      duplicates: summary.duplicates,
      errors: summary.failures.length,
      file: lastFile,
    });

  const flush = async () => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    for (const item of items) unstored.delete(item.contentHash);
    const before = summary.insertedIds.length;
    try {
      const result = await openCorpus(store).add(items);
      summary.inserted += result.inserted;
      summary.duplicates += result.duplicates;
      summary.insertedIds.push(...result.insertedIds);
    } catch (err) {
      // The batch rolled back as a whole; store what can be stored one by one, naming what cannot.
      for (const item of items) {
        try {
          const r = await openCorpus(store).add([item]);
          summary.inserted += r.inserted;
          summary.duplicates += r.duplicates;
          summary.insertedIds.push(...r.insertedIds);
        } catch (e) {
          summary.failures.push({ file: item.raw.file, position: item.raw.position, reason: `could not be stored: ${message(e)}` });
        }
      }
    }
    // The stored articles join events and storylines (src/corpus/stories); they stay stored if this fails.
    const stored = summary.insertedIds.slice(before);
    if (stored.length > 0) {
      try {
        await openCorpus(store).place(stored);
      } catch (e) {
        summary.failures.push({ file: items[0].raw.file, reason: `stored, but not placed in stories: ${message(e)} (run "dossier restory")` });
      }
    }
    report();
  };

  // Articles already stored (or met earlier in this run) are not analysed again; the others are
  // analysed on the workers, several at a time, and come back in input order.
  const unstored = new Set<string>();
  const analyse = async (input: RawArticle): Promise<Analysed> => {
    if (opts.source) input.meta.source = opts.source;
    const hash = contentHash(input);
    if (unstored.has(hash)) return { hash, article: null };
    unstored.add(hash);
    if ((await store.storedHashes([hash])).size > 0) return { hash, article: null };
    return { hash, article: await (pool ? pool.analyze(input) : analyzer!.analyze(input)) };
  };
  try {
    const results = ordered(readAhead(inputs, 16), (input) => (input instanceof InputError ? null : analyse(input)), pool ? workers * 8 : 1);
    for await (const { item: input, value, error } of results) {
      if (input instanceof InputError) {
        summary.failures.push({ file: input.file, position: input.position, reason: input.reason });
        lastFile = input.file;
        report();
        continue;
      }
      summary.read++;
      summary.bytes += Buffer.byteLength(input.original);
      lastFile = input.file;
      if (error !== undefined || !value) {
        summary.failures.push({ file: input.file, position: input.position, reason: `analysis failed: ${message(error)}` });
      } else if (value.article === null) {
        summary.duplicates++;
      } else {
        batch.push({ contentHash: value.hash, raw: input, article: value.article });
      }
      if (batch.length >= batchSize) await flush();
      else if (summary.read % 25 === 0) report();
    }
    await flush();
  } finally {
    await pool?.close();
    await analyzer?.close();
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

interface Analysed {
  hash: string;
  /** null: already stored, not analysed again. */
  article: AnalyzedArticle | null;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function describeFailure(f: IngestFailure): string {
  return `${f.file}${f.position !== undefined ? `:${f.position}` : ''}: ${f.reason}`;
}
