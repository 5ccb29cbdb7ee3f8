// A linear scorer over hashed features: feature key -> row of N_TAGS weights, looked up through an
// open-addressing hash table built at load time.
import { N_TAGS } from './tags.ts';
import { type Transitions, maskTransitions } from './viterbi.ts';

export class LinearModel {
  private readonly table: Uint32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;
  /** Transitions with the well-formedness mask applied (ready for viterbi). */
  readonly masked: Transitions;

  constructor(
    /** Feature keys, one per weight row. */
    readonly keys: Uint32Array,
    /** keys.length * N_TAGS weights. */
    readonly weights: Float32Array,
    readonly transitions: Transitions,
  ) {
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
    this.masked = maskTransitions(transitions);
  }

  get size(): number {
    return this.keys.length;
  }

  /** Row of a feature key, -1 when the model has no weights for it. */
  row(key: number): number {
    let h = key & this.mask;
    for (;;) {
      const r = this.rows[h];
      if (r < 0) return -1;
      if (this.table[h] === key) return r;
      h = (h + 1) & this.mask;
    }
  }

  /** Adds the emission scores of tokens [from, to) of a feature array into out[(i - from) * N_TAGS + t]. */
  addEmissions(feats: Uint32Array, offs: Int32Array, from: number, to: number, out: Float32Array): void {
    const W = this.weights;
    for (let i = from; i < to; i++) {
      const o = (i - from) * N_TAGS;
      for (let k = offs[i]; k < offs[i + 1]; k++) {
        const r = this.row(feats[k]);
        if (r < 0) continue;
        const b = r * N_TAGS;
        for (let t = 0; t < N_TAGS; t++) out[o + t] += W[b + t];
      }
    }
  }
}
