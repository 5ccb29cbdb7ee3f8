// Evidence: where in which article something is said — the span, and the sentence around it — so every
// row of a timeline or comparison can be highlighted in its article.
import type { AnalyzedArticle, Sentence } from '../../types.ts';

export interface Evidence {
  articleId: string;
  /** The span itself (offsets into the article's cleaned text). */
  start: number;
  end: number;
  text: string;
  /** The sentence it is in. */
  sentence: { start: number; end: number; text: string };
}

/** Index of the sentence containing `offset` (the last one starting at or before it); -1 when none. */
export function sentenceIndexAt(sentences: Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The sentence around a span (the whole text when the article has no sentences). */
export function sentenceAt(doc: Pick<AnalyzedArticle, 'sentences' | 'text'>, start: number): { start: number; end: number } {
  const i = sentenceIndexAt(doc.sentences, start);
  if (i < 0) return { start: 0, end: doc.text.length };
  return { start: doc.sentences[i].start, end: doc.sentences[i].end };
}

export function evidence(doc: Pick<AnalyzedArticle, 'id' | 'sentences' | 'text'>, start: number, end: number): Evidence {
  const s = sentenceAt(doc, start);
  return {
    articleId: doc.id,
    start,
    end,
    text: doc.text.slice(start, end),
    sentence: { start: s.start, end: s.end, text: doc.text.slice(s.start, s.end).trim() },
  };
}
