// Named-entity mentions of an article: the article's sentences are tokenised (offsets kept) and
// tagged as one document by the statistical tagger; tagged spans, corrected with the language's
// honorifics and titles, become mentions with exact character offsets.
import type { EntityType, Sentence } from '../../types.ts';
import type { NerModel } from './ner/model.ts';
import { tokenize } from './ner/tokenize.ts';
import { tagDocument } from './ner/tagger.ts';
import { spansFromBio } from './ner/tags.ts';
import { entityLanguage, norm, type EntityLanguage } from './language.ts';

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

/** The words of an article: its sentences tokenised (offsets kept), as the taggers see them. */
export interface ArticleWords {
  tokens: DocToken[];
  /** Token range [start, end) of each sentence (sentences without tokens are left out). */
  sentences: { start: number; end: number }[];
  /** The token texts of each sentence. */
  words: string[][];
}

/** Tokenises the sentences of `text`. */
export function tokenizeArticle(text: string, sentences: readonly Sentence[], lang: string): ArticleWords {
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
  return { tokens, sentences: ranges, words };
}

/** Tokenises the sentences of `text` and tags them as one document, with `model` or with a function
 *  that returns BIO tags for the sentences' words (e.g. another tagger's). */
export function tagArticle(
  text: string,
  sentences: readonly Sentence[],
  lang: string,
  model: NerModel | ((words: string[][]) => string[][]),
): TaggedArticle {
  const { tokens, sentences: ranges, words } = tokenizeArticle(text, sentences, lang);
  const tags = typeof model === 'function' ? model(words) : tagDocument(model, words);
  const el = entityLanguage(lang);
  const norms = tokens.map((t) => t.norm);
  const names: NameSpan[] = [];
  tags.forEach((sentTags, si) => {
    const base = ranges[si].start;
    for (const sp of spansFromBio(sentTags)) {
      const n = refineName(tokens, norms, ranges, el, { type: sp.type as EntityType, first: base + sp.start, end: base + sp.end });
      if (n.end > n.first && !allLowerCase(tokens, n)) names.push(n);
    }
  });
  return { tokens, sentences: ranges, names: splitConjoined(names, norms, el) };
}

/**
 * A tagged name with a conjunction inside ("[Deutsche Bank and Gazpromneft]") is two names when the
 * article also names either part on its own ("Deutsche Bank"); names that are one thing with "and"
 * inside ("Bosnia and Herzegovina", "Fish and Wildlife Service") are left whole unless the article
 * writes a part alone.
 */
function splitConjoined(names: NameSpan[], norms: readonly string[], el: EntityLanguage): NameSpan[] {
  if (!el.conjunctions.size) return names;
  const written = (first: number, end: number) => norms.slice(first, end).join(' ');
  const alone = new Map<string, number>();
  for (const n of names) alone.set(written(n.first, n.end), (alone.get(written(n.first, n.end)) ?? 0) + 1);
  const out: NameSpan[] = [];
  for (const n of names) {
    const at: number[] = [];
    for (let k = n.first + 1; k < n.end - 1; k++) if (el.conjunctions.has(norms[k])) at.push(k);
    const parts: NameSpan[] = [];
    let from = n.first;
    for (const k of [...at, n.end]) {
      parts.push({ type: n.type, first: from, end: k });
      from = k + 1;
    }
    const split = parts.length > 1 && parts.every((p) => p.end > p.first) && parts.some((p) => alone.has(written(p.first, p.end)));
    out.push(...(split ? parts : [n]));
  }
  return out;
}

/** Corrects a tagged span with the language's title and honorific data: possessives off the end;
 *  a role phrase ending inside the span is a title before a person ("minister van [Defensie Yoav
 *  Gallant]"); an honorific makes a person ("Mr. Herzog", whatever the tagger called it) and is
 *  stripped, as are capitalised titles the tagger included ("[President Biden]"). */
function refineName(toks: readonly DocToken[], norms: readonly string[], sentences: TaggedArticle['sentences'], el: EntityLanguage, n: NameSpan): NameSpan {
  let { first, end } = n;
  let type = n.type;
  while (end - first > 1 && el.possessives.has(toks[end - 1].norm)) end--;
  // a role phrase that starts before the span and ends inside it is a title, and what follows is a
  // person: "minister van [Defensie Yoav Gallant]" -> "Yoav Gallant"
  if (first > 0 && end - first > 1) {
    const floor = sentences[toks[first].sent].start;
    for (let k = first; k < end - 1; k++) {
      const len = el.roles.endingAt(norms, k, floor);
      if (len > k - first + 1 && toks.slice(k + 1, end).every((t) => /^\p{Lu}/u.test(t.text))) {
        first = k + 1;
        type = 'PER';
        break;
      }
    }
  }
  // a person right after a noun for a kind of organisation is that organisation ("de
  // hulporganisatie [Project Hope]", "the charity [Project Hope]")
  const before = first > 0 && toks[first - 1].sent === toks[first].sent ? toks[first - 1] : null;
  if (type === 'PER' && before && /^\p{Ll}/u.test(before.text) && isOrganisationNoun(el, before.norm)) type = 'ORG';
  // an honorific makes it a person, whatever the tagger said ("Mr. Herzog")
  const honorificBefore = first > 0 && toks[first - 1].sent === toks[first].sent && el.honorifics.has(toks[first - 1].norm);
  if ((end - first > 1 && el.honorifics.has(toks[first].norm)) || (honorificBefore && /^\p{Lu}/u.test(toks[first].text))) type = 'PER';
  if (type === 'PER') {
    for (;;) {
      if (end - first > 1 && el.honorifics.has(toks[first].norm)) {
        first++;
        continue;
      }
      const len = end - first > 1 ? el.roles.startingAt(norms, first, end - 1) : 0;
      if (len && /^\p{Lu}/u.test(toks[first].text)) {
        first += len;
        continue;
      }
      break;
    }
  }
  return { type, first, end };
}

/** A span written in a cased script without a single capital ("60-daagse", "bol.com") is not taken
 *  as a name; spans in scripts without case (Arabic, Hebrew, CJK) are kept. */
function allLowerCase(toks: readonly DocToken[], n: NameSpan): boolean {
  let lower = false;
  for (let k = n.first; k < n.end; k++) {
    const t = toks[k].text;
    if (/[\p{Lu}\p{Lt}]/u.test(t)) return false;
    if (/\p{Ll}/u.test(t)) lower = true;
  }
  return lower;
}

function isOrganisationNoun(el: EntityLanguage, w: string): boolean {
  if (el.organisationNouns.has(w)) return true;
  return el.organisationNounEndings.some((e) => w.length > e.length + 2 && w.endsWith(e));
}
