// A linear sequence scorer for the attribution model: hashed feature key -> a row of K weights
// (open-addressing table built at load time), first-order transitions with a well-formedness mask,
// and Viterbi decoding. Generic in the number of tags K (cue tags: 3, role tags: 5); the NER
// stack (src/analysis/mentions/ner) has its own, fixed to its BILOU tags.

export const FORBIDDEN = -1e9;

/** A tag set: its size and which transitions are allowed (prev = -1 is the sequence start). */
export interface TagSet {
  K: number;
  names: readonly string[];
  allowed(prev: number, cur: number): boolean;
}

/** Cue tags: O, B (first token of a cue), I (inside). */
export const CUE_TAGS: TagSet = {
  K: 3,
  names: ['O', 'B', 'I'],
  allowed: (p, c) => c !== 2 || p === 1 || p === 2,
};

/** Role tags relative to one cue: O, B-S/I-S (source), B-C/I-C (content). */
export const ROLE_TAGS: TagSet = {
  K: 5,
  names: ['O', 'B-S', 'I-S', 'B-C', 'I-C'],
  allowed: (p, c) => (c === 2 ? p === 1 || p === 2 : c === 4 ? p === 3 || p === 4 : true),
};

/** Learned transitions trans[(prev + 1) * K + cur] (prev = -1: start), plus the mask. */
export function maskedTransitions(tags: TagSet, trans: Float32Array): Float32Array {
  const out = new Float32Array(trans.length);
  for (let a = -1; a < tags.K; a++) for (let b = 0; b < tags.K; b++) {
    const i = (a + 1) * tags.K + b;
    out[i] = trans[i] + (tags.allowed(a, b) ? 0 : FORBIDDEN);
  }
  return out;
}

let delta = new Float64Array(0);
let back = new Int32Array(0);

/** Best tag sequence for emissions em[i * K + t] (i < n) under masked transitions; into out[0..n). */
export function viterbi(em: Float32Array, n: number, K: number, trans: Float32Array, out: Uint8Array): void {
  if (n === 0) return;
  if (delta.length < n * K) {
    delta = new Float64Array(n * K * 2);
    back = new Int32Array(n * K * 2);
  }
  for (let t = 0; t < K; t++) delta[t] = em[t] + trans[t];
  for (let i = 1; i < n; i++) {
    const b = i * K;
    const pb = (i - 1) * K;
    for (let t = 0; t < K; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < K; p++) {
        const s = delta[pb + p] + trans[(p + 1) * K + t];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      delta[b + t] = best + em[b + t];
      back[b + t] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  const lb = (n - 1) * K;
  for (let t = 0; t < K; t++) if (delta[lb + t] > best) {
    best = delta[lb + t];
    arg = t;
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * K + arg];
  }
}

/** Weights of one stage: a row of K per feature key. */
export class LinearScorer {
  private readonly table: Uint32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;
  readonly masked: Float32Array;

  constructor(
    readonly tags: TagSet,
    readonly keys: Uint32Array,
    readonly weights: Float32Array,
    readonly transitions: Float32Array,
  ) {
    if (weights.length !== keys.length * tags.K) throw new Error(`attribution model: ${keys.length} keys but ${weights.length} weights for ${tags.K} tags`);
    if (transitions.length !== (tags.K + 1) * tags.K) throw new Error(`attribution model: bad transition table size ${transitions.length}`);
    let cap = 16;
    while (cap < keys.length * 2) cap <<= 1;
    this.mask = cap - 1;
    this.table = new Uint32Array(cap);
    this.rows = new Int32Array(cap).fill(-1);
    for (let r = 0; r < keys.length; r++) {
      let h = keys[r] & this.mask;
      while (this.rows[h] >= 0) h = (h + 1) & this.mask;
      this.table[h] = keys[r];
      this.rows[h] = r;
    }
    this.masked = maskedTransitions(tags, transitions);
  }

  get size(): number {
    return this.keys.length;
  }

  row(key: number): number {
    let h = key & this.mask;
    for (;;) {
      const r = this.rows[h];
      if (r < 0) return -1;
      if (this.table[h] === key) return r;
      h = (h + 1) & this.mask;
    }
  }

  /** Emission scores of positions [0, n) of a feature buffer into out[i * K + t]. */
  emissions(feats: Uint32Array, offs: Int32Array, n: number, out: Float32Array): void {
    const K = this.tags.K;
    const W = this.weights;
    out.fill(0, 0, n * K);
    for (let i = 0; i < n; i++) {
      const o = i * K;
      for (let k = offs[i]; k < offs[i + 1]; k++) {
        const r = this.row(feats[k]);
        if (r < 0) continue;
        const b = r * K;
        for (let t = 0; t < K; t++) out[o + t] += W[b + t];
      }
    }
  }
}

/** Hashed features of a sequence: feats[offs[i] .. offs[i + 1]) are position i's keys. */
export class FeatureBuffer {
  feats = new Uint32Array(4096);
  offs = new Int32Array(257);
  n = 0;
  private k = 0;

  reset(): void {
    this.n = 0;
    this.k = 0;
    this.offs[0] = 0;
  }
  add(key: number): void {
    if (this.k === this.feats.length) {
      const f = new Uint32Array(this.feats.length * 2);
      f.set(this.feats);
      this.feats = f;
    }
    this.feats[this.k++] = key;
  }
  /** Closes the current position. */
  next(): void {
    this.n++;
    if (this.n + 1 >= this.offs.length) {
      const o = new Int32Array(this.offs.length * 2);
      o.set(this.offs);
      this.offs = o;
    }
    this.offs[this.n] = this.k;
  }
}
