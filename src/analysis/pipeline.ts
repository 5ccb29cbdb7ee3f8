// The ordered list of analysis steps. This file is the only place that knows the order; it refuses,
// when loaded, an order in which a step needs a layer that no earlier step adds.
import type { AnalyzedArticle } from '../types.ts';
import type { AnalysisStep, Layer, StepContext } from './step.ts';
import { sentencesStep } from './sentences/index.ts';
import { entitiesStep } from './mentions/index.ts';
import { publishedAtStep, timesStep } from './times/index.ts';
import { figuresStep } from './figures/index.ts';
import { quotesStep } from './quotes/index.ts';

export const steps: readonly AnalysisStep[] = checkStepOrder([
  sentencesStep,
  entitiesStep,
  publishedAtStep,
  timesStep,
  figuresStep,
  quotesStep,
]);

/** Returns `order` when every step's needs are added by an earlier step; throws naming the first
 *  step with a layer no earlier step adds. */
export function checkStepOrder(order: readonly AnalysisStep[]): readonly AnalysisStep[] {
  const added = new Set<Layer>();
  for (const step of order) {
    const missing = step.needs.filter((layer) => !added.has(layer));
    if (missing.length > 0) {
      throw new Error(
        `analysis step "${step.name}" needs the ${missing.join(', ')} layer${missing.length > 1 ? 's' : ''}, which no step before it adds ` +
          `(steps in order: ${order.map((s) => s.name).join(', ')})`,
      );
    }
    for (const layer of step.adds) added.add(layer);
  }
  return order;
}

const selections = new Map<string, readonly AnalysisStep[]>();

/** The registered steps, or those named in `only` (in registered order), checked like the full order. */
export function selectSteps(only?: readonly string[]): readonly AnalysisStep[] {
  if (!only) return steps;
  const key = only.join('\n');
  let selected = selections.get(key);
  if (!selected) {
    const unknown = only.filter((name) => !steps.some((s) => s.name === name));
    if (unknown.length > 0) throw new Error(`no analysis step named ${unknown.join(', ')} (steps: ${steps.map((s) => s.name).join(', ')})`);
    selected = checkStepOrder(steps.filter((s) => only.includes(s.name)));
    selections.set(key, selected);
  }
  return selected;
}

/** Runs every registered step (or those named in `only`) over `doc` (cleaned text, language and
 *  metadata set) and returns the result. */
export function runSteps(doc: AnalyzedArticle, only?: readonly string[], ctx: StepContext = {}): AnalyzedArticle {
  let current = doc;
  for (const step of selectSteps(only)) current = { ...current, ...step.run(current, ctx) };
  return current;
}

/** Like runSteps, but awaits each step's `prepare` before its `run` (needed when the context holds
 *  an asynchronous tagger). */
export async function runStepsAsync(doc: AnalyzedArticle, only?: readonly string[], ctx: StepContext = {}): Promise<AnalyzedArticle> {
  let current = doc;
  for (const step of selectSteps(only)) {
    const stepCtx = step.prepare ? await step.prepare(current, ctx) : ctx;
    current = { ...current, ...step.run(current, stepCtx) };
  }
  return current;
}
