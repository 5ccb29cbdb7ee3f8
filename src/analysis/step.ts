// The shape of one analysis step: a pure function from the article with the layers computed so far
// to the layer(s) it adds. Steps are registered, in order, in pipeline.ts and nowhere else.
import type { AnalyzedArticle } from '../types.ts';

export type AnalysisInput = Readonly<AnalyzedArticle>;

export interface AnalysisStep {
  /** Name of the step (the layer it fills). */
  name: string;
  /** Returns the fields of the article this step sets; it must not mutate `doc`. */
  run(doc: AnalysisInput): Partial<AnalyzedArticle>;
}
