// The `--ner-model <dir>` option shared by analyze, ingest, reanalyze and tag.
import { UsageError } from './context.ts';

export const NER_MODEL_HELP =
  'tag names with a local ONNX token-classification model (a Hugging Face export: config.json, tokenizer.json, onnx/model.onnx) instead of the built-in tagger, in every language; needs `npm run setup:onnx`';

/** Checks the model directory and the optional runtime before the command opens anything. */
export async function checkNerModelOption(dir: string | undefined): Promise<void> {
  if (dir === undefined) return;
  const { checkNerModel, OnnxNerError } = await import('../analysis/mentions/onnx/index.ts');
  try {
    checkNerModel(dir);
  } catch (e) {
    if (e instanceof OnnxNerError) throw new UsageError(e.message, 1);
    throw e;
  }
}
