// Search snippets made from the text itself: the words a query looks for (its positive words and
// phrases, folded as the index folds them) are found in a field, the window of SNIPPET_WORDS words
// holding the most different ones is cut out, and every match is wrapped in [[ ]] (a phrase as one
// mark), with "…" where text was cut. Used by stores whose engine cannot mark matches the way it
// matched them (PostgreSQL's ts_headline parses "57.500" or an e-mail address as one word).
import { foldForSearch } from '../text/fold.ts';
import { positiveTerms, type QueryNode } from './query.ts';
import { SNIPPET_CLOSE, SNIPPET_ELLIPSIS, SNIPPET_OPEN } from './store.ts';

/** Words in a snippet. */
export const SNIPPET_WORDS = 32;

/** A word as written (combining marks included) and where it is. */
const TOKEN = /[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{Co}\p{M}]*/gu;
const WORD = /[\p{L}\p{N}\p{Co}]+/gu;

interface Word {
  folded: string;
  start: number;
  end: number;
}

/** The folded words of a text with the offsets of the written word each comes from. */
function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index!;
    const end = start + m[0].length;
    // ASCII letters and digits fold to lower case alone (the common case, and much faster).
    if (/^[\x00-\x7f]*$/.test(m[0])) out.push({ folded: m[0].toLowerCase(), start, end });
    else for (const folded of foldForSearch(m[0]).match(WORD) ?? []) out.push({ folded, start, end });
  }
  return out;
}

interface Term {
  words: string[];
  prefix: boolean;
  /** A one-word term's other forms found by stem (../stems.ts), the word itself included. */
  variants?: Set<string>;
}

/** The query's words and phrases as folded word sequences. */
export function snippetTerms(tree: QueryNode): Term[] {
  return positiveTerms(tree)
    .map((t) => ({ words: foldForSearch(t.text).match(WORD) ?? [], prefix: t.prefix, variants: t.type === 'term' && t.variants ? new Set(t.variants) : undefined }))
    .filter((t) => t.words.length > 0);
}

/** Matches of the terms in `words`: [first word, word count, term index]. */
function matches(words: Word[], terms: Term[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let i = 0; i < words.length; i++) {
    terms.forEach((t, ti) => {
      const n = t.words.length;
      if (i + n > words.length) return;
      for (let k = 0; k < n; k++) {
        const w = words[i + k].folded;
        const ok = t.variants ? t.variants.has(w) : t.prefix && k === n - 1 ? w.startsWith(t.words[k]) : w === t.words[k];
        if (!ok) return;
      }
      out.push([i, n, ti]);
    });
  }
  return out;
}

/**
 * The snippet of the field holding the most different terms (the first such field: pass the text
 * before dek and title to prefer it on a tie). Fields that are null or empty are skipped.
 */
export function bestSnippet(fields: (string | null)[], terms: Term[], size = SNIPPET_WORDS): string {
  let best: { text: string; words: Word[]; found: [number, number, number][]; distinct: number } | undefined;
  for (const text of fields) {
    if (!text) continue;
    const words = wordsOf(text);
    const found = matches(words, terms);
    const distinct = new Set(found.map((m) => m[2])).size;
    if (!best || distinct > best.distinct) best = { text, words, found, distinct };
  }
  return best ? cut(best.text, best.words, best.found, size) : '';
}

function cut(text: string, words: Word[], found: [number, number, number][], size: number): string {
  if (words.length === 0) return text.slice(0, 200);
  // Best window start: most different terms, then most matches, then earliest; it starts at a match
  // (moved back a few words for context) or at the text's start.
  let best = { start: 0, distinct: -1, count: -1 };
  for (const [first] of [[0], ...found]) {
    const start = Math.max(0, Math.min(first - 3, words.length - size));
    const inside = found.filter(([i, n]) => i >= start && i + n <= start + size);
    const distinct = new Set(inside.map((m) => m[2])).size;
    if (distinct > best.distinct || (distinct === best.distinct && inside.length > best.count)) best = { start, distinct, count: inside.length };
  }
  const last = Math.min(words.length, best.start + size) - 1;
  const from = best.start === 0 ? 0 : words[best.start].start;
  const to = last === words.length - 1 ? text.length : words[last].end;
  // Marks: non-overlapping matches inside the window, earliest first.
  let out = '';
  let at = from;
  let taken = -1;
  for (const [i, n] of found.sort((a, b) => a[0] - b[0] || b[1] - a[1])) {
    if (i <= taken || i < best.start || i + n - 1 > last) continue;
    const s = words[i].start;
    const e = words[i + n - 1].end;
    if (s < at) continue; // another word of the same written word is marked already
    out += text.slice(at, s) + SNIPPET_OPEN + text.slice(s, e) + SNIPPET_CLOSE;
    at = e;
    taken = i + n - 1;
  }
  out += text.slice(at, to);
  return (from > 0 ? SNIPPET_ELLIPSIS : '') + out + (to < text.length ? SNIPPET_ELLIPSIS : '');
}
