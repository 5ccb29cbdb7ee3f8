// What a figure counts: the noun phrase after the number ("66,000 Palestinians", "10 living hostages"),
// a container before it ("the bodies of 18 others"), and the event around it ("have been killed",
// "killing", "de dood van", "omkwamen"), so that "More than 66,000 Palestinians ... have been killed" counts
// "Palestinians killed". countsKey is the same thing in a language-independent form (nounKeys and event
// ids from the lang data): "palestinians killed" for both "Palestinians killed" and "Palestijnen gedood".
import type { FigureGrammar } from './grammar.ts';
import { phraseKey } from '../../text/patterns.ts';

export interface NounPhrase {
  start: number;
  end: number;
  text: string;
}

export interface Counted {
  counts: string | null;
  countsKey: string | null;
  /** The counted noun (for a following "18 others" / "nog twee" to inherit). */
  head: string | null;
  event: string | null;
}

export interface PreviousFigure {
  end: number;
  /** Where the noun phrase of the previous figure ends (coordination is measured from there). */
  npEnd: number;
  sentenceStart: number;
  head: string | null;
  event: string | null;
}

/** Reads up to four words of a noun phrase from `pos` (stopping at function words, verbs, events, punctuation). */
export function readNounPhrase(text: string, pos: number, g: FigureGrammar): NounPhrase | null {
  const re = g.npWord;
  let end = pos;
  let start = -1;
  let words = 0;
  const ends: number[] = [];
  const verbish: boolean[] = [];
  while (words < 4) {
    re.lastIndex = end;
    const m = re.exec(text);
    if (!m) break;
    const w = m[1].replace(/['’]s$/u, '');
    const lower = w.toLowerCase();
    // A number word starts the next figure ("25 laptops three years ago").
    if (g.stopWords.has(lower) || g.eventByPhrase.has(lower) || g.numbers.morphemes.has(lower)) break;
    const isVerb = g.verb.test(w) && !g.nounLikeVerbForms.has(lower);
    if (isVerb && words === 0) break;
    if (start < 0) start = m.index + m[0].length - m[1].length;
    end = m.index + m[0].length - (m[1].length - w.length);
    ends.push(end);
    verbish.push(isVerb);
    words++;
    if (w.length !== m[1].length) break; // possessive ends the phrase
    if (g.npModifier && !isVerb && !g.npModifier.test(w)) break; // the head noun ends the phrase
  }
  // A trailing verb form is the predicate, not part of the noun ("Palestijnen geregistreerd").
  while (verbish.length > 1 && verbish[verbish.length - 1]) {
    verbish.pop();
    ends.pop();
  }
  if (start < 0 || !ends.length) return null;
  const npEnd = ends[ends.length - 1];
  return { start, end: npEnd, text: text.slice(start, npEnd) };
}

/**
 * The event a figure takes part in: after its noun phrase ("have been killed", "omkwamen", "uitgegeven")
 * or just before the figure ("killing", "de dood van"); an event id of the lang data, or null.
 */
export function findEvent(text: string, npEnd: number, before: number, sentence: { start: number; end: number }, g: FigureGrammar): string | null {
  g.eventAfter.lastIndex = npEnd;
  const after = g.eventAfter.exec(text);
  if (after && g.eventAfter.lastIndex <= sentence.end) {
    const id = g.eventByPhrase.get(phraseKey(after[1]));
    if (id) return id;
  }
  const eb = g.eventBefore.exec(text.slice(Math.max(sentence.start, before - 40), before));
  return eb ? g.eventByPhrase.get(phraseKey(eb[1])) ?? null : null;
}

/** Language-independent key of a phrase: whole-phrase entry in nounKeys, else word by word. */
export function keyOf(phrase: string, g: FigureGrammar): string {
  const k = phraseKey(phrase);
  const whole = g.nounKeys.get(k);
  if (whole) return whole;
  return k
    .split(' ')
    .map((w) => g.nounKeys.get(w) ?? w)
    .join(' ');
}

/**
 * Works out what the figure spanning [figStart, figEnd) counts; `before` is where the figure's qualifier
 * (if any) starts, `sentence` the sentence bounds, `prev` the previous counted figure of the sentence.
 */
export function countedBy(
  text: string,
  figStart: number,
  figEnd: number,
  before: number,
  sentence: { start: number; end: number },
  prev: PreviousFigure | null,
  g: FigureGrammar,
): Counted & { npEnd: number } {
  // "10 of the hostages" / "acht van de gijzelaars": the link is skipped.
  g.nounLink.lastIndex = figEnd;
  const link = g.nounLink.exec(text);
  const np = readNounPhrase(text, link ? g.nounLink.lastIndex : figEnd, g);
  let head = np?.text ?? null;
  const npEnd = np ? np.end : figEnd;
  const samePrev = prev && prev.sentenceStart === sentence.start ? prev : null;
  const coordinated = samePrev !== null && g.coordination.test(text.slice(samePrev.npEnd, before));
  // "18 others" / "nog twee": the noun of the previous figure (its head word only: "the bodies of 18 others"
  // after "10 living hostages" are hostages, not living ones).
  const inherited = samePrev?.head ? samePrev.head.slice(samePrev.head.lastIndexOf(' ') + 1) : null;
  if (head && g.references.has(phraseKey(head)) && inherited) head = inherited;
  else if (!head && coordinated && inherited) head = inherited;
  // A container before the figure: "the bodies of 18 others", "de lichamen van 18 gijzelaars".
  // (at most HEAD_LOOKBACK characters of it: read once per figure, the whole head of a sentence holding
  // thousands of figures made the step quadratic)
  const headStart = lookbackStart(text, sentence.start, before);
  const sentenceHead = text.slice(headStart, before);
  const container = g.containerBefore.exec(sentenceHead);
  const eventScanEnd = container ? headStart + container.index + container[0].indexOf(container[1]) : before;
  let event = findEvent(text, npEnd, eventScanEnd, sentence, g);
  if (!event && coordinated && samePrev?.event) event = samePrev.event;
  if (!head) {
    // "het werkelijke dodental ... rond de 200.000": a toll noun earlier in the sentence says what is counted.
    let toll: RegExpExecArray | null = null;
    g.tollPhrase.lastIndex = 0;
    for (let m: RegExpExecArray | null; (m = g.tollPhrase.exec(sentenceHead)); ) toll = m;
    if (toll) {
      return { counts: toll[1], countsKey: g.tolls.get(phraseKey(toll[1])) ?? null, head: null, event: null, npEnd };
    }
    if (!event) return { counts: null, countsKey: null, head: null, event: null, npEnd };
  }
  let counts = head ?? '';
  // "twaalf doden", "strikes killed 12": an event with no noun counts people (keys are written in the
  // English key vocabulary of nounKeys, like "of" for "van").
  let key = head ? keyOf(head, g) : event && !container ? 'people' : '';
  if (container) {
    const linkWord = container[0].slice(container[0].indexOf(container[1]) + container[1].length).trim();
    counts = head ? `${container[1]} ${linkWord} ${head}` : container[1];
    key = head ? `${keyOf(container[1], g)} of ${key}` : keyOf(container[1], g);
  }
  if (event) {
    const label = g.eventLabels.get(event) ?? event;
    counts = counts ? `${counts} ${label}` : label;
    if (!key.endsWith(event)) key = key ? `${key} ${event}` : event;
  }
  return { counts: counts || null, countsKey: key || null, head, event, npEnd };
}

/** Characters of a sentence before a figure in which a container ("the bodies of") or a toll noun
 *  ("the death toll … 200,000") is looked for: far more than a sentence usually has before a figure. */
export const HEAD_LOOKBACK = 600;

/** Where the look-back before `before` starts: the sentence start, or HEAD_LOOKBACK characters back
 *  moved on to the next word, so no word is cut. */
function lookbackStart(text: string, sentenceStart: number, before: number): number {
  if (before - sentenceStart <= HEAD_LOOKBACK) return sentenceStart;
  let i = before - HEAD_LOOKBACK;
  while (i < before && !/\s/.test(text[i - 1])) i++;
  return i;
}
