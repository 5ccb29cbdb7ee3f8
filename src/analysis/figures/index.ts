// Analysis step of the figures layer. It runs after the times step and leaves every number inside a
// time expression alone.
import type { AnalysisStep } from '../step.ts';
import { extractFigures } from './extract.ts';

export { extractFigures } from './extract.ts';
export { findNumbers } from './numbers.ts';

export const figuresStep: AnalysisStep = {
  name: 'figures',
  needs: ['sentences', 'times'],
  adds: ['figures'],
  run: (doc) => ({ figures: extractFigures(doc.text, doc.language, doc.sentences, doc.times) }),
};
