// Quote.confidence is calibrated: the model's cue margin through the Platt scaling stored in its
// file (fitted on PolNeAR dev by the trainer), the rules' values their dev precision; the bench's
// reliability table bins predictions by confidence against observed precision.
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/analysis/quotes/index.ts';
import { attributionModel } from '../../../src/analysis/quotes/model/model.ts';
import { calibrated } from '../../../src/analysis/quotes/model/predict.ts';
import { fitPlatt } from '../../../scripts/attribution/evaluate.ts';
import { reliabilityTable } from '../../../support/measure/quotes.ts';
import { exampleDoc } from './helpers.ts';

describe('attribution confidence', () => {
  it('the English model carries a calibration fitted on PolNeAR dev, rising with the margin', () => {
    const m = attributionModel('en')!;
    expect(m.meta.calibration).toBeDefined();
    expect(m.meta.calibration!.points).toBeGreaterThan(1000);
    expect(m.meta.calibration!.a).toBeGreaterThan(0);
    expect(calibrated(m, 100)).toBeGreaterThan(calibrated(m, 0));
  });

  it('no quote on the English seeds has a confidence of 0 (model quotes: the calibrated probability)', () => {
    for (const name of ['000_3a9e140460d11d4b.txt', '001_4f95569abf96a48a.txt', '003_1d174a4085385254.txt', '004_ed9a467948e1cb24.txt']) {
      const qs = extractQuotes(exampleDoc(name, 'en'));
      const model = qs.filter((q) => q.by === 'model');
      for (const q of qs) expect(q.confidence, `${name}: ${q.text}`).toBeGreaterThanOrEqual(0.2);
      for (const q of model) expect(q.confidence, `${name}: ${q.text}`).toBeLessThan(1);
    }
  });

  it('Platt scaling recovers a logistic relation and is deterministic', () => {
    // margins -40..40; right with probability sigmoid(0.1 m - 0.5), as expected counts per margin
    const points: { margin: number; ok: boolean }[] = [];
    for (let m = -40; m <= 40; m += 2) {
      const p = 1 / (1 + Math.exp(-(0.1 * m - 0.5)));
      const right = Math.round(200 * p);
      for (let k = 0; k < 200; k++) points.push({ margin: m, ok: k < right });
    }
    const fit = fitPlatt(points);
    expect(fit.a).toBeCloseTo(0.1, 2);
    expect(fit.b).toBeCloseTo(-0.5, 1);
    expect(fitPlatt(points)).toEqual(fit);
  });

  it('the reliability table bins by confidence and weighs the calibration error by bin size', () => {
    const pts = [
      { confidence: 0.95, ok: true },
      { confidence: 0.92, ok: false },
      { confidence: 0.15, ok: false },
      { confidence: 1, ok: true },
    ];
    const { bins, ece } = reliabilityTable(pts);
    const top = bins[9];
    expect(top.n).toBe(3);
    expect(top.observed).toBeCloseTo(2 / 3);
    expect(top.predicted).toBeCloseTo((0.95 + 0.92 + 1) / 3);
    expect(bins[1]).toMatchObject({ n: 1, observed: 0 });
    expect(ece).toBeCloseTo((3 / 4) * Math.abs(top.predicted - 2 / 3) + (1 / 4) * 0.15);
  });
});
