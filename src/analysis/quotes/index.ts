// The quotes layer: who said what. Runs after sentences and entities; see README.md here.
import type { AnalysisStep } from '../step.ts';
import { extractQuotes } from './extract.ts';

export const quotesStep: AnalysisStep = {
  name: 'quotes',
  needs: ['sentences', 'entities'],
  adds: ['quotes'],
  run: (doc) => ({ quotes: extractQuotes(doc) }),
};

export { extractQuotes, extractDrafts } from './extract.ts';
