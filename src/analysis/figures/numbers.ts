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
  | 'fractionWords' | 'fractionAddends' | 'fractionJoiners' | 'fractionOver' | 'fractionSuffixes'
  | 'minusWords' | 'decimalWords' | 'qualifiers' | 'currencyMinor' | 'denominatorWords' | 'units'
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
  /** A fraction ("two thirds", "3/4", "½", "a half million"): it may follow a whole number ("five and a half"). */
  fraction?: boolean;
  /** Of a scaled fraction ("a half million"): the fraction before the scale (0.5). */
  fractionBase?: number;
  /** Written with a slash ("3/4"): in news mostly betting odds, dates and names ("5/1", "9/11"), so the
   *  figures layer leaves it out; the recogniser still reads it as a fraction. */
  slash?: boolean;
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
  /** Whole gap between a whole number and the fraction after it: " and ", " con " (figures.json fractionJoiners). */
  fractionGap: RegExp | null;
  /** Whole gap between numerator and denominator: " over ". */
  overGap: RegExp | null;
  /** Whole gap between a whole number and its spoken decimals: " point ". */
  decimalGap: RegExp | null;
  /** At the end of the text before a number: "minus ", "negative ". */
  minusBefore: RegExp | null;
  minusQualifier: RegExp;
  /** At the start of a string: a unit word ("$2000 over 3 years" is no fraction). */
  unitAfter: RegExp;
  /** Sticky: a denominator word after a cardinal ("avos"). */
  denominatorAfter: RegExp | null;
  /** Whole word: a cardinal glued to a denominator suffix ("veintiunavos"). Group 1 = cardinal, 2 = suffix. */
  suffixDenominator: RegExp | null;
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

/** Number words as they are also written without accents or umlauts ("veintitres", "fuenf", "milhoes"). */
function withFolded<T>(entries: [string, T][]): [string, T][] {
  const out = [...entries];
  const have = new Set(entries.map(([w]) => w.toLowerCase()));
  for (const [w, v] of entries) {
    const lower = w.toLowerCase();
    for (const f of [lower.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss'), lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '')]) {
      if (!have.has(f)) {
        have.add(f);
        out.push([f, v]);
      }
    }
  }
  return out;
}

function compile(lang: string, raw: NumberData): NumberGrammar {
  const fold = (o: Record<string, number> | undefined) => (o ? Object.fromEntries(withFolded(Object.entries(o))) : o);
  const data: NumberData = {
    ...raw,
    numberWords: fold(raw.numberWords)!,
    scaleWords: fold(raw.scaleWords)!,
    hundredsWords: fold(raw.hundredsWords),
    fractionWords: fold(raw.fractionWords),
    fractionAddends: fold(raw.fractionAddends),
    fractionSuffixes: fold(raw.fractionSuffixes),
    hundredWords: withFolded(raw.hundredWords.map((w) => [w, 0] as [string, number])).map(([w]) => w),
    decimalWords: raw.decimalWords && withFolded(raw.decimalWords.map((w) => [w, 0] as [string, number])).map(([w]) => w),
  };
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
  const suffixAlt = Object.keys(data.fractionSuffixes ?? {}).length ? `(?:${alternation(Object.keys(data.fractionSuffixes ?? {}))})?` : '';
  const token = `(?:${morph})(?:(?:${joiner})?(?:${morph}))*${suffixAlt}(?![\\p{L}])`;
  const sep = data.wordJoiners.length ? `(?:\\s*-\\s*|\\s+(?:${alternation(data.wordJoiners)})\\s+|\\s+)` : `(?:\\s*-\\s*|\\s+)`;
  const indefinite = data.indefiniteOne.length
    ? `(?:(?:${alternation(data.indefiniteOne)})\\s+(?=(?:${alternation([...data.hundredWords, ...Object.keys(data.scaleWords).filter((w) => /^\p{L}+$/u.test(w)), ...Object.keys(data.fractionWords ?? {})])})(?![\\p{L}])))?`
    : '';
  const wordSequenceSource = `${indefinite}${token}(?:${sep}${token})*`;
  // Digits may follow letters ("USD115", "A320": the caller decides); number words may not ("often").
  const candidate = new RegExp(
    `(?<![\\p{N}_])(?:(\\d{1,3}(?:(?:${grp})\\d{3})+(?!\\d)|\\d+)(?:${dec}(\\d+))?|${NOT_WORD_BEFORE}(${wordSequenceSource}))`,
    'giu',
  );
  // After digits a hundred word that also names a minor currency unit is the currency: French "15 cents".
  const minor = new Set((data.currencyMinor ?? []).map((w) => w.toLowerCase()));
  const scaleWordAlt = alternation([...Object.keys(data.scaleWords), ...data.hundredWords.filter((w) => !minor.has(w.toLowerCase()))]);
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
  // Group 1 = a cardinal glued to a denominator suffix ("veintiun|avos"), 2 = the suffix; 3 = morpheme,
  // 4 = compound joiner, 5 = separator.
  const stem = `(?:${morph})(?:(?:${joiner})?(?:${morph}))*`;
  const suffixes = Object.keys(data.fractionSuffixes ?? {});
  const suffixToken = suffixes.length ? `(${stem})(${alternation(suffixes)})(?![\\p{L}])|` : '()()';
  const wordToken = new RegExp(
    `${suffixToken}(${morph})|(${joiner})|(\\s*-\\s*|\\s+(?:${alternation(data.wordJoiners)})\\s+|\\s+)`,
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
    fractionGap: gap(data.fractionJoiners),
    overGap: gap(data.fractionOver),
    decimalGap: gap(data.decimalWords),
    minusBefore: data.minusWords?.length ? new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${alternation(data.minusWords)})\\s+$`, 'iu') : null,
    unitAfter: new RegExp(`^\\s+(?:${alternation(Object.values(data.units ?? {}).flat())})(?![\\p{L}])`, 'iu'),
    denominatorAfter: data.denominatorWords?.length ? new RegExp(`\\s+(?:${alternation(data.denominatorWords)})(?![\\p{L}])`, 'iyu') : null,
    // "al menos 3", "au moins 3", "più o meno 3": a qualifier that ends in a minus word is no minus.
    minusQualifier: new RegExp(`(?:^|[^\\p{L}])(?:${alternation(Object.keys(data.qualifiers ?? {}).filter((q) => /\s/.test(q)))})\\s+$`, 'iu'),
    suffixDenominator: Object.keys(data.fractionSuffixes ?? {}).length
      ? new RegExp(`^(\\p{L}+?)(${alternation(Object.keys(data.fractionSuffixes!))})$`, 'iu')
      : null,
  };
}

/** A whole-string pattern for the gap between two numbers made of one of `words`. */
function gap(words: readonly string[] | undefined): RegExp | null {
  return words?.length ? new RegExp(`^\\s+(?:${alternation(words)})\\s+$`, 'iu') : null;
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
export function evaluateWords(
  seq: string,
  g: NumberGrammar,
): { value: number; length: number; scaled: boolean; scale: number; fraction: boolean; fractionBase?: number; loneFraction: boolean } | null {
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
  /** The last fraction read and, when a scale followed it ("a half million"), its value before the scale. */
  let fraction = false;
  let fractionBase: number | undefined;
  let loneFraction = false;
  let pendingScale = 1;
  let pendingAddend = 0;
  let pendingAddendScale = 1;
  /** State before the group after the last word joiner ("one hundred and three quarters" is 100 + 3/4,
   *  "two million and one half" is 2.5 million): a fraction there takes that group as its numerator. */
  let andGroup: { total: number; cur: number; afterScale: boolean; scale: number } | null = null;
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
    if (m[5] !== undefined) {
      const s = m[5].trim();
      sep = s === '' || s === '-' ? 'space' : 'and';
      pos = re.lastIndex;
      continue;
    }
    if (m[4] !== undefined) {
      sep = 'joiner';
      pos = re.lastIndex;
      continue;
    }
    let info = m[3] !== undefined ? g.morphemes.get(phraseKey(m[3]))! : undefined;
    if (m[1]) {
      // A denominator glued to its cardinal: "veintiunavos" 1/21, "zwanzigstel" 1/20.
      const after = re.lastIndex;
      const den = evaluateWords(m[1], g);
      re.lastIndex = after;
      // Not "deuxième" (the second, never a half).
      if (!den || den.length !== m[1].length || den.value <= 2 || den.fraction) break;
      info = { value: (g.data.fractionSuffixes?.[m[2].toLowerCase()] ?? 1) / den.value, kind: 'fraction' };
    }
    if (!info) break;
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
        // "tweeëntwintighonderd" (2200): a glued tens compound before hundred, too.
        ok = (last === 'none' || last === 'unit' || last === 'teen' || last === 'scale' || (last === 'tens' && sep === 'none' && pos > 0)) && cur < 100;
        break;
      case 'hundreds':
        // "doscientos", "quinhentos": a whole hundreds group, first or after a scale.
        ok = last === 'none' || last === 'scale';
        break;
      case 'scale':
        // "duizend" alone is 1000; after a smaller group, scales must decrease ("two million three thousand").
        ok = v < lastScale || (thousandTimes(g, lastScale, v) && v < scaleBeforeThousand);
        // "a half million", "three quarters million", but not the ordinal in "the fifth billion-dollar deal".
        if (last === 'fraction' && loneFraction && cur < 0.25) ok = false;
        break;
      case 'fraction':
        // "ein halbes", "drei Viertel", "anderthalb" alone; not after a scale ("two million half").
        // A hundredth or smaller may follow one: "cien mil billonésimas", "a hundred thousand trillionths".
        ok = last === 'none' || last === 'unit' || last === 'teen' || last === 'tens' || last === 'hundred' || (last === 'scale' && v < 0.01);
        break;
      case 'addend':
        // "zweieinhalb", "deux et demi" after a count; "un million et demi" (half a million more) after a scale.
        ok = last === 'unit' || last === 'teen' || last === 'tens' || last === 'hundred' || (last === 'scale' && cur === 0);
        break;
    }
    if (last === 'fraction' || last === 'addend') ok = ok && info.kind === 'scale';
    // A fraction glued to a count only where numbers are compounds ("tweederde", "dreiviertel"); in Spanish
    // "undécima" is an ordinal, not "un décima".
    if (info.kind === 'fraction' && !m[1] && sep === 'none' && last !== 'none' && g.data.compoundJoiners.length === 0) ok = false;
    if (sep === 'and' && !(last !== 'none' && g.joinerAfter.has(last) && (last !== 'tens' || info.kind === 'unit'))) ok = false;
    if (!ok) break;
    // Not where the joiner also joins tens and units ("ciento treinta y dos quintos" is 132/5).
    if (sep === 'and' && !g.joinerAfter.has('tens')) andGroup = { total, cur, afterScale: last === 'scale', scale: lastScale };
    else if (info.kind === 'scale') andGroup = null;
    if (info.kind === 'fraction' && andGroup && last !== 'none') {
      const numerator = cur - andGroup.cur;
      if (andGroup.afterScale) {
        // "un milliard et demi" is half a billion more, "een miljard en een half miljoen" half a million:
        // the scale is applied at the end unless a smaller one follows.
        total = andGroup.total;
        cur = numerator * v;
        pendingScale = andGroup.scale;
      } else cur = andGroup.cur + numerator * v;
      andGroup = null;
      fraction = true;
    } else if (info.kind === 'fraction') {
      loneFraction = last === 'none';
      // "three fifths", "one million two thousand two hundred three fifths": the whole count is the numerator.
      cur = last === 'none' ? v : (total + cur) * v;
      total = 0;
      fraction = true;
    }
    else if (info.kind === 'addend') {
      // "un milliard et demi" adds half a billion, "un milliard et demi million" half a million.
      if (last === 'scale') {
        pendingAddend = v;
        pendingAddendScale = lastScale;
      } else cur += v;
    }
    else if (info.kind === 'scale' && last === 'addend' && pendingAddend) {
      total += pendingAddend * v;
      pendingAddend = 0;
      lastScale = v;
    }
    else if (info.kind === 'hundred') cur = (cur || 1) * 100;
    else if (info.kind === 'scale' && v >= lastScale) {
      // "tres mil millones", "doscientos mil quinientos millones": the group read since the scale
      // before "mil" is multiplied by the larger scale.
      total = beforeThousand + (total - beforeThousand + cur) * v;
      cur = 0;
      lastScale = v;
    } else if (info.kind === 'scale') {
      if (fraction && last === 'fraction') fractionBase = cur;
      if (v === 1000) {
        beforeThousand = total;
        scaleBeforeThousand = lastScale;
      }
      if (v < 1000) {
        // "trehundratvå dussin" (300 + 2 dozen): a dozen or gross multiplies the group below a hundred.
        const low = cur % 100;
        total += cur - low + (low || 1) * v;
      } else total += (cur || 1) * v;
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
  if (pendingAddend) total += pendingAddend * pendingAddendScale;
  if (pendingScale !== 1 && last === 'fraction') {
    total += cur * pendingScale;
    cur = 0;
  }
  return { value: total + cur, length: acceptedEnd, scaled, scale: scaled ? lastScale : 1, fraction, fractionBase, loneFraction: loneFraction && last === 'fraction' };
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
      // Stopped inside a word ("negentien|de-eeuwse", "achttien|de"): an ordinal or another word, not a number.
      if (/\p{L}/u.test(text[end] ?? '')) continue;
      const word = text.slice(start, end).toLowerCase();
      out.push({
        start,
        end,
        value: ev.value,
        words: true,
        // A lone fraction smaller than a half is mostly an ordinal ("the fifth day", "de twintigste eeuw").
        weak: g.weak.has(word) || (ev.loneFraction && ev.value < 0.5),
        ordinal: false,
        plain: false,
        scaled: ev.scaled,
        scale: ev.scale,
        baseEnd: end,
        glued: false,
        fraction: ev.fraction,
        fractionBase: ev.fractionBase,
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
  return combineNumbers(text, addVulgarFractions(text, out), g);
}


const VULGAR: Record<string, number> = {
  '½': 1 / 2, '⅓': 1 / 3, '⅔': 2 / 3, '¼': 1 / 4, '¾': 3 / 4, '⅕': 1 / 5, '⅖': 2 / 5, '⅗': 3 / 5, '⅘': 4 / 5,
  '⅙': 1 / 6, '⅚': 5 / 6, '⅐': 1 / 7, '⅛': 1 / 8, '⅜': 3 / 8, '⅝': 5 / 8, '⅞': 7 / 8, '⅑': 1 / 9, '⅒': 1 / 10,
};
const VULGAR_RE = /[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒]/gu;

/** Unicode vulgar fractions ("½", "2½") merged into the numbers found (in text order). */
function addVulgarFractions(text: string, found: NumberMatch[]): NumberMatch[] {
  VULGAR_RE.lastIndex = 0;
  if (!VULGAR_RE.test(text)) return found;
  const out = [...found];
  VULGAR_RE.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = VULGAR_RE.exec(text)); ) {
    const start = m.index;
    const v = VULGAR[m[0]];
    const before = out.findIndex((n) => n.end === start && !n.words && !n.fraction && Number.isInteger(n.value));
    if (before >= 0) {
      const n = out[before];
      out[before] = { ...n, end: start + 1, baseEnd: start + 1, value: n.value + Math.sign(n.value || 1) * v, plain: false, fraction: true, glued: /\p{L}/u.test(text[start + 1] ?? ' ') };
      continue;
    }
    out.push({ start, end: start + 1, value: v, words: false, weak: false, ordinal: false, plain: false, scaled: false, scale: 1, baseEnd: start + 1, glued: false, fraction: true });
  }
  return out.sort((a, b) => a.start - b.start);
}

const EXPONENT = /^(?:e([+-]?\d+)|\s?[x×]\s?10\^([+-]?\d+))(?![\p{L}\p{N}])/u;
const POWER = /^\^([+-]*)(\d+)(?![\p{L}\p{N}])/u;
const SLASH = /^\/(\d{1,3})(?![\p{N}/]|[.,]\d)/u;

/** Does a number end with its scale ("two million", "3 million"), so that a fraction after it is of the scale? */
const endsWithScale = (n: NumberMatch): boolean => n.scaled && n.scale > 1 && Number.isInteger(n.value / n.scale);
const isWhole = (n: NumberMatch): boolean => !n.fraction && !n.ordinal && Number.isInteger(n.value);

/**
 * Numbers made of several pieces found apart: exponents ("1e10", "1.1^23", "1.3x10^6"), digit fractions
 * ("3/4", "2 1/4"), fractions after a whole number ("five and a half", "2 millones y medio"), read-out
 * fractions ("one over three"), spoken decimals ("two point five"), digits with spelled scales and more
 * ("4 thousand 3 hundred and 21"), and a minus word before a number ("minus five").
 */
function combineNumbers(text: string, found: NumberMatch[], g: NumberGrammar): NumberMatch[] {
  const out: NumberMatch[] = [];
  const merged = (a: NumberMatch, b: NumberMatch, value: number, extra: Partial<NumberMatch> = {}): NumberMatch => ({
    ...a,
    end: b.end,
    baseEnd: b.end,
    value,
    words: a.words || b.words,
    weak: false,
    plain: false,
    scaled: a.scaled || b.scaled,
    scale: b.scaled ? b.scale : a.scale,
    glued: false,
    fraction: false,
    fractionBase: undefined,
    ...extra,
  });
  const decimalSep = g.data.numberFormat.decimal;
  const denominators = new WeakSet<NumberMatch>();
  for (let i = 0; i < found.length; i++) {
    let cur = found[i];
    if (!cur.words && !cur.ordinal) {
      const tail = text.slice(cur.end, cur.end + 24);
      const e = cur.scaled ? null : EXPONENT.exec(tail);
      const p = e || cur.scaled ? null : POWER.exec(tail);
      const sl = e || p || cur.scaled || !Number.isInteger(cur.value) || Math.abs(cur.value) >= 1000 || /[\p{N}][/.-]$/u.test(text.slice(Math.max(0, cur.start - 2), cur.start)) ? null : SLASH.exec(tail);
      if (e) {
        const exp = Number(e[1] ?? e[2]);
        cur = { ...cur, end: cur.end + e[0].length, baseEnd: cur.end + e[0].length, value: cur.value * 10 ** exp, plain: false, glued: false };
      } else if (p) {
        const exp = (p[1].split('-').length % 2 === 0 ? -1 : 1) * Number(p[2]);
        cur = { ...cur, end: cur.end + p[0].length, baseEnd: cur.end + p[0].length, value: Math.sign(cur.value) * Math.abs(cur.value) ** exp, plain: false, glued: false };
      } else if (sl && Number(sl[1]) > 0) {
        cur = { ...cur, end: cur.end + sl[0].length, baseEnd: cur.end + sl[0].length, value: cur.value / Number(sl[1]), plain: false, glued: false, fraction: true, slash: true };
      }
      // A decimal without its leading zero: ".08", ",5".
      if (cur.plain && text[cur.start - 1] === decimalSep && !/[\p{L}\p{N}]/u.test(text[cur.start - 2] ?? ' ') && !/[\p{N}]/u.test(text[cur.end] ?? ' ')) {
        const digits = text.slice(cur.start, cur.end);
        cur = { ...cur, start: cur.start - 1, value: Number(`0.${digits}`), plain: false };
      }
    }
    // "vinte e um avos" (1/21): a denominator word after a cardinal.
    if (g.denominatorAfter && cur.words && isWhole(cur) && cur.value > 0) {
      g.denominatorAfter.lastIndex = cur.end;
      if (g.denominatorAfter.exec(text)) {
        cur = { ...cur, end: g.denominatorAfter.lastIndex, baseEnd: g.denominatorAfter.lastIndex, value: 1 / cur.value, fraction: true, weak: false, scaled: false, scale: 1 };
        denominators.add(cur);
      }
    }
    // Skip the pieces the extension swallowed ("4" of "3/4", "10" of "1e10" is never separate, but "3/4" is).
    while (i + 1 < found.length && found[i + 1].start < cur.end) i++;
    const last = out[out.length - 1];
    const between = last ? text.slice(last.end, cur.start) : '';
    if (last && !last.ordinal && !cur.ordinal && !last.glued) {
      // "2 1/4": a whole number, spaces, a digit fraction.
      if (cur.fraction && !cur.words && !last.words && last.plain && (/^\s+$/.test(between) || g.fractionGap?.test(between)) && !/\//.test(text.slice(last.start, last.end))) {
        out[out.length - 1] = merged(last, cur, last.value < 0 ? last.value - cur.value : last.value + cur.value, { slash: true });
        continue;
      }
      // "half a million", "half a dozen": a fraction before an article and a bare scale.
      if (last.fraction && last.words && !last.scaled && cur.words && cur.scaled && cur.value === cur.scale && /^\s+$/.test(between)
        && g.indefinite.has(text.slice(cur.start, cur.end).toLowerCase().split(/\s+/)[0])) {
        out[out.length - 1] = merged(last, cur, last.value * cur.scale, { fraction: false });
        continue;
      }
      // "tres vinte e um avos" (3/21): a count before a denominator word.
      if (denominators.has(cur) && isWhole(last) && last.words && /^\s+$/.test(between)) {
        out[out.length - 1] = merged(last, cur, last.value * cur.value, { fraction: true, scaled: false, scale: 1 });
        continue;
      }
      // "five and a half", "veinte con tres quintos", "3 millones y medio", "five and a half million".
      // A weak fraction word only in a set phrase ("y medio", "e meio"; not "44 million and half lives").
      const addend = g.morphemes.get(phraseKey(`${between}${text.slice(cur.start, cur.end)}`.trim()))?.kind === 'addend';
      if (cur.fraction && cur.words && (!cur.weak || addend || /\s/.test(text.slice(cur.start, cur.end))) && isWhole(last) && g.fractionGap?.test(between)) {
        let value: number;
        if (cur.fractionBase !== undefined && cur.scaled && !(endsWithScale(last) && last.scale > cur.scale)) value = (last.value + cur.fractionBase) * cur.scale;
        else if (!cur.scaled && endsWithScale(last)) value = last.value + cur.value * last.scale;
        else value = last.value + cur.value;
        out[out.length - 1] = merged(last, cur, value, { scaled: last.scaled || cur.scaled, scale: cur.scaled ? cur.scale : last.scale });
        continue;
      }
      // "one over three", "1 sobre 21".
      if (isWhole(last) && isWhole(cur) && cur.value !== 0 && g.overGap?.test(between) && !g.unitAfter.test(text.slice(cur.end, cur.end + 40))) {
        out[out.length - 1] = merged(last, cur, last.value / cur.value, { fraction: true, scaled: false, scale: 1 });
        continue;
      }
      // "two point five", "nought point nought three", "cuarenta y siete coma veintiocho": decimals read
      // number by number after the decimal word.
      if (cur.words && !endsWithScale(cur) && isWhole(cur) && cur.value >= 0 && isWhole(last) && !endsWithScale(last) && g.decimalGap?.test(between)) {
        let digits = String(cur.value);
        let end = cur;
        while (i + 1 < found.length) {
          const nx = found[i + 1];
          if (!nx.words || nx.scaled || !isWhole(nx) || nx.value < 0 || !/^\s+$/.test(text.slice(end.end, nx.start))) break;
          digits += String(nx.value);
          end = nx;
          i++;
        }
        const frac = Number(`0.${digits}`);
        out[out.length - 1] = merged(last, end, last.value < 0 || Object.is(last.value, -0) ? last.value - frac : last.value + frac, { scaled: false, scale: 1 });
        continue;
      }
      // "3 hundred and 21", "4 thousand 3 hundred": digits with a spelled scale, then a smaller part.
      if (!last.words && last.scaled && endsWithScale(last) && /\p{L}{3,}$/u.test(text.slice(last.start, last.end)) && isWhole(cur) && cur.value !== 0 && (!cur.weak || !/^\s+$/.test(between))
        && (cur.scaled ? cur.scale < last.scale && cur.value < last.scale : cur.value < last.scale)
        && (/^\s+$/.test(between) || (g.wordJoiners.size > 0 && new RegExp(`^\\s+(?:${alternation([...g.wordJoiners])})\\s+$`, 'iu').test(between)))) {
        out[out.length - 1] = merged(last, cur, last.value + cur.value, { scaled: true, scale: cur.scaled ? cur.scale : last.scale });
        continue;
      }
    }
    // "minus five", "negative one over 20" (the minus is applied when the number is first seen).
    if (g.minusBefore && cur.value > 0) {
      const before = text.slice(Math.max(0, cur.start - 30), cur.start);
      const mb = g.minusBefore.exec(before);
      if (mb && !g.minusQualifier.test(before)) {
        const len = mb[0].length - (/^[^\p{L}]/u.test(mb[0]) ? 1 : 0);
        cur = { ...cur, start: cur.start - len, value: -cur.value, weak: false, plain: false };
      }
    }
    out.push(cur);
  }
  return out;
}
