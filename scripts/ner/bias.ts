// The O-score bias of a model's final stage (meta.outsideBias), picked on the development set: a
// per-model decision threshold. Training on silver data whose unannotated names read as O makes a
// tagger shy of names (German: precision 75, recall 60); lowering the O score of every token trades
// some precision for recall. The grid is in units of the final stage's own weight scale (the mean
// absolute transition weight); a bias is kept only when it beats no bias by more than MIN_GAIN, so a
// dev-set fluctuation does not move a model that is already balanced.
import type { NerModel } from '../../src/analysis/mentions/ner/model.ts';
import type { EntityScorer } from '../../src/analysis/mentions/ner/evaluate.ts';
import type { LabelledDoc } from './data.ts';

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
