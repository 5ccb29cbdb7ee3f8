// Small, local date finding for the publication date: full dates written with a month name in any
// supported language ("May 1, 2024", "1 mei 2024", "Oct. 7, 2023"), ISO dates, dated URL paths and
// the date strings found in metadata. Partial dates ("May 1", "oktober 2023") are not dates here.
// The times step (src/analysis/times) has a richer grammar over the same calendar.json, but it works
// per language, wants "May" capitalised and takes partial dates; cleaning runs before the language
// is known and only full dates are publication dates, so the patterns here stay its own. Shared:
// month names (calendar.json) and ordinal suffixes (times.json), both through cleanRules, and calendar math.
import { cleanRules } from './data.ts';
import { isoDate as formatIsoDate, isValidDate } from '../text/calendar.ts';

export interface FoundDate {
  /** YYYY-MM-DD */
  iso: string;
  index: number;
  length: number;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

/** YYYY-MM-DD for a real calendar day, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR || !isValidDate(year, month, day)) return null;
  return formatIsoDate(year, month, day);
}

let patterns: { monthDay: RegExp; dayMonth: RegExp; iso: RegExp } | undefined;

function datePatterns() {
  if (patterns) return patterns;
  const { monthAlternation: months, ordinals, dayMonthJoiners } = cleanRules();
  // "3 de febrero de 2025": the joiners of the languages that write the day first.
  const J = dayMonthJoiners ? `(?:(?:${dayMonthJoiners})\\s+)?` : '';
  const notLetterBefore = '(?<![\\p{L}\\p{N}])';
  const notLetterAfter = '(?![\\p{L}\\p{N}])';
  patterns = {
    // "May 1, 2024", "Oct. 7 2023", "September 29th, 2025"
    monthDay: new RegExp(
      `${notLetterBefore}(${months})\\.?\\s+(\\d{1,2})(?:${ordinals.monthDay})?,?\\s+(\\d{4})${notLetterAfter}`,
      'giu',
    ),
    // "1 mei 2024", "01 May 2024", "1st May 2024", "1. Mai 2024"
    dayMonth: new RegExp(
      `${notLetterBefore}(\\d{1,2})(?:${ordinals.dayMonth})?\\.?\\s+${J}(${months})\\.?,?\\s+${J}(\\d{4})${notLetterAfter}`,
      'giu',
    ),
    iso: /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g,
  };
  return patterns;
}

/** Every full date in the text, in order of appearance. */
export function findDates(text: string): FoundDate[] {
  const { months } = cleanRules();
  const p = datePatterns();
  const out: FoundDate[] = [];
  const push = (m: RegExpExecArray, y: string, mo: number | undefined, d: string) => {
    const iso = mo === undefined ? null : isoDate(Number(y), mo, Number(d));
    if (iso) out.push({ iso, index: m.index, length: m[0].length });
  };
  for (const m of text.matchAll(p.monthDay)) push(m, m[3], months.get(m[1].toLowerCase()), m[2]);
  for (const m of text.matchAll(p.dayMonth)) push(m, m[3], months.get(m[2].toLowerCase()), m[1]);
  for (const m of text.matchAll(p.iso)) push(m, m[1], Number(m[2]), m[3]);
  out.sort((a, b) => a.index - b.index);
  return out.filter((d, i) => i === 0 || d.index >= out[i - 1].index + out[i - 1].length);
}

/**
 * Days named without a year ("on May 5", "12 mei"), as month and day, in order of appearance. Writers
 * drop the year for days near the time of writing. Capitalised month names only ("May 5", not "may 5").
 */
export function findYearlessDays(text: string): { month: number; day: number }[] {
  const { monthAlternation: months, ordinals, months: monthNumbers } = cleanRules();
  if (!yearless) {
    const before = '(?<![\\p{L}\\p{N}])';
    const noYear = '(?![\\p{L}\\p{N}]|,?\\s*\\d{4}|[.,:]\\d)';
    yearless = new RegExp(
      `${before}(?:(\\p{Lu}\\p{Ll}*)\\.?\\s+(\\d{1,2})(?:${ordinals.monthDay})?${noYear}|(\\d{1,2})(?:${ordinals.dayMonth})?\\.?\\s+(\\p{Lu}\\p{Ll}*|\\p{Ll}+)\\.?${noYear})`,
      'gu',
    );
    void months;
  }
  const out: { month: number; day: number }[] = [];
  for (const m of text.matchAll(yearless)) {
    const month = monthNumbers.get((m[1] ?? m[4]).toLowerCase());
    const day = Number(m[2] ?? m[3]);
    if (month !== undefined && isValidDate(2000, month, day)) out.push({ month, day });
  }
  return out;
}
let yearless: RegExp | undefined;

/** Dates in the path of a URL: /2025/09/29/, /2025-09-29/, _20250929_ (8 digits between separators). */
export function urlDates(url: string): string[] {
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  const out: string[] = [];
  const sep = /(?:^|[/_.-])((?:19|20|21)\d{2})([/-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?=$|[/_.?#-])/g;
  for (const m of path.matchAll(sep)) {
    const iso = isoDate(Number(m[1]), Number(m[3]), Number(m[4]));
    if (iso) out.push(iso);
  }
  const compact = /(?:^|[/_-])((?:19|20|21)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=$|[/_.?#-])/g;
  for (const m of path.matchAll(compact)) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso) out.push(iso);
  }
  return out;
}

/**
 * A metadata date string as YYYY-MM-DD (or YYYY-MM when only the month is given): ISO 8601 (the calendar date as written, time zone not
 * applied), "2024/05/01", RFC 2822 ("Wed, 01 May 2024 10:00:00 GMT"), month-name dates, or Unix
 * time in seconds/milliseconds. Null when nothing reliable is found.
 */
export function parseDateString(s: string): string | null {
  const t = s.trim();
  // A month alone ("2025-07", "2025/07") keeps month precision: never a guessed day.
  const month = /^(\d{4})[-/.](\d{1,2})$/.exec(t);
  if (month) {
    const y = Number(month[1]);
    const mo = Number(month[2]);
    return y >= MIN_YEAR && y <= MAX_YEAR && mo >= 1 && mo <= 12 ? `${month[1]}-${String(mo).padStart(2, '0')}` : null;
  }
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/.exec(t);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(t);
  if (compact) return isoDate(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  if (/^\d{10}(?:\d{3})?$/.test(t)) {
    const ms = t.length === 10 ? Number(t) * 1000 : Number(t);
    const d = new Date(ms);
    return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return findDates(t)[0]?.iso ?? null;
}

/** URLs written in the text. */
export function urlsInText(text: string): string[] {
  return [...text.matchAll(/\b(?:https?:\/\/|www\.)[^\s"'<>()]+/gi)].map((m) => m[0]);
}
