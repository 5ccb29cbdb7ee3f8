// Tagging: two-stage decoding of a document (stage 1, then stage 2 with stage-1 predictions as
// document-level evidence), returning BIO tags.
import { viterbi } from './viterbi.ts';
import type { NerModel } from './model.ts';
import { N_TAGS, bioFromSpans, spansFromBilou } from './tags.ts';
import type { DocFeatures } from './features.ts';
import type { LinearModel } from './linear.ts';
import { Cap, capClass, normLower } from './wordform.ts';
import { foldTypography } from '../../../text/fold.ts';

let em = new Float32Array(0);

/** Decodes every sentence of a document with one stage; returns flat BILOU tag indices. */
export function decodeDocument(stage: LinearModel, lengths: readonly number[], f: DocFeatures, extra?: DocFeatures, outsideBias = 0, typeBias?: readonly number[]): Uint8Array {
  const total = lengths.reduce((a, b) => a + b, 0);
  const out = new Uint8Array(total);
  let from = 0;
  for (const n of lengths) {
    if (em.length < n * N_TAGS) em = new Float32Array(n * N_TAGS * 2);
    em.fill(0, 0, n * N_TAGS);
    stage.addEmissions(f.feats, f.offs, from, from + n, em);
    if (extra) stage.addEmissions(extra.feats, extra.offs, from, from + n, em);
    if (outsideBias) for (let i = 0; i < n; i++) em[i * N_TAGS] -= outsideBias; // tag 0 is O
    if (typeBias) {
      for (let i = 0; i < n; i++) for (let t = 1; t < N_TAGS; t++) em[i * N_TAGS + t] += typeBias[(t - 1) >> 2] ?? 0;
    }
    viterbi(em, n, stage.masked, out, from);
    from += n;
  }
  return out;
}

/** Title-case sentences ("Blinken Meets With Netanyahu Amid Gaza Ceasefire Push") are unlike
 *  anything in the training data: words that are normally written in lower case (per the model's
 *  lower-case statistics) are lowercased before tagging, so only the names keep their capitals. */
export function truecaseTitles(model: NerModel, doc: readonly (readonly string[])[]): (readonly string[])[] {
  const lc = model.lexicon.lcBucket;
  return doc.map((sent) => {
    let letters = 0;
    let initial = 0;
    let lowerish = 0;
    sent.forEach((w, i) => {
      const c = capClass(w);
      if (c === Cap.Punct || c === Cap.Digit) return;
      letters++;
      if (c === Cap.Initial) {
        initial++;
        if (i > 0 && (lc.get(normLower(foldTypography(w))) ?? 0) >= 4) lowerish++;
      }
    });
    if (letters < 4 || initial / letters < 0.75 || lowerish < 2) return sent;
    return sent.map((w, i) => (i > 0 && capClass(w) === Cap.Initial && (lc.get(normLower(foldTypography(w))) ?? 0) >= 4 ? w.toLowerCase() : w));
  });
}

/** BILOU tag indices (flat over the document) for a document given as sentences of tokens. */
export function tagDocumentBilou(model: NerModel, input: readonly (readonly string[])[]): Uint8Array {
  const doc = truecaseTitles(model, input);
  const lengths = doc.map((s) => s.length);
  const f1 = model.extractor.stage1(doc);
  const bias = model.meta.outsideBias ?? 0;
  const typeBias = model.meta.typeBias;
  if (!model.stage2) return decodeDocument(model.stage1, lengths, f1, undefined, bias, typeBias);
  const pred1 = decodeDocument(model.stage1, lengths, f1);
  const f2 = model.extractor.stage2(doc, pred1);
  return decodeDocument(model.stage2, lengths, f1, f2, bias, typeBias);
}

/** BIO (IOB2) tags for each token of each sentence of a document. */
export function tagDocument(model: NerModel, doc: readonly (readonly string[])[]): string[][] {
  const flat = tagDocumentBilou(model, doc);
  const out: string[][] = [];
  let from = 0;
  for (const s of doc) {
    out.push(bioFromSpans(spansFromBilou(flat.subarray(from, from + s.length)), s.length));
    from += s.length;
  }
  return out;
}

/** BIO tags for one sentence of tokens (tagged as a one-sentence document). */
export function tagTokens(model: NerModel, tokens: readonly string[]): string[] {
  return tagDocument(model, [tokens])[0];
}
