// The ordered list of analysis steps. This file is the only place that knows the order.
import type { AnalyzedArticle } from '../types.ts';
import type { AnalysisStep, StepContext } from './step.ts';
import { sentencesStep } from './sentences/index.ts';
import { entitiesStep } from './mentions/index.ts';
import { publishedAtStep, timesStep } from './times/index.ts';
import { figuresStep } from './figures/index.ts';
import { quotesStep } from './quotes/index.ts';

export const steps: AnalysisStep[] = [
  sentencesStep,
  entitiesStep,
  publishedAtStep,
  timesStep,
  figuresStep,
  quotesStep,
];

/** Runs every registered step (or those named in `only`) over `doc` (cleaned text, language and
 *  metadata set) and returns the result. */
export function runSteps(doc: AnalyzedArticle, only?: readonly string[], ctx: StepContext = {}): AnalyzedArticle {
  let current = doc;
  for (const step of steps) {
    if (only && !only.includes(step.name)) continue;
    current = { ...current, ...step.run(current, ctx) };
  }
  return current;
}

/** Like runSteps, but awaits each step's `prepare` before its `run` (needed when the context holds
 *  an asynchronous tagger). */
export async function runStepsAsync(doc: AnalyzedArticle, only?: readonly string[], ctx: StepContext = {}): Promise<AnalyzedArticle> {
  let current = doc;
  for (const step of steps) {
    if (only && !only.includes(step.name)) continue;
    const stepCtx = step.prepare ? await step.prepare(current, ctx) : ctx;
    current = { ...current, ...step.run(current, stepCtx) };
  }
  return current;
}
