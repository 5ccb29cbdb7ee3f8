// Analysis steps of the times layer. Order in the pipeline: publishedAtStep, then timesStep (which
// resolves against the publishedAt the first one may have filled in).
import type { AnalysisStep } from '../step.ts';
import { extractTimes } from './extract.ts';
import { inferPublishedAt } from './published-at.ts';

export { extractTimes } from './extract.ts';
export { inferPublishedAt } from './published-at.ts';
export { happeningPrecision, isHappening } from './happening.ts';

/** Fills publishedAt from the text when nothing else found it (publishedAtFrom 'none'); see published-at.ts. */
export const publishedAtStep: AnalysisStep = {
  name: 'publishedAt',
  needs: ['sentences'],
  adds: ['publishedAt', 'publishedAtFrom'],
  run: (doc) => {
    if (doc.publishedAtFrom !== 'none') return {};
    const date = inferPublishedAt(doc.text, doc.language, doc.sentences);
    return date ? { publishedAt: date, publishedAtFrom: 'text' } : {};
  },
};

/** Time expressions, resolved against publishedAt when known. */
export const timesStep: AnalysisStep = {
  name: 'times',
  needs: ['sentences', 'publishedAt'],
  adds: ['times'],
  run: (doc) => ({ times: extractTimes(doc.text, doc.language, doc.publishedAt, doc.sentences) }),
};
