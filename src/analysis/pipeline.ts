// The ordered list of analysis steps. This file is the only place that knows the order.
import type { AnalyzedArticle } from '../types.ts';
import type { AnalysisStep } from './step.ts';
import { sentencesStep } from './sentences/index.ts';
import { entitiesStep } from './entities/index.ts';
import { publishedAtStep, timesStep } from './times/index.ts';
import { quantitiesStep } from './quantities/index.ts';
import { quotesStep } from './quotes/index.ts';

export const steps: AnalysisStep[] = [
  sentencesStep,
  entitiesStep,
  publishedAtStep,
  timesStep,
  quantitiesStep,
  quotesStep,
];

/** Runs every registered step over `doc` (cleaned text, language and metadata set) and returns the result. */
export function runSteps(doc: AnalyzedArticle, only?: string[]): AnalyzedArticle {
  let current = doc;
  for (const step of steps) {
    if (only && !only.includes(step.name)) continue;
    current = { ...current, ...step.run(current) };
  }
  return current;
}
