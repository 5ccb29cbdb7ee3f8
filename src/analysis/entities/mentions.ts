// Named-entity mentions of an article: the article's sentences are tokenised (offsets kept) and
// tagged as one document by the statistical tagger; tagged spans become mentions with exact
// character offsets.
import type { EntityType, Sentence } from '../../types.ts';
import type { NerModel } from './ner/model.ts';
import { tokenize } from './ner/tokenize.ts';
import { tagDocument } from './ner/tagger.ts';
import { spansFromBio } from './ner/tags.ts';
import { norm } from './language.ts';

export interface DocToken {
  text: string;
  start: number;
  end: number;
  /** Lowercased, typographically folded text. */
  norm: string;
  /** Index of the sentence the token is in. */
  sent: number;
}

/** A tagged name over tokens [first, end). */
export interface NameSpan {
  type: EntityType;
  first: number;
  end: number;
}

export interface TaggedArticle {
  tokens: DocToken[];
  /** Token range [start, end) of each sentence. */
  sentences: { start: number; end: number }[];
  names: NameSpan[];
}

/** Tokenises the sentences of `text` and tags them with `model` as one document. */
export function tagArticle(text: string, sentences: readonly Sentence[], lang: string, model: NerModel): TaggedArticle {
  const tokens: DocToken[] = [];
  const ranges: { start: number; end: number }[] = [];
  const words: string[][] = [];
  sentences.forEach((s) => {
    const toks = tokenize(text, lang, s.start, s.end);
    if (!toks.length) return;
    const si = ranges.length;
    ranges.push({ start: tokens.length, end: tokens.length + toks.length });
    for (const t of toks) tokens.push({ ...t, norm: norm(t.text), sent: si });
    words.push(toks.map((t) => t.text));
  });
  const tags = tagDocument(model, words);
  const names: NameSpan[] = [];
  tags.forEach((sentTags, si) => {
    const base = ranges[si].start;
    for (const sp of spansFromBio(sentTags)) names.push({ type: sp.type as EntityType, first: base + sp.start, end: base + sp.end });
  });
  return { tokens, sentences: ranges, names };
}
