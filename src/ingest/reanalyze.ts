// Re-analysis: rebuilds every layer of stored articles from their stored raw input (after an
// upgrade of the analysis). Shared by `dossier reanalyze` and the server's background job.
import { setImmediate as nextTick } from 'node:timers/promises';
import { createAnalyzer } from '../analyze.ts';
import type { Store } from '../store/store.ts';
import type { RawArticle } from '../types.ts';
import { AnalysisPool, defaultWorkers, ordered } from './analysis-pool.ts';
import { openCorpus } from '../corpus/index.ts';

export interface ReanalyzeFailure {
  id: string;
  file: string;
  reason: string;
}

export interface ReanalyzeOptions {
  /** Only these article ids (full ids); all stored articles when absent. */
  ids?: Set<string>;
  /** Called after each article. */
  onProgress?: (done: number, failures: number) => void;
  /** Checked before each article; returning true aborts with an error. */
  shouldStop?: () => boolean;
  /** Yield to the event loop between articles (a server keeps answering). */
  yieldBetween?: boolean;
  /** Tag names with this local ONNX model instead of the shipped ones (`--ner-model`). */
  nerModelDir?: string;
  /** Analysis worker threads (default: one per core); 0 analyses on the main thread (always so
   *  with an ONNX model). */
  workers?: number;
}

export interface ReanalyzeSummary {
  reanalyzed: number;
  failures: ReanalyzeFailure[];
  /** The corpus-wide entity index, rebuilt from the new layers. */
  entities: { articles: number; entities: number; links: number; merges: number };
  /** Events and storylines, recomputed from the new layers. */
  stories: { events: number; storylines: number };
}

export async function reanalyzeStored(store: Store, opts: ReanalyzeOptions = {}): Promise<ReanalyzeSummary> {
  const workers = opts.nerModelDir ? 0 : (opts.workers ?? defaultWorkers());
  const pool = workers > 0 ? new AnalysisPool(workers) : null;
  const analyzer = pool ? null : await createAnalyzer({ nerModelDir: opts.nerModelDir });
  const summary: ReanalyzeSummary = { reanalyzed: 0, failures: [], entities: { articles: 0, entities: 0, links: 0, merges: 0 }, stories: { events: 0, storylines: 0 } };
  let done = 0;
  async function* wanted(): AsyncGenerator<{ id: string; raw: RawArticle }> {
    for await (const stored of store.allRaw()) {
      if (opts.shouldStop?.()) throw new Error('stopped before the end');
      if (!opts.ids || opts.ids.has(stored.id)) yield stored;
    }
  }
  try {
    const analyse = (raw: RawArticle) => (pool ? pool.analyze(raw) : analyzer!.analyze(raw));
    for await (const { item, value, error } of ordered(wanted(), ({ raw }) => analyse(raw), pool ? workers * 8 : 1)) {
      try {
        if (error !== undefined || !value) throw error;
        await store.replaceAnalysis(item.id, { ...value, id: item.id });
        summary.reanalyzed++;
      } catch (err) {
        summary.failures.push({ id: item.id, file: item.raw.file, reason: err instanceof Error ? err.message : String(err) });
      }
      opts.onProgress?.(++done, summary.failures.length);
      if (opts.yieldBetween) await nextTick();
    }
  } finally {
    await pool?.close();
    await analyzer?.close();
  }
  // Global entities depend on every article's entities layer, in ingest order: rebuild them once.
  summary.entities = await openCorpus(store).rebuildEntities();
  // Stories are placed from entities, figures and dates: recompute them from the new layers too.
  const placed = await openCorpus(store).restory();
  summary.stories = { events: placed.newEvents, storylines: placed.newStorylines };
  return summary;
}
