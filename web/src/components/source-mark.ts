// One mark per source on a page, distinguishable however many sources there are: a colour (eight
// that read on light and dark backgrounds), a shape for charts (eight Chart.js point styles, so
// colour × shape tells 64 sources apart in a chart), and a short label — the source's number in the
// order given (the comparison's rank) — written in its swatch, so two sources never look alike in a
// list or table even when their colour repeats.
import { h } from '../dom.ts';
import type { SourceRef } from './story-api.ts';

const PALETTE = ['#3b7ddd', '#e07b39', '#2e9e6a', '#c0466f', '#8a63d2', '#b59a1b', '#1f9fb4', '#7a7f87'];
/** Chart.js point styles, the next one for each round of the palette. */
const SHAPES = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot', 'rectRounded', 'cross'] as const;

export interface SourceMark {
  colour: string;
  shape: (typeof SHAPES)[number];
  /** The source's number on the page ("12"). */
  label: string;
}

export type SourceMarks = Map<string, SourceMark>;

/** A mark per source in the order given (the first id wins when one repeats). */
export function sourceMarks(sources: SourceRef[]): SourceMarks {
  const out: SourceMarks = new Map();
  for (const s of sources) {
    if (out.has(s.id)) continue;
    const i = out.size;
    out.set(s.id, { colour: PALETTE[i % PALETTE.length], shape: SHAPES[Math.floor(i / PALETTE.length) % SHAPES.length], label: String(i + 1) });
  }
  return out;
}

/** The swatch of a source: its colour with its number in it (a plain swatch when it has no mark). */
export function markSwatch(mark: SourceMark | undefined, name?: string): HTMLElement {
  if (!mark) return h('span', { class: 'swatch source-mark', 'aria-hidden': 'true' });
  return h('span', { class: 'swatch source-mark', vars: { '--swatch': mark.colour }, dataset: { mark: mark.label }, title: name ? `${mark.label}: ${name}` : undefined, 'aria-hidden': 'true' }, mark.label);
}
