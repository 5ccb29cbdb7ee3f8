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
export const ENTITY_FACET_MATCHES = 500;

/** Above this many matches, the language, source and month facets are estimated from a sample of
 *  about this many matches, picked by a hash of their row number (so the same query gives the same
 *  sample), and scaled to the exact total: counting every match read one row per match (about 100 ms
 *  of CPU for a word in 77,000 of 100,000 articles). */
export const FACET_SAMPLE = 2000;

/** Above this many matches, the hits are ranked among the most recent RANKED_MATCHES (BM25 reads
 *  every match it ranks; FTS5 and tsvector have no early-out top-k). */
export const RANKED_MATCHES = 10_000;

/** The sample test for a row number: true for about `sample` of `total` rows (SQL for both engines;
 *  Knuth's multiplicative hash, exact in 64-bit integers for row numbers below 2^31). */
export function sampleCondition(rowid: string, threshold: string): string {
  return `((${rowid} * 2654435761) % 4294967296) < ${threshold}`;
}

/** The threshold of sampleCondition that keeps about `sample` of `total` rows. */
export function sampleThreshold(sample: number, total: number): number {
  return Math.floor((4294967296 * sample) / total);
}

/** Facet counts of a sample scaled to the exact total (rounded; a value seen keeps at least 1). */
export function scaleCounts(f: FacetCount[], sampled: number, total: number): void {
  if (sampled === 0 || sampled === total) return;
  for (const x of f) x.count = Math.max(1, Math.round((x.count * total) / sampled));
}

/** Search bounds a store can be opened with (tests use small ones to reach them). */
export interface SearchBounds {
  facetSample?: number;
  rankedMatches?: number;
}

export function searchBounds(b: SearchBounds = {}): Required<SearchBounds> {
  return { facetSample: b.facetSample ?? FACET_SAMPLE, rankedMatches: b.rankedMatches ?? RANKED_MATCHES };
}
