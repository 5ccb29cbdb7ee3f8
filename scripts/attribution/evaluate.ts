// The attribution model alone on PolNeAR dev, for choosing epochs: cue F1 (same token range),
// content overlap F1 (shared word tokens >= half of both spans, one-to-one, as bench/quotes.ts),
// exact content F1, and source accuracy on matched attributions with a gold source.
import { predictAttributions } from '../../src/analysis/quotes/model/predict.ts';
import type { AttributionModel } from '../../src/analysis/quotes/model/model.ts';
import type { TrainingDoc } from './data.ts';

export interface ModelScores {
  cueF1: number;
  contentP: number;
  contentR: number;
  contentF1: number;
  exactF1: number;
  sourceAcc: number;
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

/** One model attribution on dev: its cue margin and whether it matched an annotated one (for calibration). */
export interface MarginPoint {
  margin: number;
  ok: boolean;
}

export function evaluateModel(model: AttributionModel, docs: TrainingDoc[], points?: MarginPoint[]): ModelScores {
  let nPred = 0;
  let nGold = 0;
  let matched = 0;
  let exact = 0;
  let cueHit = 0;
  let srcScored = 0;
  let srcRight = 0;
  const cache = new Map<TrainingDoc['ctx'], ReturnType<typeof predictAttributions>>();
  for (const d of docs) {
    let preds = cache.get(d.ctx);
    if (!preds) cache.set(d.ctx, (preds = predictAttributions(model, d.ctx)));
    const words = (a: number, b: number) => {
      const s = new Set<number>();
      for (let i = a; i < b; i++) if (d.ctx.toks[i].kind !== 'punct') s.add(i);
      return s;
    };
    const predToks = preds.map((p) => words(p.content[0], p.content[1]));
    const goldToks = d.gold.map((g) => new Set(g.content.filter((i) => d.ctx.toks[i].kind !== 'punct')));
    nPred += preds.length;
    nGold += d.gold.length;
    const goldCues = new Set(d.gold.map((g) => `${g.cue[0]}:${g.cue[g.cue.length - 1] + 1}`));
    const predCues = new Set(preds.map((p) => `${p.cue[0]}:${p.cue[1]}`));
    for (const c of predCues) if (goldCues.has(c)) cueHit++;
    const pairs: { p: number; g: number; f: number }[] = [];
    predToks.forEach((pt, pi) =>
      goldToks.forEach((gt, gi) => {
        let inter = 0;
        for (const t of pt) if (gt.has(t)) inter++;
        if (!inter) return;
        const pr = inter / pt.size;
        const rc = inter / gt.size;
        if (Math.min(pr, rc) >= 0.5) pairs.push({ p: pi, g: gi, f: f1(pr, rc) });
      }),
    );
    pairs.sort((a, b) => b.f - a.f);
    const usedP = new Set<number>();
    const usedG = new Set<number>();
    for (const pr of pairs) {
      if (usedP.has(pr.p) || usedG.has(pr.g)) continue;
      usedP.add(pr.p);
      usedG.add(pr.g);
      matched++;
      if (pr.f === 1) exact++;
      const g = d.gold[pr.g];
      if (g.source.length) {
        srcScored++;
        const s = preds[pr.p].source;
        if (s && g.source.some((t) => t >= s[0] && t < s[1])) srcRight++;
      }
    }
    if (points) preds.forEach((p, pi) => points.push({ margin: p.margin, ok: usedP.has(pi) }));
    // gold cue count per distinct cue for the cue F1
    nGoldCues += goldCues.size;
    nPredCues += predCues.size;
  }
  const P = matched / nPred;
  const R = matched / nGold;
  const scores: ModelScores = {
    cueF1: 100 * f1(cueHit / nPredCues, cueHit / nGoldCues),
    contentP: 100 * P,
    contentR: 100 * R,
    contentF1: 100 * f1(P, R),
    exactF1: 100 * f1(exact / nPred, exact / nGold),
    sourceAcc: srcScored ? (100 * srcRight) / srcScored : 0,
  };
  nGoldCues = 0;
  nPredCues = 0;
  return scores;
}
let nGoldCues = 0;
let nPredCues = 0;

/** Platt scaling (Platt 1999, with its prior-corrected targets): a, b minimising the log loss of
 *  sigmoid(a * margin + b) against the points, by Newton's method with step halving (Lin, Lin & Weng
 *  2007) from a = 0, b = 0, for at most 100 steps (deterministic). */
export function fitPlatt(points: MarginPoint[]): { a: number; b: number } {
  const pos = points.filter((p) => p.ok).length;
  const neg = points.length - pos;
  const tPos = (pos + 1) / (pos + 2);
  const tNeg = 1 / (neg + 2);
  // log loss, stable for large |z|: log(1 + e^z) - t z
  const loss = (a: number, b: number) => {
    let l = 0;
    for (const p of points) {
      const z = a * p.margin + b;
      const t = p.ok ? tPos : tNeg;
      l += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - t * z;
    }
    return l;
  };
  let a = 0;
  let b = Math.log((pos + 1) / (neg + 1));
  let cur = loss(a, b);
  for (let it = 0; it < 100; it++) {
    let ga = 0, gb = 0, haa = 1e-12, hab = 0, hbb = 1e-12;
    for (const p of points) {
      const t = p.ok ? tPos : tNeg;
      const q = 1 / (1 + Math.exp(-(a * p.margin + b)));
      const d = q - t;
      const w = q * (1 - q);
      ga += d * p.margin;
      gb += d;
      haa += w * p.margin * p.margin;
      hab += w * p.margin;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    let step = 1;
    let next = loss(a - da, b - db);
    while (next > cur && step > 1e-8) {
      step /= 2;
      next = loss(a - step * da, b - step * db);
    }
    if (next > cur) break;
    a -= step * da;
    b -= step * db;
    const gain = cur - next;
    cur = next;
    if (gain < 1e-9 * Math.max(1, Math.abs(cur))) break;
  }
  return { a, b };
}

/** Reliability of a calibration on points: per confidence bin, the mean predicted probability and the observed share right. */
export function reliability(points: MarginPoint[], conf: (margin: number) => number, bins = 10): { lo: number; hi: number; n: number; predicted: number; observed: number }[] {
  const out = Array.from({ length: bins }, (_, i) => ({ lo: i / bins, hi: (i + 1) / bins, n: 0, predicted: 0, observed: 0 }));
  for (const p of points) {
    const c = conf(p.margin);
    const b = out[Math.min(bins - 1, Math.floor(c * bins))];
    b.n++;
    b.predicted += c;
    b.observed += p.ok ? 1 : 0;
  }
  for (const b of out) if (b.n) {
    b.predicted /= b.n;
    b.observed /= b.n;
  }
  return out;
}
