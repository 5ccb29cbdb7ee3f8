// Calendar arithmetic shared by the date grammars (the times step and the publication date of the
// cleaning step): dates as "epoch days" (whole days since 1970-01-01, proleptic Gregorian, no time
// zone), so nothing depends on the machine's time zone. ISO weeks start on Monday.

export interface YMD {
  y: number;
  m: number; // 1-12
  d: number; // 1-31
}

const MS_DAY = 86_400_000;

export function epochDay(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / MS_DAY);
}

export function fromEpochDay(n: number): YMD {
  const dt = new Date(n * MS_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(n: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** ISO week-numbering year and week of an epoch day. */
export function isoWeek(n: number): { year: number; week: number } {
  const thursday = n - isoWeekday(n) + 4;
  const { y } = fromEpochDay(thursday);
  const week = Math.floor((thursday - epochDay(y, 1, 1)) / 7) + 1;
  return { year: y, week };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Adds months, clamping the day to the target month's length. */
export function addMonths(n: number, months: number): number {
  const { y, m, d } = fromEpochDay(n);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return epochDay(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;
const pad4 = (n: number) => String(n).padStart(4, '0');

/** YYYY-MM-DD of a year, month and day (not checked: see isValidDate). */
export function isoDate(y: number, m: number, d: number): string {
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
}

export function isoDay(n: number): string {
  const { y, m, d } = fromEpochDay(n);
  return isoDate(y, m, d);
}

export function isoMonth(y: number, m: number): string {
  return `${pad4(y)}-${pad2(m)}`;
}

export function isoWeekString(n: number): string {
  const { year, week } = isoWeek(n);
  return `${pad4(year)}-W${pad2(week)}`;
}

export function partialMonthDay(m: number, d: number): string {
  return `--${pad2(m)}-${pad2(d)}`;
}

export function partialMonth(m: number): string {
  return `--${pad2(m)}`;
}

export { pad2, pad4 };

/**
 * Parses an anchor date (publishedAt) into an epoch day. Accepts ISO dates and date-times (the calendar
 * date as written is used, ignoring the offset), or anything Date.parse understands; null when unusable.
 */
export function anchorDay(publishedAt: string | null | undefined): number | null {
  if (!publishedAt) return null;
  // A month or a year ("2025-07") has no day to count from: nothing relative resolves against it.
  if (/^\d{4}(?:-\d{2})?$/.test(publishedAt.trim())) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt);
  if (m) {
    const y = +m[1];
    const mo = +m[2];
    const d = +m[3];
    return isValidDate(y, mo, d) ? epochDay(y, mo, d) : null;
  }
  const t = Date.parse(publishedAt);
  return Number.isNaN(t) ? null : Math.floor(t / MS_DAY);
}
