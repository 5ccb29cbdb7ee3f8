// The O-score bias of a model's final stage (meta.outsideBias), picked on the development set: a
// per-model decision threshold. Training on silver data whose unannotated names read as O makes a
// tagger shy of names (German: precision 75, recall 60); lowering the O score of every token trades
// some precision for recall. The grid is in units of the final stage's own weight scale (the mean
// absolute transition weight); a bias is kept only when it beats no bias by more than MIN_GAIN, so a
// dev-set fluctuation does not move a model that is already balanced.
import type { NerModel } from '../../src/analysis/mentions/ner/model.ts';
import type { EntityScorer } from '../../src/analysis/mentions/ner/evaluate.ts';
import type { LabelledDoc } from './data.ts';
import { ENTITY_TYPES } from '../../src/analysis/mentions/ner/tags.ts';

export const BIAS_GRID = [0, 1, 2, 3, 4, 6, 8, 12];
/** F1 points (0-1 scale) a bias must add over none to be kept. */
export const MIN_GAIN = 0.002;

/** Sets model.meta.outsideBias to the best grid value on `dev`; returns a log line. */
export function tuneOutsideBias(model: NerModel, dev: readonly LabelledDoc[], evaluate: (m: NerModel, d: readonly LabelledDoc[]) => EntityScorer): string {
  const stage = model.stage2 ?? model.stage1;
  const t = stage.transitions.trans;
  let unit = 0;
  for (const x of t) unit += Math.abs(x);
  unit /= t.length;
  const tried: [number, number][] = [];
  for (const k of BIAS_GRID) {
    model.meta.outsideBias = k * unit;
    tried.push([k, evaluate(model, dev).scores().overall.f1]);
  }
  const none = tried[0][1];
  const best = tried.reduce((a, b) => (b[1] > a[1] + 1e-9 ? b : a));
  const keep = best[1] > none + MIN_GAIN ? best[0] : 0;
  model.meta.outsideBias = Number((keep * unit).toFixed(4));
  if (!model.meta.outsideBias) delete model.meta.outsideBias;
  return `outside bias (units of ${unit.toFixed(3)}) -> dev F1: ${tried.map(([k, f]) => `${k}: ${(100 * f).toFixed(2)}`).join(', ')}; chosen ${keep} units`;
}

/** Type-bias grid, in the same units as the O bias. */
export const TYPE_BIAS_GRID = [-3, -2, -1, -0.5, 0, 0.5, 1, 2, 3];
/** A coordinate step must add this much F1 (0-1 scale) to be taken. */
const STEP_GAIN = 0.0005;

/** Sets model.meta.typeBias (one value per entity type, added to the scores of that type's tags in the
 *  final stage) by coordinate ascent on `dev` over TYPE_BIAS_GRID, two rounds, after the O bias; kept
 *  only when it beats none by more than MIN_GAIN. Types absent from the development set stay 0.
 *  Returns a log line. */
export function tuneTypeBias(model: NerModel, dev: readonly LabelledDoc[], evaluate: (m: NerModel, d: readonly LabelledDoc[]) => EntityScorer): string {
  const stage = model.stage2 ?? model.stage1;
  const t = stage.transitions.trans;
  let unit = 0;
  for (const x of t) unit += Math.abs(x);
  unit /= t.length;
  const present = new Set(dev.flatMap((d) => d.spans.flat().map((s) => s.type)));
  const types = ENTITY_TYPES.map((ty, i) => [ty, i] as const).filter(([ty]) => present.has(ty));
  const k = [0, 0, 0, 0];
  const f1 = () => {
    model.meta.typeBias = k.map((x) => x * unit);
    return evaluate(model, dev).scores().overall.f1;
  };
  const none = f1();
  let best = none;
  for (let round = 0; round < 2; round++) {
    for (const [, i] of types) {
      const keep = k[i];
      let bestK = keep;
      for (const g of TYPE_BIAS_GRID) {
        if (g === keep) continue;
        k[i] = g;
        const f = f1();
        if (f > best + STEP_GAIN) [best, bestK] = [f, g];
      }
      k[i] = bestK;
    }
  }
  const kept = best > none + MIN_GAIN;
  if (kept) model.meta.typeBias = k.map((x) => Number((x * unit).toFixed(4)));
  else delete model.meta.typeBias;
  return `type bias (units of ${unit.toFixed(3)}; ${ENTITY_TYPES.join('/')}) ${k.join('/')} -> dev F1 ${(100 * none).toFixed(2)} -> ${(100 * best).toFixed(2)}; ${kept ? 'kept' : 'not kept'}`;
}
