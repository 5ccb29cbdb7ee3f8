// Checks a model directory before anything is loaded: a Hugging Face token-classification export
// as transformers.js reads it — config.json (with id2label), tokenizer.json, tokenizer_config.json
// and onnx/model.onnx (or a quantised variant) — with one clear error naming the missing or bad file.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OnnxNerError } from './errors.ts';
import { mapLabels, type LabelMap } from './labels.ts';

/** ONNX file names in onnx/, in order of preference, with the transformers.js dtype that loads each. */
const ONNX_FILES: readonly [string, string][] = [
  ['model.onnx', 'fp32'],
  ['model_quantized.onnx', 'q8'],
  ['model_int8.onnx', 'int8'],
  ['model_uint8.onnx', 'uint8'],
  ['model_fp16.onnx', 'fp16'],
  ['model_q4.onnx', 'q4'],
  ['model_q4f16.onnx', 'q4f16'],
  ['model_bnb4.onnx', 'bnb4'],
];

export interface ModelDirInfo {
  /** Absolute path of the directory. */
  dir: string;
  /** Label names by id. */
  labels: string[];
  labelMap: LabelMap;
  /** The ONNX file that will be loaded (absolute) and the dtype that makes transformers.js load it. */
  onnxFile: string;
  /** Folder of the ONNX file inside `dir` ('onnx' or ''). */
  subfolder: string;
  dtype: string;
  /** Most tokens (special tokens included) the model takes in one sequence. */
  maxLength: number;
  modelType: string;
}

interface ModelConfig {
  model_type?: unknown;
  id2label?: unknown;
  max_position_embeddings?: unknown;
}

function readJson(file: string): unknown {
  if (!existsSync(file)) throw new OnnxNerError(`${file} is missing`);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new OnnxNerError(`${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Label names by id from config.json's id2label ({"0": "O", "1": "B-PER", ...}). */
function readLabels(file: string, id2label: unknown): string[] {
  if (!isObject(id2label) || !Object.keys(id2label).length) {
    throw new OnnxNerError(`${file} has no id2label (the token-classification labels)`);
  }
  const n = Object.keys(id2label).length;
  const labels: string[] = [];
  for (let i = 0; i < n; i++) {
    const l = id2label[String(i)];
    if (typeof l !== 'string') throw new OnnxNerError(`${file}: id2label must map the ids 0..${n - 1} to label names (id ${i} is missing)`);
    labels.push(l);
  }
  return labels;
}

/** The longest sequence the model takes: the smaller of tokenizer_config's model_max_length and
 *  config's max_position_embeddings (minus the two padding positions RoBERTa-style models
 *  reserve); 512 when neither says. */
function maxLength(config: ModelConfig, tokenizerConfig: Record<string, unknown>, modelType: string): number {
  const limits: number[] = [];
  const mml = tokenizerConfig.model_max_length;
  if (typeof mml === 'number' && mml > 0 && mml < 1e6) limits.push(Math.floor(mml));
  const mpe = config.max_position_embeddings;
  if (typeof mpe === 'number' && mpe > 0) limits.push(/roberta|camembert|longformer|luke/i.test(modelType) ? mpe - 2 : mpe);
  return limits.length ? Math.min(...limits) : 512;
}

/** Checks `dir` and reads what tagging needs from it. `warn` gets one line about labels read as O. */
export function inspectModelDir(dirArg: string, warn: (line: string) => void = () => {}): ModelDirInfo {
  const dir = resolve(dirArg);
  if (!existsSync(dir)) throw new OnnxNerError(`NER model directory ${dir} does not exist`);
  if (!statSync(dir).isDirectory()) throw new OnnxNerError(`NER model ${dir} is not a directory (give the folder that holds config.json)`);
  const configFile = join(dir, 'config.json');
  const config = readJson(configFile);
  if (!isObject(config)) throw new OnnxNerError(`${configFile} is not a JSON object`);
  const labels = readLabels(configFile, (config as ModelConfig).id2label);
  const labelMap = mapLabels(labels);
  if (labelMap.tags.every((t) => t === null)) {
    throw new OnnxNerError(`${configFile}: none of the labels (${labels.join(', ')}) is a person, organisation, location or misc name`);
  }
  if (labelMap.unknown.length) warn(`${configFile}: labels read as O (not a known entity type): ${labelMap.unknown.join(', ')}`);
  const tokenizerFile = join(dir, 'tokenizer.json');
  if (!existsSync(tokenizerFile)) throw new OnnxNerError(`${tokenizerFile} is missing (export the model with its fast tokenizer)`);
  const tokenizerConfig = readJson(join(dir, 'tokenizer_config.json'));
  if (!isObject(tokenizerConfig)) throw new OnnxNerError(`${join(dir, 'tokenizer_config.json')} is not a JSON object`);
  // transformers.js exports keep the model in onnx/; `optimum-cli export onnx` writes it next to config.json
  let found: { subfolder: string; file: string; dtype: string } | undefined;
  for (const subfolder of ['onnx', '']) {
    const hit = ONNX_FILES.find(([f]) => existsSync(join(dir, subfolder, f)));
    if (hit) {
      found = { subfolder, file: hit[0], dtype: hit[1] };
      break;
    }
  }
  if (!found) throw new OnnxNerError(`${join(dir, 'onnx', 'model.onnx')} is missing (nor is there model.onnx next to config.json, or a quantised onnx/model_*.onnx)`);
  const modelType = typeof (config as ModelConfig).model_type === 'string' ? ((config as ModelConfig).model_type as string) : '';
  if (!modelType) throw new OnnxNerError(`${configFile} has no model_type`);
  return {
    dir,
    labels,
    labelMap,
    onnxFile: join(dir, found.subfolder, found.file),
    subfolder: found.subfolder,
    dtype: found.dtype,
    maxLength: maxLength(config as ModelConfig, tokenizerConfig, modelType),
    modelType,
  };
}
