// The attribution model file: models/attribution/<lang>.model.gz (the binary container of the NER
// models, src/analysis/mentions/ner/container.ts), holding two linear stages — cue tagging per
// sentence, then source/content labelling around each cue — and the facts of its training.
// Loaded once per file and cached; a language without its own model uses `neutral.model.gz`, the
// same design trained on language-neutral features only (see features.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../../../paths.ts';
import { readContainer, writeContainer } from '../../mentions/ner/container.ts';
import { FEATURE_VERSION, type FeatureOptions } from './features.ts';
import { CUE_TAGS, LinearScorer, ROLE_TAGS } from './linear.ts';

export const DEFAULT_ATTRIBUTION_DIR = packagePath('models/attribution');

export interface AttributionMeta {
  /** Language code, or "neutral" for the language-neutral model. */
  lang: string;
  featureVersion: number;
  features: FeatureOptions;
  /** Added to every token's cue-start score before decoding (tuned on dev: trades cue precision for recall). */
  cueBias?: number;
  /** The model was trained on another genre than news (German: parliamentary speeches): like the
   *  neutral model, its cues must be cue forms of the language's quotes.json whose frames fit, and
   *  where the rules read the same cue theirs is the reading (src/analysis/quotes/attribution.ts). */
  lexiconCues?: boolean;
  /** Platt scaling of the cue margin, fitted on dev by the trainer: confidence = sigmoid(a * margin + b),
   *  the probability that the model's attribution matches an annotated one. Absent: sigmoid(margin / 4). */
  calibration?: { a: number; b: number; fittedOn: string; points: number };
  /** Free-form training facts (data, epochs, seed, scores) written by the trainer. */
  training: Record<string, unknown>;
}

export interface AttributionModel {
  meta: AttributionMeta;
  cue: LinearScorer;
  role: LinearScorer;
}

interface Stage {
  keys: Uint32Array;
  weights: Float32Array;
  transitions: Float32Array;
}

export function encodeAttributionModel(meta: AttributionMeta, cue: Stage, role: Stage): Buffer {
  return writeContainer(meta, {
    cueKeys: cue.keys,
    cueWeights: cue.weights,
    cueTrans: cue.transitions,
    roleKeys: role.keys,
    roleWeights: role.weights,
    roleTrans: role.transitions,
  });
}

export function decodeAttributionModel(buf: Buffer, file: string): AttributionModel {
  const { header, blobs } = readContainer<AttributionMeta>(buf);
  if (header.featureVersion !== FEATURE_VERSION) throw new Error(`${file}: feature version ${header.featureVersion}, this code needs ${FEATURE_VERSION} (retrain with npm run train:attribution)`);
  const need = (name: string) => {
    const b = blobs[name];
    if (!b) throw new Error(`${file}: missing ${name}`);
    return b;
  };
  return {
    meta: header,
    cue: new LinearScorer(CUE_TAGS, need('cueKeys') as Uint32Array, need('cueWeights') as Float32Array, need('cueTrans') as Float32Array),
    role: new LinearScorer(ROLE_TAGS, need('roleKeys') as Uint32Array, need('roleWeights') as Float32Array, need('roleTrans') as Float32Array),
  };
}

export function attributionModelPath(name: string, dir = DEFAULT_ATTRIBUTION_DIR): string {
  return join(dir, `${name}.model.gz`);
}

const cache = new Map<string, AttributionModel | null>();

/** The attribution model for `lang`: its own, else the neutral one, else null. Cached. */
export function attributionModel(lang: string, dir = DEFAULT_ATTRIBUTION_DIR): AttributionModel | null {
  const key = `${dir}\0${lang}`;
  if (cache.has(key)) return cache.get(key)!;
  let m: AttributionModel | null = null;
  if (/^[a-z]{2,3}$/.test(lang)) {
    for (const name of [lang, 'neutral']) {
      const file = attributionModelPath(name, dir);
      if (!existsSync(file)) continue;
      m = decodeAttributionModel(readFileSync(file), file);
      break;
    }
  }
  cache.set(key, m);
  return m;
}
