// Syndicated copies: the same wire story on several sites, each with its own headline, dek, credit
// line or closing paragraph. Two articles are copies when the Jaccard similarity of their 5-word
// shingle sets (words folded: case, accents) is at least COPY_SIMILARITY. Candidates are found with
// MinHash locality-sensitive hashing (60 hash values in 20 bands of 3 rows: a pair at 0.5 similarity
// shares a band with probability 0.93, a pair at 0.8 with probability 1 - 1e-9), then checked on
// their shingles exactly, so a candidate that is not a copy is never linked.
import { createHash } from 'node:crypto';
import { segmentWords } from '../text/tokens.ts';

export const SHINGLE_WORDS = 5;
export const COPY_SIMILARITY = 0.5;
/** Texts shorter than this (in words) are not compared: short notices are alike by form. */
export const MIN_COPY_WORDS = 80;
const BANDS = 20;
const ROWS = 3;
const HASHES = BANDS * ROWS;

/** The 5-word shingles of a text, hashed to 32-bit numbers. */
export function shingles(text: string, language = 'en'): Set<number> {
  const words = segmentWords(text, language).map((t) => t.folded);
  const out = new Set<number>();
  if (words.length < MIN_COPY_WORDS) return out;
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  return out;
}

export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) common++;
  return common / (a.size + b.size - common);
}

/** The band buckets of a shingle set (one per band; band i at index i); none for an empty set. */
export function bandBuckets(set: Set<number>): string[] {
  if (set.size === 0) return [];
  const mins = new Array<number>(HASHES).fill(0xffffffff);
  for (const x of set) {
    const h1 = x >>> 0;
    const h2 = (Math.imul(x, 0x9e3779b1) ^ (x >>> 15)) >>> 0 | 1;
    for (let i = 0; i < HASHES; i++) {
      const v = mix((h1 + Math.imul(i + 1, h2)) >>> 0);
      if (v < mins[i]) mins[i] = v;
    }
  }
  const out: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    const rows = mins.slice(b * ROWS, (b + 1) * ROWS).join(',');
    out.push(createHash('sha1').update(rows).digest('hex').slice(0, 16));
  }
  return out;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit finaliser (murmur3's), so the derived hash functions are independent enough. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
