// A local ONNX token-classification model as a name tagger (`--ner-model DIR`): words encoded one
// by one with the model's own tokenizer, sentences cut into windows the model takes, windows run
// in padded batches, each word labelled by its first subword, labels read as BIO tags of our four
// types. Returns the same shape as the built-in tagger, so the words keep their exact offsets.
import type { AsyncNameTagger, SentenceWords } from '../name-tagger.ts';
import { OnnxNerError } from './errors.ts';
import { inspectModelDir, type ModelDirInfo } from './model-dir.ts';
import { loadTransformers, type RtModel, type RtTokenizer, type Transformers } from './runtime.ts';
import { toBio, type LabelTag } from './labels.ts';
import { batchInputs, batchWindows, planWindows, wordLabels, type SpecialTokens } from './windows.ts';

export interface OnnxTaggerOptions {
  /** Directory whose node_modules provide @huggingface/transformers (default: extras/onnx-ner). */
  runtimeDir?: string;
  /** Sequences per model run (default 16). */
  batchSize?: number;
  /** Longest sequence, when shorter than the model's own limit (tests). */
  maxLength?: number;
  /** Receives one-line warnings (default: standard error). */
  warn?: (line: string) => void;
}

function message(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}

/** The special tokens the tokenizer puts around one sequence, found by encoding a probe word with
 *  and without them. */
function specialTokens(tokenizer: RtTokenizer): SpecialTokens {
  const plain = tokenizer.encode('a', { add_special_tokens: false });
  const full = tokenizer.encode('a', { add_special_tokens: true });
  for (let i = 0; i + plain.length <= full.length; i++) {
    if (plain.every((id, k) => full[i + k] === id)) return { prefix: full.slice(0, i), suffix: full.slice(i + plain.length) };
  }
  return { prefix: [], suffix: [] };
}

const MAX_CACHED_WORDS = 100_000;

export class OnnxNameTagger implements AsyncNameTagger {
  readonly name: string;
  private pieces = new Map<string, number[]>();
  private readonly specials: SpecialTokens;
  private readonly padId: number;
  private readonly maxLength: number;
  private readonly batchSize: number;

  private constructor(
    readonly info: ModelDirInfo,
    private readonly rt: Transformers,
    private readonly tokenizer: RtTokenizer,
    private readonly model: RtModel,
    opts: OnnxTaggerOptions,
  ) {
    this.name = info.dir;
    this.specials = specialTokens(tokenizer);
    this.padId = typeof tokenizer.pad_token_id === 'number' ? tokenizer.pad_token_id : 0;
    this.maxLength = Math.min(info.maxLength, opts.maxLength ?? Infinity);
    this.batchSize = Math.max(1, opts.batchSize ?? 16);
  }

  /** Checks `dir`, loads the runtime, the tokenizer and the model. Throws OnnxNerError naming the
   *  file at fault. */
  static async load(dir: string, opts: OnnxTaggerOptions = {}): Promise<OnnxNameTagger> {
    const warn = opts.warn ?? ((line: string) => process.stderr.write(`warning: ${line}\n`));
    const info = inspectModelDir(dir, warn);
    const rt = await loadTransformers(opts.runtimeDir);
    let tokenizer: RtTokenizer;
    try {
      tokenizer = await rt.AutoTokenizer.from_pretrained(info.dir, { local_files_only: true });
    } catch (e) {
      throw new OnnxNerError(`${info.dir}/tokenizer.json: could not load the tokenizer: ${message(e)}`);
    }
    let model: RtModel;
    try {
      model = await rt.AutoModelForTokenClassification.from_pretrained(info.dir, {
        local_files_only: true,
        subfolder: info.subfolder,
        dtype: info.dtype,
        device: 'cpu',
        session_options: { logSeverityLevel: 4 }, // fatal only: failures reach the caller as errors
      });
    } catch (e) {
      throw new OnnxNerError(`${info.onnxFile}: could not load the model: ${message(e)}`);
    }
    return new OnnxNameTagger(info, rt, tokenizer, model, opts);
  }

  /** Any language: the model is multilingual or not, as the user chose it. */
  handles(): boolean {
    return true;
  }

  /** BIO tags for each word of each sentence. */
  async tag(words: SentenceWords): Promise<string[][]> {
    const encoded = words.map((s) => s.map((w) => this.encodeWord(w)));
    const windows = planWindows(encoded, this.specials, this.maxLength);
    const labels: number[][] = words.map((s) => new Array<number>(s.length).fill(-1));
    const nLabels = this.info.labels.length;
    for (const batch of batchWindows(windows, this.batchSize)) {
      const { ids, mask, length } = batchInputs(windows, batch, this.padId);
      const dims = [batch.length, length];
      let logits;
      try {
        ({ logits } = await this.model({ input_ids: new this.rt.Tensor('int64', ids, dims), attention_mask: new this.rt.Tensor('int64', mask, dims) }));
      } catch (e) {
        throw new OnnxNerError(`${this.info.onnxFile}: the model failed on a batch of ${batch.length} sequence(s) of ${length} tokens: ${message(e)}`);
      }
      if (logits.dims.length !== 3 || logits.dims[0] !== batch.length || logits.dims[1] !== length || logits.dims[2] !== nLabels) {
        throw new OnnxNerError(
          `${this.info.onnxFile}: expected logits of shape [${batch.length}, ${length}, ${nLabels}] (${nLabels} labels in config.json), got [${logits.dims.join(', ')}]`,
        );
      }
      const data = logits.data;
      batch.forEach((wi, row) => {
        const w = windows[wi];
        const got = wordLabels(w, data, row, length, nLabels);
        for (let k = 0; k < got.length; k++) labels[w.sent][w.firstWord + k] = got[k];
      });
      logits.dispose?.();
    }
    const tags = this.info.labelMap.tags;
    return labels.map((s) => toBio(s.map((l): LabelTag | null => (l < 0 ? null : tags[l]))));
  }

  /** Subword ids of one word as it appears inside a sentence (after a space). */
  private encodeWord(word: string): number[] {
    let ids = this.pieces.get(word);
    if (!ids) {
      ids = this.tokenizer.encode(` ${word}`, { add_special_tokens: false });
      if (this.pieces.size >= MAX_CACHED_WORDS) this.pieces.clear();
      this.pieces.set(word, ids);
    }
    return ids;
  }

  async dispose(): Promise<void> {
    await this.model.dispose();
  }
}

/** Loads the ONNX name tagger in `dir` (see OnnxNameTagger.load). */
export function loadOnnxNameTagger(dir: string, opts?: OnnxTaggerOptions): Promise<OnnxNameTagger> {
  return OnnxNameTagger.load(dir, opts);
}
