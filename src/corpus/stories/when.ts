// When an article's happening took place, as far as the article itself tells: its publication date,
// else the earliest full date named in its lead that is neither background nor a deadline or plan (the
// times layer marks "since October 2023" as background and "until 15 July 2006", "will be held on 1
// May" with a role; of the rest a later lead date is still more often a deadline or a plan than the
// happening), else a day without a year ("Feb. 4") from the lead.
// Nothing is guessed: an undated article whose lead says only "Monday" has no date.
import type { AnalyzedArticle, TimeExpr } from '../../types.ts';
import type { ArticleWhen } from './shapes.ts';

/** Sentences that count as the lead. */
export const LEAD_SENTENCES = 3;

const FULL_DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_DAY = /^--(\d{2}-\d{2})$/;

/** End offset of the lead: the end of the LEAD_SENTENCES-th sentence (the whole text when shorter). */
export function leadEnd(doc: Pick<AnalyzedArticle, 'sentences' | 'text'>): number {
  const s = doc.sentences[Math.min(LEAD_SENTENCES, doc.sentences.length) - 1];
  return s ? s.end : doc.text.length;
}

export function articleWhen(doc: Pick<AnalyzedArticle, 'publishedAt' | 'times' | 'sentences' | 'text'>): ArticleWhen {
  const published = doc.publishedAt?.slice(0, 10);
  if (published && FULL_DAY.test(published)) return { day: published, monthDay: null, from: 'published' };
  const end = leadEnd(doc);
  // Neither background nor a deadline or plan ("until 15 July 2006", "will open on 1 May": TimeExpr.role).
  const lead = doc.times.filter((t) => t.start < end && t.granularity === 'day' && t.value && !t.background && !t.role);
  const days = lead.map((t) => t.value!).filter((v) => FULL_DAY.test(v)).sort();
  if (days.length > 0) return { day: days[0], monthDay: null, from: 'text' };
  const md = lead.map((t) => MONTH_DAY.exec(t.value!)?.[1]).find((v): v is string => !!v);
  if (md) return { day: null, monthDay: md, from: 'text' };
  return { day: null, monthDay: null, from: null };
}

/** Full days (YYYY-MM-DD) and year-less days (--MM-DD) the article names anywhere. */
export function namedDays(times: TimeExpr[]): string[] {
  const out: string[] = [];
  for (const t of times) {
    if (t.granularity !== 'day' || !t.value || t.background) continue;
    if (FULL_DAY.test(t.value) || MONTH_DAY.test(t.value)) out.push(t.value);
  }
  return out;
}

/** Whole days from a to b (ISO days). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** MM-DD of a full day. */
export function monthDayOf(day: string): string {
  return day.slice(5, 10);
}
