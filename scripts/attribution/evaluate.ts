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

export function evaluateModel(model: AttributionModel, docs: TrainingDoc[]): ModelScores {
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
