// Re-analysis: rebuilds every layer of stored articles from their stored raw input (after an
// upgrade of the analysis). Shared by `dossier reanalyze` and the server's background job.
import { setImmediate as nextTick } from 'node:timers/promises';
import { createAnalyzer } from '../analyze.ts';
import type { Store } from '../store/store.ts';

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
  const analyzer = await createAnalyzer({ nerModelDir: opts.nerModelDir });
  const summary: ReanalyzeSummary = { reanalyzed: 0, failures: [], entities: { articles: 0, entities: 0, links: 0, merges: 0 }, stories: { events: 0, storylines: 0 } };
  let done = 0;
  for await (const { id, raw } of store.allRaw()) {
    if (opts.shouldStop?.()) throw new Error('stopped before the end');
    if (opts.ids && !opts.ids.has(id)) continue;
    try {
      const doc = await analyzer.analyze(raw);
      await store.replaceAnalysis(id, { ...doc, id });
      summary.reanalyzed++;
    } catch (err) {
      summary.failures.push({ id, file: raw.file, reason: err instanceof Error ? err.message : String(err) });
    }
    opts.onProgress?.(++done, summary.failures.length);
    if (opts.yieldBetween) await nextTick();
  }
  // Global entities depend on every article's entities layer, in ingest order: rebuild them once.
  summary.entities = await store.rebuildEntities();
  // Stories are placed from entities, figures and dates: recompute them from the new layers too.
  const placed = await store.stories.restory();
  summary.stories = { events: placed.newEvents, storylines: placed.newStorylines };
  return summary;
}
