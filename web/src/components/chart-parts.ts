// What the Chart.js charts share: the handle a page keeps, the theme's colours, the narrow-screen
// switch, a pointer cursor over points, and the x axis of a chart over days (padded range, ticks by
// span from time-axis.ts). Only types come from Chart.js here, so it is still loaded lazily.
import type { ActiveElement, ChartEvent, ScaleOptions } from 'chart.js';
import { timeTicks } from './time-axis.ts';

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

/**
 * The x axis of a chart over day numbers: from the first to the last day, padded on each side by
 * `share` of that span but at least `minPad` days. Ticks come from timeTicks for the axis's width
 * when it is laid out (days, months or years, labels that fit side by side); Chart.js's auto-skip
 * stays on as a second guard against overlapping labels.
 */
export function dayAxis(days: number[], pad: { minPad: number; share: number }, colours: { muted: string; line: string }): ScaleOptions<'linear'> {
  const first = Math.min(...days);
  const last = Math.max(...days);
  const margin = Math.max(pad.minPad, (last - first) * pad.share);
  const min = first - margin;
  const max = last + margin;
  let labels = new Map<number, string>();
  return {
    type: 'linear',
    min,
    max,
    grid: { color: colours.line },
    afterBuildTicks: (scale) => {
      const t = timeTicks(min, max, Math.max(120, scale.width || scale.chart.width));
      labels = new Map(t.ticks.map((d, i) => [d, t.labels[i]]));
      scale.ticks = t.ticks.map((value) => ({ value }));
    },
    ticks: { color: colours.muted, maxRotation: 0, autoSkip: true, autoSkipPadding: 12, callback: (v) => labels.get(Number(v)) ?? '' },
  };
}
