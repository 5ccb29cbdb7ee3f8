// Weighted feature vectors: raw weight x inverse document frequency, normalised per feature kind so
// that entities, words, figures and days are compared separately (an article with many words does not
// drown its entities).
import type { FeatureKind } from './shapes.ts';

export const KINDS: FeatureKind[] = ['e', 't', 'f', 'd'];

/** Smoothed inverse document frequency: 1 for a feature every article has, higher the rarer it is. */
export function idf(df: number, docs: number): number {
  return Math.log((docs + 1) / (df + 1)) + 1;
}

/** raw x idf^power, each kind scaled to unit length. */
export function weighVector(raw: Map<string, number>, df: Map<string, number>, docs: number, power = 1): Map<string, number> {
  const out = new Map<string, number>();
  const norms: Record<string, number> = {};
  for (const [f, w] of raw) {
    const v = w * idf(df.get(f) ?? 0, docs) ** power;
    out.set(f, v);
    norms[f[0]] = (norms[f[0]] ?? 0) + v * v;
  }
  for (const [f, v] of out) out.set(f, v / Math.sqrt(norms[f[0]]));
  return out;
}

/** Length of each kind's part of a vector. */
export function kindNorms(v: Record<string, number>): Record<FeatureKind, number> {
  const sq = { e: 0, t: 0, f: 0, d: 0 };
  for (const f in v) sq[f[0] as FeatureKind] += v[f] * v[f];
  return { e: Math.sqrt(sq.e), t: Math.sqrt(sq.t), f: Math.sqrt(sq.f), d: Math.sqrt(sq.d) };
}

/**
 * Cosine per kind between a unit-per-kind article vector and a cluster vector (a sum of such vectors)
 * whose per-kind lengths are `norms`: only the article's features are visited.
 */
export function kindCosines(a: Map<string, number>, c: Record<string, number>, norms: Record<FeatureKind, number> = kindNorms(c)): Record<FeatureKind, number> {
  const dot = { e: 0, t: 0, f: 0, d: 0 };
  for (const [f, x] of a) {
    const v = c[f];
    if (v !== undefined) dot[f[0] as FeatureKind] += x * v;
  }
  const out = { e: 0, t: 0, f: 0, d: 0 };
  for (const k of KINDS) out[k] = norms[k] > 0 ? dot[k] / norms[k] : 0;
  return out;
}

/** Adds `a` to the cluster vector and keeps only the strongest `limits[kind]` features of each kind. */
export function addToVector(c: Record<string, number>, a: Map<string, number>, limits: Record<FeatureKind, number>): Record<string, number> {
  const sum: Record<string, number> = { ...c };
  for (const [f, v] of a) sum[f] = (sum[f] ?? 0) + v;
  const byKind: Record<string, [string, number][]> = { e: [], t: [], f: [], d: [] };
  for (const f in sum) byKind[f[0]].push([f, sum[f]]);
  const out: Record<string, number> = {};
  for (const k of KINDS) {
    let list = byKind[k];
    // Only a kind over its limit needs sorting (ties: by feature, so the cut is deterministic).
    if (list.length > limits[k]) list = list.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, limits[k]);
    for (const [f, v] of list) out[f] = Math.round(v * 1e6) / 1e6;
  }
  return out;
}
