// Annotated CoNLL data for training and evaluation: documents of sentences with gold entity spans.
import { readFileSync } from 'node:fs';
import { goldTags, parseConll } from '../../src/analysis/mentions/ner/conll.ts';
import { type TokenSpan, spansFromBio } from '../../src/analysis/mentions/ner/tags.ts';

export interface LabelledDoc {
  sentences: string[][];
  spans: TokenSpan[][];
  /** 0 for the model's own language, 1 for extra training data of another language. */
  domain?: number;
}

/** Reads an annotated CoNLL file (IOB1 or IOB2 in the last column). */
export function readLabelled(file: string): LabelledDoc[] {
  return parseConll(readFileSync(file, 'utf8'))
    .map((d) => ({
      sentences: d.sentences.map((s) => s.words),
      spans: d.sentences.map((s) => spansFromBio(goldTags(s))),
    }))
    .filter((d) => d.sentences.length > 0);
}

export function countTokens(docs: readonly LabelledDoc[]): number {
  let n = 0;
  for (const d of docs) for (const s of d.sentences) n += s.length;
  return n;
}
