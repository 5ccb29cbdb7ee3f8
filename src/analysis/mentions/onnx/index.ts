// Optional ONNX name tagger (`--ner-model DIR`): a local Hugging Face token-classification export
// run through @huggingface/transformers from extras/onnx-ner, never downloading anything.
export { OnnxNerError } from './errors.ts';
export { OnnxNameTagger, loadOnnxNameTagger, type OnnxTaggerOptions } from './tagger.ts';
export { inspectModelDir, type ModelDirInfo } from './model-dir.ts';
export { mapLabels, readLabel, toBio, type LabelTag, type LabelMap } from './labels.ts';
export { resolveTransformers, RUNTIME_DIR_ENV, SETUP_HINT, DEFAULT_RUNTIME_DIR } from './runtime.ts';
export { planWindows, batchWindows, type Window, type SpecialTokens } from './windows.ts';

import { inspectModelDir } from './model-dir.ts';
import { resolveTransformers } from './runtime.ts';

/** The quick checks `--ner-model` makes before a command opens anything: the model directory and
 *  the installed runtime. Throws OnnxNerError with one line naming what is wrong. */
export function checkNerModel(dir: string, runtimeDir?: string): void {
  inspectModelDir(dir);
  resolveTransformers(runtimeDir);
}
