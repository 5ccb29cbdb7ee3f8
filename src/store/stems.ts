// Search by stem: a query word finds the other forms of the word in every language Dossier stems
// ("elections" finds "election", "négociations" finds "négociation", "Verhandlungen" finds
// "Verhandlung"), while a quoted phrase and a prefix (ceasefi*) stay exact.
//
// The full-text index keeps the words as written (folded: case and diacritics off), so phrases,
// highlights and snippets still point at the text itself. Next to it the store keeps a small table
// `search_stems (lang, stem, word)`: each distinct word of an article with its stem in the article's
// language. A query word is stemmed with every language's stemmer (a query of one or two words has no
// reliable language of its own); the words stored under those stems, and the word itself, become
// an OR of exact words, which both engines match and mark as usual.
//
// Stemmers: Snowball's algorithms. @orama/stemmers (generated from Snowball to JavaScript) for every
// language but English, where it has only Porter's first algorithm ("news" -> "new"); English is
// wink-porter2-stemmer (Porter2, Snowball's English, "news" -> "news"). A stem is made from the word in lower case with its accents (the algorithms
// read them: "négociations" -> "négoci"), then folded as the index folds words.
import { stemmer as danish } from '@orama/stemmers/danish';
import { stemmer as dutch } from '@orama/stemmers/dutch';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as italian } from '@orama/stemmers/italian';
import { stemmer as norwegian } from '@orama/stemmers/norwegian';
import { stemmer as portuguese } from '@orama/stemmers/portuguese';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import { stemmer as swedish } from '@orama/stemmers/swedish';
import english from 'wink-porter2-stemmer';
import { foldForSearch } from '../text/fold.ts';
import type { QueryNode } from './query.ts';

/** The stemmer of each language code (ISO 639-1) that has one. */
const STEMMERS: Readonly<Record<string, (word: string) => string>> = {
  da: danish,
  de: german,
  en: english,
  es: spanish,
  fr: french,
  it: italian,
  nb: norwegian,
  nl: dutch,
  no: norwegian,
  pt: portuguese,
  sv: swedish,
};

/** The languages whose words are stemmed. */
export const STEM_LANGUAGES: readonly string[] = Object.keys(STEMMERS).sort();

/** A query word finds at most this many stored forms (the most common stems have a few dozen). */
export const MAX_VARIANTS = 64;

/** A word as written (combining marks included), as the snippet maker reads text. */
const TOKEN = /[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{Co}\p{M}]*/gu;
const WORD = /^[\p{L}\p{N}\p{Co}]+$/u;
const LETTER = /\p{L}/u;

/** The folded stem of one written word in `lang`, or undefined when it is not a word to stem. */
function stemOf(stem: (w: string) => string, written: string): string | undefined {
  if (!LETTER.test(written)) return undefined;
  const lower = written.normalize('NFC').toLowerCase();
  const s = foldForSearch(stem(lower));
  return s === '' ? undefined : s;
}

/** The word as the index holds it: one folded word, or undefined when folding splits or empties it. */
function indexed(written: string): string | undefined {
  const f = foldForSearch(written);
  return WORD.test(f) ? f : undefined;
}

/**
 * The (word, stem) pairs of an article's fields in its language: each distinct indexed word with
 * its folded stem. Empty for a language without a stemmer. `skip` leaves out words already stored.
 */
export function stemPairs(lang: string, fields: readonly (string | null | undefined)[], skip?: (word: string) => boolean): [word: string, stem: string][] {
  const stem = STEMMERS[lang];
  if (!stem) return [];
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const field of fields) {
    if (!field) continue;
    for (const m of field.matchAll(TOKEN)) {
      const written = m[0];
      const word = indexed(written);
      if (word === undefined || seen.has(word)) continue;
      seen.add(word);
      if (skip?.(word)) continue;
      const s = stemOf(stem, written);
      if (s !== undefined) out.push([word, s]);
    }
  }
  return out;
}

/** One stem to look up: the stem of a query word in one language. */
export interface StemKey {
  lang: string;
  stem: string;
}

/** The stored words under some stems: `lang` `stem` -> words (the store's `search_stems` rows). */
export type StemLookup = (keys: StemKey[]) => Promise<{ lang: string; stem: string; word: string }[]>;

/** The stems of one query word in every stemmed language (none when it is not one word). */
function queryStems(text: string): StemKey[] {
  if (indexed(text) === undefined) return [];
  const keys: StemKey[] = [];
  for (const lang of STEM_LANGUAGES) {
    const stem = stemOf(STEMMERS[lang], text);
    if (stem !== undefined) keys.push({ lang, stem });
  }
  return keys;
}

/** Each (not prefixed) single-word term of a tree, excluded ones too. */
function stemmedTerms(node: QueryNode, out: Extract<QueryNode, { type: 'term' }>[] = []): Extract<QueryNode, { type: 'term' }>[] {
  if (node.type === 'term') {
    if (!node.prefix) out.push(node);
  } else if (node.type === 'not') stemmedTerms(node.child, out);
  else if (node.type === 'and' || node.type === 'or') for (const c of node.children) stemmedTerms(c, out);
  return out;
}

/**
 * The tree with each single, unquoted, not-prefixed word given its `variants`: the word itself
 * (folded) and the stored words that share its stem in some language, at most MAX_VARIANTS, in
 * code-point order after the word itself. Phrases, prefixes and words that fold to several words
 * ("cease-fire") are left exact. One lookup for the whole query.
 */
export async function withStems(tree: QueryNode, lookup: StemLookup): Promise<QueryNode> {
  const terms = stemmedTerms(tree);
  const stemsOf = new Map(terms.map((t) => [t, queryStems(t.text)]));
  const keys = new Map<string, StemKey>();
  for (const ks of stemsOf.values()) for (const k of ks) keys.set(`${k.lang}\u0000${k.stem}`, k);
  if (keys.size === 0) return tree;
  const found = new Map<string, Set<string>>();
  for (const r of await lookup([...keys.values()])) {
    const key = `${r.lang}\u0000${r.stem}`;
    let words = found.get(key);
    if (!words) found.set(key, (words = new Set()));
    words.add(r.word);
  }
  const variantsOf = (t: Extract<QueryNode, { type: 'term' }>): string[] | undefined => {
    const self = indexed(t.text);
    if (self === undefined) return undefined;
    const others = new Set<string>();
    for (const k of stemsOf.get(t) ?? []) for (const w of found.get(`${k.lang}\u0000${k.stem}`) ?? []) if (w !== self) others.add(w);
    return [self, ...[...others].sort().slice(0, MAX_VARIANTS - 1)];
  };
  const rewrite = (node: QueryNode): QueryNode => {
    switch (node.type) {
      case 'term': {
        const variants = node.prefix ? undefined : variantsOf(node);
        return variants && variants.length > 1 ? { ...node, variants } : node;
      }
      case 'phrase':
        return node;
      case 'not':
        return { ...node, child: rewrite(node.child) };
      case 'and':
        return { ...node, children: node.children.map(rewrite) };
      case 'or':
        return { ...node, children: node.children.map(rewrite) };
    }
  };
  return rewrite(tree);
}

/** A process-side memory of the (lang, word) pairs a store holds, so an ingest writes only new ones.
 *  Bounded; `forget` after a rolled-back write (its pairs were never stored). */
export class StoredStems {
  private seen = new Set<string>();
  constructor(private readonly max = 300_000) {}
  has(lang: string, word: string): boolean {
    return this.seen.has(`${lang}\u0000${word}`);
  }
  add(lang: string, word: string): void {
    if (this.seen.size >= this.max) this.seen.clear();
    this.seen.add(`${lang}\u0000${word}`);
  }
  forget(): void {
    this.seen.clear();
  }
}
