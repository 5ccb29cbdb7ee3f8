// A small word tokenizer for the quotes layer: words (with inner hyphens and apostrophes),
// initialisms ("U.S."), abbreviations that keep their period ("Mr."), numbers, and single
// punctuation characters, each with exact offsets into the article text.

export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** 'word' | 'num' | 'punct' */
  kind: 'word' | 'num' | 'punct';
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Index of the direct-quote span this token lies inside (marks excluded), or -1. */
  inQuote: number;
}

const TOKEN_RE = /(?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:[-'’‑]\p{L}[\p{L}\p{M}\p{N}]*)*-?|\p{N}+(?:[.,:]\p{N}+)*|\S/gu;
const CAP_RE = /^\p{Lu}/u;
const LETTER_RE = /^\p{L}/u;

/** Tokens of text[start, end). `abbreviations` are lower-cased tokens that keep their period ("mr."). */
export function tokenize(text: string, start: number, end: number, abbreviations: ReadonlySet<string>): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(slice))) {
    let s = start + m.index;
    let e = s + m[0].length;
    let t = m[0];
    if (LETTER_RE.test(t) && text[e] === '.' && e < end) {
      const withDot = (t + '.').toLowerCase();
      // "Mr." and listed abbreviations; single capital initials ("John F. Kennedy").
      if (abbreviations.has(withDot) || /^\p{Lu}$/u.test(t)) {
        e += 1;
        t += '.';
        TOKEN_RE.lastIndex += 1;
      }
    }
    const kind: Token['kind'] = LETTER_RE.test(t) ? 'word' : /^\p{N}/u.test(t) ? 'num' : 'punct';
    out.push({ start: s, end: e, text: t, lower: t.toLowerCase(), kind, cap: CAP_RE.test(t), inQuote: -1 });
    s = e;
  }
  return out;
}

/** True for a possessive word: "Trump’s", "Hamas’s", "Israëls" is not (no apostrophe). */
export function isPossessive(tok: Token): boolean {
  return tok.kind === 'word' && /[’'][sS]$/.test(tok.text);
}

/** Number of word tokens in text[start, end). */
export function countWords(text: string, start: number, end: number): number {
  const m = text.slice(start, end).match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu);
  return m ? m.length : 0;
}
