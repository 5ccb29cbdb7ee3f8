// The times layer: detected mentions resolved against the publication date, as TimeExpr spans.
import type { Sentence, TimeExpr } from '../../types.ts';
import { anchorDay } from '../../text/calendar.ts';
import { detectTimes, type TimeMention } from './detect.ts';
import { timeGrammar } from './grammar.ts';
import { resolveMention } from './resolve.ts';
import { sentenceAt } from './sentence-at.ts';
import { tenseAround, type Tense } from './tense.ts';

/** Time expressions of `text`, resolved against `publishedAt` (ISO date or date-time) when it is known. */
export function extractTimes(text: string, lang: string, publishedAt: string | null, sentences?: readonly Sentence[]): TimeExpr[] {
  const g = timeGrammar(lang);
  if (!g) return [];
  const anchor = anchorDay(publishedAt);
  const out: TimeExpr[] = [];
  for (const m of detectTimes(text, lang)) {
    let tense: Tense | undefined;
    const tenseOf = (): Tense => {
      if (tense === undefined) {
        const s = sentenceAt(text, sentences, m.start);
        tense = tenseAround(text, s.start, Math.max(s.end, m.end), m.start, m.end, g);
      }
      return tense;
    };
    const r = resolveMention(m, anchor, tenseOf);
    const t: TimeExpr = { start: m.start, end: m.end, text: text.slice(m.start, m.end), value: r.value, granularity: r.granularity };
    if (r.relative) t.relative = true;
    if (m.mod) t.mod = m.mod;
    if (m.rangeEnd) t.valueEnd = resolveEnd(m, m.rangeEnd, anchor, tenseOf);
    else if (r.valueEnd) t.valueEnd = r.valueEnd;
    out.push(t);
  }
  return out;
}

function resolveEnd(start: TimeMention, end: TimeMention, anchor: number | null, tense: () => Tense): string | null {
  // "May 1 to 5, 2024" / "from January to April 2015": a year on one end holds for the other.
  const e = end.year === undefined && start.year !== undefined && end.kind !== 'weekday' ? { ...end, year: start.year } : end;
  return resolveMention(e, anchor, tense).value;
}
