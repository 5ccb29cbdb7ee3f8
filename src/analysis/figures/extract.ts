// The figures layer: figures in the text with value, range, unit (currency, percent, duration...),
// qualifier ("more than", "naar schatting") and what they count.
//
// Not figures: numbers inside dates and other time expressions ("2023" in "October 7, 2023"), bare years,
// ordinals ("21st", "50ste"), clock times ("10:30", "15.00 uur"), phone numbers, numbers in URLs and markup,
// reference numbers ("page 4", "artikel 5"), identifiers ("COVID-19", "5G") and lone "one"/"een".
import type { Figure, Sentence, Span } from '../../types.ts';
import { sentenceAt } from '../times/sentence-at.ts';
import { blockedRanges, isBlocked } from './blocked.ts';
import { countedBy, findEvent, keyOf, readNounPhrase, type Counted, type PreviousFigure } from './counts.ts';
import { figureAt, isName, isRangeGap, type FigureMatch } from './figure.ts';
import { figureGrammar, type FigureGrammar } from './grammar.ts';
import { findNumbers } from './numbers.ts';
import { phraseKey } from '../../text/patterns.ts';
import { isPeriodPreposition, qualifierAt } from './qualifier.ts';

/**
 * Figures of `text`. `exclude` are spans that hold no figures (the times layer: dates and other time
 * expressions); `sentences` bound the search for what is counted.
 */
export function extractFigures(text: string, lang: string, sentences?: readonly Sentence[], exclude: readonly Span[] = []): Figure[] {
  const g = figureGrammar(lang);
  if (!g) return [];
  const numbers = findNumbers(text, lang);
  if (numbers.length === 0) return [];
  const blocked = blockedRanges(text, g, exclude);
  const out: Figure[] = [];
  let prev: PreviousFigure | null = null;
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i];
    if (isBlocked(blocked, n.start, n.end)) continue;
    let fig = figureAt(text, n, g);
    if (!fig || isName(text, n, fig, sentenceAt(text, sentences, n.start).start, g)) continue;
    // "15 dollars and 50 cents", "5 euro 50", "dreizehn Euro und fünfundvierzig Cent": the minor part after
    // an amount whose currency is named after it.
    const minor = numbers[i + 1];
    // French "quarante-cinq cents" after "treize euros et" are 45 cents, not 4 500.
    const minorValue = minor && g.minorHundred.test(text.slice(minor.start, minor.end)) && !/^\s*\p{L}/u.test(text.slice(minor.end, minor.end + 3))
      ? minor.value / 100
      : minor?.value;
    if (fig.currency && minor && minorValue !== undefined && !minor.weak && !minor.glued && /\p{L}/u.test(text.slice(n.end, fig.end)) && !n.scaled && Number.isInteger(fig.value) && !minor.fraction && Number.isInteger(minorValue)
      && minorValue > 0 && minorValue < 100 && (!minor.scaled || minorValue !== minor.value) && g.minorGap.test(text.slice(fig.end, minor.start))) {
      g.minorAfter.lastIndex = minor.end;
      const named = g.minorAfter.exec(text);
      g.unitAfter.lastIndex = minor.end;
      // Not "200 euros 10 days ago", "5 dollars 20%".
      g.currencyAfter.lastIndex = minor.end;
      // Not "50 dollar 40 rmb", "10 rmb 20 usd": the next number has a currency of its own.
      const own = !named && g.currencyAfter.test(text);
      if (named || (!own && !/^\s*[\p{N}%]/u.test(text.slice(minor.end)) && !g.unitAfter.test(text) && !g.percentAfter.test(text.slice(minor.end)))) {
        fig = { ...fig, value: fig.value + minorValue / 100, end: named ? g.minorAfter.lastIndex : minor.end };
        i++;
      }
    }
    // Ranges: "10 to 15", "10-15 procent", "between 10 and 15", "$10 to $15 million".
    let valueMax: number | null = null;
    let end = fig.end;
    let unit = fig.unit;
    let value = fig.value;
    const next = numbers[i + 1];
    // Scores and votes ("won 4-0", "a 2-1 decision"): two bare integers joined by a hyphen, falling.
    if (next && next.start === n.end + 1 && text[n.end] === '-' && n.plain && next.plain && next.value < n.value && fig.end === n.end) {
      i++;
      continue;
    }
    if (next && !isBlocked(blocked, next.start, next.end)) {
      const fig2 = figureAt(text, next, g);
      // A fraction and a whole number are no range ("two thirds - 65% -").
      if (fig2 && !!n.fraction === !!next.fraction && isRangeGap(text, fig, fig2, g)) {
        if (!n.scaled && next.scaled && value * next.scale <= fig2.value) value *= next.scale;
        if (value <= fig2.value && (!unit || !fig2.unit || unit === fig2.unit)) {
          valueMax = fig2.value;
          unit = unit ?? fig2.unit;
          end = fig2.end;
          i++;
        } else value = fig.value;
      }
    }
    const sentence = sentenceAt(text, sentences, fig.start);
    let qualifier = qualifierAt(text, fig.start, sentence.start, g);
    let counted = whatIsCounted(text, fig, unit, end, qualifier ? qualifier.start : fig.start, sentence, prev, g);
    // "two consecutive weeks", "47 continuous years", "three break points": the head is a unit, so the
    // figure measures in it and counts nothing.
    const headUnit = !unit && counted?.head ? g.unitByForm.get(phraseKey(counted.head.slice(counted.head.lastIndexOf(' ') + 1))) : undefined;
    if (headUnit && !counted!.event) {
      unit = headUnit;
      counted = null;
    }
    if (qualifier && isPeriodPreposition(qualifier, unit, counted?.head ?? null, g)) qualifier = null;
    // The evidence span includes the qualifier ("more than 66,000"), as the contract shows.
    const start = qualifier ? qualifier.start : fig.start;
    const q: Figure = {
      start,
      end,
      text: text.slice(start, end),
      value,
      unit,
      qualifier: qualifier?.id ?? null,
      counts: counted?.counts ?? null,
    };
    if (valueMax !== null) q.valueMax = valueMax;
    if (counted?.countsKey) q.countsKey = counted.countsKey;
    if (qualifier) {
      q.qualifierStart = qualifier.start;
      q.qualifierEnd = qualifier.end;
    }
    out.push(q);
    if (counted && (counted.head || counted.event)) {
      prev = { end, npEnd: counted.npEnd, sentenceStart: sentence.start, head: counted.head, event: counted.event };
    }
  }
  return out;
}

/**
 * What a figure counts: the noun after a hyphenated unit ("60-day truce"), what money is for and what
 * happened to it ("in military aid", "uitgegeven"), or for a bare count the noun phrase and event
 * (counts.ts). Measures with a unit ("24 hours", "35 km", "27%") count nothing.
 */
function whatIsCounted(
  text: string,
  fig: FigureMatch,
  unit: string | null,
  end: number,
  before: number,
  sentence: { start: number; end: number },
  prev: PreviousFigure | null,
  g: FigureGrammar,
): (Counted & { npEnd: number }) | null {
  if (fig.compound) {
    const np = readNounPhrase(text, end, g);
    return np ? { counts: np.text, countsKey: keyOf(np.text, g), head: null, event: null, npEnd: np.end } : null;
  }
  if (fig.currency) {
    g.amountLink.lastIndex = end;
    const link = g.amountLink.exec(text);
    const np = link ? readNounPhrase(text, g.amountLink.lastIndex, g) : null;
    const event = findEvent(text, np ? np.end : end, before, sentence, g);
    const label = event ? g.eventLabels.get(event) ?? event : null;
    const counts = [np?.text, label].filter(Boolean).join(' ');
    const key = [np ? keyOf(np.text, g) : null, event].filter(Boolean).join(' ');
    return counts ? { counts, countsKey: key, head: null, event, npEnd: np ? np.end : end } : null;
  }
  return unit ? null : countedBy(text, fig.start, end, before, sentence, prev, g);
}
