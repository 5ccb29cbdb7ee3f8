// Number recognition: digits in the language's number format ("66,000" / "57.500", "3.8" / "3,8"),
// number words ("seven", "one hundred and sixteen", "eenentwintig", "a million") and scales after digits
// ("3,8 miljard", "$3bn"). Knows nothing about what a number means; see extract.ts for that.
// Everything language-specific comes from src/lang/<code>/figures.json; regexes are compiled once per language.
import { langData } from '../../lang/registry.ts';
import type { FiguresFile } from '../../lang/schema.ts';
import { alternation, escapeRegex, NOT_WORD_AFTER, NOT_WORD_BEFORE, phraseKey } from '../../text/patterns.ts';

/** The number part of a language's figures.json. */
export type NumberData = Pick<
  FiguresFile,
  | 'numberFormat' | 'numberWords' | 'hundredWords' | 'scaleWords' | 'scaleAbbreviations'
  | 'wordJoiners' | 'compoundJoiners' | 'indefiniteOne' | 'weakNumbers' | 'ordinalSuffixes'
  | 'hundredsWords' | 'wordJoinersAfter' | 'thousandTimesScale'
  | 'fractionWords' | 'fractionAddends'
>;

export interface NumberMatch {
  start: number;
  end: number;
  value: number;
  /** Written in words ("seven", "a million", "acht"). */
  words: boolean;
  /** A lone weak word ("one", "een") that is usually a determiner or pronoun, not a figure. */
  weak: boolean;
  /** Digits with an ordinal suffix ("21st", "50ste"). */
  ordinal: boolean;
  /** Bare digits without separators, decimals or scale ("2023", "10"). */
  plain: boolean;
  /** A scale word or abbreviation multiplied the value ("3,8 miljard", "a million", "$3bn"). */
  scaled: boolean;
  /** The (last) scale applied: 1e6 for "3 million" and "two million", 1 when none. */
  scale: number;
  /** End of the digits or words before any scale (for "10 to 15 million" style ranges). */
  baseEnd: number;
  /** Digits glued to a letter before them ("A320", "USD115") or after them ("5G", "180ml"). */
  glued: boolean;
}

type Kind = 'unit' | 'teen' | 'tens' | 'hundred' | 'hundreds' | 'scale' | 'fraction' | 'addend';

export interface NumberGrammar {
  lang: string;
  data: NumberData;
  /** Finds a number candidate: group 1 = digits, group 2 = decimals, group 3 = word sequence. */
  candidate: RegExp;
  /** Sticky: a scale after digits. Group 1 = scale word, group 2 = attached abbreviation. */
  scaleAfter: RegExp;
  /** Sticky: an ordinal suffix after digits. */
  ordinalAfter: RegExp;
  /** Sticky: a fraction addend after a scale ("3 milioni e mezzo", "2 millions et demi"). Group 1. */
  addendAfter: RegExp;
  /** What must follow an ordinal written with a period ("4. Februar", "die 2. runde"): a month name
   *  or a lower-case word on the same line; otherwise the period ends the sentence ("… 1 414 021 100."). */
  afterPeriodOrdinal: RegExp;
  /** Sticky tokenizer for a word sequence: group 1 = morpheme, group 2 = compound joiner, group 3 = separator. */
  wordToken: RegExp;
  /** Source of the word-number sequence pattern (no groups), for use inside other regexes. */
  wordSequenceSource: string;
  /** Source of a digit number pattern (no groups). */
  digitsSource: string;
  morphemes: Map<string, { value: number; kind: Kind }>;
  scales: Map<string, number>;
  weak: Set<string>;
  indefinite: Set<string>;
  wordJoiners: Set<string>;
  /** Kinds of word after which a word joiner ("and", "y", "e") may stand. */
  joinerAfter: Set<Kind>;
}

const grammars = new Map<string, NumberGrammar | null>();

/** The compiled number grammar of a language, or undefined when the language has no figures.json. */
export function numberGrammar(lang: string): NumberGrammar | undefined {
  let g = grammars.get(lang);
  if (g === undefined) {
    const data = langData(lang, 'figures');
    g = data ? compile(lang, data) : null;
    grammars.set(lang, g);
  }
  return g ?? undefined;
}

function compile(lang: string, data: NumberData): NumberGrammar {
  const morphemes = new Map<string, { value: number; kind: Kind }>();
  for (const [w, v] of Object.entries(data.numberWords)) {
    morphemes.set(w.toLowerCase(), { value: v, kind: v >= 20 ? 'tens' : v >= 10 ? 'teen' : 'unit' });
  }
  for (const w of data.hundredWords) morphemes.set(w.toLowerCase(), { value: 100, kind: 'hundred' });
  for (const [w, v] of Object.entries(data.hundredsWords ?? {})) morphemes.set(w.toLowerCase(), { value: v, kind: 'hundreds' });
  for (const [w, v] of Object.entries(data.fractionWords ?? {})) morphemes.set(phraseKey(w), { value: v, kind: 'fraction' });
  for (const [w, v] of Object.entries(data.fractionAddends ?? {})) morphemes.set(phraseKey(w), { value: v, kind: 'addend' });
  const scales = new Map<string, number>();
  for (const [w, v] of Object.entries(data.scaleWords)) {
    scales.set(phraseKey(w), v);
    // Pure-letter scale words also take part in word numbers ("two million", "tweeduizend").
    if (/^\p{L}+$/u.test(w)) morphemes.set(w.toLowerCase(), { value: v, kind: 'scale' });
  }
  const dec = escapeRegex(data.numberFormat.decimal);
  // Thousands groups must be exactly three digits; a narrow/non-breaking space also groups, and a plain
  // space where the language writes "1 000 000" (numberFormat.spaceGroups).
  const grp = `${escapeRegex(data.numberFormat.group)}|[\\u00A0\\u202F${data.numberFormat.spaceGroups ? ' ' : ''}]`;
  const digitsSource = `(?:\\d{1,3}(?:(?:${grp})\\d{3})+(?!\\d)|\\d+)(?:${dec}\\d+)?`;
  const morph = alternation(morphemes.keys());
  const joiner = alternation(data.compoundJoiners);
  const token = `(?:${morph})(?:(?:${joiner})?(?:${morph}))*(?![\\p{L}])`;
  const sep = data.wordJoiners.length ? `(?:\\s*-\\s*|\\s+(?:${alternation(data.wordJoiners)})\\s+|\\s+)` : `(?:\\s*-\\s*|\\s+)`;
  const indefinite = data.indefiniteOne.length
    ? `(?:(?:${alternation(data.indefiniteOne)})\\s+(?=(?:${alternation([...data.hundredWords, ...Object.keys(data.scaleWords).filter((w) => /^\p{L}+$/u.test(w))])})(?![\\p{L}])))?`
    : '';
  const wordSequenceSource = `${indefinite}${token}(?:${sep}${token})*`;
  // Digits may follow letters ("USD115", "A320": the caller decides); number words may not ("often").
  const candidate = new RegExp(
    `(?<![\\p{N}_])(?:(\\d{1,3}(?:(?:${grp})\\d{3})+(?!\\d)|\\d+)(?:${dec}(\\d+))?|${NOT_WORD_BEFORE}(${wordSequenceSource}))`,
    'giu',
  );
  const scaleWordAlt = alternation([...Object.keys(data.scaleWords), ...data.hundredWords]);
  const longAbbr = Object.keys(data.scaleAbbreviations).filter((a) => a.length > 1);
  const scaleAfter = new RegExp(
    `(?:[ \\u00A0]?(${scaleWordAlt})(?![\\p{L}])|(${alternation(Object.keys(data.scaleAbbreviations))})(?![\\p{L}\\p{N}])|[ \\u00A0](${alternation(longAbbr)})(?![\\p{L}\\p{N}]))`,
    'iyu',
  );
  for (const [a, v] of Object.entries(data.scaleAbbreviations)) scales.set(a.toLowerCase(), v);
  for (const h of data.hundredWords) scales.set(h.toLowerCase(), 100);
  const addendAfter = new RegExp(`\\s+(${alternation(Object.keys(data.fractionAddends ?? {}))})(?![\\p{L}])`, 'iyu');
  const ordinalAfter = new RegExp(`(?:${alternation(data.ordinalSuffixes)})(?![\\p{L}\\p{N}])`, 'iyu');
  const months = (langData(lang, 'calendar')?.months ?? []).flat().map((m) => m.replace(/\.$/, ''));
  const afterPeriodOrdinal = new RegExp(`^[^\\S\\n]+(?:\\p{Ll}|(?:${alternation(months)})(?![\\p{L}]))`, 'u');
  const wordToken = new RegExp(
    `(${morph})|(${joiner})|(\\s*-\\s*|\\s+(?:${alternation(data.wordJoiners)})\\s+|\\s+)`,
    'iyu',
  );
  return {
    lang,
    data,
    candidate,
    scaleAfter,
    ordinalAfter,
    afterPeriodOrdinal,
    addendAfter,
    wordToken,
    wordSequenceSource,
    digitsSource,
    morphemes,
    scales,
    weak: new Set(data.weakNumbers.map((w) => w.toLowerCase())),
    indefinite: new Set(data.indefiniteOne.map((w) => w.toLowerCase())),
    wordJoiners: new Set(data.wordJoiners.map((w) => w.toLowerCase())),
    joinerAfter: new Set<Kind>(data.wordJoinersAfter ?? ['hundred', 'scale']),
  };
}

/** Value of a digit string in the language's format, with an optional scale, computed without float drift. */
export function digitValue(intPart: string, decimals: string | undefined, scale: number, g: NumberGrammar): number {
  let digits = '';
  for (let i = 0; i < intPart.length; i++) {
    const c = intPart.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += intPart[i];
  }
  if (!decimals) return Number(digits) * scale;
  const n = Number(digits + decimals);
  return (n * scale) / 10 ** decimals.length;
}

/**
 * Evaluates a word-number sequence (already matched by the candidate regex) and returns the value of its
 * longest well-formed prefix with the prefix length; "twenty one" = 21, "eenentwintig" = 21,
 * "two three" stops after "two".
 */
export function evaluateWords(seq: string, g: NumberGrammar): { value: number; length: number; scaled: boolean; scale: number } | null {
  const re = g.wordToken;
  let pos = 0;
  let total = 0;
  let cur = 0;
  let last: Kind | 'none' = 'none';
  let lastScale = Infinity;
  /** The total before the last "thousand" and the scale before it (thousandTimesScale languages). */
  let beforeThousand = 0;
  let scaleBeforeThousand = Infinity;
  let sep: 'none' | 'space' | 'and' | 'joiner' = 'none';
  let acceptedEnd = 0;
  let scaled = false;
  let first = true;
  const lower = seq.toLowerCase();
  // An indefinite article that is not itself a number word stands for one before a scale ("a million").
  const indef = /^(\p{L}+)\s+/u.exec(lower);
  if (indef && g.indefinite.has(indef[1]) && !g.morphemes.has(indef[1])) {
    cur = 1;
    last = 'unit';
    pos = indef[0].length;
    acceptedEnd = indef[1].length;
    first = false;
    sep = 'space';
  }
  while (pos < lower.length) {
    re.lastIndex = pos;
    const m = re.exec(lower);
    if (!m) break;
    if (m[3] !== undefined) {
      const s = m[3].trim();
      sep = s === '' || s === '-' ? 'space' : 'and';
      pos = re.lastIndex;
      continue;
    }
    if (m[2] !== undefined) {
      sep = 'joiner';
      pos = re.lastIndex;
      continue;
    }
    const info = g.morphemes.get(phraseKey(m[1]))!;
    const v = info.value;
    let ok: boolean;
    switch (info.kind) {
      case 'unit':
        ok = last === 'none' || last === 'hundred' || last === 'scale' || (last === 'tens' && sep !== 'joiner' && (sep !== 'and' || g.joinerAfter.has('tens')));
        break;
      case 'teen':
        ok = last === 'none' || last === 'hundred' || last === 'scale';
        break;
      case 'tens':
        ok = last === 'none' || last === 'hundred' || last === 'scale' || (last === 'unit' && sep === 'joiner' && cur % 10 !== 0);
        break;
      case 'hundred':
        ok = (last === 'none' || last === 'unit' || last === 'teen' || last === 'scale') && cur < 100;
        break;
      case 'hundreds':
        // "doscientos", "quinhentos": a whole hundreds group, first or after a scale.
        ok = last === 'none' || last === 'scale';
        break;
      case 'scale':
        // "duizend" alone is 1000; after a smaller group, scales must decrease ("two million three thousand").
        ok = v < lastScale || (thousandTimes(g, lastScale, v) && v < scaleBeforeThousand);
        break;
      case 'fraction':
        // "ein halbes", "drei Viertel", "anderthalb" alone; not after a scale ("two million half").
        ok = last === 'none' || last === 'unit' || last === 'teen' || last === 'tens' || last === 'hundred';
        break;
      case 'addend':
        // "zweieinhalb", "deux et demi" after a count; "un million et demi" (half a million more) after a scale.
        ok = last === 'unit' || last === 'teen' || last === 'tens' || last === 'hundred' || (last === 'scale' && cur === 0);
        break;
    }
    if (last === 'fraction' || last === 'addend') ok = ok && info.kind === 'scale';
    if (sep === 'and' && !(last !== 'none' && g.joinerAfter.has(last) && (last !== 'tens' || info.kind === 'unit'))) ok = false;
    if (!ok) break;
    if (info.kind === 'fraction') cur = last === 'none' ? v : cur * v;
    else if (info.kind === 'addend') {
      if (last === 'scale') total += v * lastScale;
      else cur += v;
    }
    else if (info.kind === 'hundred') cur = (cur || 1) * 100;
    else if (info.kind === 'scale' && v >= lastScale) {
      // "tres mil millones", "doscientos mil quinientos millones": the group read since the scale
      // before "mil" is multiplied by the larger scale.
      total = beforeThousand + (total - beforeThousand + cur) * v;
      cur = 0;
      lastScale = v;
    } else if (info.kind === 'scale') {
      if (v === 1000) {
        beforeThousand = total;
        scaleBeforeThousand = lastScale;
      }
      total += (cur || 1) * v;
      cur = 0;
      lastScale = v;
      scaled = true;
    } else cur += v;
    last = info.kind === 'hundreds' ? 'hundred' : info.kind;
    acceptedEnd = re.lastIndex;
    pos = re.lastIndex;
    sep = 'none';
    first = false;
  }
  if (first || acceptedEnd === 0) return null;
  return { value: total + cur, length: acceptedEnd, scaled, scale: scaled ? lastScale : 1 };
}

/** "mil millones" (figures.json thousandTimesScale): a scale larger than a thousand right after "thousand". */
function thousandTimes(g: NumberGrammar, lastScale: number, v: number): boolean {
  return !!g.data.thousandTimesScale && lastScale === 1000 && v > 1000;
}

/** All numbers in `text` (digits and words), left to right, non-overlapping. */
export function findNumbers(text: string, lang: string): NumberMatch[] {
  const g = numberGrammar(lang);
  if (!g) return [];
  const out: NumberMatch[] = [];
  const re = g.candidate;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index;
    if (m[3] !== undefined) {
      const ev = evaluateWords(m[3], g);
      if (!ev) {
        // Not a well-formed number at all: skip the first word and rescan.
        re.lastIndex = start + Math.max(1, (/^\p{L}+/u.exec(m[3])?.[0].length ?? 1));
        continue;
      }
      const end = start + ev.length;
      re.lastIndex = end;
      const word = text.slice(start, end).toLowerCase();
      out.push({
        start,
        end,
        value: ev.value,
        words: true,
        weak: g.weak.has(word),
        ordinal: false,
        plain: false,
        scaled: ev.scaled,
        scale: ev.scale,
        baseEnd: end,
        glued: false,
      });
      continue;
    }
    const intPart = m[1];
    const decimals = m[2];
    let end = start + m[0].length;
    // A minus sign glued to the number and not to a word or number before it: "-3.5", "−12".
    const sign = start > 0 && (text[start - 1] === '-' || text[start - 1] === '\u2212') && !/[\p{L}\p{N}.,)]/u.test(text[start - 2] ?? ' ') ? -1 : 1;
    const baseEnd = end;
    let scale = 1;
    let ordinal = false;
    g.scaleAfter.lastIndex = end;
    const sm = g.scaleAfter.exec(text);
    let addend = 0;
    if (sm) {
      scale = g.scales.get(phraseKey(sm[1] ?? sm[2] ?? sm[3])) ?? 1;
      end = g.scaleAfter.lastIndex;
      g.addendAfter.lastIndex = end;
      const am = scale >= 1000 ? g.addendAfter.exec(text) : null;
      if (am) {
        addend = (g.morphemes.get(phraseKey(am[1]))?.value ?? 0) * scale;
        end = g.addendAfter.lastIndex;
      }
    } else if (!decimals) {
      g.ordinalAfter.lastIndex = end;
      const om = g.ordinalAfter.exec(text);
      if (om && (/\p{L}/u.test(om[0]) || g.afterPeriodOrdinal.test(text.slice(g.ordinalAfter.lastIndex, g.ordinalAfter.lastIndex + 30)))) {
        ordinal = true;
        end = g.ordinalAfter.lastIndex;
      }
    }
    re.lastIndex = end;
    out.push({
      start: sign < 0 ? start - 1 : start,
      end,
      value: sign * (digitValue(intPart, decimals, scale, g) + addend),
      words: false,
      weak: false,
      ordinal,
      plain: !decimals && scale === 1 && /^\d+$/.test(intPart),
      scaled: scale !== 1,
      scale,
      baseEnd,
      glued: /\p{L}/u.test(text[start - 1] ?? ' ') || /\p{L}/u.test(text[end] ?? ' '),
    });
  }
  return out;
}
