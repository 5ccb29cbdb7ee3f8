// The article as the quotes layer sees it: tokens (with the quotation each lies in), units,
// paragraphs, and word-class predicates backed by the language's quotes.json.
import type { Sentence } from '../../types.ts';
import { compoundTitle, sourceNounNumber, type Lexicon } from './lexicon.ts';
import { findQuoteSpans, type QuoteSpan } from './marks.ts';
import { isPossessive, wordTokens, type WordToken } from '../../text/tokens.ts';
import type { Gender } from '../../text/gender.ts';
import { buildUnits, paragraphsOf, type Paragraph, type Unit } from './units.ts';

export interface TitleMatch {
  /** Token range [start, end) of the title. */
  start: number;
  end: number;
  words: string;
  gender?: Gender;
}

/** A word token of the article and the direct quotation it lies in. */
interface QuoteToken extends WordToken {
  /** Index of the direct-quote span this token lies inside (marks excluded), or -1. */
  inQuote: number;
}

export class DocContext {
  readonly paragraphs: Paragraph[];
  readonly spans: QuoteSpan[];
  readonly units: Unit[];
  readonly toks: QuoteToken[];
  /** Token index range [first, last) of each unit. */
  readonly unitToks: { first: number; last: number }[];
  /** True for a token that starts its unit or follows an opening mark, colon or dash. */
  readonly initial: boolean[];
  /** Lower-cased words the article also writes in lower case (so a capitalised one is not a name). */
  private readonly lowerWords: Set<string>;

  constructor(
    readonly text: string,
    sentences: readonly Sentence[],
    readonly lex: Lexicon,
  ) {
    this.paragraphs = paragraphsOf(text);
    this.spans = this.paragraphs.flatMap((p, i) => findQuoteSpans(text, p.start, p.end, lex, this.paragraphs[i + 1]?.start));
    this.units = buildUnits(text, sentences, this.paragraphs, this.spans, lex.attributionDashes);
    this.toks = splitGlued(wordTokens(text, 0, text.length, lex.abbreviations), lex).map((t) => ({ ...t, inQuote: -1 }));
    // quotation membership
    let q = 0;
    for (const t of this.toks) {
      while (q < this.spans.length && this.spans[q].end <= t.start) q++;
      const s = this.spans[q];
      if (s && t.start >= s.start && t.end <= s.end) t.inQuote = q;
    }
    // units -> token ranges
    this.unitToks = [];
    let k = 0;
    for (const u of this.units) {
      while (k < this.toks.length && this.toks[k].start < u.start) k++;
      const first = k;
      while (k < this.toks.length && this.toks[k].end <= u.end) k++;
      this.unitToks.push({ first, last: k });
    }
    this.initial = this.toks.map(() => false);
    for (const { first, last } of this.unitToks) {
      for (let i = first; i < last; i++) {
        const prev = i > first ? this.toks[i - 1] : null;
        this.initial[i] = !prev || (prev.kind === 'punct' && (lex.markChars.has(prev.text) || /^[:(\[—–―-]$/.test(prev.text)));
      }
    }
    this.lowerWords = new Set(this.toks.filter((t) => t.kind === 'word' && !t.cap).map((t) => t.lower));
  }

  word(i: number): boolean {
    return i >= 0 && i < this.toks.length && this.toks[i].kind === 'word';
  }

  lower(i: number): string {
    return this.toks[i]?.lower ?? '';
  }

  /** A capitalised word that can be (part of) a proper name here. */
  isName(i: number): boolean {
    const t = this.toks[i];
    if (!t || t.kind !== 'word' || !t.cap) return false;
    // initialisms and acronyms are names even where they spell a word: "US", "AFP", "WAFA"
    if (t.text.length >= 2 && t.text === t.text.toUpperCase() && /\p{Lu}{2}/u.test(t.text)) return true;
    const bare = t.lower.replace(/[’']s$/, '');
    if (this.lex.nonNames.has(bare)) return false;
    if (this.lex.pronouns.has(bare) || this.lex.firstPerson.has(bare)) return false;
    if (this.initial[i]) {
      if (this.lex.functionWords.has(bare) || this.lex.clauseOpeners.has(bare)) return false;
      if (this.lowerWords.has(bare)) return false;
    }
    return true;
  }

  isPronoun(i: number): boolean {
    return this.word(i) && this.lex.pronouns.has(this.toks[i].lower);
  }

  isDeterminer(i: number): boolean {
    const w = this.lower(i);
    return this.word(i) && (this.lex.definite.has(w) || this.lex.indefinite.has(w));
  }

  isFunctionWord(i: number): boolean {
    return this.word(i) && (this.lex.functionWords.has(this.toks[i].lower) || this.lex.clauseOpeners.has(this.toks[i].lower));
  }

  sourceNumber(i: number): 'sg' | 'pl' | null {
    return this.word(i) ? sourceNounNumber(this.lex, this.toks[i].text) : null;
  }

  isPossessive(i: number): boolean {
    const t = this.toks[i];
    return !!t && isPossessive(t);
  }

  /** A lower-case word inside a name: "Deir al Balah", "Commission on Presidential Debates" (a
   *  connector only after an organisation word). */
  isParticle(i: number): boolean {
    if (!this.word(i) || this.toks[i].cap) return false;
    const w = this.toks[i].lower;
    return this.lex.nameParticles.has(w) || (this.lex.organizationConnectors.has(w) && this.lex.organizationWords.has(this.lower(i - 1)));
  }

  /** The longest title ending at token `i` (multi-word: "secretary of state"), or a compound one. */
  titleEndingAt(i: number, floor: number): TitleMatch | null {
    if (!this.word(i)) return null;
    for (const t of this.lex.titlesByLast.get(this.toks[i].lower) ?? []) {
      const s = i - t.tokens.length + 1;
      if (s < floor) continue;
      if (t.tokens.every((w, k) => this.toks[s + k].lower === w)) return { start: s, end: i + 1, words: t.tokens.join(' '), gender: t.gender };
    }
    const c = compoundTitle(this.lex, this.toks[i].text);
    return c ? { start: i, end: i + 1, words: c, gender: this.lex.singleWordTitles.get(c) } : null;
  }

  /** The longest title starting at token `i`. */
  titleStartingAt(i: number, ceil: number): TitleMatch | null {
    if (!this.word(i)) return null;
    for (const t of this.lex.titlesByFirst.get(this.toks[i].lower) ?? []) {
      const e = i + t.tokens.length;
      if (e > ceil) continue;
      if (t.tokens.every((w, k) => this.toks[i + k].lower === w)) return { start: i, end: e, words: t.tokens.join(' '), gender: t.gender };
    }
    const c = compoundTitle(this.lex, this.toks[i].text);
    return c ? { start: i, end: i + 1, words: c, gender: this.lex.singleWordTitles.get(c) } : null;
  }

  /** The honorific ("Mr.", "de heer") starting at token i, as [end, gender]. */
  honorificAt(i: number, ceil: number): { end: number; gender?: 'm' | 'f' | 'n' } | null {
    if (!this.word(i)) return null;
    for (const h of this.lex.honorifics.get(this.toks[i].lower) ?? []) {
      const e = i + h.tokens.length;
      if (e > ceil) continue;
      if (h.tokens.every((w, k) => this.toks[i + k].lower === w)) return { end: e, gender: h.gender };
    }
    return null;
  }

  /** Index of the unit containing token i. */
  unitOfToken(i: number): number {
    let lo = 0;
    let hi = this.unitToks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.unitToks[mid].first <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

const word = (text: string, start: number): WordToken => ({ text, start, end: start + text.length, lower: text.toLowerCase().replace(/’/g, "'"), kind: 'word', cap: /^\p{Lu}/u.test(text) });

/** Splits elided words off ("qu'il" -> "qu'" "il") and inverted subject pronouns off their verb
 *  ("a-t-il" -> "a" "il"), as quotes.json elisions / invertedSubjects give them. */
function splitGlued(toks: WordToken[], lex: Lexicon): WordToken[] {
  if (!lex.elisions.length && !lex.invertedSubjects.length) return toks;
  const out: WordToken[] = [];
  for (const t of toks) {
    if (t.kind !== 'word') {
      out.push(t);
      continue;
    }
    let rest = t;
    const lower = t.lower.replace(/’/g, "'");
    const el = lex.elisions.find((e) => lower.startsWith(e) && lower.length > e.length);
    if (el) {
      out.push(word(t.text.slice(0, el.length), t.start));
      rest = word(t.text.slice(el.length), t.start + el.length);
    }
    const inv = lex.invertedSubjects.find((e) => rest.lower.endsWith(e) && rest.lower.length > e.length);
    if (inv) {
      const verb = rest.text.slice(0, rest.text.length - inv.length);
      const pronoun = inv.replace(/^-(?:t-)?/, '');
      out.push(word(verb, rest.start));
      out.push(word(rest.text.slice(rest.text.length - pronoun.length), rest.end - pronoun.length));
    } else out.push(rest);
  }
  return out;
}
