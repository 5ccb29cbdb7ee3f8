// One figure in the text: a number with its currency, scale and unit ("$ 3,8 miljard", "60-day",
// "27%"), or the decision that a number is not a figure at all (ordinals, identifiers, page and clock
// numbers, bare years, numbers that belong to a name).
import { readNounPhrase } from './counts.ts';
import type { FigureGrammar } from './grammar.ts';
import type { NumberMatch } from './numbers.ts';
import { phraseKey } from '../../text/patterns.ts';

export interface FigureMatch {
  start: number;
  end: number;
  value: number;
  unit: string | null;
  /** Unit came from a hyphenated compound ("60-day truce"): the noun after it is what it measures. */
  compound: boolean;
  currency: boolean;
}

/** The figure around a number (currency, scale, unit), or null when the number is not a figure. */
export function figureAt(text: string, n: NumberMatch, g: FigureGrammar): FigureMatch | null {
  if (n.ordinal || n.slash) return null;
  if (n.weak) {
    // A lone "one" is a figure only before a currency name: "one penny", "en krona", "un yen".
    g.currencyAfter.lastIndex = n.end;
    const ca = g.currencyAfter.exec(text);
    // A currency code only as written ("3 TRY", never "one try").
    const code = g.currencyCodes.has(ca?.[1].toUpperCase() ?? '') && ca![1] !== ca![1].toUpperCase();
    if (!ca || code || !/^\s\p{L}/u.test(ca[0]) || !/^\p{L}{2,}/u.test(ca[1]) || n.fraction) return null;
  }
  // Glued to a word: "COVID-19", "F-16", "A320".
  if (n.start > 0 && /[\p{L}_]-?$/u.test(text.slice(Math.max(0, n.start - 2), n.start))) {
    if (!g.currencyBefore.test(text.slice(Math.max(0, n.start - 6), n.start))) return null;
  }
  const wb = wordBefore(text, n.start);
  if (wb && g.notFigureAfter.has(wb)) return null;
  let start = n.start;
  let pos = n.end;
  let unit: string | null = null;
  let compound = false;
  let value = n.value;
  const cb = g.currencyBefore.exec(text.slice(Math.max(0, n.start - 6), n.start));
  if (cb) {
    unit = g.currencyBySymbol.get(phraseKey(cb[1])) ?? null;
    if (unit) start = n.start - (cb[0].length - cb[0].indexOf(cb[1]));
  }
  const sticky = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (m) pos = re.lastIndex;
    return m;
  };
  if (!unit && sticky(g.percentAfter)) unit = 'percent';
  else {
    const ca = sticky(g.currencyAfter) ?? (n.scaled ? sticky(g.currencyAfterLink) : null);
    if (ca) unit = unit ?? g.currencyByName.get(phraseKey(ca[1])) ?? null;
    // "75 USD million", "125 USD millones": the scale after the currency.
    if (ca && unit && !n.scaled) {
      const sm = sticky(g.numbers.scaleAfter);
      const scale = sm ? g.numbers.scales.get(phraseKey(sm[1] ?? sm[2] ?? sm[3])) ?? 1 : 1;
      if (scale >= 1000 && sm?.[1]) value = n.value * scale;
      else if (sm) pos = sm.index;
    }
    else if (!unit && !n.scaled) {
      const hc = sticky(g.hyphenCompound);
      if (hc) {
        unit = hc[1] ? g.unitByForm.get(phraseKey(hc[1])) ?? null : hc[2].toLowerCase();
        compound = true;
      } else {
        const ua = sticky(g.unitAfter);
        if (ua) {
          unit = g.unitByForm.get(phraseKey(ua[1])) ?? null;
          // "a 10 year jail sentence", "a 21 point plan": a singular unit between a number and a noun is a
          // compound modifier written without its hyphen; the noun after it is what it measures.
          compound = n.value !== 1 && g.unitSingular.has(ua[1].toLowerCase()) && readNounPhrase(text, pos, g) !== null;
        } else {
          g.timeOfDayAfter.lastIndex = pos;
          // "at 10 GMT", "1600 GMT", "0630 BST": a time of day, never a figure.
          const clock = n.plain && n.end - n.start === 4 && Math.floor(n.value / 100) < 24 && n.value % 100 < 60;
          if (!n.words && (n.value < 25 || clock) && g.timeOfDayAfter.test(text)) return null;
        }
      }
    }
  }
  // Letters glued to the end ("5G", "3D", "10am") make it an identifier or a clock time.
  if (/^[\p{L}]/u.test(text.slice(pos, pos + 1)) && !n.words) return null;
  // A bare four-digit number that looks like a year and was not part of a time expression: a year unless
  // something is counted ("2000 people", "1500 rockets") or it is qualified ("about 2000").
  if (n.plain && !unit && n.end - n.start === 4 && n.value >= 1000 && n.value <= 2100) {
    g.npWord.lastIndex = pos;
    const w = g.npWord.exec(text);
    const first = w?.[1].toLowerCase() ?? '';
    const np = w !== null ? readNounPhrase(text, pos, g) : null;
    // In a year position ("the 2004 tournament", "Rover's 2005 sales") or before a singular noun ("1982
    // film", "2005 season"), a number that reads as a year is a year, not a count.
    const before = text.slice(Math.max(0, n.start - 30), n.start);
    const yearLike = n.value >= 1900 && n.value <= 2030;
    const singular = np !== null && !/s$/iu.test(np.text.split(/\s+/)[0]);
    // Unseparated and not round ("2005 sales", "1977 scripts"): a count that size would be written "2,005";
    // round ones ("2000 people") still count.
    const unround = n.value % 100 !== 0;
    const year = yearLike && (unround || g.yearPosition.test(before));
    const counted = w !== null && !year && (g.countNouns.has(first) || (np !== null && !(yearLike && singular)));
    if (!counted && !g.qualifierBefore.test(before)) return null;
  }
  return { start, end: pos, value, unit, compound, currency: unit !== null && g.currencyCodes.has(unit) };
}

/**
 * Numbers that are part of a name or a reference: "Internet Explorer 7", "Fahrenheit 9/11", "Million
 * Dollar Baby", "Peres (73)" — a capitalised number word inside a sentence, digits in a slash pair, a bare
 * number in brackets, or a bare number right after a capitalised word that does not count anything.
 */
export function isName(text: string, n: NumberMatch, fig: FigureMatch, sentenceStart: number, g: FigureGrammar): boolean {
  if (/^\/\d/.test(text.slice(n.end, n.end + 2)) || /\d\/$/.test(text.slice(Math.max(0, n.start - 2), n.start))) return true;
  // "Shimon Peres (73)", "(2)": a bare number alone in brackets is an age or a reference.
  if (text[n.start - 1] === '(' && text[fig.end] === ')' && !fig.unit) return true;
  const atStart = /^[\s"“‘'(«„-]*$/u.test(text.slice(sentenceStart, n.start));
  if (atStart) return false;
  if (n.words && /^\p{Lu}/u.test(text[n.start])) return true;
  if (fig.unit || n.words || fig.start !== n.start) return false;
  const before = /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, n.start - 30), n.start));
  if (!before || !/^\p{Lu}/u.test(before[1])) return false;
  const w = before[1].toLowerCase();
  if (g.qualifierIds.has(w) || g.stopWords.has(w) || g.currencyBySymbol.has(w)) return false;
  // A capitalised first word of the sentence is no name cue.
  if (/^[\s"“‘'(«„-]*$/u.test(text.slice(sentenceStart, n.start - before[0].length))) return false;
  return readNounPhrase(text, fig.end, g) === null;
}

/** Two figures joined as a range: "10 to 15", "10-15", "between 10 and 15", "tussen de 10 en 15". */
export function isRangeGap(text: string, a: FigureMatch, b: FigureMatch, g: FigureGrammar): boolean {
  const gap = text.slice(a.end, b.start);
  if (g.rangeConnector.test(gap)) return true;
  return g.rangeJoin.test(gap) && g.rangeOpen.test(text.slice(Math.max(0, a.start - 12), a.start));
}

function wordBefore(text: string, pos: number): string {
  const m = /([\p{L}][\p{L}.'’]*)\s*$/u.exec(text.slice(Math.max(0, pos - 20), pos));
  return m ? m[1].toLowerCase() : '';
}
