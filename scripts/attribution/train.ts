// Trains the attribution model shipped in models/attribution/ on PolNeAR train, choosing the epoch
// count on PolNeAR dev:
//   npm run train:attribution                    (every model: en, neutral and de)
//   npm run train:attribution -- --only en       (one of them; --lang de is the same as --only de)
// de trains on SpkAtt-2023 train (scripts/attribution/spkatt.ts) and chooses on SpkAtt-2023 dev;
// --calibrate-only re-chooses the cue bias and refits the confidence calibration of the files in
// --out on PolNeAR dev (en, neutral; the weights stay).
// --with-redewiedergabe adds REDEWIEDERGABE (non-commercial licence; not in the shipped model).
// Options: --data DIR (default $DOSSIER_DATA or ../shared/data), --out DIR (default
// models/attribution), --epochs N (max epochs, default 8), --seed N (default 1), --prune X.
// Reproducible: one seeded shuffle per epoch, no other randomness; the same data gives the same file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cueFeatures, DocFeatures, FEATURE_VERSION, roleFeatures, roleWindow, type FeatureOptions } from '../../src/analysis/quotes/model/features.ts';
import { CUE_TAGS, FeatureBuffer, LinearScorer, ROLE_TAGS } from '../../src/analysis/quotes/model/linear.ts';
import { attributionModelPath, decodeAttributionModel, encodeAttributionModel, type AttributionMeta, type AttributionModel } from '../../src/analysis/quotes/model/model.ts';
import { rng } from '../../support/random.ts';
import { dataRoot } from '../../support/data.ts';
import { loadSplit, type TrainingDoc } from './data.ts';
import { evaluateModel, fitPlatt, reliability, type MarginPoint, type ModelScores } from './evaluate.ts';
import { calibrated } from '../../src/analysis/quotes/model/predict.ts';
import { PerceptronTrainer } from './perceptron.ts';
import { shuffle } from '../ner/perceptron.ts';
import { writeCard } from './card.ts';
import { germanTraining } from './german.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    out: { type: 'string', default: resolve('models/attribution') },
    epochs: { type: 'string', default: '8' },
    seed: { type: 'string', default: '1' },
    prune: { type: 'string', default: '2' },
    only: { type: 'string' },
    lang: { type: 'string' },
    'with-redewiedergabe': { type: 'boolean', default: false },
    'calibrate-only': { type: 'boolean', default: false },
  },
});
const only = values.only ?? values.lang;
if (only && !['en', 'neutral', 'de'].includes(only)) throw new Error(`--only/--lang ${only}: no such model (en, neutral, de)`);

const root = values.data ? resolve(values.data) : dataRoot();
const polnear = join(root, 'polnear');
const t0 = Date.now();
const needPolnear = !only || only === 'en' || only === 'neutral';
const train = needPolnear && !values['calibrate-only'] ? loadSplit(join(polnear, 'train')) : [];
const dev = needPolnear ? loadSplit(join(polnear, 'dev')) : [];
if (needPolnear) console.log(`PolNeAR: train ${train.length} annotation files (${train.reduce((n, d) => n + d.gold.length, 0)} attributions), dev ${dev.length} (${dev.reduce((n, d) => n + d.gold.length, 0)}); loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

const features = new Map<TrainingDoc['ctx'], DocFeatures>();
const featuresOf = (d: TrainingDoc) => {
  let f = features.get(d.ctx);
  if (!f) features.set(d.ctx, (f = new DocFeatures(d.ctx)));
  return f;
};

interface CueItem {
  doc: TrainingDoc;
  unit: number;
}
interface RoleItem {
  doc: TrainingDoc;
  att: TrainingDoc['gold'][number];
}

/** Gold cue tags of a document (B on a cue's first token, I on the rest of its run). */
function cueGold(d: TrainingDoc): Uint8Array {
  const tags = new Uint8Array(d.ctx.toks.length);
  for (const g of d.gold) {
    const set = new Set(g.cue);
    for (const i of g.cue) tags[i] = set.has(i - 1) ? 2 : 1;
  }
  return tags;
}

interface StageData {
  train: TrainingDoc[];
  /** Dev scores of a model; `contentF1` is what the epoch count and the cue bias are chosen by. */
  evaluate(model: AttributionModel): ModelScores;
  /** Dev attributions of the chosen model (cue margin, matched or not) to calibrate its confidence on. */
  calibrationPoints?(model: AttributionModel): MarginPoint[];
  /** Cue biases tried (default BIASES). */
  biases?: number[];
}

const BIASES = [3, 6, 9, 12, 15];
/** PolNeAR models: the best bias was the largest of BIASES, so the grid goes on (en: 18, F1 +0.3 alone, +0.4 with the rules). */
const POLNEAR_BIASES = [3, 6, 9, 12, 15, 18, 21, 25, 30];
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const polnearStage = (): StageData => ({
  train,
  evaluate: (m) => evaluateModel(m, dev),
  calibrationPoints: (m) => {
    const points: MarginPoint[] = [];
    evaluateModel(m, dev, points);
    return points;
  },
  biases: POLNEAR_BIASES,
});

function trainStage(opts: FeatureOptions, epochs: number, seed: number, prune: number, name: string, data: StageData = polnearStage()): { model: AttributionModel; epochs: number; maxEpochs: number; scores: ModelScores; bias: number; log: string[] } {
  const cueTrainer = new PerceptronTrainer(CUE_TAGS);
  const roleTrainer = new PerceptronTrainer(ROLE_TAGS);
  const cueItems: CueItem[] = [];
  const cueTags = new Map<TrainingDoc, Uint8Array>();
  for (const d of data.train) {
    cueTags.set(d, cueGold(d));
    d.ctx.unitToks.forEach((u, i) => {
      if (u.last > u.first) cueItems.push({ doc: d, unit: i });
    });
  }
  const roleItems: RoleItem[] = data.train.flatMap((d) => d.gold.map((att) => ({ doc: d, att })));
  const rand = rng(seed);
  const buf = new FeatureBuffer();
  let gold = new Uint8Array(256);
  let best: { model: AttributionModel; epochs: number; scores: ModelScores; bias: number } | null = null;
  const log: string[] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const te = Date.now();
    let cueWrong = 0;
    let roleWrong = 0;
    for (const it of shuffle(cueItems, rand)) {
      const { first, last } = it.doc.ctx.unitToks[it.unit];
      cueFeatures(featuresOf(it.doc), first, last, opts, buf);
      cueWrong += cueTrainer.step(buf, cueTags.get(it.doc)!.subarray(first, last));
    }
    for (const it of shuffle(roleItems, rand)) {
      const df = featuresOf(it.doc);
      const c0 = it.att.cue[0];
      const c1 = it.att.cue[it.att.cue.length - 1] + 1;
      const [first, last] = roleWindow(df, c0);
      const n = last - first;
      if (gold.length < n) gold = new Uint8Array(n * 2);
      gold.fill(0, 0, n);
      const mark = (toks: number[], b: number) => {
        const set = new Set(toks);
        for (const i of toks) if (i >= first && i < last && (i < c0 || i >= c1)) gold[i - first] = set.has(i - 1) && i - 1 >= first && gold[i - 1 - first] >= b ? b + 1 : b;
      };
      mark(it.att.source, 1);
      mark(it.att.content, 3);
      roleFeatures(df, first, last, c0, c1, opts, buf);
      roleWrong += roleTrainer.step(buf, gold.subarray(0, n));
    }
    const cue = cueTrainer.averaged(prune);
    const role = roleTrainer.averaged(prune);
    const meta: AttributionMeta = { lang: name, featureVersion: FEATURE_VERSION, features: opts, training: {} };
    const model: AttributionModel = {
      meta,
      cue: new LinearScorer(CUE_TAGS, cue.keys, cue.weights, cue.transitions),
      role: new LinearScorer(ROLE_TAGS, role.keys, role.weights, role.transitions),
    };
    const scores = data.evaluate(model);
    const line = `${name} epoch ${epoch}: train errors cue ${cueWrong} role ${roleWrong}; dev cue F1 ${scores.cueF1.toFixed(1)}, content overlap F1 ${scores.contentF1.toFixed(1)} (P ${scores.contentP.toFixed(1)} R ${scores.contentR.toFixed(1)}), exact ${scores.exactF1.toFixed(1)}, source ${scores.sourceAcc.toFixed(1)}; rows ${cue.keys.length}+${role.keys.length}; ${((Date.now() - te) / 1000).toFixed(1)} s`;
    console.log(line);
    log.push(line);
    if (!best || scores.contentF1 > best.scores.contentF1) best = { model, epochs: epoch, scores, bias: 0 };
  }
  const chosen = best!;
  const tuned = tuneBias(chosen.model, data, name, log, chosen.scores);
  chosen.bias = tuned.bias;
  chosen.scores = tuned.scores;
  calibrate(chosen.model, data, name, log);
  return { ...chosen, maxEpochs: epochs, log };
}

/** The cue bias (recall against precision) chosen on dev from the stage's grid; `start`: the scores
 *  with no bias. Sets model.meta.cueBias. */
function tuneBias(model: AttributionModel, data: StageData, name: string, log: string[], start: ModelScores): { bias: number; scores: ModelScores } {
  let best = { bias: 0, scores: start };
  for (const bias of data.biases ?? BIASES) {
    model.meta.cueBias = bias;
    const scores = data.evaluate(model);
    const line = `${name} cue bias ${bias}: dev content overlap F1 ${scores.contentF1.toFixed(1)} (P ${scores.contentP.toFixed(1)} R ${scores.contentR.toFixed(1)})`;
    console.log(line);
    log.push(line);
    if (scores.contentF1 > best.scores.contentF1) best = { bias, scores };
  }
  model.meta.cueBias = best.bias;
  return best;
}

/** Platt scaling of the cue margin on dev (confidence = the chance the attribution is right), into model.meta.calibration. */
function calibrate(model: AttributionModel, data: StageData, name: string, log: string[]): void {
  if (!data.calibrationPoints) return;
  const points = data.calibrationPoints(model);
  const { a, b } = fitPlatt(points);
  model.meta.calibration = { a: round6(a), b: round6(b), fittedOn: 'PolNeAR dev (model attributions, overlap match)', points: points.length };
  const line = `${name} calibration: a ${a.toFixed(4)} b ${b.toFixed(4)} on ${points.length} dev attributions; ${reliability(points, (m) => calibrated(model, m)).filter((r) => r.n).map((r) => `[${r.lo.toFixed(1)},${r.hi.toFixed(1)}) n ${r.n} pred ${r.predicted.toFixed(2)} obs ${r.observed.toFixed(2)}`).join('; ')}`;
  console.log(line);
  log.push(line);
}

mkdirSync(values.out!, { recursive: true });

function writeModel(name: string, opts: FeatureOptions, r: ReturnType<typeof trainStage>, training: Record<string, unknown>, extra: Partial<AttributionMeta> = {}): void {
  const meta: AttributionMeta = {
    lang: name,
    featureVersion: FEATURE_VERSION,
    features: opts,
    cueBias: r.bias,
    ...(r.model.meta.calibration ? { calibration: r.model.meta.calibration } : {}),
    ...extra,
    training: {
      ...training,
      seed: Number(values.seed),
      epochs: r.epochs,
      maxEpochs: r.maxEpochs,
      prune: Number(values.prune),
      dev: r.scores,
    },
  };
  const cueStage = { keys: r.model.cue.keys, weights: r.model.cue.weights, transitions: r.model.cue.transitions };
  const roleStage = { keys: r.model.role.keys, weights: r.model.role.weights, transitions: r.model.role.transitions };
  const file = join(values.out!, `${name}.model.gz`);
  const bytes = encodeAttributionModel(meta, cueStage, roleStage);
  writeFileSync(file, bytes);
  console.log(`${file}: ${(bytes.length / 1024).toFixed(0)} KiB, best epoch ${r.epochs}`);
  writeCard(values.out!);
}

/** Re-chooses the cue bias of a trained model in --out on PolNeAR dev and refits its calibration,
 *  then rewrites it (same weights; what training ends with). `--calibrate-only`: for files trained
 *  before the calibration or the wider bias grid. */
function retuneFile(name: string): void {
  const file = attributionModelPath(name, values.out!);
  const m = decodeAttributionModel(readFileSync(file), file);
  delete m.meta.calibration;
  m.meta.cueBias = 0;
  const data = polnearStage();
  const tuned = tuneBias(m, data, name, [], data.evaluate(m));
  calibrate(m, data, name, []);
  // the header in the order writeModel gives it, so the file is the one training writes
  const { lang, featureVersion, features, cueBias, calibration, training, ...extra } = m.meta;
  const meta: AttributionMeta = { lang, featureVersion, features, cueBias, ...(calibration ? { calibration } : {}), ...extra, training: { ...training, dev: tuned.scores } };
  writeFileSync(file, encodeAttributionModel(meta, m.cue, m.role));
  writeCard(values.out!);
}

const variants: [string, FeatureOptions][] = [
  ['en', { lexical: true }],
  ['neutral', { lexical: false }],
];
for (const [name, opts] of variants) {
  if (only && only !== name) continue;
  if (values['calibrate-only']) {
    retuneFile(name);
    continue;
  }
  const r = trainStage(opts, Number(values.epochs), Number(values.seed), Number(values.prune), name);
  writeModel(name, opts, r, { data: 'PolNeAR train (Newell, Margolin & Ruths, LREC 2018), all annotation files', trainFiles: train.length });
}
if ((!only || only === 'de') && !values['calibrate-only']) {
  const de = germanTraining(root, { redewiedergabe: values['with-redewiedergabe'] });
  const r = trainStage({ lexical: true }, Number(values.epochs), Number(values.seed), Number(values.prune), 'de', de);
  // trained on speeches, not news: its cues must be lexicon cues (AttributionMeta.lexiconCues)
  writeModel('de', { lexical: true }, r, de.facts, { lexiconCues: true });
}
console.log(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
