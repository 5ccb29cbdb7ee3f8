// The clean + analyse stages of the pipeline (src/analyze.ts: clean -> detect language -> analysis
// steps), on worker threads or on the main thread. The pipeline consumes the results in input order.
// Articles longer than MAX_ARTICLE_CHARS are refused before analysis, with an error naming them;
// on worker threads each article also has a time budget (analysis-pool.ts).
import { createAnalyzer } from '../analyze.ts';
import type { AnalyzedArticle, RawArticle } from '../types.ts';
import { AnalysisPool, defaultWorkers } from './analysis-pool.ts';

/** Longest article text analysed, in characters (2 MB of text, ten times a long report). Every
 *  step is linear in the text, so this bounds the time and memory one article takes. */
export const MAX_ARTICLE_CHARS = 2_000_000;

export interface AnalyseOptions {
  /** Tag names with this local ONNX model instead of the shipped ones (`--ner-model`). */
  nerModelDir?: string;
  /** Analysis worker threads (default: one per core); 0 analyses on the main thread. An ONNX model
   *  (`nerModelDir`) always runs on the main thread: its runtime has threads of its own. */
  workers?: number;
  /** A long-lived pool to analyse on (a server's), used instead of starting one; not closed here. */
  pool?: AnalysisPool;
  /** Seconds one article may take on a worker thread (default: DOSSIER_ARTICLE_SECONDS or 20). */
  budgetSeconds?: number;
}

export interface AnalyseStage {
  analyse(raw: RawArticle): Promise<AnalyzedArticle>;
  /** Articles analysed ahead of the one being stored (enough to keep every worker busy). */
  readonly window: number;
  close(): Promise<void>;
}

/** Why an article is refused before analysis, or null. */
export function oversizeReason(raw: RawArticle): string | null {
  if (raw.raw.length <= MAX_ARTICLE_CHARS) return null;
  const where = `${raw.file}${raw.position !== undefined ? `:${raw.position}` : ''}`;
  return `${where}: the article text is ${raw.raw.length} characters, over the limit of ${MAX_ARTICLE_CHARS} per article (split it into articles)`;
}

function checked(analyse: (raw: RawArticle) => Promise<AnalyzedArticle>) {
  return (raw: RawArticle) => {
    const reason = oversizeReason(raw);
    return reason ? Promise.reject(new Error(reason)) : analyse(raw);
  };
}

export async function openAnalyseStage(opts: AnalyseOptions): Promise<AnalyseStage> {
  if (opts.pool && !opts.nerModelDir) {
    const pool = opts.pool;
    return { analyse: checked((raw) => pool.analyze(raw)), window: pool.size * 8, close: async () => {} };
  }
  const workers = opts.nerModelDir ? 0 : (opts.workers ?? defaultWorkers());
  if (workers > 0) {
    const pool = new AnalysisPool(workers, { budgetSeconds: opts.budgetSeconds });
    return { analyse: checked((raw) => pool.analyze(raw)), window: workers * 8, close: () => pool.close() };
  }
  const analyzer = await createAnalyzer({ nerModelDir: opts.nerModelDir });
  return { analyse: checked((raw) => analyzer.analyze(raw)), window: 1, close: () => analyzer.close() };
}
