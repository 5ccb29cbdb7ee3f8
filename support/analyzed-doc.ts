// An AnalyzedArticle around a text, for the tests and benches that run one analysis step on it: the
// sentences from the real segmenter (the step that runs first), every other layer empty and no
// metadata, unless `fields` gives them. No vitest here: bench/ scripts import it too.
import { segmentSentences } from '../src/analysis/sentences/segment.ts';
import type { AnalyzedArticle } from '../src/types.ts';

export function analyzedDoc(text: string, language: string, fields: Partial<AnalyzedArticle> = {}): AnalyzedArticle {
  return {
    file: 'test',
    id: 'test',
    title: null,
    dek: null,
    byline: null,
    source: null,
    url: null,
    language,
    languageConfidence: 1,
    languageSupported: true,
    publishedAt: null,
    publishedAtFrom: 'none',
    text,
    removed: [],
    headings: [],
    sentences: fields.sentences ?? segmentSentences(text, language),
    entities: [],
    quotes: [],
    figures: [],
    times: [],
    ...fields,
  };
}
