// The shape of one analysis step: a pure function from the article with the layers computed so far
// to the layer(s) it adds. Steps are registered, in order, in pipeline.ts and nowhere else; each
// declares the layers it reads and those it sets, and pipeline.ts refuses an order in which a step
// would read a layer no earlier step sets.
import type { AnalyzedArticle } from '../types.ts';
import type { AsyncNameTagger, NameTagger } from './mentions/name-tagger.ts';

export type AnalysisInput = Readonly<AnalyzedArticle>;

/** A field of the article that a step sets and later steps may read. The cleaned text, language and
 *  metadata are there before the first step and are not declared. */
export type Layer = keyof AnalyzedArticle;

/** Settings of one analysis run that steps may use instead of their defaults. */
export interface StepContext {
  /** Tags names for the entities step instead of the shipped statistical models. */
  names?: NameTagger;
  /** An asynchronous name tagger (an ONNX model): the entities step tags with it in `prepare`, so
   *  the steps must run with `runStepsAsync`. */
  asyncNames?: AsyncNameTagger;
}

export interface AnalysisStep {
  /** Name of the step (the layer it fills). */
  name: string;
  /** Layers this step reads: each is set by an earlier step. */
  needs: readonly Layer[];
  /** Layers this step sets. */
  adds: readonly Layer[];
  /** Optional asynchronous work before `run` (a model that runs outside the JavaScript thread);
   *  returns the context `run` gets. Only `runStepsAsync` calls it. */
  prepare?(doc: AnalysisInput, ctx: StepContext): Promise<StepContext>;
  /** Returns the fields of the article this step sets; it must not mutate `doc`. */
  run(doc: AnalysisInput, ctx?: StepContext): Partial<AnalyzedArticle>;
}
