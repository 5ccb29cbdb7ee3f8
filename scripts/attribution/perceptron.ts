// Averaged structured perceptron (Collins 2002) for the attribution model's two stages, generic in
// the tag set: decode with the current weights, and where the best sequence differs from the gold
// one, add the gold features and subtract the predicted ones. Weights are averaged with the usual
// trick (w - u / c), then rows whose averaged weights are all tiny are pruned to keep the file small.
import { type FeatureBuffer, maskedTransitions, type TagSet, viterbi } from '../../src/analysis/quotes/model/linear.ts';

export class PerceptronTrainer {
  private readonly rowOf = new Map<number, number>();
  private keys: number[] = [];
  private w = new Float32Array(1 << 16);
  private u = new Float64Array(1 << 16);
  private readonly tr: Float32Array;
  private readonly trU: Float64Array;
  private c = 1;
  private em = new Float32Array(1024);
  private pred = new Uint8Array(256);

  constructor(readonly tags: TagSet) {
    this.tr = new Float32Array((tags.K + 1) * tags.K);
    this.trU = new Float64Array(this.tr.length);
  }

  private row(key: number, grow: boolean): number {
    let r = this.rowOf.get(key);
    if (r !== undefined) return r;
    if (!grow) return -1;
    r = this.keys.push(key) - 1;
    this.rowOf.set(key, r);
    const K = this.tags.K;
    if ((r + 1) * K > this.w.length) {
      const w = new Float32Array(this.w.length * 2);
      w.set(this.w);
      this.w = w;
      const u = new Float64Array(this.u.length * 2);
      u.set(this.u);
      this.u = u;
    }
    return r;
  }

  /** One training sequence; returns the number of wrongly tagged positions. */
  step(buf: FeatureBuffer, gold: Uint8Array): number {
    const K = this.tags.K;
    const n = buf.n;
    if (!n) return 0;
    if (this.em.length < n * K) this.em = new Float32Array(n * K * 2);
    if (this.pred.length < n) this.pred = new Uint8Array(n * 2);
    const em = this.em;
    em.fill(0, 0, n * K);
    for (let i = 0; i < n; i++) {
      for (let k = buf.offs[i]; k < buf.offs[i + 1]; k++) {
        const r = this.rowOf.get(buf.feats[k]);
        if (r === undefined) continue;
        for (let t = 0; t < K; t++) em[i * K + t] += this.w[r * K + t];
      }
    }
    viterbi(em, n, K, maskedTransitions(this.tags, this.tr), this.pred);
    let wrong = 0;
    for (let i = 0; i < n; i++) {
      const g = gold[i];
      const p = this.pred[i];
      if (g !== p) {
        wrong++;
        for (let k = buf.offs[i]; k < buf.offs[i + 1]; k++) {
          const r = this.row(buf.feats[k], true);
          this.w[r * K + g] += 1;
          this.u[r * K + g] += this.c;
          this.w[r * K + p] -= 1;
          this.u[r * K + p] -= this.c;
        }
      }
      const gp = i > 0 ? gold[i - 1] : -1;
      const pp = i > 0 ? this.pred[i - 1] : -1;
      if (gp !== pp || g !== p) {
        const gi = (gp + 1) * K + g;
        const pi = (pp + 1) * K + p;
        this.tr[gi] += 1;
        this.trU[gi] += this.c;
        this.tr[pi] -= 1;
        this.trU[pi] -= this.c;
      }
    }
    this.c++;
    return wrong;
  }

  /** The averaged weights, rows with max |weight| below `prune` dropped, keys sorted. */
  averaged(prune: number): { keys: Uint32Array; weights: Float32Array; transitions: Float32Array } {
    const K = this.tags.K;
    const keep: number[] = [];
    const avg = new Float32Array(this.keys.length * K);
    for (let r = 0; r < this.keys.length; r++) {
      let max = 0;
      for (let t = 0; t < K; t++) {
        const v = this.w[r * K + t] - this.u[r * K + t] / this.c;
        avg[r * K + t] = v;
        if (Math.abs(v) > max) max = Math.abs(v);
      }
      if (max >= prune) keep.push(r);
    }
    keep.sort((a, b) => this.keys[a] - this.keys[b]);
    const keys = new Uint32Array(keep.length);
    const weights = new Float32Array(keep.length * K);
    keep.forEach((r, j) => {
      keys[j] = this.keys[r];
      for (let t = 0; t < K; t++) weights[j * K + t] = avg[r * K + t];
    });
    const transitions = new Float32Array(this.tr.length);
    for (let i = 0; i < transitions.length; i++) transitions[i] = this.tr[i] - this.trU[i] / this.c;
    return { keys, weights, transitions };
  }

  get size(): number {
    return this.keys.length;
  }
}
