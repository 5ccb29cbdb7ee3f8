// Estimating the publication date from the text itself, for articles whose metadata, URL and captions gave
// none (publishedAtFrom === 'none'). Conservative by design; the rule:
//
//   1. Take the latest full date with an explicit year in the text ("May 1, 2024", "1 mei 2024").
//   2. Accept it only if the text also refers to that same day without a year ("on May 1") in a sentence
//      that is not in the future tense: writers drop the year for dates close to publication, so a full
//      date that is echoed year-less, as something that happened, is "now". ("The vote on November 5,
//      2024 ... will be held on November 5" says nothing about when the text was written.)
//   3. The estimate is the latest year-less day date that falls, in that year, from the full date up to
//      14 days after it (a report written on May 3 about May 1 says "on May 3" too); otherwise the full date.
//
// A text with no full date, or whose latest full date is never echoed year-less, keeps publishedAt null.
import type { Sentence } from '../../types.ts';
import { epochDay, isoDay, isValidDate } from '../../text/calendar.ts';
import { detectTimes, type TimeMention } from './detect.ts';
import { timeGrammar } from './grammar.ts';
import { sentenceAt } from './sentence-at.ts';
import { tenseAround } from './tense.ts';

const WINDOW_DAYS = 14;

/** The publication date (YYYY-MM-DD) the text implies, or null when it does not clearly imply one. */
export function inferPublishedAt(text: string, lang: string, sentences?: readonly Sentence[]): string | null {
  const g = timeGrammar(lang);
  if (!g) return null;
  const mentions = detectTimes(text, lang);
  let latest: number | null = null;
  const yearless: TimeMention[] = [];
  const collect = (m: TimeMention) => {
    if (m.kind !== 'date' || m.month === undefined || m.day === undefined) return;
    if (m.year === undefined) yearless.push(m);
    else if (isValidDate(m.year, m.month, m.day)) {
      const n = epochDay(m.year, m.month, m.day);
      if (latest === null || n > latest) latest = n;
    }
  };
  for (const m of mentions) {
    collect(m);
    if (m.rangeEnd) collect(m.rangeEnd);
  }
  if (latest === null) return null;
  const full: number = latest;
  const year = new Date(full * 86_400_000).getUTCFullYear();
  let echoed = false;
  let estimate = full;
  for (const m of yearless) {
    for (const y of [year, year + 1]) {
      if (!isValidDate(y, m.month!, m.day!)) continue;
      const n = epochDay(y, m.month!, m.day!);
      if (n < full || n > full + WINDOW_DAYS) continue;
      const s = sentenceAt(text, sentences, m.start);
      if (tenseAround(text, s.start, Math.max(s.end, m.end), m.start, m.end, g) === 'future') continue;
      if (n === full) echoed = true;
      if (n > estimate) estimate = n;
    }
  }
  return echoed ? isoDay(estimate) : null;
}
