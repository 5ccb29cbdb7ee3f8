// Averaged structured perceptron over BILOU tags with Viterbi decoding (Collins 2002). Features are
// pre-extracted per document and mapped to dense key indices; weight rows are allocated lazily for
// the keys that ever get updated.
import { N_TAGS } from '../../src/analysis/mentions/ner/tags.ts';
import { type Transitions, emptyTransitions, maskTransitions, viterbi } from '../../src/analysis/mentions/ner/viterbi.ts';
import { LinearModel } from '../../src/analysis/mentions/ner/linear.ts';
import type { DocFeatures } from '../../src/analysis/mentions/ner/features.ts';
import { rng } from '../../support/random.ts';

/** Maps feature keys to dense indices. */
export class FeatureIndex {
  readonly map = new Map<number, number>();
  readonly keys: number[] = [];
  /** Index of `key`; new keys are added when `grow`, else -1. */
  index(key: number, grow: boolean): number {
    let i = this.map.get(key);
    if (i === undefined) {
      if (!grow) return -1;
      i = this.keys.push(key) - 1;
      this.map.set(key, i);
    }
    return i;
  }
  /** Converts hashed features to key indices (unknown keys -> -1). */
  convert(f: DocFeatures, grow: boolean): Int32Array {
    const out = new Int32Array(f.feats.length);
    for (let k = 0; k < out.length; k++) out[k] = this.index(f.feats[k], grow);
    return out;
  }
}

/** One training document: sentence lengths, gold BILOU tags (flat), indexed features. */
export interface TrainDoc {
  lengths: number[];
  gold: Uint8Array;
  feats: Int32Array;
  offs: Int32Array;
  /** Times each sentence is visited per epoch (default 1): an instance weight. */
  repeat?: number;
}

export interface PerceptronOptions {
  epochs: number;
  seed: number;
  log?: (msg: string) => void;
  /** Called after each epoch with the averaged model (e.g. to score a dev set). */
  onEpoch?: (epoch: number, model: TrainedWeights) => void;
}

/** Averaged weights: rowOf[keyIndex] -> row (or -1), w[row * N_TAGS + tag]. */
export interface TrainedWeights {
  rowOf: Int32Array;
  w: Float32Array;
  rows: number;
  transitions: Transitions;
}

export function shuffle<T>(arr: T[], rand: () => number): T[] {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [arr[i], arr[j]] = [arr[j], arr[i]];
  }
  return arr;
}

export function trainPerceptron(docs: TrainDoc[], nKeys: number, opts: PerceptronOptions): TrainedWeights {
  const K = N_TAGS;
  const rowOf = new Int32Array(nKeys).fill(-1);
  let cap = 1 << 16;
  let w = new Float32Array(cap * K);
  let u = new Float64Array(cap * K);
  let rows = 0;
  const tr = emptyTransitions();
  const trU64 = { trans: new Float64Array(tr.trans.length), end: new Float64Array(tr.end.length) };
  const masked = emptyTransitions();
  let c = 1;

  const rowFor = (key: number): number => {
    let r = rowOf[key];
    if (r >= 0) return r;
    if (rows === cap) {
      cap *= 2;
      const nw = new Float32Array(cap * K);
      nw.set(w);
      w = nw;
      const nu = new Float64Array(cap * K);
      nu.set(u);
      u = nu;
    }
    r = rows++;
    rowOf[key] = r;
    return r;
  };

  // sentence list: [doc, sentence start token, length]
  const sents: [number, number, number][] = [];
  docs.forEach((d, di) => {
    let from = 0;
    for (const n of d.lengths) {
      if (n) for (let r = 0; r < (d.repeat ?? 1); r++) sents.push([di, from, n]);
      from += n;
    }
  });
  const rand = rng(opts.seed);
  let em = new Float32Array(256 * K);
  const pred = new Uint8Array(4096);

  const update = (doc: TrainDoc, tok: number, tag: number, delta: number) => {
    for (let k = doc.offs[tok]; k < doc.offs[tok + 1]; k++) {
      const key = doc.feats[k];
      if (key < 0) continue;
      const b = rowFor(key) * K + tag;
      w[b] += delta;
      u[b] += c * delta;
    }
  };
  const updateTrans = (prev: number, cur: number, delta: number) => {
    const idx = (prev + 1) * K + cur;
    tr.trans[idx] += delta;
    trU64.trans[idx] += c * delta;
  };
  const updateEnd = (prev: number, delta: number) => {
    tr.end[prev] += delta;
    trU64.end[prev] += c * delta;
  };

  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    shuffle(sents, rand);
    let errors = 0;
    let tokens = 0;
    const t0 = Date.now();
    for (const [di, from, n] of sents) {
      const doc = docs[di];
      if (em.length < n * K) em = new Float32Array(n * K * 2);
      em.fill(0, 0, n * K);
      for (let i = 0; i < n; i++) {
        const o = i * K;
        for (let k = doc.offs[from + i]; k < doc.offs[from + i + 1]; k++) {
          const key = doc.feats[k];
          if (key < 0) continue;
          const r = rowOf[key];
          if (r < 0) continue;
          const b = r * K;
          for (let t = 0; t < K; t++) em[o + t] += w[b + t];
        }
      }
      maskTransitions(tr, masked);
      viterbi(em, n, masked, pred, 0);
      let wrong = false;
      for (let i = 0; i < n; i++) {
        const g = doc.gold[from + i];
        const p = pred[i];
        if (g !== p) {
          wrong = true;
          errors++;
          update(doc, from + i, g, 1);
          update(doc, from + i, p, -1);
        }
      }
      if (wrong) {
        for (let i = 0; i < n; i++) {
          const gp = i > 0 ? doc.gold[from + i - 1] : -1;
          const pp = i > 0 ? pred[i - 1] : -1;
          const g = doc.gold[from + i];
          const p = pred[i];
          if (gp !== pp || g !== p) {
            updateTrans(gp, g, 1);
            updateTrans(pp, p, -1);
          }
        }
        const gl = doc.gold[from + n - 1];
        const pl = pred[n - 1];
        if (gl !== pl) {
          updateEnd(gl, 1);
          updateEnd(pl, -1);
        }
      }
      tokens += n;
      c++;
    }
    opts.log?.(`  epoch ${epoch}: ${errors} token errors / ${tokens} (${((Date.now() - t0) / 1000).toFixed(1)} s, ${rows} rows)`);
    if (opts.onEpoch) opts.onEpoch(epoch, average());
  }
  return average();

  function average(): TrainedWeights {
    const avg = new Float32Array(rows * K);
    for (let i = 0; i < rows * K; i++) avg[i] = w[i] - u[i] / c;
    const t = emptyTransitions();
    for (let i = 0; i < t.trans.length; i++) t.trans[i] = tr.trans[i] - trU64.trans[i] / c;
    for (let i = 0; i < t.end.length; i++) t.end[i] = tr.end[i] - trU64.end[i] / c;
    return { rowOf: rowOf.slice(), w: avg, rows, transitions: t };
  }
}

/** Builds a runtime LinearModel from trained weights, dropping rows whose weights are all below `minAbs`. */
export function toLinearModel(index: FeatureIndex, tw: TrainedWeights, minAbs = 1e-3): LinearModel {
  const K = N_TAGS;
  const keys: number[] = [];
  const rowsKept: number[] = [];
  for (let ki = 0; ki < tw.rowOf.length; ki++) {
    const r = tw.rowOf[ki];
    if (r < 0) continue;
    let max = 0;
    for (let t = 0; t < K; t++) max = Math.max(max, Math.abs(tw.w[r * K + t]));
    if (max < minAbs) continue;
    keys.push(index.keys[ki]);
    rowsKept.push(r);
  }
  // rows in key order, so the file does not depend on the order features were first seen
  const order = keys.map((_, i) => i).sort((a, b) => keys[a] - keys[b]);
  const w = new Float32Array(keys.length * K);
  order.forEach((src, i) => w.set(tw.w.subarray(rowsKept[src] * K, rowsKept[src] * K + K), i * K));
  return new LinearModel(Uint32Array.from(order.map((i) => keys[i])), w, tw.transitions);
}

/** Trains `n` perceptrons with different shuffling seeds and averages their weights (reduces the
 *  variance that comes from the order of the training sentences). */
export function trainEnsemble(docs: TrainDoc[], nKeys: number, n: number, opts: PerceptronOptions): TrainedWeights {
  if (n <= 1) return trainPerceptron(docs, nKeys, opts);
  const models: TrainedWeights[] = [];
  for (let m = 0; m < n; m++) {
    models.push(trainPerceptron(docs, nKeys, { ...opts, seed: opts.seed + 7919 * m, onEpoch: m === n - 1 ? opts.onEpoch : undefined, log: m === 0 ? opts.log : undefined }));
  }
  return averageWeights(models, nKeys);
}

export function averageWeights(models: readonly TrainedWeights[], nKeys: number): TrainedWeights {
  const K = N_TAGS;
  const rowOf = new Int32Array(nKeys).fill(-1);
  let rows = 0;
  for (let k = 0; k < nKeys; k++) if (models.some((m) => m.rowOf[k] >= 0)) rowOf[k] = rows++;
  const w = new Float32Array(rows * K);
  for (const m of models) {
    for (let k = 0; k < nKeys; k++) {
      const r = m.rowOf[k];
      if (r < 0) continue;
      const o = rowOf[k] * K;
      for (let t = 0; t < K; t++) w[o + t] += m.w[r * K + t] / models.length;
    }
  }
  const transitions = emptyTransitions();
  for (const m of models) {
    for (let i = 0; i < transitions.trans.length; i++) transitions.trans[i] += m.transitions.trans[i] / models.length;
    for (let i = 0; i < transitions.end.length; i++) transitions.end[i] += m.transitions.end[i] / models.length;
  }
  return { rowOf, w, rows, transitions };
}
