// The time axis of the timeline and figure charts (web/src/components/time-axis.ts): for spans from a
// day to centuries the ticks fit the axis without overlapping and say what changes. The spans are
// the ones real stories show: a one-day event, a few weeks of a war, BBC's 2004–05, the 1600–2008
// of a misread time of day (issue 11), decades of background years.
import { describe, expect, it } from 'vitest';
import { dayOf, periodOf, precisionLabel, timeTicks } from '../../web/src/components/time-axis.ts';

const CHAR = 7;
const GAP = 14;
/** Labels laid out at their ticks on a `width`-px axis never overlap. */
function overlaps(min: number, max: number, width: number, t: { ticks: number[]; labels: string[] }): boolean {
  const x = (d: number) => ((d - min) / (max - min)) * width;
  for (let i = 1; i < t.ticks.length; i++) {
    const room = x(t.ticks[i]) - x(t.ticks[i - 1]);
    const need = ((t.labels[i - 1].length + t.labels[i].length) / 2) * CHAR + GAP / 2;
    if (room < need) return true;
  }
  return false;
}

describe('time axis ticks', () => {
  const spans: [string, number, number][] = [
    ['one day', dayOf(2025, 6, 8) - 1, dayOf(2025, 6, 8) + 1],
    ['three weeks', dayOf(2025, 6, 1), dayOf(2025, 6, 22)],
    ['five months', dayOf(2025, 2, 10), dayOf(2025, 7, 10)],
    ['BBC 2004–05', dayOf(2004, 0, 1), dayOf(2005, 11, 31)],
    ['1600–2008', dayOf(1600, 1, 26), dayOf(2008, 0, 1)],
    ['decades', dayOf(1906, 0, 1), dayOf(2005, 0, 1)],
    ['2024-05 – 2025-09 (the seeds)', dayOf(2024, 4, 1), dayOf(2025, 8, 29)],
  ];
  for (const width of [320, 700, 1100]) {
    for (const [name, min, max] of spans) {
      it(`fits ${name} on ${width} px: at least two ticks, none overlapping`, () => {
        const t = timeTicks(min, max, width, CHAR, GAP);
        expect(t.ticks.length).toBeGreaterThanOrEqual(2);
        expect(t.ticks.every((d) => d >= min && d <= max)).toBe(true);
        expect(overlaps(min, max, width, t)).toBe(false);
      });
    }
  }

  it('picks the unit by span: days for weeks, months for a year or two, years for centuries', () => {
    expect(timeTicks(dayOf(2025, 6, 1), dayOf(2025, 6, 22), 1100).unit).toBe('day');
    expect(timeTicks(dayOf(2004, 0, 1), dayOf(2005, 11, 31), 1100).unit).toBe('month');
    const centuries = timeTicks(dayOf(1600, 1, 26), dayOf(2008, 0, 1), 700);
    expect(centuries.unit).toBe('year');
    expect(centuries.labels[0]).toMatch(/^1[67]\d0$/);
  });

  it('labels only what changes: the year at the first tick and at a new year', () => {
    const t = timeTicks(dayOf(2004, 10, 1), dayOf(2005, 2, 31), 500);
    expect(t.unit).toBe('month');
    expect(t.labels).toEqual(['Nov 2004', 'Dec', 'Jan 2005', 'Feb', 'Mar']);
    const days = timeTicks(dayOf(2024, 11, 28), dayOf(2025, 0, 3), 1100);
    expect(days.labels).toEqual(['28 Dec 2024', '29 Dec', '30 Dec', '31 Dec', '1 Jan 2025', '2 Jan', '3 Jan']);
  });

  it('reads a month or a year as the period it stands for, and labels it with its precision', () => {
    expect(periodOf('2024-05')).toEqual([dayOf(2024, 4, 1), dayOf(2024, 4, 31)]);
    expect(periodOf('2005')).toEqual([dayOf(2005, 0, 1), dayOf(2005, 11, 31)]);
    expect(periodOf('2025-07-08')).toEqual([dayOf(2025, 6, 8), dayOf(2025, 6, 8)]);
    expect(precisionLabel('2024-05', 'month')).toBe('May 2024 (month)');
    expect(precisionLabel('2005', 'year')).toBe('2005 (year)');
    expect(precisionLabel('2025-07-08', 'day')).toBe('8 Jul 2025');
    expect(dayOf(50, 0, 1)).toBeLessThan(dayOf(1950, 0, 1));
  });
});
