// Finds and loads @huggingface/transformers from the optional package extras/onnx-ner (installed
// with `npm run setup:onnx`, kept out of the default install), and locks it to local files: no
// remote models, no caches written, so nothing is ever downloaded.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packagePath } from '../../../paths.ts';
import { OnnxNerError } from './errors.ts';

/** extras/onnx-ner in this checkout. */
export const DEFAULT_RUNTIME_DIR = packagePath('extras/onnx-ner');

/** Overrides the directory whose node_modules provide the runtime (tests point it at an empty one). */
export const RUNTIME_DIR_ENV = 'DOSSIER_ONNX_RUNTIME_DIR';

export const SETUP_HINT = '--ner-model needs the optional ONNX runtime: run `npm run setup:onnx`';

/** The few parts of a Tensor we use. */
export interface RtTensor {
  readonly dims: number[];
  readonly data: ArrayLike<number>;
  dispose?(): void;
}

export interface RtTokenizer {
  encode(text: string, options?: { add_special_tokens?: boolean }): number[];
  readonly pad_token_id?: number | null;
  readonly model_max_length?: number;
}

export interface RtModel {
  (inputs: Record<string, RtTensor>): Promise<{ logits: RtTensor }>;
  dispose(): Promise<unknown>;
  readonly sessions?: Record<string, { inputNames?: string[] }>;
}

interface Loadable<T> {
  from_pretrained(path: string, options: Record<string, unknown>): Promise<T>;
}

/** What we use of @huggingface/transformers. */
export interface Transformers {
  env: {
    allowRemoteModels: boolean;
    allowLocalModels: boolean;
    localModelPath: string;
    useFS: boolean;
    useFSCache: boolean;
    useBrowserCache: boolean;
    useWasmCache?: boolean;
    logLevel?: number;
  };
  Tensor: new (type: 'int64', data: BigInt64Array, dims: number[]) => RtTensor;
  AutoTokenizer: Loadable<RtTokenizer>;
  AutoModelForTokenClassification: Loadable<RtModel>;
  LogLevel?: { NONE: number };
}

const loaded = new Map<string, Promise<Transformers>>();

/** The directory whose node_modules hold the runtime: `dir`, else $DOSSIER_ONNX_RUNTIME_DIR, else extras/onnx-ner. */
export function runtimeDir(dir?: string): string {
  return resolve(dir ?? process.env[RUNTIME_DIR_ENV] ?? DEFAULT_RUNTIME_DIR);
}

/** The file @huggingface/transformers resolves to from `dir`; throws the set-up hint when it is not installed. */
export function resolveTransformers(dir?: string): string {
  const base = runtimeDir(dir);
  const req = createRequire(join(base, 'package.json'));
  let main: string;
  try {
    main = req.resolve('@huggingface/transformers');
  } catch {
    throw new OnnxNerError(`${SETUP_HINT} (@huggingface/transformers is not installed in ${base})`);
  }
  // the ES module build for Node (the package's "import" condition); createRequire resolved the CommonJS one
  const esm = join(dirname(main), 'transformers.node.mjs');
  return existsSync(esm) ? esm : main;
}

/** Imports the runtime (once per directory) with remote loading off and caches off. */
export function loadTransformers(dir?: string): Promise<Transformers> {
  const file = resolveTransformers(dir);
  let p = loaded.get(file);
  if (!p) {
    p = import(pathToFileURL(file).href).then(
      (m: Transformers) => {
        const env = m.env;
        env.allowRemoteModels = false;
        env.allowLocalModels = true;
        env.useFSCache = false;
        env.useBrowserCache = false;
        if ('useWasmCache' in env) env.useWasmCache = false;
        // failures reach the caller as errors (with the model file named); the library would also dump the inputs
        if (m.LogLevel) env.logLevel = m.LogLevel.NONE;
        return m;
      },
      (err: unknown) => {
        loaded.delete(file);
        throw new OnnxNerError(`${SETUP_HINT} (loading ${file} failed: ${err instanceof Error ? err.message : String(err)})`);
      },
    );
    loaded.set(file, p);
  }
  return p;
}
