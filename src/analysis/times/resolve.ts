// Turns a detected time mention into an ISO value, anchored on the publication date when the expression
// is relative or lacks a year. Without an anchor, relative expressions stay null and year-less dates keep
// a partial value ("--02-04", "--11"): never a guessed year.
//
// Rules:
// - month-day, quarter or season without a year: the most recent one on or before the anchor when the
//   sentence is in the past tense, the next one on or after it in the future tense, and the nearest one
//   when the tense is unknown; a weekday named with the date picks the year in which it fits
//   ("Tuesday, March 7"). A bare month ("in November") is the most recent one unless the tense is future.
// - "last/next/this November": strictly before / strictly after / in the anchor's year.
// - bare weekday: in the week of publication on the side the tense implies (past or unknown: on or
//   before the anchor, future: on or after); "last Monday" / "next Monday" / "this Monday": that day in
//   the previous / next / same ISO week; "this past Monday" / "coming Monday": strictly before / after.
import type { TimeExpr } from '../../types.ts';
import {
  addMonths,
  epochDay,
  fromEpochDay,
  isoDay,
  isoMonth,
  isoWeekday,
  isoWeekString,
  isValidDate,
  pad4,
  partialMonth,
  partialMonthDay,
} from '../../text/calendar.ts';
import type { TimeMention } from './detect.ts';
import type { Tense } from './tense.ts';

export interface Resolved {
  value: string | null;
  granularity: TimeExpr['granularity'];
  relative: boolean;
  /** Set by spans ("the last 3 months"), which are ranges by themselves. */
  valueEnd?: string;
}

const SEASON_MONTHS: Record<string, [number, number]> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [12, 14] };

export function resolveMention(m: TimeMention, anchor: number | null, tense: () => Tense): Resolved {
  switch (m.kind) {
    case 'date':
      return resolveDate(m, anchor, tense);
    case 'month':
      return resolveMonth(m, anchor, tense);
    case 'year':
      return { value: pad4(m.year!), granularity: 'year', relative: false };
    case 'weekday':
      return resolveWeekday(m, anchor, tense);
    case 'dayword':
      return anchor === null ? unresolved('day') : { value: isoDay(anchor + (m.offset ?? 0)), granularity: 'day', relative: true };
    case 'period':
      return resolvePeriod(m, anchor, tense);
    case 'offset':
      return resolveOffset(m, anchor);
    case 'season':
      return resolveSeason(m, anchor, tense);
    case 'quarter':
      return resolveQuarter(m, anchor, tense);
    case 'span':
      return resolveSpan(m, anchor);
    case 'anaphoric':
      return unresolved(m.unit === 'year' ? 'year' : m.unit === 'month' ? 'month' : m.unit === 'week' ? 'week' : 'day'); // extract.ts resolves it
    case 'reference':
      // Without a reference quarter (extract.ts gives one when the text names a quarter): "a year
      // earlier" counts from the anchor, "the 1988 period" is that year.
      if (m.year !== undefined) return { value: pad4(m.year), granularity: 'year', relative: false };
      return m.offset ? resolveOffset({ ...m, unit: 'year' }, anchor) : unresolved('quarter');
  }
}

function unresolved(granularity: TimeExpr['granularity']): Resolved {
  return { value: null, granularity, relative: false };
}

function resolveDate(m: TimeMention, anchor: number | null, tense: () => Tense): Resolved {
  if (m.onOrAfter !== undefined || m.easterOffset !== undefined) return resolveFloating(m, anchor, tense);
  if (m.month === undefined) return resolveDayOnly(m, anchor);
  const mo = m.month;
  const d = m.day!;
  if (m.year !== undefined) {
    return isValidDate(m.year, mo, d) ? { value: isoDay(epochDay(m.year, mo, d)), granularity: 'day', relative: false } : unresolved('day');
  }
  if (anchor === null) return { value: partialMonthDay(mo, d), granularity: 'day', relative: false };
  const ay = fromEpochDay(anchor).y;
  const options: number[] = [];
  for (const y of [ay - 1, ay, ay + 1]) if (isValidDate(y, mo, d)) options.push(epochDay(y, mo, d));
  if (options.length === 0) return { value: partialMonthDay(mo, d), granularity: 'day', relative: false };
  if (m.weekday !== undefined) {
    const fitting = options.filter((n) => isoWeekday(n) === m.weekday);
    if (fitting.length) {
      fitting.sort((a, b) => Math.abs(a - anchor) - Math.abs(b - anchor));
      return { value: isoDay(fitting[0]), granularity: 'day', relative: true };
    }
  }
  const y = pickYear(ay, (yy) => (isValidDate(yy, mo, d) ? epochDay(yy, mo, d) - anchor : NaN), tense());
  return { value: isoDay(epochDay(y, mo, d)), granularity: 'day', relative: true };
}

/**
 * A day of the month without its month ("le 23", "the 18th"): in the anchor's month. With a weekday
 * ("Friday the 13th", "terça-feira dia 25") the nearest month around the anchor in which that day falls
 * on that weekday (a tie goes to the past). Unresolved without an anchor: no month is guessed.
 */
function resolveDayOnly(m: TimeMention, anchor: number | null): Resolved {
  if (anchor === null) return unresolved('day');
  const a = fromEpochDay(anchor);
  const d = m.day!;
  if (m.weekday === undefined) {
    return isValidDate(a.y, a.m, d) ? { value: isoDay(epochDay(a.y, a.m, d)), granularity: 'day', relative: true } : unresolved('day');
  }
  let best: number | null = null;
  for (let k = -12; k <= 12; k++) {
    const idx = a.y * 12 + (a.m - 1) + k;
    const y = Math.floor(idx / 12);
    const mo = (idx % 12) + 1;
    if (!isValidDate(y, mo, d)) continue;
    const n = epochDay(y, mo, d);
    if (isoWeekday(n) !== m.weekday) continue;
    if (best === null || Math.abs(n - anchor) < Math.abs(best - anchor) || (Math.abs(n - anchor) === Math.abs(best - anchor) && n < best)) best = n;
  }
  return best === null ? unresolved('day') : { value: isoDay(best), granularity: 'day', relative: true };
}

/** Western Easter Sunday of a year (the anonymous Gregorian computus), as an epoch day. */
export function easterSunday(y: number): number {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return epochDay(y, month, day);
}

/** A holiday whose day moves with the year ("Thanksgiving": the first Thursday from November 22;
 *  "Ostermontag": the day after Easter Sunday). */
function resolveFloating(m: TimeMention, anchor: number | null, tense: () => Tense): Resolved {
  const dayIn = (y: number) => {
    if (m.easterOffset !== undefined) return easterSunday(y) + m.easterOffset;
    const first = epochDay(y, m.month!, m.day!);
    return first + ((m.onOrAfter! - isoWeekday(first) + 7) % 7);
  };
  if (m.year !== undefined) return { value: isoDay(dayIn(m.year)), granularity: 'day', relative: false };
  if (anchor === null) return unresolved('day');
  const y = pickYear(fromEpochDay(anchor).y, (yy) => dayIn(yy) - anchor, tense());
  return { value: isoDay(dayIn(y)), granularity: 'day', relative: true };
}

function resolveMonth(m: TimeMention, anchor: number | null, tense: () => Tense): Resolved {
  const mo = m.month!;
  if (m.year !== undefined) return { value: isoMonth(m.year, mo), granularity: 'month', relative: false };
  if (anchor === null) return { value: partialMonth(mo), granularity: 'month', relative: false };
  const a = fromEpochDay(anchor);
  const here = a.y * 12 + a.m;
  let y: number;
  if (m.shift === -1) y = a.y * 12 + mo < here ? a.y : a.y - 1;
  else if (m.shift === 1) y = a.y * 12 + mo > here ? a.y : a.y + 1;
  else if (m.shift === 0) y = a.y;
  else {
    // News reports what happened: a bare month with no tense cue is the most recent one.
    const t = tense();
    y = pickYear(a.y, (yy) => yy * 12 + mo - here, t === 'unknown' ? 'past' : t);
  }
  return { value: isoMonth(y, mo), granularity: 'month', relative: true };
}

/**
 * The year (anchor year or one either side) for a year-less expression, given its distance from the
 * anchor as a function of the year (negative = before; NaN when the expression does not exist that
 * year). Writers drop the year of dates near the time of writing, so the nearest candidate wins unless
 * the tense points the other way: past -> the latest not after the anchor, future -> the earliest not
 * before — but not when the candidate on the other side is FAR or more times closer ("decided it must
 * be done by Jan. 14", written on January 6, is the coming January 14).
 */
function pickYear(ay: number, distance: (y: number) => number, tense: Tense): number {
  const ys = [ay - 1, ay, ay + 1].filter((y) => !Number.isNaN(distance(y)));
  if (ys.length === 0) return ay;
  const past = [...ys].reverse().find((y) => distance(y) <= 0);
  const future = ys.find((y) => distance(y) >= 0);
  // Nearest; a tie goes to the past.
  const nearest = ys.reduce((best, y) => (Math.abs(distance(y)) < Math.abs(distance(best)) ? y : best), ys[0]);
  const side = tense === 'past' ? past : tense === 'future' ? future : undefined;
  if (side === undefined) return nearest;
  return Math.abs(distance(nearest)) * FAR <= Math.abs(distance(side)) ? nearest : side;
}

/** How many times closer the other side must be to overrule the tense (see pickYear). */
const FAR = 4;

function resolveWeekday(m: TimeMention, anchor: number | null, tense: () => Tense): Resolved {
  if (anchor === null || m.weekday === undefined) return unresolved('day');
  const aw = isoWeekday(anchor);
  const w = m.weekday;
  let n: number;
  switch (m.relation) {
    case 'previous-week':
      n = anchor - aw + w - 7;
      break;
    case 'next-week':
      n = anchor - aw + w + 7;
      break;
    case 'this-week':
      n = anchor - aw + w;
      break;
    case 'before':
      n = anchor - (((aw - w + 7) % 7) || 7);
      break;
    case 'after':
      n = anchor + (((w - aw + 7) % 7) || 7);
      break;
    default:
      n = tense() === 'future' ? anchor + ((w - aw + 7) % 7) : anchor - ((aw - w + 7) % 7);
  }
  return { value: isoDay(n), granularity: 'day', relative: true };
}

function resolvePeriod(m: TimeMention, anchor: number | null, tense: () => Tense): Resolved {
  const unit = m.unit;
  const gran = unit === 'weekend' ? 'week' : unit === 'month' ? 'month' : unit === 'year' ? 'year' : 'week';
  if (anchor === null) return unresolved(gran);
  let s = m.shift ?? 0;
  if (m.shift === undefined && unit === 'weekend') {
    // "over the weekend": the last one (this week's once it has started), "ahead of the weekend": the next.
    const aw = isoWeekday(anchor);
    s = tense() === 'future' ? 0 : aw >= 6 ? 0 : -1;
  }
  switch (unit) {
    case 'week':
      return { value: isoWeekString(anchor + 7 * s), granularity: 'week', relative: true };
    case 'weekend':
      return { value: `${isoWeekString(anchor + 7 * s)}-WE`, granularity: 'week', relative: true };
    case 'month': {
      const { y, m: mo } = fromEpochDay(addMonths(anchor, s));
      return { value: isoMonth(y, mo), granularity: 'month', relative: true };
    }
    default:
      return { value: pad4(fromEpochDay(anchor).y + s), granularity: 'year', relative: true };
  }
}

function resolveOffset(m: TimeMention, at: number | null): Resolved {
  const n = m.offset ?? 0;
  const anchor = at === null ? null : at + (m.dayBase ?? 0);
  switch (m.unit) {
    case 'day':
    case 'week':
    case 'fortnight': {
      if (anchor === null) return unresolved('day');
      const days = m.unit === 'day' ? n : m.unit === 'week' ? 7 * n : 14 * n;
      return { value: isoDay(anchor + days), granularity: 'day', relative: true };
    }
    case 'month': {
      if (anchor === null) return unresolved('month');
      const { y, m: mo } = fromEpochDay(addMonths(anchor, n));
      return { value: isoMonth(y, mo), granularity: 'month', relative: true };
    }
    default: {
      if (anchor === null) return unresolved('year');
      const years = m.unit === 'decade' ? 10 * n : n;
      return { value: pad4(fromEpochDay(anchor).y + years), granularity: 'year', relative: true };
    }
  }
}

function resolveSeason(m: TimeMention, anchor: number | null, tense: () => Tense): Resolved {
  const code = m.season!;
  if (m.year !== undefined) return { value: `${pad4(m.year)}-${code}`, granularity: 'season', relative: false };
  if (anchor === null) return unresolved('season');
  const a = fromEpochDay(anchor);
  const here = a.y * 12 + a.m;
  const [first, last] = SEASON_MONTHS[code] ?? [1, 12];
  const startOf = (y: number) => y * 12 + first;
  const endOf = (y: number) => y * 12 + last;
  let y = a.y;
  if (m.shift === -1) y = endOf(a.y) < here ? a.y : a.y - 1;
  else if (m.shift === 1) y = startOf(a.y) > here ? a.y : a.y + 1;
  else if (m.shift === 0) y = code === 'WI' && a.m <= 2 ? a.y - 1 : a.y;
  else {
    const t = tense();
    if (t === 'future') y = endOf(a.y) >= here ? a.y : a.y + 1;
    else if (t === 'past' || startOf(a.y) <= here) y = startOf(a.y) <= here ? a.y : a.y - 1;
    else y = startOf(a.y) - here <= here - endOf(a.y - 1) ? a.y : a.y - 1;
  }
  return { value: `${pad4(y)}-${code}`, granularity: 'season', relative: true };
}

function resolveQuarter(m: TimeMention, anchor: number | null, tense: () => Tense): Resolved {
  if (m.quarter !== undefined && m.year !== undefined) return { value: `${pad4(m.year)}-Q${m.quarter}`, granularity: 'quarter', relative: false };
  if (anchor === null) return unresolved('quarter');
  const a = fromEpochDay(anchor);
  const here = a.y * 4 + Math.floor((a.m - 1) / 3);
  if (m.quarter === undefined) {
    const q = here + (m.shift ?? 0);
    return { value: `${pad4(Math.floor(q / 4))}-Q${(q % 4) + 1}`, granularity: 'quarter', relative: true };
  }
  // Months from the anchor to the quarter's end: a quarter is reported once it has ended, so "its
  // third-quarter loss", written in November, is the quarter that ended in September.
  const month = a.y * 12 + a.m;
  const y = pickYear(a.y, (yy) => yy * 12 + 3 * m.quarter! - month, tense());
  return { value: `${pad4(y)}-Q${m.quarter}`, granularity: 'quarter', relative: true };
}

/** "the last 3 months" = from three months before the anchor to the anchor; value is the start. */
function resolveSpan(m: TimeMention, anchor: number | null): Resolved & { valueEnd?: string } {
  const shifted = resolveOffset(m, anchor);
  const granularity = shifted.granularity;
  if (anchor === null || shifted.value === null) return unresolved(granularity);
  const here = resolveOffset({ ...m, offset: 0 }, anchor).value!;
  if ((m.offset ?? 0) < 0) return { value: shifted.value, granularity, relative: true, valueEnd: here };
  // "the next 3 days" or "weeks" start tomorrow: today is not one of them.
  const first = m.unit === 'day' || m.unit === 'week' || m.unit === 'fortnight' ? isoDay(anchor + 1) : here;
  return { value: first, granularity, relative: true, valueEnd: shifted.value };
}
