// The NER model: lexicon (word clusters, lower-case statistics, gazetteers) and two linear stages.
// Shipped as models/ner/<lang>.model.gz (see container.ts); loaded once per language and cached.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../../../paths.ts';
import { readContainer, writeContainer } from './container.ts';
import { FeatureExtractor, type Lexicon } from './features.ts';
import { Gazetteer } from './gazetteer.ts';
import { LinearModel } from './linear.ts';
import { N_TAGS } from './tags.ts';

/** Bumped whenever feature extraction changes in a way that invalidates trained weights. */
export const FEATURE_VERSION = 1;

export const DEFAULT_MODEL_DIR = packagePath('models/ner');

export interface ModelMeta {
  lang: string;
  featureVersion: number;
  /** Free-form training facts (data, epochs, seed, scores) written by the trainer. */
  training: Record<string, unknown>;
  /** Subtracted from the O score of every token in the final stage's decoding (tuned on the
   *  development set by the trainer): trades precision for recall. Absent in older models: 0. */
  outsideBias?: number;
  /** Added to the scores of every tag of each entity type (ENTITY_TYPES order: PER, ORG, LOC, MISC)
   *  in the final stage's decoding, tuned on the development set like outsideBias: moves the
   *  decision between types (Spanish LOC against ORG). Absent: 0. */
  typeBias?: number[];
}

export interface NerModel {
  meta: ModelMeta;
  lexicon: Lexicon;
  stage1: LinearModel;
  /** Second stage, fed with stage-1 predictions over the document; null for a one-stage model. */
  stage2: LinearModel | null;
  extractor: FeatureExtractor;
}

export function createModel(meta: ModelMeta, lexicon: Lexicon, stage1: LinearModel, stage2: LinearModel | null): NerModel {
  return { meta, lexicon, stage1, stage2, extractor: new FeatureExtractor(lexicon) };
}

export function modelPath(lang: string, dir = DEFAULT_MODEL_DIR): string {
  return join(dir, `${lang}.model.gz`);
}

const loaded = new Map<string, NerModel>();

/** The NER model for `lang` from `dir` (default: the shipped models/ner), cached per file. Throws
 *  when there is none. */
export function loadNerModel(lang: string, dir?: string): NerModel {
  if (!/^[a-z]{2,3}$/.test(lang)) throw new Error(`bad language code: ${lang}`);
  const file = modelPath(lang, dir);
  let m = loaded.get(file);
  if (!m) {
    if (!existsSync(file)) throw new Error(`no NER model for language "${lang}" (looked for ${file})`);
    m = decodeModel(readFileSync(file));
    if (m.meta.lang !== lang) throw new Error(`${file} is a model for "${m.meta.lang}", not "${lang}"`);
    loaded.set(file, m);
  }
  return m;
}

/** Whether a shipped (or given-dir) model exists for `lang`. */
export function hasNerModel(lang: string, dir?: string): boolean {
  return /^[a-z]{2,3}$/.test(lang) && existsSync(modelPath(lang, dir));
}

interface Header {
  meta: ModelMeta;
  clusterWords: string;
  clusterLevels: number;
  lcWords: string;
  gazetteer: ReturnType<Gazetteer['toJSON']>;
  stages: { scale: number }[];
}

export function saveNerModel(model: NerModel, file: string): number {
  const lex = model.lexicon;
  const clusterWords = [...lex.clusters.keys()];
  const levels = clusterWords.length ? lex.clusters.get(clusterWords[0])!.length : 0;
  const clusterIds = new Uint16Array(clusterWords.length * levels);
  clusterWords.forEach((w, i) => clusterIds.set(lex.clusters.get(w)!, i * levels));
  const lcWords = [...lex.lcBucket.keys()];
  const lcBuckets = Uint8Array.from(lcWords.map((w) => lex.lcBucket.get(w)!));
  const blobs: Record<string, Uint8Array | Uint16Array | Uint32Array | Int16Array | Float32Array> = { clusterIds, lcBuckets };
  const stages: { scale: number }[] = [];
  [model.stage1, model.stage2].forEach((st, i) => {
    if (!st) return;
    let max = 0;
    for (const w of st.weights) max = Math.max(max, Math.abs(w));
    const scale = max > 0 ? max / 32767 : 1;
    const q = new Int16Array(st.weights.length);
    for (let k = 0; k < q.length; k++) q[k] = Math.round(st.weights[k] / scale);
    blobs[`keys${i}`] = st.keys;
    blobs[`weights${i}`] = q;
    blobs[`trans${i}`] = st.transitions.trans;
    blobs[`end${i}`] = st.transitions.end;
    stages.push({ scale });
  });
  const header: Header = {
    meta: model.meta,
    clusterWords: clusterWords.join('\n'),
    clusterLevels: levels,
    lcWords: lcWords.join('\n'),
    gazetteer: lex.gazetteer.toJSON(),
    stages,
  };
  const buf = writeContainer(header, blobs);
  writeFileSync(file, buf);
  return buf.length;
}

export function decodeModel(gz: Buffer): NerModel {
  const { header, blobs } = readContainer<Header>(gz);
  const clusters = new Map<string, Int32Array>();
  if (header.clusterWords) {
    const ids = blobs.clusterIds as Uint16Array;
    const L = header.clusterLevels;
    header.clusterWords.split('\n').forEach((w, i) => clusters.set(w, Int32Array.from(ids.subarray(i * L, i * L + L))));
  }
  const lcBucket = new Map<string, number>();
  if (header.lcWords) {
    const b = blobs.lcBuckets as Uint8Array;
    header.lcWords.split('\n').forEach((w, i) => lcBucket.set(w, b[i]));
  }
  const lexicon: Lexicon = { clusters, lcBucket, gazetteer: Gazetteer.fromJSON(header.gazetteer) };
  const stages = header.stages.map((s, i) => {
    const q = blobs[`weights${i}`] as Int16Array;
    const w = new Float32Array(q.length);
    for (let k = 0; k < q.length; k++) w[k] = q[k] * s.scale;
    if (w.length !== (blobs[`keys${i}`] as Uint32Array).length * N_TAGS) throw new Error('corrupt model: weight size');
    return new LinearModel(blobs[`keys${i}`] as Uint32Array, w, {
      trans: blobs[`trans${i}`] as Float32Array,
      end: blobs[`end${i}`] as Float32Array,
    });
  });
  const meta = header.meta;
  if (meta.featureVersion !== FEATURE_VERSION) {
    throw new Error(`NER model was trained with feature version ${meta.featureVersion}, this code has ${FEATURE_VERSION}: retrain (npm run train:ner)`);
  }
  return createModel(meta, lexicon, stages[0], stages[1] ?? null);
}
