// Runs the attribution model over an article: cues per sentence (unit), then for each cue the
// source and content spans in its window (its sentence and the next). Returns token ranges; the
// quotes layer (../attribution.ts) turns them into quotes with resolved speakers.
import type { DocContext } from '../context.ts';
import { cueFeatures, DocFeatures, roleFeatures, roleWindow } from './features.ts';
import { FeatureBuffer, viterbi } from './linear.ts';
import type { AttributionModel } from './model.ts';

export interface ModelAttribution {
  /** Token ranges [start, end). */
  cue: [number, number];
  source: [number, number] | null;
  content: [number, number];
  /** The cue's B-vs-rest score margin (after the cue bias). */
  margin: number;
  /** The margin calibrated (model.meta.calibration): the probability that this attribution is right. */
  confidence: number;
}

const buf = new FeatureBuffer();
let em = new Float32Array(256 * 5);
let tags = new Uint8Array(256);

function ensure(n: number, K: number): void {
  if (em.length < n * K) em = new Float32Array(n * K * 2);
  if (tags.length < n) tags = new Uint8Array(n * 2);
}

/** Cue token ranges of the article, with the B-vs-O margin of their first token. */
export function predictCues(model: AttributionModel, df: DocFeatures): { c0: number; c1: number; margin: number }[] {
  const out: { c0: number; c1: number; margin: number }[] = [];
  const K = model.cue.tags.K;
  for (const { first, last } of df.ctx.unitToks) {
    const n = last - first;
    if (n <= 0) continue;
    cueFeatures(df, first, last, model.meta.features, buf);
    ensure(n, K);
    model.cue.emissions(buf.feats, buf.offs, n, em);
    const bias = model.meta.cueBias ?? 0;
    if (bias) for (let i = 0; i < n; i++) em[i * K + 1] += bias;
    viterbi(em, n, K, model.cue.masked, tags);
    for (let i = 0; i < n; i++) {
      if (tags[i] !== 1) continue;
      let j = i + 1;
      while (j < n && tags[j] === 2) j++;
      out.push({ c0: first + i, c1: first + j, margin: em[i * K + 1] - em[i * K] });
    }
  }
  return out;
}

/** Source and content around one cue, or null when the model labels no content. */
export function predictRoles(model: AttributionModel, df: DocFeatures, c0: number, c1: number): { source: [number, number] | null; content: [number, number] } | null {
  const [first, last] = roleWindow(df, c0);
  const n = last - first;
  const K = model.role.tags.K;
  roleFeatures(df, first, last, c0, c1, model.meta.features, buf);
  ensure(n, K);
  model.role.emissions(buf.feats, buf.offs, n, em);
  viterbi(em, n, K, model.role.masked, tags);
  // content: the C tokens on one side of the cue (the side with more of them), first to last
  let la = -1;
  let lb = -1;
  let ln = 0;
  let ra = -1;
  let rb = -1;
  let rn = 0;
  let source: [number, number] | null = null;
  let bestDist = Infinity;
  for (let i = 0; i < n; i++) {
    const t = tags[i];
    const tok = first + i;
    if (t === 3 || t === 4) {
      if (tok < c0) {
        if (la < 0) la = tok;
        lb = tok + 1;
        ln++;
      } else if (tok >= c1) {
        if (ra < 0) ra = tok;
        rb = tok + 1;
        rn++;
      }
    } else if (t === 1) {
      let j = i + 1;
      while (j < n && tags[j] === 2) j++;
      const s = tok;
      const e = first + j;
      const dist = e <= c0 ? c0 - e : s - c1;
      if (dist < bestDist) {
        bestDist = dist;
        source = [s, e];
      }
    }
  }
  if (!ln && !rn) return null;
  return { source, content: rn >= ln ? [ra, rb] : [la, lb] };
}

/** The probability that an attribution with this cue margin is right (Platt scaling fitted on dev;
 *  models without a calibration: the margin through a plain logistic). */
export function calibrated(model: AttributionModel, margin: number): number {
  const c = model.meta.calibration;
  const z = c ? c.a * margin + c.b : margin / 4;
  return 1 / (1 + Math.exp(-z));
}

export function predictAttributions(model: AttributionModel, ctx: DocContext): ModelAttribution[] {
  const df = new DocFeatures(ctx);
  const out: ModelAttribution[] = [];
  for (const cue of predictCues(model, df)) {
    const r = predictRoles(model, df, cue.c0, cue.c1);
    if (!r) continue;
    out.push({ cue: [cue.c0, cue.c1], source: r.source, content: r.content, margin: cue.margin, confidence: calibrated(model, cue.margin) });
  }
  return out;
}
