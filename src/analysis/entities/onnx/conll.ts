// `dossier tag --ner-model DIR`: the CoNLL round trip of src/analysis/entities/ner/conll.ts with an
// asynchronous tagger. Reads document by document (a -DOCSTART- line opens one), writes each token
// line with the predicted BIO tag appended, -DOCSTART- lines copied, a blank line after each sentence.
import { createInterface } from 'node:readline';
import { parseConll, type ConllDocument } from '../ner/conll.ts';
import type { SentenceWords } from '../name-tagger.ts';

export type DocumentTagger = (words: SentenceWords) => Promise<string[][]>;

export async function tagConllWith(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, tag: DocumentTagger): Promise<void> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lines: string[] = [];
  const flush = async () => {
    const text = lines.join('\n');
    lines = [];
    for (const doc of parseConll(text)) await write(output, await formatTagged(doc, tag));
  };
  for await (const line of rl) {
    if (line.trim().startsWith('-DOCSTART-') && lines.length) await flush();
    lines.push(line);
  }
  await flush();
}

async function formatTagged(doc: ConllDocument, tag: DocumentTagger): Promise<string> {
  const tags = doc.sentences.length ? await tag(doc.sentences.map((s) => s.words)) : [];
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
