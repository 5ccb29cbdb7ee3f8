// Word-aligned input for a subword model: each word of a sentence is encoded on its own, a
// sentence becomes one sequence [prefix specials, subwords..., suffix specials] or, when longer
// than the model takes, several windows split between words; each word is read off its first
// subword. Pure functions: no runtime here.

/** One sequence for the model: words [firstWord, endWord) of sentence `sent`. */
export interface Window {
  sent: number;
  firstWord: number;
  endWord: number;
  /** Token ids, special tokens included. */
  ids: number[];
  /** Index into `ids` of each word's first subword; -1 for a word that encodes to nothing. */
  firstPos: number[];
}

export interface SpecialTokens {
  /** Ids before the words ([CLS], <s>) and after them ([SEP], </s>). */
  prefix: readonly number[];
  suffix: readonly number[];
}

/** Cuts each sentence (words given as their subword ids) into windows of at most `maxLength`
 *  tokens, special tokens included. A word longer than a whole window keeps its first subwords. */
export function planWindows(sentences: readonly (readonly (readonly number[])[])[], specials: SpecialTokens, maxLength: number): Window[] {
  const capacity = maxLength - specials.prefix.length - specials.suffix.length;
  if (capacity < 1) throw new Error(`a sequence of ${maxLength} tokens leaves no room for words next to the special tokens`);
  const out: Window[] = [];
  sentences.forEach((words, sent) => {
    let first = 0;
    let body: number[] = [];
    let firstPos: number[] = [];
    const close = (end: number) => {
      out.push({ sent, firstWord: first, endWord: end, ids: [...specials.prefix, ...body, ...specials.suffix], firstPos });
      first = end;
      body = [];
      firstPos = [];
    };
    words.forEach((pieces, w) => {
      const n = Math.min(pieces.length, capacity);
      if (body.length + n > capacity) close(w);
      firstPos.push(n ? specials.prefix.length + body.length : -1);
      for (let k = 0; k < n; k++) body.push(pieces[k]);
    });
    if (words.length > first) close(words.length);
  });
  return out;
}

/** Groups windows into batches of at most `size`, longest first (similar lengths pad little). */
export function batchWindows(windows: readonly Window[], size: number): number[][] {
  const order = windows.map((_, i) => i).sort((a, b) => windows[b].ids.length - windows[a].ids.length || a - b);
  const batches: number[][] = [];
  for (let i = 0; i < order.length; i += size) batches.push(order.slice(i, i + size));
  return batches;
}

/** input_ids and attention_mask of a batch, padded with `padId` to its longest window. */
export function batchInputs(windows: readonly Window[], batch: readonly number[], padId: number): { ids: BigInt64Array; mask: BigInt64Array; length: number } {
  const length = Math.max(...batch.map((i) => windows[i].ids.length));
  const ids = new BigInt64Array(batch.length * length).fill(BigInt(padId));
  const mask = new BigInt64Array(batch.length * length);
  batch.forEach((wi, row) => {
    const w = windows[wi].ids;
    for (let k = 0; k < w.length; k++) {
      ids[row * length + k] = BigInt(w[k]);
      mask[row * length + k] = 1n;
    }
  });
  return { ids, mask, length };
}

/** Arg-max label of each word of the window in row `row` of logits [batch, length, labels];
 *  -1 for words without subwords. */
export function wordLabels(window: Window, logits: ArrayLike<number>, row: number, length: number, nLabels: number): number[] {
  return window.firstPos.map((pos) => {
    if (pos < 0) return -1;
    const base = (row * length + pos) * nLabels;
    let best = 0;
    for (let l = 1; l < nLabels; l++) if (logits[base + l] > logits[base + best]) best = l;
    return best;
  });
}
