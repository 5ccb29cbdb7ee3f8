import type { AnalysisStep } from '../step.ts';
import { segmentSentences } from './segment.ts';

export const sentencesStep: AnalysisStep = {
  name: 'sentences',
  needs: [],
  adds: ['sentences'],
  run: (doc) => ({ sentences: segmentSentences(doc.text, doc.language) }),
};
