// Dates on news nobody tuned for: over the BBC News corpus (2004-05), the dates that timelines and
// story dates would use — happenings (src/analysis/times/happening.ts) and each article's date
// (src/corpus/stories/when.ts) — that fall outside 1990–2006 although the text never writes that year
// in the expression ("1600 GMT" read as the year 1600, a background year charted as a happening).
// Each article goes through the real cleaning and the sentences, publishedAt and times steps.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cleanArticle } from '../../src/clean/index.ts';
import { runSteps } from '../../src/analysis/pipeline.ts';
import { happeningPrecision } from '../../src/analysis/times/happening.ts';
import { articleWhen } from '../../src/corpus/stories/when.ts';
import { corpusLanguage } from '../../src/lang/registry.ts';
import { analyzedDoc } from '../analyzed-doc.ts';
import { DATA, filesBelow } from './data-sets.ts';

export const BBC_YEARS = { from: 1990, to: 2006 };
/** The last day of the corpus's own period (BBC News 2004-05): a happening or article date after it
 *  is most likely a deadline or plan taken for a happening. */
export const BBC_PERIOD_END = '2005-12-31';

export interface BbcDateScore {
  articles: number;
  /** Happening dates and article dates checked. */
  dates: number;
  /** Of those, outside BBC_YEARS without the year written in the expression: invented. */
  invented: number;
  /** Outside BBC_YEARS, the year written in the expression ("6 June 1944"): allowed (listed in
   *  `errors` too when asked for). */
  writtenOutside: number;
  /** Happening and article dates after BBC_PERIOD_END (listed in `after`). */
  afterPeriod: number;
  errors: string[];
  after: string[];
}

/**
 * True when the expression writes its year as part of a date: a day or month with the year in the
 * expression itself, on one line, and the number not a time of day ("1600 GMT", "1430 local time").
 * Judged on the text, independently of the times grammar.
 */
function writtenAsDate(text: string, t: { text: string; end: number; value: string | null; granularity: string }): boolean {
  if (!t.value || (t.granularity !== 'day' && t.granularity !== 'month')) return false;
  if (t.text.includes('\n') || !t.text.includes(t.value.slice(0, 4))) return false;
  return !/^\s*(?:[A-Z]{3,4}\b|local time|hrs\b|hours\b)/.test(text.slice(t.end, t.end + 16));
}

/** Null when the BBC corpus is absent. */
export function measureBbcDates(listWritten = false): BbcDateScore | null {
  const dir = join(DATA, 'bbc');
  if (!existsSync(dir)) return null;
  const language = corpusLanguage('bbc');
  const s: BbcDateScore = { articles: 0, dates: 0, invented: 0, writtenOutside: 0, afterPeriod: 0, errors: [], after: [] };
  for (const file of filesBelow(dir, '.txt')) {
    const raw = readFileSync(file, 'utf8');
    const c = cleanArticle({ file, format: 'txt', raw, original: raw, meta: {} });
    const doc = runSteps(analyzedDoc(c.text, language, { publishedAt: c.publishedAt, publishedAtFrom: c.publishedAtFrom, title: c.title }), [
      'sentences',
      'publishedAt',
      'times',
    ]);
    s.articles++;
    const name = relative(dir, file);
    const check = (date: string, written: boolean, what: string) => {
      s.dates++;
      if (date.slice(0, 10) > BBC_PERIOD_END) {
        s.afterPeriod++;
        s.after.push(`${name}: ${what}`);
      }
      const y = Number(date.slice(0, 4));
      if (y >= BBC_YEARS.from && y <= BBC_YEARS.to) return;
      if (written) {
        s.writtenOutside++;
        if (listWritten) s.errors.push(`(year written) ${name}: ${what}`);
      }
      else {
        s.invented++;
        s.errors.push(`${name}: ${what}`);
      }
    };
    for (const t of doc.times) {
      if (!happeningPrecision(t)) continue;
      // "that day" after "1 January 1985" takes its year from a date the text writes.
      const fromWritten = t.anchor?.from === 'text' && doc.times.some((o) => o !== t && o.value === t.anchor!.date && writtenAsDate(doc.text, o));
      check(t.value!, writtenAsDate(doc.text, t) || fromWritten, `happening ${JSON.stringify(t.text)} -> ${t.value}`);
    }
    const when = articleWhen(doc);
    if (when.day) {
      const from = doc.times.find((t) => t.value === when.day);
      // A publication date is written when the text holds its year; a lead date when its expression does.
      const written = when.from === 'published' ? doc.text.includes(when.day.slice(0, 4)) : !!from && writtenAsDate(doc.text, from);
      check(when.day, written, `article date ${when.day} (${when.from}${from ? ` ${JSON.stringify(from.text)}` : ''})`);
    }
  }
  return s;
}
