// Finds time expressions in text and says what they denote, without resolving them: "Oct. 7, 2023" is a
// full date, "April 29" a month-day without year, "last week" a period shifted by -1, "Monday" a weekday.
// resolve.ts turns these into ISO values against the publication date.
import { evaluateWords, numberGrammar } from '../figures/numbers.ts';
import { phraseKey } from '../../text/patterns.ts';
import { isValidDate } from '../../text/calendar.ts';
import { figureGrammar } from '../figures/grammar.ts';
import { timeGrammar, type Modifier, type TimeGrammar, type WeekdayRelation } from './grammar.ts';

export type MentionKind =
  | 'date' // day precision, maybe without year
  | 'month' // month, maybe without year
  | 'year'
  | 'weekday'
  | 'dayword' // today, yesterday, gisteren
  | 'period' // last week, deze maand, next year
  | 'offset' // two days ago, over twee weken
  | 'season'
  | 'quarter' // the third quarter, Q3 2023, vorig kwartaal
  | 'span' // the last 3 months, de komende twee weken
  | 'anaphoric' // the following year, that same day: from the last date the text gave (extract.ts)
  | 'reference'; // the latest quarter, a year earlier, the 1988 period: the text's reference quarter (extract.ts)

export interface TimeMention {
  start: number;
  end: number;
  kind: MentionKind;
  year?: number;
  month?: number;
  day?: number;
  weekday?: number;
  /** For weekdays: "last Monday" (previous-week), "this past Monday" (before), none. */
  relation?: WeekdayRelation | null;
  quarter?: number;
  /** -1 / 0 / +1 from "last" / "this" / "next"; undefined when the expression has none. */
  shift?: number | null;
  /** Days for day words, signed amount of `unit` for offsets. */
  offset?: number;
  unit?: string;
  season?: string;
  mod?: Modifier;
  /** Holidays such as Thanksgiving: the first ISO weekday `onOrAfter` on or after month/day. */
  onOrAfter?: number;
  /** Holidays that move with Easter: days from Western Easter Sunday (Easter Monday 1). */
  easterOffset?: number;
  /** For offsets counted from a day word ("two days after today"): that day's offset from the anchor. */
  dayBase?: number;
  /** Second end of a range ("May 1 to May 5", "2014-2018", "18-19 November"). */
  rangeEnd?: TimeMention;
}

interface Candidate extends TimeMention {
  /** Lower is preferred when two candidates have the same length. */
  priority: number;
}

const lastResult = { text: '', lang: '', mentions: [] as TimeMention[] };

/** Time mentions in `text`, sorted and non-overlapping. The last result is memoised (several steps ask). */
export function detectTimes(text: string, lang: string): TimeMention[] {
  if (lastResult.text === text && lastResult.lang === lang) return lastResult.mentions;
  const g = timeGrammar(lang);
  const mentions = g ? detect(text, g) : [];
  lastResult.text = text;
  lastResult.lang = lang;
  lastResult.mentions = mentions;
  return mentions;
}

function detect(text: string, g: TimeGrammar): TimeMention[] {
  const c: Candidate[] = [];
  collectDates(text, g, c);
  collectRelative(text, g, c);
  const chosen = joinWeekdayWeek(text, selectLongest(c));
  applyModifiers(text, g, chosen);
  return joinYearAfter(text, g, mergeRanges(text, g, chosen));
}

function monthOf(g: TimeGrammar, form: string, matched: string): { month: number; full: boolean } | undefined {
  const key = form.toLowerCase().replace(/\.$/, '');
  const info = g.months.get(key);
  if (!info) return undefined;
  // "may", "march": only capitalised ("May 1", not "may 1").
  if (g.caseSensitive.has(key) && matched[0] === matched[0].toLowerCase()) return undefined;
  return info;
}

function weekdayOf(g: TimeGrammar, form: string | undefined): number | undefined {
  if (!form) return undefined;
  return g.weekdays.get(form.toLowerCase().replace(/\.$/, ''))?.weekday;
}

/** A year as written: four digits, or two after a joiner ("maio de 68" -> 1968, "de 05" -> 2005). */
function num(s: string | undefined): number | undefined {
  return s === undefined ? undefined : s.length === 2 ? twoDigitYear(s) : Number(s);
}

/** The word right before `pos` (lower case), e.g. "in" before "January"; "" when none. */
export function wordBefore(text: string, pos: number, g: TimeGrammar): string {
  const m = g.wordBefore.exec(text.slice(Math.max(0, pos - 24), pos));
  return m ? m[1].toLowerCase() : '';
}

function twoDigitYear(y: string): number {
  const n = Number(y);
  return y.length === 4 ? n : n < 50 ? 2000 + n : 1900 + n;
}

function collectDates(text: string, g: TimeGrammar, out: Candidate[]): void {
  let m: RegExpExecArray | null;
  // Month-day(-year): "May 1, 2024", "Oct. 7, 2023", "Feb. 4", "Tuesday, March 7".
  for (g.monthDay.lastIndex = 0; (m = g.monthDay.exec(text)); ) {
    const mo = monthOf(g, m[2], m[0].slice(m[0].toLowerCase().indexOf(m[2].toLowerCase())));
    const day = Number(m[3]);
    const year = num(m[4]);
    if (!mo || !validDay(mo.month, day, year)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'date', month: mo.month, day, year, weekday: weekdayOf(g, m[1]), priority: 1 });
  }
  // Day-month(-year): "1 mei 2024", "7 oktober", "the 9th of May".
  for (g.dayMonth.lastIndex = 0; (m = g.dayMonth.exec(text)); ) {
    const monthText = m[3];
    const at = m[0].toLowerCase().lastIndexOf(monthText.toLowerCase());
    const mo = monthOf(g, monthText, m[0].slice(at));
    const day = Number(m[2]);
    const year = num(m[4]);
    if (!mo || !validDay(mo.month, day, year)) continue;
    out.push({ start: m.index, end: m.index + m[0].length - finalDot(m[0], mo.full), kind: 'date', month: mo.month, day, year, weekday: weekdayOf(g, m[1]), priority: 1 });
  }
  // A day in words: "am zweiten Mai", "il primo maggio".
  for (g.dayWordMonth.lastIndex = 0; (m = g.dayWordMonth.exec(text)); ) {
    const at = m[0].toLowerCase().lastIndexOf(m[3].toLowerCase());
    const mo = monthOf(g, m[3], m[0].slice(at));
    const day = g.dayWordsOfMonth.get(phraseKey(m[2]));
    const year = num(m[4]);
    if (!mo || day === undefined || !validDay(mo.month, day, year)) continue;
    out.push({ start: m.index, end: m.index + m[0].length - finalDot(m[0], mo.full), kind: 'date', month: mo.month, day, year, weekday: weekdayOf(g, m[1]), priority: 1 });
  }
    // Month-year: "oktober 2023", "June of 1998".
  for (g.monthYear.lastIndex = 0; (m = g.monthYear.exec(text)); ) {
    const mo = monthOf(g, m[1], m[0]);
    if (!mo) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'month', month: mo.month, year: num(m[2]), priority: 2 });
  }
  // Bare month, with a preposition or shift before it: "in January", "since October", "last November".
  for (g.month.lastIndex = 0; (m = g.month.exec(text)); ) {
    const shiftWord = m[1];
    const mo = monthOf(g, m[2], m[0].slice(m[0].length - m[2].length));
    if (!mo) continue;
    const before = shiftWord ? 'shift' : wordBefore(text, m.index, g);
    if (!shiftWord && !g.anchors.has(before) && !g.modifiers.has(before) && !isModifierEnd(text, m.index, g)) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      kind: 'month',
      month: mo.month,
      shift: shiftWord ? g.shifts.get(phraseKey(shiftWord)) : undefined,
      priority: 3,
    });
  }
  // ISO dates and months: "2024-05-01", "2024-05".
  for (g.isoDate.lastIndex = 0; (m = g.isoDate.exec(text)); ) {
    const y = Number(m[1]);
    const mo = Number(m[3]);
    const d = Number(m[4]);
    if (isValidDate(y, mo, d)) out.push({ start: m.index, end: m.index + m[0].length, kind: 'date', year: y, month: mo, day: d, priority: 0 });
  }
  for (g.isoMonth.lastIndex = 0; (m = g.isoMonth.exec(text)); ) {
    const y = Number(m[1]);
    if (y >= 1500 && y <= 2099) out.push({ start: m.index, end: m.index + m[0].length, kind: 'month', year: y, month: Number(m[2]), priority: 4 });
  }
  // Numeric dates with a year: "1/1/2016" (en: month first), "31-12-2023", "7.6.2018" (nl: day first).
  for (g.numericDate.lastIndex = 0; (m = g.numericDate.exec(text)); ) {
    const a = Number(m[1]);
    const b = Number(m[3] ?? m[6]);
    const y = twoDigitYear(m[4] ?? m[7]);
    const dm = dayAndMonth(g, a, b);
    if (!dm || !isValidDate(y, dm.month, dm.day)) continue;
    const wd = weekdayLead(text, m.index, g);
    out.push({ start: wd?.start ?? m.index, end: m.index + m[0].length, kind: 'date', year: y, month: dm.month, day: dm.day, weekday: wd?.weekday, priority: 1 });
  }
  collectNumericDays(text, g, out);
  // Day and month without a year: "am 28.10." (German).
  if (g.numericDayMonth) {
    for (g.numericDayMonth.lastIndex = 0; (m = g.numericDayMonth.exec(text)); ) {
      const [d, mo] = g.dateOrder === 'month-day' ? [Number(m[2]), Number(m[1])] : [Number(m[1]), Number(m[2])];
      if (!validDay(mo, d, undefined)) continue;
      out.push({ start: m.index, end: m.index + m[0].length, kind: 'date', month: mo, day: d, priority: 2 });
    }
  }
  // Year ranges "2014-2018", "2014–18".
  for (g.yearRange.lastIndex = 0; (m = g.yearRange.exec(text)); ) {
    if (g.timeOfDayBefore.has(wordBefore(text, m.index, g))) continue;
    const y1 = Number(m[1]);
    let y2 = Number(m[2]);
    if (m[2].length <= 2) y2 = Math.floor(y1 / 10 ** m[2].length) * 10 ** m[2].length + y2;
    if (y2 <= y1) continue;
    const second: TimeMention = { start: m.index + m[0].length - m[2].length, end: m.index + m[0].length, kind: 'year', year: y2 };
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'year', year: y1, rangeEnd: second, priority: 2 });
  }
  // Years in context: "in 2023", "since 2020", "the 2023 terrorist incident", "mid-2023".
  for (g.year.lastIndex = 0; (m = g.year.exec(text)); ) {
    const prefix = m[1]?.toLowerCase();
    const yStart = m.index + m[0].length - 4;
    if (!prefix && !yearContext(text, m.index, yStart + 4, g)) continue;
    if (g.timeOfDayBefore.has(wordBefore(text, m.index, g))) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      kind: 'year',
      year: Number(m[2]),
      mod: prefix === 'mid' ? 'mid' : undefined,
      priority: 5,
    });
  }
  collectSpokenYears(text, g, out);
  // Day ranges: "November 18-19", "18-19 november", "9 tot 12 juni".
  for (g.monthDayRange.lastIndex = 0; (m = g.monthDayRange.exec(text)); ) {
    const mo = monthOf(g, m[1], m[0]);
    const d1 = Number(m[2]);
    const d2 = Number(m[3]);
    const y = num(m[4]);
    if (!mo || !validDay(mo.month, d1, y) || !validDay(mo.month, d2, y) || d2 <= d1) continue;
    const endM: TimeMention = { start: m.index, end: m.index + m[0].length, kind: 'date', month: mo.month, day: d2, year: y };
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'date', month: mo.month, day: d1, year: y, rangeEnd: endM, priority: 0 });
  }
  for (g.dayRangeMonth.lastIndex = 0; (m = g.dayRangeMonth.exec(text)); ) {
    const at = m[0].toLowerCase().lastIndexOf(m[3].toLowerCase());
    const mo = monthOf(g, m[3], m[0].slice(at));
    const d1 = Number(m[1]);
    const d2 = Number(m[2]);
    const y = num(m[4]);
    if (!mo || !validDay(mo.month, d1, y) || !validDay(mo.month, d2, y) || d2 <= d1) continue;
    const end = m.index + m[0].length - finalDot(m[0], mo.full);
    const endM: TimeMention = { start: m.index, end, kind: 'date', month: mo.month, day: d2, year: y };
    out.push({ start: m.index, end, kind: 'date', month: mo.month, day: d1, year: y, rangeEnd: endM, priority: 0 });
  }
}

/** Day and month of two numbers in the language's order, swapped when only that makes a date ("4/22" in
 *  a day-month language); undefined when neither order does. */
function dayAndMonth(g: TimeGrammar, a: number, b: number): { day: number; month: number } | undefined {
  let [month, day] = g.dateOrder === 'month-day' ? [a, b] : [b, a];
  if (month > 12 && day <= 12) [month, day] = [day, month];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? { day, month } : undefined;
}

/** A weekday (and day cue) right before `pos` that belongs to the date there: "samedi 23/06/18". */
function weekdayLead(text: string, pos: number, g: TimeGrammar): { start: number; weekday: number } | undefined {
  const from = Math.max(0, pos - 40);
  const m = g.weekdayBefore.exec(text.slice(from, pos));
  const weekday = m ? weekdayOf(g, m[1]) : undefined;
  return m && weekday !== undefined ? { start: from + m.index + m[0].search(/\p{L}/u), weekday } : undefined;
}

/**
 * Dates written with digits and separators beyond the plain numeric date: a day and month with a slash
 * and no year ("on 22/04", "29/2", "28/2-1/3"), a month name among numbers ("23/Sep/2020",
 * "2019-sep-1", "Dec-2018"), a bare day of the month after a cue ("le 23", "den 15:e", "the 18th"), and
 * a weekday with its day ("Friday the 13th", "terça-feira dia 25").
 */
function collectNumericDays(text: string, g: TimeGrammar, out: Candidate[]): void {
  let m: RegExpExecArray | null;
  // A slash day-month without a year is a date only after a day cue or weekday and before no word
  // ("on 22/04", "dia 17/11", "samedi 23/06"), as the whole line, or as a range ("28/2-1/3"): in news
  // "4/1", "25/1" are betting odds, "3/4" a fraction, "the 9/11 attacks" a name and "24/7" a phrase.
  for (g.slashDayMonth.lastIndex = 0; (m = g.slashDayMonth.exec(text)); ) {
    const first = dayAndMonth(g, Number(m[1]), Number(m[2]));
    if (!first) continue;
    const year = m[5] ? twoDigitYear(m[5]) : undefined;
    const second = m[3] ? dayAndMonth(g, Number(m[3]), Number(m[4])) : undefined;
    if (m[3] && !second) continue;
    const before = wordBefore(text, m.index, g);
    const wd = weekdayLead(text, m.index, g);
    const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
    const lineEnd = text.indexOf('\n', m.index) < 0 ? text.length : text.indexOf('\n', m.index);
    const wholeLine = !text.slice(lineStart, m.index).trim() && !text.slice(m.index + m[0].length, lineEnd).replace(/[.!?]/g, '').trim();
    const wordAfter = /^\s*\p{L}/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3));
    const cue = (g.dayArticles.has(before) || g.dayOnlyCueWords.has(before) || wd !== undefined) && !wordAfter;
    if (!cue && !wholeLine && !second) continue;
    if (!validDay(first.month, first.day, year)) continue;
    const c: Candidate = { start: wd?.start ?? m.index, end: m.index + m[0].length, kind: 'date', month: first.month, day: first.day, year, weekday: wd?.weekday, priority: 1 };
    if (second) {
      if (!validDay(second.month, second.day, year)) continue;
      c.rangeEnd = { start: c.start, end: c.end, kind: 'date', month: second.month, day: second.day, year };
    }
    out.push(c);
  }
  for (g.namedNumeric.lastIndex = 0; (m = g.namedNumeric.exec(text)); ) {
    const parts = [m[1], m[3], m[4]].filter((x): x is string => x !== undefined);
    let month: number | undefined;
    let year: number | undefined;
    let day: number | undefined;
    let ok = true;
    for (const p of parts) {
      if (/^\d+$/.test(p)) {
        if (p.length === 4 && year === undefined) year = Number(p);
        else if (p.length <= 2 && day === undefined) day = Number(p);
        else ok = false;
      } else {
        const at = m[0].toLowerCase().indexOf(p.toLowerCase());
        const mo = monthOf(g, p, m[0].slice(at));
        if (!mo || month !== undefined) ok = false;
        else month = mo.month;
      }
    }
    if (!ok || month === undefined || (day === undefined && year === undefined)) continue;
    // "Dec-2018", "Dec/2018": a month; "1-jan": a day without a year.
    if (day === undefined) {
      out.push({ start: m.index, end: m.index + m[0].length, kind: 'month', month, year, priority: 1 });
      continue;
    }
    if (!validDay(month, day, year)) continue;
    const wd = weekdayLead(text, m.index, g);
    out.push({ start: wd?.start ?? m.index, end: m.index + m[0].length, kind: 'date', month, day, year, weekday: wd?.weekday, priority: 1 });
  }
  for (g.dayOnly.lastIndex = 0; (m = g.dayOnly.exec(text)); ) {
    const day = Number(m[2]);
    if (day < 1 || day > 31 || (g.dayOnlyNeedsSuffix && !m[3])) continue;
    const start = m.index + m[0].search(/\p{N}/u);
    out.push({ start, end: m.index + m[0].length, kind: 'date', day, priority: 3 });
  }
  for (g.monthRange.lastIndex = 0; (m = g.monthRange.exec(text)); ) {
    const a = monthOf(g, m[1], m[0]);
    const b = monthOf(g, m[2], m[0].slice(m[0].toLowerCase().indexOf(m[2].toLowerCase(), m[1].length)));
    const y = num(m[3]);
    if (!a || !b || y === undefined || a.month === b.month) continue;
    // "Nov-Feb 2017" runs from the November before.
    const endM: TimeMention = { start: m.index, end: m.index + m[0].length, kind: 'month', month: b.month, year: y };
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'month', month: a.month, year: a.month > b.month ? y - 1 : y, rangeEnd: endM, priority: 0 });
  }
  for (g.weekdayDay.lastIndex = 0; (m = g.weekdayDay.exec(text)); ) {
    const day = /^\d+$/.test(m[2]) ? Number(m[2]) : g.dayWordsOfMonth.get(phraseKey(m[2])) ?? 0;
    const weekday = weekdayOf(g, m[1]);
    if (day < 1 || day > 31 || weekday === undefined) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'date', day, weekday, priority: 1 });
  }
}

/**
 * Spelled-out years, as in broadcast transcripts: a century word and a tens word ("nineteen ninety-six",
 * "negentien zesennegentig"), or a thousand after a cue ("the year two thousand"); after a month name
 * the month of that year ("January nineteen ninety-seven").
 */
function collectSpokenYears(text: string, g: TimeGrammar, out: Candidate[]): void {
  const ng = numberGrammar(g.lang);
  if (!ng || !g.numberWords) return;
  /** Number words parsed one after another: "twenty five nineteen eighty six" -> [25, 19, 86]. */
  const parts = (seq: string): { value: number; scaled: boolean }[] | null => {
    const out: { value: number; scaled: boolean }[] = [];
    for (let at = 0; at < seq.length; ) {
      const n = evaluateWords(seq.slice(at), ng);
      if (!n || n.length === 0) return null;
      out.push({ value: n.value, scaled: n.scaled });
      at += n.length;
      while (at < seq.length && /\s/u.test(seq[at])) at++;
    }
    return out;
  };
  const century = (c: { value: number; scaled: boolean }, t: { value: number; scaled: boolean }) =>
    c.value >= 11 && c.value <= 20 && !c.scaled && t.value >= 10 && t.value <= 99 && !t.scaled ? c.value * 100 + t.value : undefined;
  let m: RegExpExecArray | null;
  for (g.numberWords.lastIndex = 0; (m = g.numberWords.exec(text)); ) {
    const seq = m[0];
    const p = parts(seq);
    if (!p) continue;
    let year: number | undefined;
    let day: number | undefined;
    if (p.length === 1 && p[0].value >= 2000 && p[0].value <= 2099 && g.spokenYearCues.has(wordBefore(text, m.index, g))) year = p[0].value;
    else if (p.length === 2) year = century(p[0], p[1]);
    else if (p.length === 3 && p[0].value >= 1 && p[0].value <= 31 && !p[0].scaled) {
      year = century(p[1], p[2]); // "January twenty five nineteen eighty six"
      day = p[0].value;
    }
    if (year === undefined) continue;
    const monthWord = /([\p{L}]+)\s+$/u.exec(text.slice(Math.max(0, m.index - 16), m.index));
    const mo = monthWord ? g.months.get(monthWord[1].toLowerCase()) : undefined;
    if (!mo?.full) {
      if (day === undefined) out.push({ start: m.index, end: m.index + seq.length, kind: 'year', year, priority: 1 });
      continue;
    }
    const monthStart = m.index - monthWord![0].length;
    if (day === undefined) {
      // "twenty five January nineteen eighty six": a spelled-out day before the month.
      const before = new RegExp(`(?:${ng.wordSequenceSource})\\s+$`, 'iu').exec(text.slice(Math.max(0, monthStart - 40), monthStart));
      const d = before ? parts(before[0].trim()) : null;
      if (d && d.length === 1 && d[0].value >= 1 && d[0].value <= 31 && !d[0].scaled && isValidDate(year, mo.month, d[0].value)) {
        out.push({ start: monthStart - before![0].length, end: m.index + seq.length, kind: 'date', month: mo.month, day: d[0].value, year, priority: 0 });
        continue;
      }
      out.push({ start: monthStart, end: m.index + seq.length, kind: 'month', month: mo.month, year, priority: 0 });
    } else if (isValidDate(year, mo.month, day)) {
      out.push({ start: monthStart, end: m.index + seq.length, kind: 'date', month: mo.month, day, year, priority: 0 });
    }
  }
}

/** A full month name ending the match took the sentence's full stop with it ("19 June."): give it back. */
function finalDot(matched: string, fullName: boolean): number {
  return fullName && matched.endsWith('.') ? 1 : 0;
}

function validDay(month: number, day: number, year: number | undefined): boolean {
  return isValidDate(year ?? 2000, month, day);
}

/** A bare year counts as a date only with a cue: a preposition ("in 2023"), "the 2023 election", "2023's". */
function yearContext(text: string, start: number, end: number, g: TimeGrammar): boolean {
  const before = wordBefore(text, start, g);
  if (g.anchors.has(before) || g.months.has(before.replace(/\.$/, ''))) return true;
  const after = text.slice(end, end + 24);
  if (/^['’]s(?![\p{L}])/u.test(after)) return true;
  // "the 2023 terrorist incident", "the company's 1989 results" — but not "the 2000 soldiers".
  if (g.yearDeterminers.has(before) || /\p{L}['’]s$/u.test(before)) {
    const next = /^\s(\p{L}+)/u.exec(after);
    if (next && !figureGrammar(g.lang)?.countNouns.has(next[1].toLowerCase())) return true;
  }
  return false;
}

function isModifierEnd(text: string, pos: number, g: TimeGrammar): boolean {
  return g.modifierBefore.test(text.slice(Math.max(0, pos - 30), pos));
}

function collectRelative(text: string, g: TimeGrammar, out: Candidate[]): void {
  let m: RegExpExecArray | null;
  for (g.dayWord.lastIndex = 0; (m = g.dayWord.exec(text)); ) {
    if (g.dayWordBlockers.size && g.dayWordBlockers.has(wordBefore(text, m.index, g))) continue;
    // Capitalised inside a sentence it is a name: "USA Today", "De Financiële Morgen".
    if (/^\p{Lu}/u.test(m[1]) && /[\p{L},]\s*$/u.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'dayword', offset: g.dayWords.get(phraseKey(m[1])) ?? 0, priority: 2 });
  }
  for (g.period.lastIndex = 0; (m = g.period.exec(text)); ) {
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      kind: 'period',
      shift: g.shifts.get(phraseKey(m[1])) ?? 0,
      unit: g.periods.get(phraseKey(m[2])),
      priority: 2,
    });
  }
  for (g.periodShiftAfter.lastIndex = 0; (m = g.periodShiftAfter.exec(text)); ) {
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'period', shift: g.shiftsAfter.get(phraseKey(m[2])) ?? 0, unit: g.periods.get(phraseKey(m[1])), priority: 2 });
  }
  for (g.weekdayShiftAfter.lastIndex = 0; (m = g.weekdayShiftAfter.exec(text)); ) {
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'weekday', weekday: weekdayOf(g, m[1]), relation: g.weekdayShiftsAfter.get(phraseKey(m[2])) ?? null, priority: 2 });
  }
  for (g.weekday.lastIndex = 0; (m = g.weekday.exec(text)); ) {
    const prefix = m[1] ? phraseKey(m[1]) : undefined;
    const relation = prefix !== undefined ? g.weekdayPrefixes.get(prefix) ?? null : null;
    // "on Monday": the preposition is not part of the expression.
    const start = prefix !== undefined && relation === null ? m.index + m[0].indexOf(m[2], m[1].length) : m.index;
    out.push({ start, end: m.index + m[0].length, kind: 'weekday', weekday: weekdayOf(g, m[2]), relation, priority: 3 });
  }
  for (g.weekdayPrefixed.lastIndex = 0; (m = g.weekdayPrefixed.exec(text)); ) {
    const relation = g.weekdayPrefixes.get(phraseKey(m[1])) ?? null;
    const start = relation === null ? m.index + m[0].length - m[2].length : m.index;
    out.push({ start, end: m.index + m[0].length, kind: 'weekday', weekday: weekdayOf(g, m[2]), relation, priority: 3 });
  }
  for (g.periodArticle.lastIndex = 0; (m = g.periodArticle.exec(text)); ) {
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'period', unit: g.periodArticles.get(phraseKey(m[1])), priority: 3 });
  }
  // Quarters: "the third quarter (of 2023)", "fiscal second-quarter", "Q3 2023", "2023-Q3", "last quarter".
  for (g.quarter.lastIndex = 0; (m = g.quarter.exec(text)); ) {
    const q = g.quarterOrdinals.get(m[3].toLowerCase());
    if (q) out.push({ start: m.index, end: m.index + m[0].length, kind: 'quarter', quarter: q, year: num(m[4]), priority: 1 });
  }
  // "the 1988 third quarter" is a quarter; "the 1988 period" / "the 1988 quarter" that year's reference quarter.
  for (g.referenceYear.lastIndex = 0; (m = g.referenceYear.exec(text)); ) {
    const start = m.index + m[0].indexOf(m[1]);
    const q = m[2] ? g.quarterOrdinals.get(m[2].toLowerCase()) : undefined;
    if (m[2] && q) out.push({ start, end: m.index + m[0].length, kind: 'quarter', quarter: q, year: Number(m[1]), priority: 0 });
    else if (!m[2]) out.push({ start, end: m.index + m[0].length, kind: 'reference', year: Number(m[1]), offset: 0, priority: 0 });
  }
  for (g.anaphoric.lastIndex = 0; (m = g.anaphoric.exec(text)); ) {
    const unit = g.anaphoricUnits.get(phraseKey(m[2]));
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'anaphoric', offset: g.anaphoricShifts.get(phraseKey(m[1])) ?? 0, unit, priority: 0 });
  }
  for (g.referencePeriod.lastIndex = 0; (m = g.referencePeriod.exec(text)); ) {
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'reference', offset: g.referencePeriods.get(phraseKey(m[1])) ?? 0, priority: 0 });
  }
  for (g.quarterShifted.lastIndex = 0; (m = g.quarterShifted.exec(text)); ) {
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'quarter', shift: g.quarterShifts.get(phraseKey(m[1])), priority: 1 });
  }
  for (g.quarterShiftedAfter.lastIndex = 0; (m = g.quarterShiftedAfter.exec(text)); ) {
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'quarter', shift: g.quarterShiftsAfter.get(phraseKey(m[1])), priority: 1 });
  }
  // "end of month", "a fin de mes": the current period, with the modifier.
  for (g.periodModified.lastIndex = 0; (m = g.periodModified.exec(text)); ) {
    const unit = g.periods.get(phraseKey(m[2]));
    if (!unit || unit === 'weekend') continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'period', shift: 0, unit, mod: g.modifiers.get(phraseKey(m[1])), priority: 4 });
  }
  for (g.quarterCode.lastIndex = 0; (m = g.quarterCode.exec(text)); ) {
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'quarter', quarter: Number(m[1]), year: num(m[2]), priority: 1 });
  }
  for (g.yearQuarterCode.lastIndex = 0; (m = g.yearQuarterCode.exec(text)); ) {
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'quarter', quarter: Number(m[2]), year: Number(m[1]), priority: 1 });
  }
  const ng = numberGrammar(g.lang);
  const amount = (s: string): number | undefined => {
    if (/^\d+$/.test(s)) return Number(s);
    if (g.articles.has(s.toLowerCase())) return 1;
    const ev = ng ? evaluateWords(s, ng) : null;
    return ev && ev.length === s.length ? ev.value : undefined;
  };
  for (g.offsetAgo.lastIndex = 0; (m = g.offsetAgo.exec(text)); ) {
    const n = amount(m[1]);
    const unit = g.units.get(phraseKey(m[2]));
    if (n === undefined || !unit) continue;
    const ago = g.ago.has(phraseKey(m[3]));
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'offset', offset: ago ? -n : n, unit, priority: 1 });
  }
  for (g.offsetAhead.lastIndex = 0; (m = g.offsetAhead.exec(text)); ) {
    const n = amount(m[2]);
    const unit = g.units.get(phraseKey(m[3]));
    if (n === undefined || !unit) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'offset', offset: n, unit, priority: 1 });
  }
  for (g.offsetAgoBefore.lastIndex = 0; (m = g.offsetAgoBefore.exec(text)); ) {
    const n = amount(m[2]);
    const unit = g.units.get(phraseKey(m[3]));
    if (n === undefined || !unit) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'offset', offset: -n, unit, priority: 1 });
  }
  for (g.offsetFromDay.lastIndex = 0; (m = g.offsetFromDay.exec(text)); ) {
    const n = amount(m[1]);
    const unit = g.units.get(phraseKey(m[2]));
    const base = g.dayWords.get(phraseKey(m[4]));
    if (n === undefined || !unit || base === undefined) continue;
    const sign = g.fromDayAfter.has(phraseKey(m[3])) ? 1 : -1;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'offset', offset: sign * n, unit, dayBase: base, priority: 0 });
  }
  for (g.span.lastIndex = 0; (m = g.span.exec(text)); ) {
    const n = amount(m[2]);
    const unit = g.units.get(phraseKey(m[3]));
    const dir = g.spanShifts.get(phraseKey(m[1]));
    if (n === undefined || !unit || dir === undefined) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'span', offset: dir * n, unit, priority: 1 });
  }
  for (g.spanNumberFirst.lastIndex = 0; (m = g.spanNumberFirst.exec(text)); ) {
    const n = amount(m[1]);
    const unit = g.units.get(phraseKey(m[3]));
    const dir = g.spanShifts.get(phraseKey(m[2]));
    if (n === undefined || n > 100 || !unit || dir === undefined) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'span', offset: dir * n, unit, priority: 1 });
  }
  // Decades: a range of years, and like any year background ("the 1990s", "les années 1990").
  for (g.decade.lastIndex = 0; (m = g.decade.exec(text)); ) {
    if (m[0].length === m[1].length) continue; // a bare year is no decade
    const y = Number(m[1]);
    const endM: TimeMention = { start: m.index, end: m.index + m[0].length, kind: 'year', year: y + 9 };
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'year', year: y, rangeEnd: endM, priority: 1 });
  }
  for (g.season.lastIndex = 0; (m = g.season.exec(text)); ) {
    const trigger = m[1] ? phraseKey(m[1]) : undefined;
    const seasonWord = m[2].toLowerCase();
    const year = num(m[3]);
    const shift = trigger !== undefined ? g.shifts.get(trigger) : undefined;
    if (trigger === undefined && year === undefined) continue;
    if (g.seasonNeedsAnchor.has(seasonWord) && shift === undefined && year === undefined && trigger === undefined) continue;
    const start = shift !== undefined ? m.index : m.index + m[0].toLowerCase().indexOf(seasonWord, trigger?.length ?? 0);
    out.push({ start, end: m.index + m[0].length, kind: 'season', season: g.seasons.get(seasonWord), year, shift, priority: 4 });
  }
  for (g.holiday.lastIndex = 0; (m = g.holiday.exec(text)); ) {
    const md = g.holidays.get(phraseKey(m[1]));
    if (!md) continue;
    if (md.startsWith('E')) {
      out.push({ start: m.index, end: m.index + m[0].length, kind: 'date', easterOffset: Number(md.slice(1)), year: num(m[2]), priority: 2 });
      continue;
    }
    const [, mo, d, w] = /^(\d{2})-(\d{2})(?:\+(\d))?$/.exec(md)!.map(Number);
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'date', month: mo, day: d, onOrAfter: w || undefined, year: num(m[2]), priority: 2 });
  }
}

const WEEK_RELATION: Record<number, WeekdayRelation> = { [-1]: 'previous-week', 0: 'this-week', 1: 'next-week' };

/**
 * A weekday next to a shifted week is that weekday of that week: "next week on Tuesday", "la semaine
 * prochaine mardi", "söndag i nästa vecka", "previous week - Monday". Between them at most two short
 * words (up to three letters) and no sentence mark.
 */
function joinWeekdayWeek(text: string, ms: TimeMention[]): TimeMention[] {
  const out: TimeMention[] = [];
  for (let i = 0; i < ms.length; i++) {
    const a = ms[i];
    const b = ms[i + 1];
    const isWeek = (x: TimeMention) => x.kind === 'period' && x.unit === 'week' && typeof x.shift === 'number' && x.shift in WEEK_RELATION;
    const isDay = (x: TimeMention) => x.kind === 'weekday' && x.weekday !== undefined && (x.relation ?? null) === null;
    if (b && ((isWeek(a) && isDay(b)) || (isDay(a) && isWeek(b))) && /^[\s,–-]*(?:\p{L}{1,3}\s+){0,2}[\s,–-]*$/u.test(text.slice(a.end, b.start))) {
      const week = isWeek(a) ? a : b;
      const day = isWeek(a) ? b : a;
      out.push({ start: a.start, end: b.end, kind: 'weekday', weekday: day.weekday, relation: WEEK_RELATION[week.shift!] });
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** Keeps the longest candidates that do not overlap (ties: lower priority value, then earlier). */
function selectLongest(c: Candidate[]): TimeMention[] {
  c.sort((a, b) => b.end - b.start - (a.end - a.start) || a.priority - b.priority || a.start - b.start);
  const kept: Candidate[] = [];
  for (const x of c) {
    if (kept.every((k) => x.end <= k.start || x.start >= k.end)) kept.push(x);
  }
  kept.sort((a, b) => a.start - b.start);
  return kept.map(({ priority: _p, ...rest }) => rest);
}

/** "early April", "later this week", "eind vorig jaar", "mid-November": the modifier joins the span. */
function applyModifiers(text: string, g: TimeGrammar, ms: TimeMention[]): void {
  for (const m of ms) {
    if (m.kind !== 'month' && m.kind !== 'year' && m.kind !== 'period' && m.kind !== 'season') continue;
    const from = Math.max(0, m.start - 30);
    const mm = g.modifierBefore.exec(text.slice(from, m.start));
    if (!mm) continue;
    m.mod = g.modifiers.get(phraseKey(mm[1]));
    m.start = from + mm.index + mm[0].indexOf(mm[1]);
  }
}

/** Joins "May 1 to May 5", "between 2007 and 2009", "from January to April 2015" into one range mention. */
function mergeRanges(text: string, g: TimeGrammar, ms: TimeMention[]): TimeMention[] {
  const out: TimeMention[] = [];
  for (let i = 0; i < ms.length; i++) {
    const a = ms[i];
    const b = ms[i + 1];
    if (b && !a.rangeEnd && rangeable(a) && rangeable(b) && g.rangeConnector.test(text.slice(a.end, b.start))) {
      const between = text.slice(a.end, b.start);
      const opener = g.rangeOpener.exec(text.slice(Math.max(0, a.start - 12), a.start));
      if (!g.rangeNeedsOpener.has(phraseKey(between.trim())) || opener) {
        // A year given only at the end applies to both ends ("from January to April 2015").
        if (a.year === undefined && b.year !== undefined && a.kind !== 'weekday') a.year = b.year;
        if (opener) a.start = a.start - opener[0].length + opener[0].search(/\p{L}/u);
        a.end = b.end;
        a.rangeEnd = b;
        out.push(a);
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** A date or month without a year and the year written after it ("28 June in 2020", "from April to June
 *  in 2017"): one mention of that year. */
function joinYearAfter(text: string, g: TimeGrammar, ms: TimeMention[]): TimeMention[] {
  const out: TimeMention[] = [];
  for (let i = 0; i < ms.length; i++) {
    const a = ms[i];
    const b = ms[i + 1];
    const yearless = (x: TimeMention) => (x.kind === 'date' || x.kind === 'month') && x.year === undefined && x.shift == null && x.month !== undefined;
    if (b && b.kind === 'year' && !b.rangeEnd && b.year !== undefined && yearless(a) && (!a.rangeEnd || yearless(a.rangeEnd)) && g.yearAfterGap.test(text.slice(a.end, b.start))) {
      const rangeEnd = a.rangeEnd ? { ...a.rangeEnd, year: b.year } : undefined;
      out.push({ ...a, year: b.year, end: b.end, rangeEnd });
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

function rangeable(m: TimeMention): boolean {
  return m.kind === 'date' || m.kind === 'month' || m.kind === 'year';
}
