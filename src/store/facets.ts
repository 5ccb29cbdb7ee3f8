// Orders of facet counts every store returns the same way.
import type { FacetCount } from './store.ts';

/** Count descending; ties by value in code-point order, null last (as the SQL facets in stats). */
export function byCount(f: FacetCount[]): void {
  const key = (v: string | null) => (v === null ? '\u{10FFFF}' : v);
  f.sort((x, y) => y.count - x.count || (key(x.value) < key(y.value) ? -1 : key(x.value) > key(y.value) ? 1 : 0));
}

/** Months chronologically ("YYYY-MM" sorts as text), null last. */
export function byMonth(f: FacetCount[]): void {
  f.sort((x, y) => (x.value === null ? 1 : y.value === null ? -1 : x.value < y.value ? -1 : 1));
}

/** The entity facet of a search counts the entities of at most this many matches, the most recent
 *  ones (every match when there are fewer): its cost stays bounded however common the words. */
export const ENTITY_FACET_MATCHES = 1000;
