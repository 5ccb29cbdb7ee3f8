// The one pipeline: read -> clean -> analyse -> store -> resolve entities -> place in stories.
// Ingest (CLI, server upload) and reanalysis (CLI, server job) run it; they only say where the
// articles come from:
//   new articles     read by the readers; skipped when already stored (by content hash); stored in
//                    batches, each one transaction that also links their entities (corpus.add); each
//                    stored batch then placed in events and storylines (corpus.place).
//   stored articles  read again from their stored input (reread.ts); their layers replaced one
//                    article at a time (corpus.replace); at the end entities and stories are rebuilt
//                    over the whole corpus once (corpus.rebuild), as both depend on ingest order.
// Clean and analyse run on worker threads or the main thread (analyse-stage.ts); results are taken
// in input order, so the corpus is the same whatever the number of workers.
import { setImmediate as nextTick } from 'node:timers/promises';
import { contentHash } from '../analyze.ts';
import { openCorpus, type Corpus, type CorpusRebuild } from '../corpus/index.ts';
import type { IngestItem, Store } from '../store/store.ts';
import { InputError, type AnalyzedArticle, type RawArticle } from '../types.ts';
import { ordered } from './analysis-pool.ts';
import { openAnalyseStage, type AnalyseOptions } from './analyse-stage.ts';
import { writeBatch } from './batch.ts';
import { readAhead } from './read-ahead.ts';
import { rereadStored } from './reread.ts';

/** Articles read from input, to be added to the corpus. */
export interface NewArticles {
  kind: 'new';
  inputs: AsyncIterable<RawArticle | InputError>;
  /** Overrides the source (outlet) name of every article. */
  source?: string;
}

/** Stored articles to analyse again (by their full id). */
export interface StoredArticles {
  kind: 'stored';
  inputs: AsyncIterable<{ id: string; raw: RawArticle }>;
}

export interface PipelineOptions extends AnalyseOptions {
  /** New articles per transaction (default 200). */
  batchSize?: number;
  onProgress?: (p: PipelineProgress) => void;
  /** Yield to the event loop between articles (a server keeps answering). */
  yieldBetween?: boolean;
}

export interface PipelineProgress {
  /** Articles read and through analysis (failed ones included). */
  read: number;
  stored: number;
  duplicates: number;
  errors: number;
  file: string;
}

export interface PipelineFailure {
  file: string;
  position?: number;
  /** The stored article, when one was being analysed again. */
  id?: string;
  reason: string;
}

export interface PipelineNote {
  id: string;
  file: string;
  note: string;
}

export interface PipelineSummary {
  read: number;
  /** Articles added (new) or whose layers were replaced (stored). */
  stored: number;
  duplicates: number;
  failures: PipelineFailure[];
  /** Ids of the articles stored, in input order. */
  storedIds: string[];
  /** Stored articles analysed from the text stored at ingest because their input could not be read again. */
  notes: PipelineNote[];
  /** New articles: stored articles of an earlier, stopped run that were placed in stories before this run's. */
  placedLeftover?: number;
  /** After stored articles: the corpus entities and stories rebuilt from the new layers. */
  rebuilt?: CorpusRebuild;
  seconds: number;
  bytes: number;
}

/** An article as it comes in: a stored one carries its id. */
interface Input {
  raw: RawArticle;
  storedId?: string;
}

/** An article through the read stage: what to analyse, and which stored article it replaces. */
interface Work {
  raw: RawArticle;
  hash: string;
  storedId?: string;
}

/** An analysed article waiting for the store stage. */
interface Analysed extends Work {
  article: AnalyzedArticle;
}

export async function runPipeline(store: Store, articles: NewArticles | StoredArticles, opts: PipelineOptions = {}): Promise<PipelineSummary> {
  const started = performance.now();
  const corpus = openCorpus(store);
  const summary: PipelineSummary = { read: 0, stored: 0, duplicates: 0, failures: [], storedIds: [], notes: [], seconds: 0, bytes: 0 };
  // A replacement is one transaction of the store per article; new articles go in batches.
  const batchSize = articles.kind === 'new' ? (opts.batchSize ?? 200) : 1;
  let lastFile = '';
  const report = () =>
    opts.onProgress?.({ read: summary.read, stored: summary.stored, duplicates: summary.duplicates, errors: summary.failures.length, file: lastFile });
  const fail = (w: Input, reason: string) =>
    summary.failures.push({ file: w.raw.file, ...(w.raw.position !== undefined ? { position: w.raw.position } : {}), ...(w.storedId ? { id: w.storedId } : {}), reason });

  // read: new articles already stored (or met earlier in this run) are not analysed again; stored
  // ones are read again from their input
  const unstored = new Set<string>();
  const read = async ({ raw, storedId }: Input): Promise<Work | null> => {
    if (storedId !== undefined) {
      const again = rereadStored(raw);
      if (again.note) summary.notes.push({ id: storedId, file: raw.file, note: again.note });
      return { raw: again.raw, hash: contentHash(again.raw), storedId };
    }
    const hash = newArticleHash(raw, articles.kind === 'new' ? articles.source : undefined);
    if (unstored.has(hash)) return null;
    unstored.add(hash);
    if ((await store.storedHashes([hash])).size > 0) return null;
    return { raw, hash };
  };

  // A run stopped between storing a batch and placing it left those articles out of the stories:
  // they are placed first, in ingest order, as the stopped run would have placed them.
  if (articles.kind === 'new') {
    const leftover = await corpus.placeUnplaced();
    if (leftover.attached > 0) summary.placedLeftover = leftover.attached;
  }

  // store -> resolve entities -> place in stories
  let batch: Analysed[] = [];
  const flush = async () => {
    const items = batch;
    batch = [];
    if (articles.kind === 'new') {
      for (const item of items) unstored.delete(item.hash);
      const added = await addAnalysed(corpus, items, fail);
      summary.stored += added.stored;
      summary.duplicates += added.duplicates;
      summary.storedIds.push(...added.storedIds);
      summary.failures.push(...added.failures);
    } else {
      const replace = async (b: Analysed[]) => {
        for (const a of b) await corpus.replace(a.storedId!, { ...a.article, id: a.storedId! });
        return b.map((a) => a.storedId!);
      };
      const replaced = (await writeBatch(items, replace, (item, e) => fail(item, `could not be stored: ${message(e)}`))).flat();
      summary.stored += replaced.length;
      summary.storedIds.push(...replaced);
    }
  };

  const analysis = await openAnalyseStage(opts);
  try {
    const analyse = async (input: Input): Promise<Analysed | null> => {
      const work = await read(input);
      return work && { ...work, article: await analysis.analyse(work.raw) };
    };
    for await (const { item: input, value, error } of ordered(readAhead(inputsOf(articles), 16), (i) => (i instanceof InputError ? null : analyse(i)), analysis.window)) {
      if (input instanceof InputError) {
        summary.failures.push({ file: input.file, ...(input.position !== undefined ? { position: input.position } : {}), reason: input.reason });
        lastFile = input.file;
        report();
        continue;
      }
      const { raw } = input;
      summary.read++;
      summary.bytes += Buffer.byteLength(raw.original);
      lastFile = raw.file;
      if (error !== undefined) fail(input, `analysis failed: ${message(error)}`);
      else if (!value) summary.duplicates++;
      else batch.push(value);
      const full = batch.length >= batchSize;
      if (full) await flush();
      // after every article: reporters only keep the numbers (a bar redraws at most 10 times a
      // second, a line is written every few seconds), so a slow start still shows its first articles
      report();
      if (opts.yieldBetween) await nextTick();
    }
    if (batch.length > 0) {
      await flush();
      report();
    }
  } finally {
    await analysis.close();
  }
  if (articles.kind === 'stored') summary.rebuilt = await corpus.rebuild();
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** The read stage of a new article: the outlet name given for the run replaces its own, then the
 *  content hash that ingest dedupes on (the queue's enqueuer reads articles the same way). */
export function newArticleHash(raw: RawArticle, source?: string): string {
  if (source) raw.meta.source = source;
  return contentHash(raw);
}

/** An analysed new article, ready for the corpus stages. */
export interface AnalysedNew {
  raw: RawArticle;
  hash: string;
  article: AnalyzedArticle;
}

export interface AddedBatch {
  stored: number;
  duplicates: number;
  storedIds: string[];
  /** Placing in stories failed for the stored articles (they stay stored). */
  failures: PipelineFailure[];
}

/**
 * The corpus stages of new articles: store a batch (one transaction, entities linked; an item that
 * fails alone is reported through `fail`), then place the stored ones in stories. Items already
 * stored (by content hash) are counted as duplicates. The pipeline's store stage, and the queue
 * writer's (src/queue), so both store and place the same way.
 */
export async function addAnalysed<T extends AnalysedNew>(corpus: Corpus, items: T[], fail: (item: T, reason: string) => void): Promise<AddedBatch> {
  const toItem = (a: AnalysedNew): IngestItem => ({ contentHash: a.hash, raw: a.raw, article: a.article });
  const results = await writeBatch(items, (b) => corpus.add(b.map(toItem)), (item, e) => fail(item, `could not be stored: ${message(e)}`));
  const out: AddedBatch = { stored: 0, duplicates: 0, storedIds: results.flatMap((r) => r.insertedIds), failures: [] };
  for (const r of results) {
    out.stored += r.inserted;
    out.duplicates += r.duplicates;
  }
  // The stored articles stay stored if placing them fails.
  if (out.storedIds.length > 0) {
    try {
      await corpus.place(out.storedIds);
    } catch (e) {
      out.failures.push({ file: items[0].raw.file, reason: `stored, but not placed in stories: ${message(e)} (run "dossier restory")` });
    }
  }
  return out;
}

async function* inputsOf(articles: NewArticles | StoredArticles): AsyncGenerator<Input | InputError> {
  if (articles.kind === 'stored') {
    for await (const { id, raw } of articles.inputs) yield { raw, storedId: id };
  } else {
    for await (const input of articles.inputs) yield input instanceof InputError ? input : { raw: input };
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
