// Analysis step of the figures layer. It runs after the times step and leaves every number inside a
// time expression alone; when the times layer is missing it detects time expressions itself.
import type { AnalysisStep } from '../step.ts';
import { extractTimes } from '../times/extract.ts';
import { extractFigures } from './extract.ts';

export { extractFigures } from './extract.ts';
export { findNumbers } from './numbers.ts';

export const figuresStep: AnalysisStep = {
  name: 'figures',
  run: (doc) => {
    const times = doc.times && doc.times.length ? doc.times : extractTimes(doc.text, doc.language, doc.publishedAt, doc.sentences);
    return { figures: extractFigures(doc.text, doc.language, doc.sentences, times) };
  },
};
