// The ticks of a time axis over day numbers (days since 1970-01-01, UTC) for any span, from an hour's
// worth of days to centuries: the step is the smallest of days (1, 2, 7, 14), months (1, 2, 3, 6) or
// years (1, 2, 5, 10, 20, 50, 100, …) whose labels fit the axis's width side by side, so labels never
// overlap. Labels say only what changes: "9 Jul" with the year at the first tick and at a new year,
// "Jul" with the year at the first tick and in January, "2005" for years. No DOM: tested in node.

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 86_400_000;

/** The day number of a calendar day; years before 100 stay themselves (Date.UTC would read 50 as 1950). */
export function dayOf(year: number, month = 0, day = 1): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, day);
  d.setUTCHours(0, 0, 0, 0);
  return Math.round(d.getTime() / DAY_MS);
}

function parts(day: number): { y: number; m: number; d: number } {
  const t = new Date(day * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth(), d: t.getUTCDate() };
}

/** The period an ISO date stands for, as [first day, last day]: a day, a month ("2024-05") or a year ("2024"). */
export function periodOf(iso: string): [number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  if (m === undefined || Number.isNaN(m)) return [dayOf(y, 0, 1), dayOf(y + 1, 0, 1) - 1];
  if (d === undefined || Number.isNaN(d)) return [dayOf(y, m - 1, 1), dayOf(y, m, 1) - 1];
  const day = dayOf(y, m - 1, d);
  return [day, day];
}

export type TickUnit = 'day' | 'month' | 'year';

export interface TimeTicks {
  unit: TickUnit;
  /** Days, months or years between ticks. */
  step: number;
  ticks: number[];
  labels: string[];
}

const STEPS: { unit: TickUnit; step: number; days: number; width: number }[] = [
  ...[1, 2, 7, 14].map((step) => ({ unit: 'day' as const, step, days: step, width: 11 })), // "29 Sep 2025" at most
  ...[1, 2, 3, 6].map((step) => ({ unit: 'month' as const, step, days: step * 30.44, width: 8 })), // "Sep 2025"
  ...[1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].map((step) => ({ unit: 'year' as const, step, days: step * 365.25, width: 5 })),
];

function tickDays(min: number, max: number, unit: TickUnit, step: number): number[] {
  const out: number[] = [];
  if (unit === 'day') {
    for (let d = Math.ceil(min / step) * step; d <= max; d += step) out.push(d);
    return out;
  }
  const start = parts(Math.floor(min));
  if (unit === 'month') {
    let index = Math.ceil((start.y * 12 + start.m) / step) * step;
    for (;;) {
      const day = dayOf(Math.floor(index / 12), index % 12, 1);
      if (day > max) break;
      if (day >= min) out.push(day);
      index += step;
    }
    return out;
  }
  for (let y = Math.ceil(start.y / step) * step; ; y += step) {
    const day = dayOf(y, 0, 1);
    if (day > max) break;
    if (day >= min) out.push(day);
  }
  return out;
}

function label(day: number, unit: TickUnit, previous: number | null): string {
  const p = parts(day);
  const newYear = previous === null || parts(previous).y !== p.y;
  if (unit === 'year') return String(p.y);
  if (unit === 'month') return newYear || p.m === 0 ? `${SHORT_MONTHS[p.m]} ${p.y}` : SHORT_MONTHS[p.m];
  return newYear ? `${p.d} ${SHORT_MONTHS[p.m]} ${p.y}` : `${p.d} ${SHORT_MONTHS[p.m]}`;
}

/**
 * Ticks for [min, max] on an axis `widthPx` wide, with labels of about `charPx` per character and
 * at least `gapPx` between them: the finest step whose widest label fits, at least two ticks when
 * the span allows.
 */
export function timeTicks(min: number, max: number, widthPx: number, charPx = 7, gapPx = 14): TimeTicks {
  const span = Math.max(1, max - min);
  for (const s of STEPS) {
    const room = s.width * charPx + gapPx;
    const count = span / s.days;
    if (count * room <= widthPx || s === STEPS[STEPS.length - 1]) {
      const ticks = tickDays(min, max, s.unit, s.step);
      if (ticks.length < 2 && s !== STEPS[0]) {
        // Fewer than two ticks: the finer step before this one shows the span better, if it fits at all.
        const i = STEPS.indexOf(s);
        const finer = STEPS[i - 1];
        const finerTicks = tickDays(min, max, finer.unit, finer.step);
        if (finerTicks.length >= 2 && finerTicks.length * (finer.width * charPx + gapPx) <= widthPx * 1.2) return withLabels(finer.unit, finer.step, finerTicks);
      }
      return withLabels(s.unit, s.step, ticks);
    }
  }
  throw new Error('unreachable: the last step always answers');
}

function withLabels(unit: TickUnit, step: number, ticks: number[]): TimeTicks {
  return { unit, step, ticks, labels: ticks.map((t, i) => label(t, unit, i > 0 ? ticks[i - 1] : null)) };
}

/** The label of a date at its precision: "9 Jul 2025", "Jul 2025" (a month), "2025" (a year). */
export function precisionLabel(iso: string, granularity: 'day' | 'month' | 'year'): string {
  const [first] = periodOf(iso);
  const p = parts(first);
  if (granularity === 'year') return `${p.y} (year)`;
  if (granularity === 'month') return `${SHORT_MONTHS[p.m]} ${p.y} (month)`;
  return `${p.d} ${SHORT_MONTHS[p.m]} ${p.y}`;
}
