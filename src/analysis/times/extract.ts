// The times layer: detected mentions resolved against their anchor, as TimeExpr spans.
//
// The anchor is the publication date, except in direct speech dated by its reporting clause: in
// “… about a week from now will be ready,” Mr. Blinken said on April 30. the speaker's "now" is
// April 30, not the day the article came out. Each resolved relative or year-less value says which day
// it was resolved against and where that day comes from (TimeExpr.anchor); see happening.ts for which
// times are background.
import type { Sentence, TimeExpr } from '../../types.ts';
import { addMonths, anchorDay, epochDay, fromEpochDay, isoDay, isoWeekString, pad4 } from '../../text/calendar.ts';
import { detectTimes, wordBefore, type TimeMention } from './detect.ts';
import { timeGrammar, type TimeGrammar } from './grammar.ts';
import { isBackground } from './happening.ts';
import { resolveMention } from './resolve.ts';
import { sentenceAt } from './sentence-at.ts';
import { tenseAround, type Tense } from './tense.ts';

/** Mentions whose value depends on "now" (re-anchored inside dated direct speech). */
const DEICTIC = new Set<TimeMention['kind']>(['dayword', 'period', 'offset', 'span', 'weekday']);

/** Time expressions of `text`, resolved against `publishedAt` (ISO date or date-time) when it is known. */
export function extractTimes(text: string, lang: string, publishedAt: string | null, sentences?: readonly Sentence[]): TimeExpr[] {
  const g = timeGrammar(lang);
  if (!g) return [];
  const published = anchorDay(publishedAt);
  const mentions = detectTimes(text, lang);
  const tenses = new Map<TimeMention, () => Tense>();
  const tenseFor = (m: TimeMention) => {
    let f = tenses.get(m);
    if (!f) {
      let tense: Tense | undefined;
      f = () => {
        if (tense === undefined) {
          const s = sentenceAt(text, sentences, m.start);
          // A deadline ("must be returned by Jan. 14", "loans through January") lies ahead.
          tense = g.deadlinePrepositions.has(wordBefore(text, m.start, g)) ? 'future' : tenseAround(text, s.start, Math.max(s.end, m.end), m.start, m.end, g);
        }
        return tense;
      };
      tenses.set(m, f);
    }
    return f;
  };
  // The reference quarter: the quarter a report is about, named last ("third-quarter profit ... from
  // $1 billion a year earlier"; "the latest quarter").
  let ref: { y: number; q: number } | null = null;
  const anchorYear = published === null ? null : fromEpochDay(published).y;
  const resolved: (TimeExpr | null)[] = [];
  // The last date the text gave (year, month or day), for "the following year", "that same day".
  let last: string | null = null;
  for (let i = 0; i < mentions.length; i++) {
    const m = withYearPeriod(text, g, mentions, i, published);
    // "a year earlier" in a sentence about nine months compares with that period: the year before.
    const generic = m.kind === 'reference' && m.year === undefined && !g.periodNouns.test(text.slice(m.start, m.end));
    const longer = () => {
      const s = sentenceAt(text, sentences, m.start);
      return g.longerPeriods.test(text.slice(s.start, s.end));
    };
    if (m.kind === 'reference' && ref && !(generic && longer())) {
      const y = m.year ?? ref.y + (m.offset ?? 0);
      const t: TimeExpr = { start: m.start, end: m.end, text: text.slice(m.start, m.end), value: `${pad4(y)}-Q${ref.q}`, granularity: 'quarter', relative: true };
      t.anchor = { date: `${pad4(ref.y)}-Q${ref.q}`, from: 'text' };
      resolved.push(t);
      continue;
    }
    // "compared with a loss of $3 million last year" in a report on a quarter: the year-ago quarter.
    if (m.kind === 'period' && m.unit === 'year' && m.shift === -1 && ref && yearAgoQuarter(text, g, sentenceAt(text, sentences, m.start), m, mentions)) {
      const t: TimeExpr = { start: m.start, end: m.end, text: text.slice(m.start, m.end), value: `${pad4(ref.y - 1)}-Q${ref.q}`, granularity: 'quarter', relative: true };
      t.anchor = { date: `${pad4(ref.y)}-Q${ref.q}`, from: 'text' };
      resolved.push(t);
      continue;
    }
    if (m.kind === 'anaphoric') {
      // With no date before it, "the following week" counts from the anchor; "that day" is no time.
      const t: TimeExpr | null = last
        ? resolveAnaphoric(text, m, last)
        : m.offset
          ? resolveOne(text, g, { ...m, kind: m.unit === 'day' ? 'offset' : 'period', shift: m.offset }, published, 'published', tenseFor(m))
          : null;
      resolved.push(t && t.value ? t : null);
      if (t?.value) last = t.value;
      continue;
    }
    const t = resolveOne(text, g, m, published, 'published', tenseFor(m));
    if (m !== mentions[i] && t.value && published !== null) {
      t.relative = true;
      t.anchor = { date: isoDay(published), from: 'published' };
    }
    if (t.value && FULL.test(t.value)) last = t.value;
    if (m.kind === 'reference' && t.value === null) {
      resolved.push(null); // "the quarter" with no quarter named before it: not a time
      continue;
    }
    const q = m.kind === 'quarter' && t.value ? /^(\d{4})-Q([1-4])$/.exec(t.value) : null;
    // A report is about a quarter that has ended ("continue into the fourth quarter" is no reference).
    const ended = q && (published === null || epochDay(Number(q[1]), 3 * Number(q[2]), 1) <= published);
    if (q && ended && (m.year === undefined || anchorYear === null || m.year === anchorYear)) ref = { y: Number(q[1]), q: Number(q[2]) };
    resolved.push(t);
  }
  // Direct speech dated by its reporting clause: its deictic expressions are re-anchored on that day.
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if (!DEICTIC.has(m.kind) || !insideQuotes(text, sentences, m.start)) continue;
    const day = speechDay(text, g, sentences, mentions, resolved, m.start);
    if (day !== null && day !== published) resolved[i] = resolveOne(text, g, m, day, 'text', tenseFor(m));
  }
  // Limits and intentions (happening.ts): deadlines after "until"/"by", plans in future clauses.
  for (const t of resolved) {
    if (!t || !t.value || t.background) continue;
    const role = roleOf(text, g, sentences, t, published);
    if (role) t.role = role;
  }
  return resolved.filter((t): t is TimeExpr => t !== null);
}

/** How far before a date a deadline cue may start ("the deadline of ", "no later than "). */
const CUE_REACH = 40;
/** A past form this close to a deadline preposition and its date makes it a state at that time ("felt
 *  by November 2003", "by September 2004 it was stopping"), not a limit. Deadline cues ("made before
 *  23 October 2003") are limits in any tense. */
const PAST_NEAR = 12;

/** 'deadline', 'plan' or undefined (a happening or context) for a resolved time; see happening.ts. */
function roleOf(text: string, g: TimeGrammar, sentences: readonly Sentence[] | undefined, t: TimeExpr, published: number | null): TimeExpr['role'] {
  const s = sentenceAt(text, sentences, t.start);
  // The cue may end inside the expression's span ("bis zum 15. Juli", "jusqu'au 15 juillet": the span
  // opens with "bis zum", "au"): the text up to the span's first digit is tried too.
  const digit = t.text.search(/\p{N}/u);
  const from = Math.max(s.start, t.start - CUE_REACH);
  const before = [text.slice(from, t.start), ...(digit > 0 ? [text.slice(from, t.start + digit)] : [])];
  if (before.some((b) => g.deadlineCueBefore.test(b))) return 'deadline';
  const cue = before.map((b) => g.deadlineBefore.exec(b)).find((m) => m !== null);
  if (cue) {
    const cueStart = from + cue.index;
    const near = tenseAround(text, Math.max(s.start, cueStart - PAST_NEAR), Math.min(Math.max(s.end, t.end), t.end + PAST_NEAR), cueStart, t.end, g);
    if (near !== 'past') return 'deadline';
  }
  const days = calendarDays(t.value!, t.valueEnd ?? null);
  if (published !== null && days) {
    if (days.first > published) return 'plan';
    if (days.last < published) return undefined;
  }
  // Only cues before the date: "will be delivered in April 2008", not "in July 2004 but will play".
  return tenseAround(text, s.start, t.end, t.start, t.end, g, g.plan) === 'future' ? 'plan' : undefined;
}

/** First and last epoch day of a day or month value (and its range end); null for other values. */
function calendarDays(value: string, valueEnd: string | null): { first: number; last: number } | null {
  const span = (v: string): [number, number] | null => {
    const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(v);
    if (!m) return null;
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (m[3]) return [epochDay(y, mo, Number(m[3])), epochDay(y, mo, Number(m[3]))];
    return [epochDay(y, mo, 1), epochDay(y, mo + 1, 1) - 1];
  };
  const a = span(value);
  if (!a) return null;
  const b = valueEnd ? span(valueEnd) : null;
  return { first: a[0], last: b ? b[1] : a[1] };
}

/** Year-less kinds that a following "this year" / "last year" dates ("in February this year"). */
const YEARLESS = new Set<TimeMention['kind']>(['month', 'date', 'season']);

/**
 * Mention `i`, given the year of the year period right after it ("February this year", "July, last
 * year": the February and July of that year); the mention itself when there is none or no anchor.
 */
function withYearPeriod(text: string, g: TimeGrammar, mentions: TimeMention[], i: number, anchor: number | null): TimeMention {
  const m = mentions[i];
  const next = mentions[i + 1];
  // "the 21st this month", "den 20 nästa månad": the day in that month.
  if (anchor !== null && next && m.kind === 'date' && m.month === undefined && m.weekday === undefined && next.kind === 'period' && next.unit === 'month' && typeof next.shift === 'number' && /^,?\s*(?:\p{L}{1,3}\s+)?$/u.test(text.slice(m.end, next.start))) {
    const { y, m: mo } = fromEpochDay(addMonths(anchor, next.shift));
    return { ...m, year: y, month: mo };
  }
  if (anchor === null || !next || !YEARLESS.has(m.kind) || m.year !== undefined || m.shift != null || m.rangeEnd) return m;
  if (next.kind !== 'period' || next.unit !== 'year' || typeof next.shift !== 'number') return m;
  const gap = text.slice(m.end, next.start);
  if (!/^,?\s*$/.test(gap) && !g.yearAfterGap.test(gap)) return m;
  return { ...m, year: fromEpochDay(anchor).y + next.shift };
}

function resolveOne(text: string, g: TimeGrammar, m: TimeMention, anchor: number | null, from: 'published' | 'text', tense: () => Tense): TimeExpr {
  const r = resolveMention(m, anchor, tense);
  const t: TimeExpr = { start: m.start, end: m.end, text: text.slice(m.start, m.end), value: r.value, granularity: r.granularity };
  if (r.relative) t.relative = true;
  if (m.mod) t.mod = m.mod;
  if (m.rangeEnd) t.valueEnd = resolveEnd(m, m.rangeEnd, anchor, tense);
  else if (r.valueEnd) t.valueEnd = r.valueEnd;
  if (r.relative && anchor !== null && r.value !== null) t.anchor = { date: isoDay(anchor), from };
  if (isBackground(t, g.backgroundPrepositions.has(wordBefore(text, m.start, g)))) t.background = true;
  return t;
}

/** "last year" in a report on a quarter that compares with it ("compared with a loss of $3 million last
 *  year", "last year's quarter") is the year-ago quarter; not in a sentence about a whole year (one that
 *  names a longer period or this year). */
function yearAgoQuarter(text: string, g: TimeGrammar, s: { start: number; end: number }, m: TimeMention, mentions: TimeMention[]): boolean {
  const sentence = text.slice(s.start, Math.max(s.end, m.end));
  if (g.longerPeriods.test(sentence)) return false;
  if (mentions.some((o) => o.start >= s.start && o.end <= s.end && o.kind === 'period' && o.unit === 'year' && o.shift === 0)) return false;
  return g.comparedBefore.test(text.slice(s.start, m.end)) || g.quarterAfter.test(text.slice(m.end, m.end + 16));
}

const FULL = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** "the following year" after "May 22, 1995" is 1996: the shift counts from `ref` (YYYY, YYYY-MM or YYYY-MM-DD). */
function resolveAnaphoric(text: string, m: TimeMention, ref: string): TimeExpr | null {
  const [y, mo, d] = ref.split('-').map(Number);
  const n = m.offset ?? 0;
  let value: string;
  let granularity: TimeExpr['granularity'];
  if (m.unit === 'year') [value, granularity] = [pad4(y + n), 'year'];
  else if (m.unit === 'month' && mo) {
    const k = y * 12 + (mo - 1) + n;
    [value, granularity] = [`${pad4(Math.floor(k / 12))}-${String((k % 12) + 1).padStart(2, '0')}`, 'month'];
  } else if (m.unit === 'day' && d) [value, granularity] = [isoDay(epochDay(y, mo, d) + n), 'day'];
  else if (m.unit === 'week' && d) [value, granularity] = [isoWeekString(epochDay(y, mo, d) + 7 * n), 'week'];
  else return null;
  const t: TimeExpr = { start: m.start, end: m.end, text: text.slice(m.start, m.end), value, granularity, relative: true, anchor: { date: ref, from: 'text' } };
  if (granularity === 'year') t.background = true;
  return t;
}

function resolveEnd(start: TimeMention, end: TimeMention, anchor: number | null, tense: () => Tense): string | null {
  // "May 1 to 5, 2024" / "from January to April 2015": a year on one end holds for the other.
  const e = end.year === undefined && start.year !== undefined && end.kind !== 'weekday' ? { ...end, year: start.year } : end;
  return resolveMention(e, anchor, tense).value;
}

/** True when `pos` lies between an opening and a closing quotation mark of its paragraph. */
function insideQuotes(text: string, sentences: readonly Sentence[] | undefined, pos: number): boolean {
  const from = Math.min(sentenceAt(text, sentences, pos).start, paragraphAround(text, pos).start);
  let open = false;
  for (let i = from; i < pos; i++) {
    const c = text[i];
    if (c === '"') open = !open;
    else if (c === '“' || c === '„' || c === '«') open = true;
    else if (c === '”' || c === '»') open = false;
  }
  return open;
}

function paragraphAround(text: string, pos: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n\n', pos);
  const end = text.indexOf('\n\n', pos);
  return { start: start < 0 ? 0 : start + 2, end: end < 0 ? text.length : end };
}

/**
 * The day of the statement whose quote holds `pos`: a day-precision time right after a reporting verb
 * of the same sentence ("said on April 30", "told reporters Friday" is not: the verb must be adjacent),
 * already resolved in `resolved`. Null when the sentence dates no statement.
 */
function speechDay(
  text: string,
  g: TimeGrammar,
  sentences: readonly Sentence[] | undefined,
  mentions: TimeMention[],
  resolved: (TimeExpr | null)[],
  pos: number,
): number | null {
  const s = sentenceAt(text, sentences, pos);
  const para = paragraphAround(text, pos);
  const end = Math.max(s.end, para.end);
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if (m.start < s.start || m.start >= end || m.start === pos) continue;
    const t = resolved[i];
    if (!t || t.granularity !== 'day' || !t.value || !/^\d{4}-\d{2}-\d{2}$/.test(t.value)) continue;
    // "<reporting verb> [on] <date>"
    let before = text.slice(Math.max(s.start, m.start - 30), m.start);
    const w = wordBefore(text, m.start, g);
    if (g.weekdayPrefixes.has(w) && g.weekdayPrefixes.get(w) === null) before = before.slice(0, before.toLowerCase().lastIndexOf(w));
    const verb = /([\p{L}]+)\s*$/u.exec(before)?.[1]?.toLowerCase();
    if (!verb || !g.reportingVerbs.has(verb)) continue;
    const [y, mo, d] = t.value.split('-').map(Number);
    return epochDay(y, mo, d);
  }
  return null;
}
