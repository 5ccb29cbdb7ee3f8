// The qualifier before a figure ("More than", "naar schatting", "rond de") as a normalised id
// ("more-than", "estimated", "approximately"), and the prepositions that only look like one ("over five
// phases", "over three days").
import type { FigureGrammar } from './grammar.ts';
import { phraseKey } from '../../text/patterns.ts';

export interface Qualifier {
  id: string;
  start: number;
  end: number;
  /** The phrase as matched, lower case ("over"). */
  phrase: string;
}

/** The qualifier ending right before `pos`, not reaching back before `sentenceStart`. */
export function qualifierAt(text: string, pos: number, sentenceStart: number, g: FigureGrammar): Qualifier | null {
  const from = Math.max(0, pos - 30);
  const m = g.qualifierBefore.exec(text.slice(from, pos));
  if (!m) return null;
  const start = from + m.index + m[0].indexOf(m[1]);
  const id = g.qualifierIds.get(phraseKey(m[1]));
  if (start < sentenceStart || !id) return null;
  return { id, start, end: start + m[1].length, phrase: phraseKey(m[1]) };
}

/** "over"/"rond" before a duration or a period noun ("phases", "rondes") is a preposition, not a qualifier. */
export function isPeriodPreposition(q: Qualifier, unit: string | null, head: string | null, g: FigureGrammar): boolean {
  if (!g.periodQualifierExceptions.has(q.phrase)) return false;
  if (unit && g.durationUnits.has(unit)) return true;
  const h = head ? phraseKey(head) : '';
  return g.periodNouns.has(h) || g.periodNouns.has(h.slice(h.lastIndexOf(' ') + 1));
}
