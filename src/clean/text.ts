// Whitespace normalisation, paragraph splitting and small text tests shared by the cleaning rules.
import { cleanRules } from './data.ts';

/** Space-like characters that become a plain space (NBSP, tabs, Unicode spaces). */
const SPACES = /[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/** Invisible characters that are dropped (zero-width space, word joiner, BOM, soft hyphen). */
const INVISIBLE = /[\u200B\u2060\uFEFF\u00AD]/g;

/** Unicode NFC, one kind of line break, no BOM. */
export function normaliseLineBreaks(s: string): string {
  return s.normalize('NFC').replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n');
}

/** One line with its inner whitespace normalised: single spaces, no leading/trailing space. */
export function normaliseSpaces(line: string): string {
  return line.replace(INVISIBLE, '').replace(SPACES, ' ').replace(/ {2,}/g, ' ').trim();
}

export interface RawParagraph {
  text: string;
  /** A blank line follows it in the input. */
  blankAfter: boolean;
}

/** A line that starts a list item ("- x", "• x", "1. x"). */
const LIST_ITEM = /^(?:[-*•–—]|\d{1,2}[.)])\s/u;

/** True when the lines of a block look hard-wrapped (one paragraph broken at a fixed width). */
function isHardWrapped(lines: string[]): boolean {
  if (lines.length < 3) return false;
  const body = lines.slice(0, -1);
  const lengths = body.map((l) => l.length);
  const min = Math.min(...lengths);
  const max = Math.max(...lengths);
  if (min < 40 || max > 100 || max - min > 30) return false;
  if (lines.some((l) => LIST_ITEM.test(l))) return false;
  const open = body.filter((l) => !/[.!?:"”’]$/.test(l)).length;
  return open * 2 >= body.length;
}

/**
 * Splits text into paragraphs: blocks are separated by blank lines; inside a block every line is
 * its own paragraph (scraped text often uses single line breaks), unless the block is hard-wrapped.
 */
export function splitParagraphs(text: string): RawParagraph[] {
  const out: RawParagraph[] = [];
  const blocks = normaliseLineBreaks(text).split(/\n[ \t\u00A0]*\n/);
  for (const block of blocks) {
    const lines = block.split('\n').map(normaliseSpaces).filter((l) => l.length > 0);
    if (lines.length === 0) continue;
    const paras = isHardWrapped(lines) ? [lines.join(' ')] : lines;
    paras.forEach((p, i) => out.push({ text: p, blankAfter: i === paras.length - 1 }));
  }
  if (out.length > 0) out[out.length - 1].blankAfter = false;
  return out;
}

export function words(s: string): string[] {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

export function wordCount(s: string): number {
  return words(s).length;
}

/** Closing quotes and brackets that may follow a sentence's final punctuation. */
const CLOSERS = /["'”’»)\]]+$/u;

/** The text without trailing closing quotes/brackets. */
export function stripClosers(s: string): string {
  return s.replace(CLOSERS, '');
}

/** Ends in sentence-final punctuation (possibly inside closing quotes). */
export function endsSentence(s: string): boolean {
  return /[.!?…]$/u.test(stripClosers(s.trimEnd()));
}

/** Ends with a period or ellipsis (a statement), quotes aside. */
export function endsWithPeriod(s: string): boolean {
  return /[.…]$/u.test(stripClosers(s.trimEnd()));
}

/** True when the token (with its final dot) is an abbreviation or initial, not a sentence end. */
export function isAbbreviation(token: string): boolean {
  if (cleanRules().abbreviations.has(token)) return true;
  if (/^\p{Lu}\.$/u.test(token)) return true; // initial "J."
  if (/^(?:\p{L}\.){2,}$/u.test(token)) return true; // "U.S.", "d.w.z."
  return false;
}

/** True when a sentence ends inside the text (". Next"), abbreviations and initials aside. */
export function hasInnerSentenceBreak(s: string): boolean {
  const re = /(\S+?)([.!?…])["'”’»)]*\s+(?=["“‘«(]?[\p{Lu}\p{N}])/gu;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m[2] === '.' && isAbbreviation(m[1].replace(/^[^\p{L}\p{N}]+/u, '') + '.')) continue;
    return true;
  }
  return false;
}

/** Share (0..1) of the words of 4+ letters that start with a capital letter. */
export function capitalisedShare(s: string): number {
  const long = words(s)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => /^\p{L}{4,}/u.test(w));
  if (long.length === 0) return 0;
  return long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length;
}

/** Starts like a title or sentence: a capital letter, digit, currency sign or opening quote
 *  (or a word like "iPhone"). */
export function startsCapitalised(s: string): boolean {
  return /^["“‘«'(]?(?:[\p{Lu}\p{N}\p{Sc}]|\p{Ll}{1,2}\p{Lu})/u.test(s);
}

/** Starts like the continuation of the previous line: a lower-case word or ",", ".", ";", ")". */
export function startsAsContinuation(s: string): boolean {
  return /^(?:[,.;:)]|\p{Ll}(?!\p{Ll}?\p{Lu}))/u.test(s);
}

/** Comparison key for titles: case, quotes, dashes, punctuation and spacing ignored. */
export function titleKey(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’“”"'«»„`´]/g, '')
    .replace(/[\u2010-\u2015-]/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
