// The public face of a global entity computed from its persisted row, the way the resolver's own view
// (EntityIndex.view in src/corpus/entities/entity-index.ts) computes it from memory: best name, type, and
// first/last seen. Stores keep these in their entity table so listing needs no resolver; every store
// implementation uses these functions so all agree with the resolver (checked in test/entity-index).
import type { EntityRow } from './shapes.ts';
import { thingType } from './entity-index.ts';
import { foldedTokens, isAllCaps } from './normalise.ts';
import { foldName } from '../../text/fold.ts';
import type { EntityType } from '../../types.ts';

/** Best name: the canonical name of a known entity, the fullest proper name of a person, else the most used name. */
export function entityDisplayName(row: EntityRow): string {
  if (row.canonicalName) return row.canonicalName;
  const names = Object.entries(row.names);
  if (names.length === 0) return row.key;
  if (row.isPerson) {
    const words = (n: string): number => foldedTokens(foldName(n)).length;
    names.sort((a, b) => words(b[0]) - words(a[0]) || b[1] - a[1] || Number(isAllCaps(a[0])) - Number(isAllCaps(b[0])) || a[0].localeCompare(b[0]));
  } else {
    names.sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]));
  }
  return names[0][0];
}

/** PER for people; for others the canonical type, else the type the tagger's votes give (thingType), else MISC. */
export function entityDisplayType(row: EntityRow): EntityType {
  if (row.isPerson) return 'PER';
  if (row.canonicalType) return row.canonicalType;
  return thingType(new Map(Object.entries(row.types) as [EntityType, number][]));
}

function time(d: string): number {
  const t = Date.parse(d);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/** Orders publication dates as the resolver does: by time (unparsable last), then as text. */
export function compareDates(a: string, b: string): number {
  return time(a) - time(b) || a.localeCompare(b);
}

/** How many articles name an entity and the earliest and latest of their publication dates. */
export interface Seen {
  articleCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

/** `seen` with its date range widened to include `date` (null: undated, no change). */
export function widenSeen(seen: Seen, date: string | null): Seen {
  const out = { ...seen };
  if (date) {
    if (out.firstSeen === null || compareDates(date, out.firstSeen) < 0) out.firstSeen = date;
    if (out.lastSeen === null || compareDates(date, out.lastSeen) > 0) out.lastSeen = date;
  }
  return out;
}

/** `seen` with one more article, published at `date`. */
export function seenWith(seen: Seen, date: string | null): Seen {
  return { ...widenSeen(seen, date), articleCount: seen.articleCount + 1 };
}

/** Two disjoint sets of articles together. */
export function joinSeen(a: Seen, b: Seen): Seen {
  return { ...widenSeen(widenSeen(a, b.firstSeen), b.lastSeen), articleCount: a.articleCount + b.articleCount };
}

export const NOT_SEEN: Seen = { articleCount: 0, firstSeen: null, lastSeen: null };

/** Seen of the given articles' dates (one entry per distinct article). */
export function seenOf(dates: Iterable<string | null>): Seen {
  let seen = NOT_SEEN;
  for (const d of dates) seen = seenWith(seen, d);
  return seen;
}
