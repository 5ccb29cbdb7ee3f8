// Annotated data for training and evaluation: documents of sentences with gold entity spans, read
// by the format readers of src/analysis/mentions/ner/formats.ts.
import { dirname, basename } from 'node:path';
import { readNerFile, type LabelledDoc, type NerFile } from '../../src/analysis/mentions/ner/formats.ts';

export type { LabelledDoc, NerFile };

/** Reads an annotated CoNLL file (IOB1 or IOB2 in the last column) given by its full path. */
export function readLabelled(file: string): LabelledDoc[] {
  return readNerFile(dirname(file), basename(file));
}

export function countTokens(docs: readonly LabelledDoc[]): number {
  let n = 0;
  for (const d of docs) for (const s of d.sentences) n += s.length;
  return n;
}
