// Which way a bare weekday or month points: "met on Monday" (past) vs "will meet on Monday" (future).
// The nearest tense cue in the sentence decides (cues after the expression count at half weight); with no
// cue within reach the tense is 'unknown' and the resolver picks the nearest candidate date.
import type { TimeGrammar } from './grammar.ts';

export type Tense = 'past' | 'future' | 'unknown';

/** Cues further than this (in characters, after-cues doubled) are too far to say anything. */
const REACH = 90;
/** Distance within which a reporting verb does tell the tense ("said Friday", "said on Friday"). */
const ADJACENT = 5;
/** How far after a future auxiliary a past form still belongs to it ("will be held"). */
const GOVERNS = 12;

/** `future`: the future cues to use (the grammar's future markers unless given: plan marking adds plan words). */
export function tenseAround(text: string, sentStart: number, sentEnd: number, exprStart: number, exprEnd: number, g: TimeGrammar, future: RegExp = g.future): Tense {
  const slice = text.slice(sentStart, sentEnd);
  const from = exprStart - sentStart;
  const to = exprEnd - sentStart;
  const futures: [number, number][] = [];
  let best = Infinity;
  let bestTense: Tense = 'unknown';
  const consider = (s: number, e: number, t: Tense) => {
    if (e > from && s < to) return; // inside the expression itself ("next week")
    const d = e <= from ? from - e : (s - to) * 2;
    if (d < best && d <= REACH) {
      best = d;
      bestTense = t;
    }
  };
  let m: RegExpExecArray | null;
  for (future.lastIndex = 0; (m = future.exec(slice)); ) {
    const s = m.index + m[0].length - m[1].length;
    futures.push([s, s + m[1].length]);
    consider(s, s + m[1].length, 'future');
  }
  // A past form overlapping a future cue, or right after one ("will be held"), is the future's participle.
  const overlapsFuture = (s: number, e: number) => futures.some(([fs, fe]) => s < fe + GOVERNS && e > fs);
  for (const re of [g.past, g.pastVerb]) {
    for (re.lastIndex = 0; (m = re.exec(slice)); ) {
      const word = m[1] ?? m[0];
      const s = m.index + m[0].length - word.length;
      // Reporting verbs ("said", "told") govern the report, not the event reported — unless they are
      // right next to the expression ("said Friday", "on Friday said").
      if (overlapsFuture(s, s + word.length)) continue;
      if (g.reportingVerbs.has(word.toLowerCase()) && !(s + word.length <= from ? from - s - word.length <= ADJACENT : s - to <= ADJACENT)) continue;
      consider(s, s + word.length, 'past');
    }
  }
  return bestTense;
}
