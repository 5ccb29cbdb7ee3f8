// Word clusters induced from unlabelled text with the exchange algorithm (Kneser & Ney 1993;
// Martin, Liermann & Ney 1998): maximise the likelihood of a class bigram model by moving one word
// at a time to the class that helps most. Run at several numbers of classes; each word gets one
// class id per granularity. Deterministic (frequency-ordered initialisation, fixed sweep order).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { foldTypography } from '../../src/text/fold.ts';

export interface ClusterOptions {
  /** Numbers of classes, coarse to fine. */
  ks?: number[];
  iterations?: number;
  /** Words seen fewer times are not clustered. */
  minCount?: number;
  seed: number;
  log?: (msg: string) => void;
  cacheDir?: string;
  name?: string;
}

/** Key used for a word in the cluster table (the tagger looks words up the same way). */
export function clusterKey(w: string): string {
  return foldTypography(w).replace(/[0-9]/g, '0');
}

export function induceClusters(corpus: readonly (readonly string[])[], opts: ClusterOptions): Map<string, Int32Array> {
  const ks = opts.ks ?? [64, 256, 1024];
  const iterations = opts.iterations ?? 12;
  const minCount = opts.minCount ?? 2;
  const log = opts.log ?? (() => {});
  const cacheFile = opts.cacheDir
    ? join(opts.cacheDir, `clusters-${opts.name}-${createHash('sha1').update(JSON.stringify({ ks, iterations, minCount, n: corpus.length, t: corpus.slice(0, 50) })).digest('hex').slice(0, 12)}.json`)
    : null;
  if (cacheFile && existsSync(cacheFile)) {
    const data = JSON.parse(readFileSync(cacheFile, 'utf8')) as [string, number[]][];
    log(`  clusters from cache ${cacheFile}`);
    return new Map(data.map(([w, ids]) => [w, Int32Array.from(ids)]));
  }

  // vocabulary by frequency
  const counts = new Map<string, number>();
  for (const s of corpus) for (const w of s) counts.set(clusterKey(w), (counts.get(clusterKey(w)) ?? 0) + 1);
  const vocab = [...counts.entries()].filter(([, c]) => c >= minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const V = vocab.length;
  const id = new Map(vocab.map((w, i) => [w, i]));
  const RARE = V; // all rare words and sentence boundaries share one fixed context id
  // bigram counts between word ids (0..V, V = rare/boundary)
  const big = new Map<number, number>();
  const wc = new Float64Array(V + 1);
  for (const s of corpus) {
    let prev = RARE;
    for (const w of s) {
      const cur = id.get(clusterKey(w)) ?? RARE;
      wc[cur]++;
      const key = prev * (V + 1) + cur;
      big.set(key, (big.get(key) ?? 0) + 1);
      prev = cur;
    }
    const key = prev * (V + 1) + RARE;
    big.set(key, (big.get(key) ?? 0) + 1);
  }
  // adjacency in CSR form: successors and predecessors with counts
  const succ = csr(big, V + 1, false);
  const pred = csr(big, V + 1, true);
  log(`  clustering ${V} words (count >= ${minCount}), ${big.size} distinct bigrams`);

  const result = new Map<string, Int32Array>();
  for (const w of vocab) result.set(w, new Int32Array(ks.length));
  ks.forEach((K, level) => {
    const t0 = Date.now();
    const cls = exchange(V, K, wc, succ, pred, iterations, (it, moved) => log(`    k=${K} iteration ${it}: ${moved} words moved`));
    vocab.forEach((w, i) => (result.get(w)![level] = cls[i]));
    log(`  k=${K} done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  });
  if (cacheFile) {
    mkdirSync(opts.cacheDir!, { recursive: true });
    writeFileSync(cacheFile, JSON.stringify([...result].map(([w, ids]) => [w, [...ids]])));
  }
  return result;
}

interface Csr {
  start: Int32Array;
  nbr: Int32Array;
  cnt: Float64Array;
}

function csr(big: Map<number, number>, n: number, reverse: boolean): Csr {
  const deg = new Int32Array(n + 1);
  for (const key of big.keys()) {
    const a = Math.floor(key / n);
    const b = key % n;
    deg[(reverse ? b : a) + 1]++;
  }
  for (let i = 0; i < n; i++) deg[i + 1] += deg[i];
  const start = deg.slice();
  const fill = deg.slice();
  const nbr = new Int32Array(big.size);
  const cnt = new Float64Array(big.size);
  for (const [key, c] of big) {
    const a = Math.floor(key / n);
    const b = key % n;
    const from = reverse ? b : a;
    const to = reverse ? a : b;
    nbr[fill[from]] = to;
    cnt[fill[from]] = c;
    fill[from]++;
  }
  return { start, nbr, cnt };
}

const f = (x: number) => (x > 0 ? x * Math.log(x) : 0);

/** Exchange clustering of words 0..V-1 into K classes (word V is a fixed extra class K). */
function exchange(V: number, K: number, wc: Float64Array, succ: Csr, pred: Csr, iterations: number, onIter: (it: number, moved: number) => void): Int32Array {
  const KC = K + 1; // class K holds the rare/boundary id
  const cls = new Int32Array(V + 1);
  for (let i = 0; i < V; i++) cls[i] = i % K;
  cls[V] = K;
  const N = new Float64Array(KC * KC); // class bigram counts
  const Nc = new Float64Array(KC);
  for (let a = 0; a <= V; a++) {
    Nc[cls[a]] += wc[a];
    for (let k = succ.start[a]; k < succ.start[a + 1]; k++) N[cls[a] * KC + cls[succ.nbr[k]]] += succ.cnt[k];
  }
  const nL = new Float64Array(KC);
  const nR = new Float64Array(KC);
  const touchedL: number[] = [];
  const touchedR: number[] = [];
  for (let it = 1; it <= iterations; it++) {
    let moved = 0;
    for (let v = 0; v < V; v++) {
      // neighbour class counts, excluding the self bigram
      let self = 0;
      for (let k = pred.start[v]; k < pred.start[v + 1]; k++) {
        const u = pred.nbr[k];
        if (u === v) {
          self = pred.cnt[k];
          continue;
        }
        const c = cls[u];
        if (nL[c] === 0) touchedL.push(c);
        nL[c] += pred.cnt[k];
      }
      for (let k = succ.start[v]; k < succ.start[v + 1]; k++) {
        const u = succ.nbr[k];
        if (u === v) continue;
        const c = cls[u];
        if (nR[c] === 0) touchedR.push(c);
        nR[c] += succ.cnt[k];
      }
      const a = cls[v];
      const cv = wc[v];
      // remove v from a
      for (const c of touchedL) N[c * KC + a] -= nL[c];
      for (const c of touchedR) N[a * KC + c] -= nR[c];
      N[a * KC + a] -= self;
      Nc[a] -= cv;
      // best class
      let best = a;
      let bestGain = -Infinity;
      for (let k = 0; k < K; k++) {
        let g = 0;
        for (const c of touchedL) {
          if (c === k) continue;
          const x = N[c * KC + k];
          g += f(x + nL[c]) - f(x);
        }
        for (const c of touchedR) {
          if (c === k) continue;
          const x = N[k * KC + c];
          g += f(x + nR[c]) - f(x);
        }
        const kk = N[k * KC + k];
        g += f(kk + nL[k] + nR[k] + self) - f(kk);
        g -= 2 * (f(Nc[k] + cv) - f(Nc[k]));
        if (g > bestGain + 1e-9 || (k === a && g >= bestGain - 1e-9)) {
          bestGain = g;
          best = k;
        }
      }
      // add v to best
      for (const c of touchedL) N[c * KC + best] += nL[c];
      for (const c of touchedR) N[best * KC + c] += nR[c];
      N[best * KC + best] += self;
      Nc[best] += cv;
      if (best !== a) {
        cls[v] = best;
        moved++;
      }
      for (const c of touchedL) nL[c] = 0;
      for (const c of touchedR) nR[c] = 0;
      touchedL.length = 0;
      touchedR.length = 0;
    }
    onIter(it, moved);
    if (moved === 0) break;
  }
  return cls;
}
