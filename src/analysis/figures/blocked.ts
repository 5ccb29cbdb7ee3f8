// Where no figure can start: URLs, e-mail, markup, clock times and phone numbers (the grammar's masks),
// plus spans the caller excludes (time expressions), as sorted, merged ranges with a binary-search test.
import type { Span } from '../../types.ts';
import type { FigureGrammar } from './grammar.ts';

/** Sorted, merged ranges where no figure can start: masks (URLs, clock times, phones) and excluded spans. */
export function blockedRanges(text: string, g: FigureGrammar, exclude: readonly Span[]): [number, number][] {
  const r: [number, number][] = [];
  g.masks.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = g.masks.exec(text)); ) r.push([m.index, m.index + m[0].length]);
  for (const s of exclude) r.push([s.start, s.end]);
  r.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const x of r) {
    const last = merged[merged.length - 1];
    if (last && x[0] <= last[1]) last[1] = Math.max(last[1], x[1]);
    else merged.push([x[0], x[1]]);
  }
  return merged;
}

export function isBlocked(ranges: [number, number][], start: number, end: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = ranges[mid];
    if (end <= s) hi = mid - 1;
    else if (start >= e) lo = mid + 1;
    else return true;
  }
  return false;
}
