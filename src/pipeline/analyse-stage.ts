// The clean + analyse stages of the pipeline (src/analyze.ts: clean -> detect language -> analysis
// steps), on worker threads or on the main thread. The pipeline consumes the results in input order.
import { createAnalyzer } from '../analyze.ts';
import type { AnalyzedArticle, RawArticle } from '../types.ts';
import { AnalysisPool, defaultWorkers } from './analysis-pool.ts';

export interface AnalyseOptions {
  /** Tag names with this local ONNX model instead of the shipped ones (`--ner-model`). */
  nerModelDir?: string;
  /** Analysis worker threads (default: one per core); 0 analyses on the main thread. An ONNX model
   *  (`nerModelDir`) always runs on the main thread: its runtime has threads of its own. */
  workers?: number;
}

export interface AnalyseStage {
  analyse(raw: RawArticle): Promise<AnalyzedArticle>;
  /** Articles analysed ahead of the one being stored (enough to keep every worker busy). */
  readonly window: number;
  close(): Promise<void>;
}

export async function openAnalyseStage(opts: AnalyseOptions): Promise<AnalyseStage> {
  const workers = opts.nerModelDir ? 0 : (opts.workers ?? defaultWorkers());
  if (workers > 0) {
    const pool = new AnalysisPool(workers);
    return { analyse: (raw) => pool.analyze(raw), window: workers * 8, close: () => pool.close() };
  }
  const analyzer = await createAnalyzer({ nerModelDir: opts.nerModelDir });
  return { analyse: (raw) => analyzer.analyze(raw), window: 1, close: () => analyzer.close() };
}
