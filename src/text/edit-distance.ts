// Edit distance between two strings (UTF-16 code units), for typo-tolerant name matching:
// within an article ("Kusher" = "Kushner") and across articles (a surname one edit away).

/**
 * Optimal string alignment distance (Damerau-Levenshtein where a swap of two adjacent characters is
 * one edit). With `max`, stops as soon as the distance must exceed it and returns max + 1.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const m = a.length;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // Later rows cannot go below this row's minimum: each of their cells, a swap's included, costs
    // at least as much as some cell of this row.
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

/** True when the strings are at most one edit apart: one insertion, deletion, substitution or swap of adjacent characters. */
export function withinOneEdit(a: string, b: string): boolean {
  return a === b || editDistance(a, b, 1) <= 1;
}
