// Clustering scores against a gold clustering: each item names its gold and its predicted cluster.

export interface Scores {
  p: number;
  r: number;
  f: number;
}

export interface Clustered {
  gold: string;
  pred: string;
}

/** Pairwise precision/recall/F1 over all pairs of items. */
export function pairwise(items: Clustered[]): Scores {
  const count = (key: (i: Clustered) => string) => {
    const m = new Map<string, number>();
    for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
    let pairs = 0;
    for (const n of m.values()) pairs += (n * (n - 1)) / 2;
    return pairs;
  };
  const both = count((i) => `${i.gold}\u0000${i.pred}`);
  const pred = count((i) => i.pred);
  const gold = count((i) => i.gold);
  const p = pred ? both / pred : 1;
  const r = gold ? both / gold : 1;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** B-cubed precision, recall and F1. */
export function bcubed(items: Clustered[]): Scores {
  const size = (key: (i: Clustered) => string) => {
    const m = new Map<string, number>();
    for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
    return m;
  };
  const g = size((i) => i.gold);
  const pr = size((i) => i.pred);
  const b = size((i) => `${i.gold}\u0000${i.pred}`);
  let p = 0;
  let r = 0;
  for (const i of items) {
    const n = b.get(`${i.gold}\u0000${i.pred}`)!;
    p += n / pr.get(i.pred)!;
    r += n / g.get(i.gold)!;
  }
  p /= items.length;
  r /= items.length;
  return { p, r, f: (2 * p * r) / (p + r) };
}
