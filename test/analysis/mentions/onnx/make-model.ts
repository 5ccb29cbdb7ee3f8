// Builds a tiny but real token-classification export, the way transformers.js reads one: config.json
// (model_type "bert", id2label), a WordPiece tokenizer.json + tokenizer_config.json, and
// onnx/model.onnx — an ONNX graph written here with a minimal protobuf encoder. The model is
// context-free, so the right tags are known: logits = Gather(embedding[vocab, labels], input_ids)
// + Gather(type_table, token_type_ids) + Gather(position_table, 0..seq-1), times attention_mask.
// The position table has `maxPositions` rows like BERT's, so a sequence longer than that makes
// the model fail, as a real one does.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC', 'B-DATE'] as const;
export type Label = (typeof LABELS)[number];

const SPECIAL = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];

/** Vocabulary entries and the label the model gives them (everything else: O). Whole-word and
 *  subword entries; the "##" pieces carry labels that would be wrong if read instead of a word's
 *  first piece. */
export const VOCAB: readonly (readonly [string, Label])[] = [
  ['Donald', 'B-PER'],
  ['Trump', 'I-PER'], // alone: I after O, repaired to B-PER
  ['Benjamin', 'B-PER'],
  // Netanyahu -> Net ##any ##ahu
  ['Net', 'I-PER'],
  ['##any', 'B-ORG'],
  ['##ahu', 'B-LOC'],
  ['Gaza', 'B-LOC'],
  ['Israel', 'B-LOC'],
  ['Israeli', 'B-MISC'],
  ['Hamas', 'B-ORG'],
  ['Qatar', 'B-LOC'],
  ['White', 'B-LOC'],
  ['House', 'I-LOC'],
  ['Monday', 'B-DATE'], // a label Dossier reads as O
  [',', 'O'],
  ['.', 'O'],
  ['the', 'O'],
  ['in', 'O'],
];

export interface MakeModelOptions {
  /** Rows of the position table: the longest sequence the model takes (default 512). */
  maxPositions?: number;
  /** max_position_embeddings / model_max_length written in the configs, when they should claim
   *  another limit than the graph has (default maxPositions). */
  declaredMaxPositions?: number;
  /** Labels by id in config.json (default LABELS); the graph always gives LABELS.length logits. */
  labels?: readonly string[];
  /** Writes model_quantized.onnx instead of model.onnx. */
  quantizedName?: boolean;
}

/** Writes the export into `dir` (created) and returns `dir`. */
export function makeModel(dir: string, opts: MakeModelOptions = {}): string {
  const maxPositions = opts.maxPositions ?? 512;
  const declared = opts.declaredMaxPositions ?? maxPositions;
  const vocab = [...SPECIAL, ...VOCAB.map(([w]) => w)];
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  const labels = opts.labels ?? LABELS;
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify(
      {
        architectures: ['BertForTokenClassification'],
        model_type: 'bert',
        vocab_size: vocab.length,
        max_position_embeddings: declared,
        type_vocab_size: 2,
        pad_token_id: 0,
        id2label: Object.fromEntries(labels.map((l, i) => [String(i), l])),
        label2id: Object.fromEntries(labels.map((l, i) => [l, i])),
      },
      null,
      2,
    ),
  );
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(tokenizerJson(vocab)));
  writeFileSync(
    join(dir, 'tokenizer_config.json'),
    JSON.stringify({
      tokenizer_class: 'BertTokenizer',
      do_lower_case: false,
      model_max_length: declared,
      cls_token: '[CLS]',
      sep_token: '[SEP]',
      pad_token: '[PAD]',
      unk_token: '[UNK]',
      mask_token: '[MASK]',
    }),
  );
  const table = new Float32Array(vocab.length * LABELS.length);
  vocab.forEach((w, id) => {
    const label = VOCAB.find(([v]) => v === w)?.[1] ?? 'O';
    table[id * LABELS.length + LABELS.indexOf(label)] = 5;
  });
  writeFileSync(join(dir, 'onnx', opts.quantizedName ? 'model_quantized.onnx' : 'model.onnx'), onnxModel(table, vocab.length, maxPositions));
  return dir;
}

function tokenizerJson(vocab: string[]) {
  const ids = Object.fromEntries(vocab.map((w, i) => [w, i]));
  const special = (t: string) => ({ id: ids[t], content: t, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  const sp = (t: string) => ({ SpecialToken: { id: t, type_id: 0 } });
  const seq = (id: 'A' | 'B', type_id: number) => ({ Sequence: { id, type_id } });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL.map(special),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: false },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [sp('[CLS]'), seq('A', 0), sp('[SEP]')],
      pair: [sp('[CLS]'), seq('A', 0), sp('[SEP]'), seq('B', 1), { SpecialToken: { id: '[SEP]', type_id: 1 } }],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [ids['[CLS]']], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [ids['[SEP]']], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: ids },
  };
}

// --- protobuf (field numbers from onnx.proto) ---

type Field = Uint8Array;

function varint(n: number | bigint): number[] {
  let v = BigInt.asUintN(64, BigInt(n));
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return out;
}

function concat(parts: readonly Field[]): Field {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Varint field (wire type 0). */
const int = (field: number, v: number | bigint): Field => Uint8Array.from([...varint((field << 3) | 0), ...varint(v)]);
/** Length-delimited field (wire type 2): bytes, string or embedded message. */
const bytes = (field: number, b: Field): Field => concat([Uint8Array.from([...varint((field << 3) | 2), ...varint(b.length)]), b]);
const str = (field: number, s: string): Field => bytes(field, new TextEncoder().encode(s));
const msg = (field: number, ...parts: Field[]): Field => bytes(field, concat(parts));

const FLOAT = 1;
const INT64 = 7;

/** TensorProto: dims 1, data_type 2, name 8, raw_data 9 (little-endian). */
function tensor(name: string, type: number, dims: number[], data: Float32Array | BigInt64Array): Field {
  return concat([...dims.map((d) => int(1, d)), int(2, type), str(8, name), bytes(9, new Uint8Array(data.buffer, data.byteOffset, data.byteLength))]);
}

/** ValueInfoProto name 1, type 2 -> TypeProto.tensor_type 1 -> elem_type 1, shape 2 -> dim 1 -> dim_value 1 | dim_param 2. */
function valueInfo(name: string, type: number, dims: (string | number)[]): Field {
  const shape = dims.map((d) => msg(1, typeof d === 'number' ? int(1, d) : str(2, d)));
  return concat([str(1, name), msg(2, msg(1, int(1, type), msg(2, ...shape)))]);
}

/** NodeProto: input 1, output 2, name 3, op_type 4, attribute 5 (AttributeProto name 1, i 3, type 20: INT = 2). */
function node(op: string, inputs: string[], outputs: string[], attrs: Record<string, number> = {}): Field {
  return concat([
    ...inputs.map((i) => str(1, i)),
    ...outputs.map((o) => str(2, o)),
    str(3, `${op}_${outputs[0]}`),
    str(4, op),
    ...Object.entries(attrs).map(([k, v]) => msg(5, str(1, k), int(3, v), int(20, 2))),
  ]);
}

function onnxModel(table: Float32Array, vocabSize: number, maxPositions: number): Uint8Array {
  const n = LABELS.length;
  const nodes = [
    node('Gather', ['embeddings', 'input_ids'], ['token_logits']),
    node('Gather', ['type_embeddings', 'token_type_ids'], ['type_logits']),
    node('Add', ['token_logits', 'type_logits'], ['sum1']),
    node('Shape', ['input_ids'], ['shape']),
    node('Gather', ['shape', 'one'], ['seq_len'], { axis: 0 }),
    node('Range', ['zero', 'seq_len', 'one'], ['positions']),
    node('Gather', ['position_embeddings', 'positions'], ['position_logits']),
    node('Add', ['sum1', 'position_logits'], ['sum2']),
    node('Cast', ['attention_mask'], ['mask_float'], { to: FLOAT }),
    node('Unsqueeze', ['mask_float', 'last_axis'], ['mask3']),
    node('Mul', ['sum2', 'mask3'], ['logits']),
  ];
  const initializers = [
    tensor('embeddings', FLOAT, [vocabSize, n], table),
    tensor('type_embeddings', FLOAT, [2, n], new Float32Array(2 * n)),
    tensor('position_embeddings', FLOAT, [maxPositions, n], new Float32Array(maxPositions * n)),
    tensor('zero', INT64, [], BigInt64Array.of(0n)),
    tensor('one', INT64, [], BigInt64Array.of(1n)),
    tensor('last_axis', INT64, [1], BigInt64Array.of(2n)),
  ];
  // GraphProto: node 1, name 2, initializer 5, input 11, output 12
  const graph = concat([
    ...nodes.map((nd) => bytes(1, nd)),
    str(2, 'tiny_token_classifier'),
    ...initializers.map((t) => bytes(5, t)),
    msg(11, valueInfo('input_ids', INT64, ['batch_size', 'sequence_length'])),
    msg(11, valueInfo('attention_mask', INT64, ['batch_size', 'sequence_length'])),
    msg(11, valueInfo('token_type_ids', INT64, ['batch_size', 'sequence_length'])),
    msg(12, valueInfo('logits', FLOAT, ['batch_size', 'sequence_length', n])),
  ]);
  // ModelProto: ir_version 1, producer_name 2, graph 7, opset_import 8 (OperatorSetIdProto domain 1, version 2)
  return concat([int(1, 8), str(2, 'dossier-test'), bytes(7, graph), msg(8, str(1, ''), int(2, 13))]);
}
