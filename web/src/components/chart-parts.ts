// What the Chart.js charts share: the handle a page keeps, the theme's colours, the narrow-screen
// switch, a pointer cursor over points, and the x axis of a chart over days (padded range, ticks at
// month starts or every few days). Only types come from Chart.js here, so it is still loaded lazily.
import type { ActiveElement, ChartEvent, ScaleOptions } from 'chart.js';
import { dayTick, monthTicks } from './story-format.ts';

/** A chart as a page holds it: its element, and how to free it. */
export interface ChartHandle {
  element: HTMLElement;
  destroy(): void;
}

export const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A CSS custom property of the page (`--muted`), or the fallback when the theme leaves it out. */
export const themeColour = (name: string, fallback: string): string => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;

/** True on a phone-wide screen, where charts draw smaller points and fewer ticks. */
export const isCompact = (): boolean => window.matchMedia('(max-width: 600px)').matches;

/** The `onHover` of a clickable chart: a pointer over a point, the default cursor elsewhere. */
export function pointerOverPoints(ev: ChartEvent, elements: ActiveElement[]): void {
  const target = ev.native?.target as HTMLElement | undefined;
  if (target) target.style.cursor = elements.length ? 'pointer' : 'default';
}

/** Ticks for a day range: month starts, or every few days when it spans under two months. */
export function dayTicks(min: number, max: number, most: number): { ticks: number[]; withDay: boolean } {
  if (max - min >= 62) return { ticks: monthTicks(min, max, most), withDay: false };
  const step = Math.max(1, Math.ceil((max - min) / most));
  const ticks: number[] = [];
  for (let d = Math.ceil(min); d <= max; d += step) ticks.push(d);
  return { ticks, withDay: true };
}

/**
 * The x axis of a chart over day numbers: from the first to the last day, padded on each side by
 * `share` of that span but at least `minPad` days, with at most `most` ticks.
 */
export function dayAxis(days: number[], pad: { minPad: number; share: number }, most: number, colours: { muted: string; line: string }): ScaleOptions<'linear'> {
  const first = Math.min(...days);
  const last = Math.max(...days);
  const margin = Math.max(pad.minPad, (last - first) * pad.share);
  const min = first - margin;
  const max = last + margin;
  const { ticks, withDay } = dayTicks(min, max, most);
  return {
    type: 'linear',
    min,
    max,
    grid: { color: colours.line },
    afterBuildTicks: (scale) => {
      scale.ticks = ticks.map((value) => ({ value }));
    },
    ticks: { color: colours.muted, maxRotation: 0, autoSkip: false, callback: (v) => dayTick(Number(v), withDay) },
  };
}
