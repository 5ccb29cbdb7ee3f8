// Readable labels for events and storylines, made from their own articles: the key people and
// organisations, the main place, and the dates ("Benjamin Netanyahu, Donald Trump · Gaza Strip ·
// 2025-09-29"). Nothing is invented: an undated event says "date unknown".
import type { ClusterState } from './shapes.ts';

export interface Span {
  from: string | null;
  to: string | null;
  /** Days without a year ("02-04") for members that only have those. */
  monthDays: string[];
}

export interface LabelledEntity {
  /** Clustering feature of the entity ("sur:netanyahu", "country:IL", "w:doha"). */
  key: string;
  name: string;
  kind: 'actor' | 'place';
}

const PLACE = /^e:(country|loc):/;

/** The cluster's entities, strongest first. */
export function keyEntities(c: Pick<ClusterState, 'vec' | 'names'>, limit = 8): LabelledEntity[] {
  return Object.entries(c.vec)
    .filter(([k]) => k.startsWith('e:') && c.names[k])
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([k]) => ({ key: k.slice(2), name: c.names[k], kind: PLACE.test(k) ? 'place' : 'actor' }));
}

export function spanOf(c: Pick<ClusterState, 'first' | 'last' | 'monthDays'>): Span {
  return { from: c.first, to: c.last, monthDays: [...c.monthDays] };
}

export function spanText(s: Span): string {
  if (s.from && s.to) return s.from === s.to ? s.from : `${s.from} – ${s.to}`;
  if (s.monthDays.length > 0) return `--${s.monthDays[0]} (year unknown)`;
  return 'date unknown';
}

export function clusterLabel(c: Pick<ClusterState, 'vec' | 'names' | 'first' | 'last' | 'monthDays'>): string {
  const ents = keyEntities(c, 12);
  const actors = ents.filter((e) => e.kind === 'actor').slice(0, 2).map((e) => e.name);
  const place = ents.find((e) => e.kind === 'place')?.name;
  return [actors.join(', ') || null, place ?? null, spanText(spanOf(c))].filter(Boolean).join(' · ');
}
