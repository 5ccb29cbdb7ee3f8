// The German attribution model's data: SpkAtt-2023 train to learn from, SpkAtt-2023 dev to choose
// the epoch count and the cue bias by (the mean of cue, Source and Message F1 of the shared task's
// full task, spkatt.ts).
import { join } from 'node:path';
import type { AttributionModel } from '../../src/analysis/quotes/model/model.ts';
import type { TrainingDoc } from './data.ts';
import type { ModelScores } from './evaluate.ts';
import { loadRedewiedergabe } from './redewiedergabe.ts';
import { loadSpkAtt, spkAttDevScores } from './spkatt.ts';

export interface GermanTraining {
  train: TrainingDoc[];
  evaluate(model: AttributionModel): ModelScores;
  /** What the model card says about the data. */
  facts: Record<string, unknown>;
}

/** `redewiedergabe`: also learn from REDEWIEDERGABE (all but each tenth sample; CC BY-NC-SA, so the
 *  model becomes non-commercial). */
export function germanTraining(root: string, opts: { redewiedergabe?: boolean } = {}): GermanTraining {
  const t0 = Date.now();
  const train = loadSpkAtt(join(root, 'spkatt2023', 'train'));
  const dev = loadSpkAtt(join(root, 'spkatt2023', 'dev'));
  const n = (docs: TrainingDoc[]) => docs.reduce((k, d) => k + d.gold.length, 0);
  console.log(`SpkAtt-2023: train ${train.length} speeches (${n(train)} cues), dev ${dev.length} (${n(dev)}); loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const rw = opts.redewiedergabe ? loadRedewiedergabe(join(root, 'redewiedergabe', 'tsv'), 'train') : [];
  if (rw.length) console.log(`REDEWIEDERGABE: ${rw.length} samples (${n(rw)} attributions with a cue)`);
  return {
    train: [...train, ...rw],
    evaluate: (m) => spkAttDevScores(m, dev),
    facts: {
      data: 'SpkAtt-2023 Task 1 train (GePaDe, German Bundestag speeches 2017-2021; Rehbein et al., KONVENS 2023)',
      licence: 'annotations CC BY-SA 4.0, Bundestag text public domain',
      trainFiles: train.length,
      ...(rw.length ? { data2: 'REDEWIEDERGABE main corpus, all samples but each tenth (Brunner et al., LREC 2020)', licence2: 'CC BY-NC-SA 4.0 (non-commercial)', trainFiles2: rw.length } : {}),
    },
  };
}
