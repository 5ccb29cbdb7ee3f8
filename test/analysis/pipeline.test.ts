// The order of the analysis steps: each step's needs are added by an earlier step.
import { describe, expect, it } from 'vitest';
import { checkStepOrder, selectSteps, steps } from '../../src/analysis/pipeline.ts';
import { sentencesStep } from '../../src/analysis/sentences/index.ts';
import { publishedAtStep, timesStep } from '../../src/analysis/times/index.ts';
import { figuresStep } from '../../src/analysis/figures/index.ts';
import { quotesStep } from '../../src/analysis/quotes/index.ts';

describe('analysis step order', () => {
  it('accepts the registered order', () => {
    expect(checkStepOrder(steps)).toBe(steps);
    expect(steps.map((s) => s.name)).toEqual(['sentences', 'entities', 'publishedAt', 'times', 'figures', 'quotes']);
  });

  it('refuses a step whose needed layer no earlier step adds, naming the step and the layer', () => {
    expect(() => checkStepOrder([sentencesStep, publishedAtStep, figuresStep, timesStep])).toThrow(
      /analysis step "figures" needs the times layer, which no step before it adds/,
    );
    expect(() => checkStepOrder([sentencesStep, quotesStep])).toThrow(/"quotes" needs the entities layer/);
  });

  it('checks a selection of steps the same way', () => {
    expect(selectSteps(['sentences', 'entities']).map((s) => s.name)).toEqual(['sentences', 'entities']);
    expect(() => selectSteps(['sentences', 'figures'])).toThrow(/"figures" needs the times layer/);
    expect(() => selectSteps(['sentences', 'nouns'])).toThrow(/no analysis step named nouns/);
  });
});
