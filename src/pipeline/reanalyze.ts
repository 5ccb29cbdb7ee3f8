// Reanalysis: stored articles through the pipeline again (run.ts), read again from their stored input
// (after an upgrade of the readers or the analysis). Shared by `dossier reanalyze` and the server's
// background job.
import type { Store } from '../store/store.ts';
import type { RawArticle } from '../types.ts';
import type { AnalyseOptions } from './analyse-stage.ts';
import { runPipeline, type PipelineNote } from './run.ts';

export interface ReanalyzeFailure {
  id: string;
  file: string;
  reason: string;
}

export interface ReanalyzeOptions extends AnalyseOptions {
  /** Only these article ids (full ids); all stored articles when absent. */
  ids?: Set<string>;
  /** Called after each article. */
  onProgress?: (done: number, failures: number) => void;
  /** Checked before each article; returning true aborts with an error. */
  shouldStop?: () => boolean;
  /** Yield to the event loop between articles (a server keeps answering). */
  yieldBetween?: boolean;
}

export interface ReanalyzeSummary {
  reanalyzed: number;
  failures: ReanalyzeFailure[];
  /** Articles analysed from the text stored at ingest, because their input could not be read again. */
  notes: PipelineNote[];
  /** The corpus-wide entity index, rebuilt from the new layers. */
  entities: { articles: number; entities: number; links: number; merges: number };
  /** Events and storylines, recomputed from the new layers. */
  stories: { events: number; storylines: number };
}

export async function reanalyzeStored(store: Store, opts: ReanalyzeOptions = {}): Promise<ReanalyzeSummary> {
  const { ids, onProgress, shouldStop, ...pipeline } = opts;
  async function* wanted(): AsyncGenerator<{ id: string; raw: RawArticle }> {
    for await (const stored of store.allRaw()) {
      if (shouldStop?.()) throw new Error('stopped before the end');
      if (!ids || ids.has(stored.id)) yield stored;
    }
  }
  const s = await runPipeline(store, { kind: 'stored', inputs: wanted() }, { ...pipeline, onProgress: onProgress && ((p) => onProgress(p.read, p.errors)) });
  const { entities, stories } = s.rebuilt!;
  return {
    reanalyzed: s.stored,
    failures: s.failures.map((f) => ({ id: f.id!, file: f.file, reason: f.reason })),
    notes: s.notes,
    entities,
    stories: { events: stories.newEvents, storylines: stories.newStorylines },
  };
}
