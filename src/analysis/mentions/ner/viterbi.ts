// Viterbi decoding of a first-order tag sequence model over BILOU tags. Transition scores hold
// -Infinity-like penalties for ill-formed sequences (I after O, B before O, ...), so the best path is
// always a well-formed BILOU sequence.
import { N_TAGS, allowedEnd, allowedTransition } from './tags.ts';

export const FORBIDDEN = -1e9;

/** Transition structure: trans[(prev + 1) * N_TAGS + cur] with prev = -1 the sentence start, and
 *  end[prev] for finishing after prev. */
export interface Transitions {
  trans: Float32Array;
  end: Float32Array;
}

export function emptyTransitions(): Transitions {
  return { trans: new Float32Array((N_TAGS + 1) * N_TAGS), end: new Float32Array(N_TAGS) };
}

/** Mask to add to learned transitions: 0 where allowed, FORBIDDEN where not. */
export const TRANSITION_MASK: Transitions = (() => {
  const m = emptyTransitions();
  for (let a = -1; a < N_TAGS; a++) for (let b = 0; b < N_TAGS; b++) m.trans[(a + 1) * N_TAGS + b] = allowedTransition(a, b) ? 0 : FORBIDDEN;
  for (let a = 0; a < N_TAGS; a++) m.end[a] = allowedEnd(a) ? 0 : FORBIDDEN;
  return m;
})();

/** For each tag, the tags that may precede it (only those are searched). */
const PREV: Int32Array[] = Array.from({ length: N_TAGS }, (_, b) =>
  Int32Array.from(Array.from({ length: N_TAGS }, (_, a) => a).filter((a) => allowedTransition(a, b))),
);

let delta = new Float64Array(0);
let back = new Int32Array(0);

/** Learned transitions plus the well-formedness mask (what `viterbi` expects). */
export function maskTransitions(tr: Transitions, into?: Transitions): Transitions {
  const out = into ?? emptyTransitions();
  for (let i = 0; i < out.trans.length; i++) out.trans[i] = tr.trans[i] + TRANSITION_MASK.trans[i];
  for (let i = 0; i < out.end.length; i++) out.end[i] = tr.end[i] + TRANSITION_MASK.end[i];
  return out;
}

/** Best tag sequence for emission scores em[i * N_TAGS + t] (i < n) under masked transitions `tr`
 *  (see maskTransitions); writes into out[offset + i]. */
export function viterbi(em: Float32Array, n: number, tr: Transitions, out: Uint8Array, offset: number): void {
  if (n === 0) return;
  const K = N_TAGS;
  if (delta.length < n * K) {
    delta = new Float64Array(n * K * 2);
    back = new Int32Array(n * K * 2);
  }
  const trans = tr.trans;
  for (let t = 0; t < K; t++) delta[t] = em[t] + trans[t];
  for (let i = 1; i < n; i++) {
    const base = i * K;
    const prevBase = (i - 1) * K;
    for (let t = 0; t < K; t++) {
      let best = -Infinity;
      let arg = 0;
      const prev = PREV[t];
      for (let q = 0; q < prev.length; q++) {
        const p = prev[q];
        const idx = (p + 1) * K + t;
        const s = delta[prevBase + p] + trans[idx];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      delta[base + t] = best + em[base + t];
      back[base + t] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  const last = (n - 1) * K;
  for (let t = 0; t < K; t++) {
    const s = delta[last + t] + tr.end[t];
    if (s > best) {
      best = s;
      arg = t;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[offset + i] = arg;
    arg = back[i * K + arg];
  }
}
