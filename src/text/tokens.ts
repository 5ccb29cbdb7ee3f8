// Tokens: pieces of a text with their offsets into it (text === source.slice(start, end)). One Token
// type; the tokenizers differ on purpose, each keeping the boundaries its step was built on:
//   conllTokens   CoNLL-style tokens, the boundaries the name tagger's models in models/ner were
//                 trained on (a changed boundary changes every entity: change nothing here lightly)
//   wordTokens    words (inner hyphens and apostrophes kept), numbers and single punctuation marks,
//                 with their word class (the quotes step)
//   segmentWords  Unicode word segmentation, folded (story features; works without spaces too)
//   nameWords     the words of one short name (hyphens, slashes and a glued dot separate)
//   countWords    how many words a stretch of text has
import { foldCaseAndAccents } from './fold.ts';
import { DEFAULT_LANGUAGE } from '../lang/registry.ts';
import { segmentText } from './segments.ts';

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** A token with its lower-case form and word class. */
export interface WordToken extends Token {
  lower: string;
  kind: 'word' | 'num' | 'punct';
  /** Starts with an upper-case letter. */
  cap: boolean;
}

/** A token with its folded form (see fold.ts for the fold used). */
export interface FoldedToken extends Token {
  folded: string;
}

// ---------------------------------------------------------------------------------------------
// CoNLL-style tokens: punctuation split off words, abbreviations and initials keep their period
// ("U.S.", "Mr.", "J."), hyphenated words stay whole ("Israel-Gaza"), the clitics given split off
// ("Trump's" -> "Trump 's" in English; Dutch keeps "programma's").

/** What a language tells the CoNLL tokenizer. */
export interface ConllRules {
  /** Words that keep their final period ("Mr.", "Jan."), case-sensitive. */
  abbreviations: ReadonlySet<string>;
  /** Word endings split off as their own token, lower case with ' for ’, longest first. */
  clitics: readonly string[];
}

const OPENERS = new Set(['"', '“', '„', '«', '‹', '(', '[', '{', '<', '‘', '‚', "'", '`', '¿', '¡', '*']);
const CLOSERS = new Set(['"', '”', '»', '›', ')', ']', '}', '>', '’', "'", ',', ';', ':', '!', '?', '*', '…']);
const DASHES = /[\u2013\u2014\u2015]|--+/;

/** CoNLL-style tokens of text[start, end), with absolute offsets. */
export function conllTokens(text: string, rules: ConllRules, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const chunkRe = /\S+/g;
  chunkRe.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = chunkRe.exec(text)) && m.index < end) {
    const s = m.index;
    const e = Math.min(s + m[0].length, end);
    splitChunk(text, s, e, rules, out);
  }
  return out;
}

function splitChunk(text: string, s: number, e: number, r: ConllRules, out: Token[]): void {
  const chunk = text.slice(s, e);
  // URLs and e-mail addresses stay whole (minus trailing punctuation)
  if (/^(https?:\/\/|www\.)|^[^@\s]+@[^@\s]+\.[a-z]{2,}/i.test(chunk)) {
    let end = e;
    while (end > s + 1 && /[.,;:!?)"'”’\]]/.test(text[end - 1])) end--;
    out.push({ text: text.slice(s, end), start: s, end });
    for (let k = end; k < e; k++) out.push({ text: text[k], start: k, end: k + 1 });
    return;
  }
  // markup left in scraped text ("Trump,<a"), slashes between words ("Hockstein/Pool/AFP")
  const cut = (/:\/\/|www\./.test(chunk) ? /[<>]/ : /[<>]|(?<=\p{L})\/(?=\p{L})/u).exec(chunk);
  if (cut && chunk.length > 1) {
    const cs = s + cut.index;
    if (cs > s) splitChunk(text, s, cs, r, out);
    out.push({ text: text[cs], start: cs, end: cs + 1 });
    if (cs + 1 < e) splitChunk(text, cs + 1, e, r, out);
    return;
  }
  // dashes between words: "Gaza—maar", "Israel–Hamas"
  const dash = DASHES.exec(chunk);
  if (dash && chunk.length > dash[0].length) {
    const ds = s + dash.index;
    const de = ds + dash[0].length;
    if (ds > s) splitChunk(text, s, ds, r, out);
    out.push({ text: text.slice(ds, de), start: ds, end: de });
    if (de < e) splitChunk(text, de, e, r, out);
    return;
  }
  const head: Token[] = [];
  const tail: Token[] = [];
  let a = s;
  let b = e;
  // leading openers; an apostrophe stays before digits ('81) and short Dutch forms ('t, 's-Hertogenbosch)
  while (a < b - 1 && OPENERS.has(text[a])) {
    if (/['‘’`]/.test(text[a]) && (/^['‘’`]\d/.test(text.slice(a, b)) || /^['‘’`][a-z]{1,2}(-|$)/.test(text.slice(a, b)))) break;
    head.push({ text: text[a], start: a, end: a + 1 });
    a++;
  }
  // trailing closers and punctuation
  for (;;) {
    if (b - a <= 1) break;
    const c = text[b - 1];
    if (c === '.') {
      const word = text.slice(a, b);
      if (/\.\.\.$/.test(word)) {
        let k = b;
        while (k > a && text[k - 1] === '.') k--;
        if (k === a) break;
        tail.unshift({ text: text.slice(k, b), start: k, end: b });
        b = k;
        continue;
      }
      if (keepsPeriod(word, r)) break;
      tail.unshift({ text: '.', start: b - 1, end: b });
      b--;
      continue;
    }
    if (CLOSERS.has(c)) {
      // apostrophe of a plural possessive stays a separate token ("Gazans '"), as in CoNLL
      tail.unshift({ text: c, start: b - 1, end: b });
      b--;
      continue;
    }
    break;
  }
  // clitics: "Trump's" -> "Trump" "'s"
  if (b - a > 1 && r.clitics.length) {
    const word = text.slice(a, b).toLowerCase().replace(/[’‘`]/g, "'");
    for (const cl of r.clitics) {
      if (word.length > cl.length && word.endsWith(cl)) {
        const k = b - cl.length;
        tail.unshift({ text: text.slice(k, b), start: k, end: b });
        b = k;
        break;
      }
    }
  }
  out.push(...head);
  if (b > a) {
    // run-on sentences without a space: "well.He"
    const word = text.slice(a, b);
    const runOn = /^(\p{Ll}{2,})\.(\p{Lu}\p{Ll}+)$/u.exec(word);
    if (runOn) {
      const k = a + runOn[1].length;
      out.push({ text: runOn[1], start: a, end: k }, { text: '.', start: k, end: k + 1 }, { text: runOn[2], start: k + 1, end: b });
    } else out.push({ text: word, start: a, end: b });
  }
  out.push(...tail);
}

function keepsPeriod(word: string, r: ConllRules): boolean {
  if (r.abbreviations.has(word)) return true;
  // initials and dotted initialisms: "J.", "U.S.", "a.m."
  if (/^(\p{L}\.)+$/u.test(word)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Word tokens: words (with inner hyphens and apostrophes), initialisms ("U.S."), abbreviations that
// keep their period ("Mr."), numbers, and single punctuation characters.

const WORD_TOKEN_RE = /(?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:[-'’‑]\p{L}[\p{L}\p{M}\p{N}]*)*-?|\p{N}+(?:[.,:]\p{N}+)*|\S/gu;
const CAP_RE = /^\p{Lu}/u;
const LETTER_RE = /^\p{L}/u;

/** Word tokens of text[start, end). `abbreviations` are lower-cased words that keep their period ("mr."). */
export function wordTokens(text: string, start: number, end: number, abbreviations: ReadonlySet<string>): WordToken[] {
  const out: WordToken[] = [];
  const slice = text.slice(start, end);
  WORD_TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_TOKEN_RE.exec(slice))) {
    const s = start + m.index;
    let e = s + m[0].length;
    let t = m[0];
    if (LETTER_RE.test(t) && text[e] === '.' && e < end) {
      const withDot = (t + '.').toLowerCase();
      // "Mr." and listed abbreviations; single capital initials ("John F. Kennedy").
      if (abbreviations.has(withDot) || /^\p{Lu}$/u.test(t)) {
        e += 1;
        t += '.';
        WORD_TOKEN_RE.lastIndex += 1;
      }
    }
    const kind: WordToken['kind'] = LETTER_RE.test(t) ? 'word' : /^\p{N}/u.test(t) ? 'num' : 'punct';
    out.push({ start: s, end: e, text: t, lower: t.toLowerCase(), kind, cap: CAP_RE.test(t) });
  }
  return out;
}

/** True for a possessive word: "Trump’s", "Hamas’s"; "Israëls" is not (no apostrophe). */
export function isPossessive(tok: WordToken): boolean {
  return tok.kind === 'word' && /[’'][sS]$/.test(tok.text);
}

/** Number of words (letters or digits, joined by inner hyphens and apostrophes) in text[start, end). */
export function countWords(text: string, start: number, end: number): number {
  const m = text.slice(start, end).match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu);
  return m ? m.length : 0;
}

// ---------------------------------------------------------------------------------------------
// Segmented words: Unicode word segmentation (Intl.Segmenter), so languages without spaces work too.

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(language: string): Intl.Segmenter {
  let s = segmenters.get(language);
  if (!s) {
    try {
      s = new Intl.Segmenter(language, { granularity: 'word' });
    } catch {
      s = new Intl.Segmenter(DEFAULT_LANGUAGE, { granularity: 'word' });
    }
    segmenters.set(language, s);
  }
  return s;
}

/** The word-like segments of `text` (letters or digits) with offsets, folded by foldCaseAndAccents. */
export function segmentWords(text: string, language: string): FoldedToken[] {
  const out: FoldedToken[] = [];
  for (const seg of segmentText(segmenter(language), text)) {
    if (!seg.isWordLike) continue;
    out.push({ folded: foldCaseAndAccents(seg.segment), text: seg.segment, start: seg.index, end: seg.index + seg.segment.length });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Name words.

/**
 * The words of a short name as written: separated by spaces, hyphens, slashes, and by a dot glued
 * to a capitalised word ("Gov.Sarah"); a word keeps its final dot ("Mr.", "U.S.").
 */
export function nameWords(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/(?:[^\s\-‐‑–—\/.]|\.(?!\p{Lu}\p{Ll}))+\.?/gu)) {
    const start = m.index ?? 0;
    out.push({ text: m[0], start, end: start + m[0].length });
  }
  return out;
}
