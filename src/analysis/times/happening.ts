// Which times date a happening and which are background. The rule (documented in README.md, "times"):
//
//   - A year on its own is context, not a happening: "since 1951", "in 1974 he…" or "the 2005
//     election" in a news story place it in history; nothing in them says what happened when. Every
//     expression of year precision (or a range of years) is background.
//   - A reference point is background too: what follows "since" ("since October 2023") is where a
//     state began, reported elsewhere if at all.
//   - Everything else with a value keeps its precision (day, week, month, quarter, season); consumers
//     that place happenings on a calendar (timelines, story dates) take only day and month precision
//     (`isHappening`), and show a month as a month.
//   - A limit or an intention is no happening either (`role`, set in extract.ts): a date right after a
//     deadline preposition or cue of the language ("until 15 July 2006", "by March 2006", "the deadline
//     of 30 June") is a `deadline` — like "since", it bounds a state rather than dating an event; a
//     date in a future or planning clause ("will be delivered in April 2008", "is scheduled for
//     October 2006", "promised … from April 2007"), or after the publication date, is a `plan`. A
//     dated article's date before its publication is never a plan.
import type { TimeExpr } from '../../types.ts';

const FULL_DAY = /^\d{4}-\d{2}-\d{2}$/;
const FULL_MONTH = /^\d{4}-\d{2}$/;

/** True when the expression is context rather than a dated happening (see the rule above). */
export function isBackground(t: Pick<TimeExpr, 'granularity' | 'value'>, afterReferencePreposition: boolean): boolean {
  if (t.granularity === 'year') return true;
  return afterReferencePreposition;
}

/** The calendar precision of a happening: a full day or a full month that is neither background nor a
 *  deadline or plan (`role`); null otherwise. */
export function happeningPrecision(t: Pick<TimeExpr, 'granularity' | 'value' | 'background' | 'role'>): 'day' | 'month' | null {
  if (t.background || t.role || !t.value) return null;
  if (t.granularity === 'day' && FULL_DAY.test(t.value)) return 'day';
  if (t.granularity === 'month' && FULL_MONTH.test(t.value)) return 'month';
  return null;
}

/** True for a time that dates a happening: day or month precision, fully resolved, not background, no deadline or plan. */
export function isHappening(t: Pick<TimeExpr, 'granularity' | 'value' | 'background' | 'role'>): boolean {
  return happeningPrecision(t) !== null;
}
