// CoNLL format: one token per line (first column the word, last column the tag when annotated),
// a blank line between sentences, `-DOCSTART-` lines opening a document. Reading for training and
// evaluation, and `tagConll` (the `dossier tag` command) which appends the predicted BIO tag.
import { createInterface } from 'node:readline';
import { loadNerModel } from './model.ts';
import { tagDocument } from './tagger.ts';

export interface ConllSentence {
  /** The input lines of the sentence, unchanged (without line terminator). */
  lines: string[];
  /** First column of each line. */
  words: string[];
}

export interface ConllDocument {
  /** The `-DOCSTART-` line that opened the document, or null for text before the first one. */
  docstart: string | null;
  sentences: ConllSentence[];
}

const DOCSTART = '-DOCSTART-';

/** Groups CoNLL lines into documents and sentences. Blank lines separate sentences; a -DOCSTART-
 *  line ends the current sentence and opens a document (with or without a blank line after it). */
export function parseConll(text: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  const reader = new ConllGrouper((d) => docs.push(d));
  for (const line of text.split(/\r?\n/)) reader.line(line);
  reader.end();
  return docs;
}

/** Gold tags (last column) of a sentence read from annotated CoNLL. */
export function goldTags(s: ConllSentence): string[] {
  return s.lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    return cols[cols.length - 1];
  });
}

/** Incremental grouping of lines into documents; calls `onDoc` for each completed document. */
class ConllGrouper {
  private doc: ConllDocument = { docstart: null, sentences: [] };
  private sent: ConllSentence = { lines: [], words: [] };
  constructor(private onDoc: (d: ConllDocument) => void) {}

  line(line: string): void {
    const trimmed = line.trim();
    if (trimmed.startsWith(DOCSTART)) {
      this.endSentence();
      this.endDocument();
      this.doc.docstart = line;
      return;
    }
    if (trimmed === '') {
      this.endSentence();
      return;
    }
    this.sent.lines.push(line);
    this.sent.words.push(trimmed.split(/\s+/)[0]);
  }

  end(): void {
    this.endSentence();
    this.endDocument();
  }

  private endSentence(): void {
    if (this.sent.lines.length) this.doc.sentences.push(this.sent);
    this.sent = { lines: [], words: [] };
  }

  private endDocument(): void {
    if (this.doc.docstart !== null || this.doc.sentences.length) this.onDoc(this.doc);
    this.doc = { docstart: null, sentences: [] };
  }
}

/** Tags the sentences of one document: BIO tags per word. */
export type DocumentTagger = (words: string[][]) => string[][] | Promise<string[][]>;

/** Reads CoNLL tokens from `input` and writes each token line with the predicted BIO tag appended as
 *  the last column (space-separated); `-DOCSTART-` lines are copied, a blank line follows each
 *  sentence. Documents (delimited by -DOCSTART-) are tagged as a whole with the shipped model of
 *  `lang` (or the one in `modelDir`), so document-level evidence is used. */
export async function tagConll(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  lang: string,
  modelDir?: string,
): Promise<void> {
  const model = loadNerModel(lang, modelDir);
  await tagConllWith(input, output, (words) => tagDocument(model, words));
}

/** The CoNLL round trip of `tagConll` with any tagger (an ONNX model: `--ner-model`). */
export async function tagConllWith(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, tag: DocumentTagger): Promise<void> {
  const pending: ConllDocument[] = [];
  const grouper = new ConllGrouper((d) => pending.push(d));
  const rl = createInterface({ input, crlfDelay: Infinity });
  const drain = async () => {
    while (pending.length) {
      const doc = pending.shift()!;
      const tags = doc.sentences.length ? await tag(doc.sentences.map((s) => s.words)) : [];
      await write(output, formatTagged(doc, tags));
    }
  };
  for await (const line of rl) {
    grouper.line(line);
    await drain();
  }
  grouper.end();
  await drain();
}

function formatTagged(doc: ConllDocument, tags: readonly string[][]): string {
  let out = '';
  if (doc.docstart !== null) out += `${doc.docstart}\n\n`;
  doc.sentences.forEach((s, i) => {
    for (let j = 0; j < s.lines.length; j++) out += `${s.lines[j].trimEnd()} ${tags[i][j]}\n`;
    out += '\n';
  });
  return out;
}

function write(out: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!chunk) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const ok = out.write(chunk, (err) => (err ? reject(err) : undefined));
    if (ok) resolve();
    else out.once('drain', () => resolve());
  });
}
