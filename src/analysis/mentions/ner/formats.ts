// Readers for the annotated NER data formats of ../shared/data (see its README): each turns a file
// into documents of tokenised sentences with gold entity spans of the types PER, ORG, LOC and MISC,
// the shape the trainer (scripts/ner) and the bench (support/measure/ner.ts) work on.
//   conll       word ... TAG (whitespace columns, last one the IOB1/IOB2 tag), -DOCSTART- lines
//   wikiann     lang:word<TAB>TAG (WikiANN; the "de:" prefix is dropped)
//   wikineural  index<TAB>word<TAB>TAG (WikiNEuRal)
//   germeval    "#<TAB>url<TAB>[date]" opening each sentence, then index<TAB>word<TAB>outer<TAB>nested
//               (GermEval 2014; OTH -> MISC, the ...deriv and ...part types -> O, as CoNLL scoring does)
//   uner        "# newdoc" / "# sent_id" / "# text" comments, index<TAB>word<TAB>TAG<TAB>-<TAB>annotator
//   bare        word TYPE with no B-/I- (swedish-ner-corpus): 0 or O is outside, a run of one type is one name
//   harem       word<TAB>CATEGORY with no B-/I- (First HAREM in CoNLL form): PESSOA, ORGANIZACAO, LOCAL;
//               TEMPO and VALOR are not names (O)
//   europeana   word TAG (Europeana Newspapers): no sentence or document boundaries, so a sentence ends after
//               a . ! or ? token followed by a capitalised token; "# file:"-style comment lines open a new
//               document; tags are IOB1 or IOB2, malformed ones normalised (B-PEr, B_PER -> B-PER) and
//               unknown types (B-BER) read as O
// Formats without document boundaries are cut into pseudo-documents of `docSentences` sentences in
// file order, so document-level features see neighbouring sentences as an article would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spansFromBio, type TokenSpan } from './tags.ts';

export const NER_FORMATS = ['conll', 'wikiann', 'wikineural', 'germeval', 'uner', 'bare', 'harem', 'europeana'] as const;
export type NerFormat = (typeof NER_FORMATS)[number];

/** A document of an annotated set: tokenised sentences and the gold names of each. */
export interface LabelledDoc {
  sentences: string[][];
  spans: TokenSpan[][];
  /** Adaptation domain: 0 for gold data of the model's own language, 1.. for the other sets. */
  domain?: number;
}

/** One annotated file as language.json datasets.ner names it (a bare string is a CoNLL file). */
export interface NerFile {
  /** Path under the data folder ("germeval2014/NER-de-dev.tsv"). */
  file: string;
  format?: NerFormat;
  /** Sentences per pseudo-document for files without document boundaries (default: the whole file for
   *  conll without -DOCSTART-, one document per sentence for germeval; 20 for the others). */
  docSentences?: number;
  /** A deterministic part of the file kept out of training: every `every`-th document (the last of
   *  each run of `every`). "held-out" reads those, "rest" the others. */
  split?: { every: number; part: 'rest' | 'held-out' };
  /** Read only the first N documents (after the split). */
  limit?: number;
  /** Entity types kept; the others become O (silver data with a type the gold data lacks). */
  types?: string[];
  /** Adaptation domain of this set (0: gold data of the model's language, the default). */
  domain?: number;
  /** A regular expression over a sentence's words joined by spaces that opens a new document, for files
   *  whose articles are marked only by their text (the "Madrid , 23 may ( EFE ) ." datelines of
   *  CoNLL-2002 Spanish); used instead of `docSentences` pseudo-documents. */
  docStart?: string;
}

/** The error for a malformed line: names the file and the line. */
export class NerFormatError extends Error {
  constructor(file: string, line: number, detail: string) {
    super(`${file}:${line}: ${detail}`);
    this.name = 'NerFormatError';
  }
}

const TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC']);
const DEFAULT_DOC_SENTENCES = 20;

/** Normalises a dataset entry (string = CoNLL file). */
export function nerFile(entry: string | NerFile): NerFile {
  return typeof entry === 'string' ? { file: entry } : entry;
}

/** Reads an annotated file under `root` as language.json describes it (format, split, limit, types). */
export function readNerFile(root: string, entry: string | NerFile): LabelledDoc[] {
  const f = nerFile(entry);
  const path = join(root, f.file);
  let docs = parseNer(readFileSync(path, 'utf8'), f.format ?? 'conll', path, f.docSentences, f.docStart === undefined ? undefined : new RegExp(f.docStart));
  if (f.split) {
    const { every, part } = f.split;
    docs = docs.filter((_, i) => (i % every === every - 1) === (part === 'held-out'));
  }
  if (f.limit !== undefined) docs = docs.slice(0, f.limit);
  if (f.types) {
    const keep = new Set(f.types);
    docs = docs.map((d) => ({ ...d, spans: d.spans.map((ss) => ss.filter((s) => keep.has(s.type))) }));
  }
  if (f.domain) docs = docs.map((d) => ({ ...d, domain: f.domain }));
  return docs;
}

interface RawSentence {
  words: string[];
  tags: string[];
  /** The sentence opens a new document. */
  docStart: boolean;
}

/** Parses the text of an annotated file; `name` is used in error messages. A `docStart` expression
 *  (matched against a sentence's words joined by spaces) marks the sentences that open a document. */
export function parseNer(text: string, format: NerFormat, name = '(input)', docSentences?: number, docStart?: RegExp): LabelledDoc[] {
  const sentences = readSentences(text.replace(/^\uFEFF/, ''), format, name);
  if (docStart) for (const s of sentences) s.docStart ||= docStart.test(s.words.join(' '));
  const hasBoundaries = sentences.some((s) => s.docStart);
  const per = docSentences ?? (format === 'germeval' ? 1 : format === 'conll' && hasBoundaries ? 0 : DEFAULT_DOC_SENTENCES);
  const docs: LabelledDoc[] = [];
  let cur: LabelledDoc | null = null;
  for (const s of sentences) {
    const full = cur !== null && per > 0 && !hasBoundaries && cur.sentences.length >= per;
    if (!cur || (hasBoundaries && s.docStart && cur.sentences.length) || full) {
      cur = { sentences: [], spans: [] };
      docs.push(cur);
    }
    cur.sentences.push(s.words);
    cur.spans.push(format === 'bare' || format === 'harem' ? spansFromRuns(s.tags) : spansFromBio(s.tags));
  }
  return docs.filter((d) => d.sentences.length > 0);
}

const HAREM: Record<string, string> = { PESSOA: 'PER', ORGANIZACAO: 'ORG', LOCAL: 'LOC', TEMPO: 'O', VALOR: 'O', O: 'O' };

function readSentences(text: string, format: NerFormat, name: string): RawSentence[] {
  const out: RawSentence[] = [];
  let cur: RawSentence = { words: [], tags: [], docStart: false };
  let pendingDoc = false;
  const end = () => {
    if (cur.words.length) {
      out.push(cur);
      cur = { words: [], tags: [], docStart: false };
    }
    cur.docStart ||= pendingDoc;
    pendingDoc = false;
  };
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const at = n + 1;
    const trimmed = line.trim();
    if (trimmed === '') {
      end();
      continue;
    }
    if (format === 'conll' && trimmed.startsWith('-DOCSTART-')) {
      pendingDoc = true;
      end();
      continue;
    }
    if (format === 'germeval' && line.startsWith('#\t')) {
      pendingDoc = true;
      end();
      continue;
    }
    if (format === 'europeana' && /^#\s+\S+:/.test(trimmed)) {
      pendingDoc = true;
      end();
      continue;
    }
    if (format === 'uner' && line.startsWith('#')) {
      if (/^#\s*newdoc\b/.test(line)) {
        pendingDoc = true;
        end();
      }
      continue;
    }
    const cols = format === 'conll' || format === 'bare' || format === 'europeana' ? trimmed.split(/\s+/) : line.split('\t');
    let word: string;
    let tag: string;
    switch (format) {
      case 'conll':
        if (cols.length < 2) throw new NerFormatError(name, at, `expected "word ... TAG", got "${trimmed}"`);
        [word, tag] = [cols[0], cols[cols.length - 1]];
        break;
      case 'wikiann': {
        if (cols.length !== 2) throw new NerFormatError(name, at, `expected "lang:word<TAB>TAG", got "${trimmed}"`);
        const colon = cols[0].indexOf(':');
        [word, tag] = [colon > 0 ? cols[0].slice(colon + 1) : cols[0], cols[1]];
        break;
      }
      case 'wikineural':
        if (cols.length < 3) throw new NerFormatError(name, at, `expected "index<TAB>word<TAB>TAG", got "${trimmed}"`);
        [word, tag] = [cols[1], cols[2]];
        break;
      case 'germeval':
        if (cols.length < 3) throw new NerFormatError(name, at, `expected "index<TAB>word<TAB>outer<TAB>nested", got "${trimmed}"`);
        [word, tag] = [cols[1], germevalTag(cols[2])];
        break;
      case 'uner':
        if (cols.length < 3) throw new NerFormatError(name, at, `expected "index<TAB>word<TAB>TAG<TAB>...", got "${trimmed}"`);
        [word, tag] = [cols[1], cols[2]];
        break;
      case 'bare':
        if (cols.length < 2) continue; // the corpus has one stray single-field line
        [word, tag] = [cols[0], cols[cols.length - 1] === '0' ? 'O' : cols[cols.length - 1]];
        break;
      case 'harem':
        if (cols.length < 2) throw new NerFormatError(name, at, `expected "word<TAB>CATEGORY", got "${trimmed}"`);
        word = cols[0];
        tag = HAREM[cols[cols.length - 1].trim()];
        if (tag === undefined) throw new NerFormatError(name, at, `unknown HAREM category "${cols[cols.length - 1]}" (known: ${Object.keys(HAREM).join(', ')})`);
        break;
      case 'europeana':
        if (cols.length < 2) throw new NerFormatError(name, at, `expected "word TAG", got "${trimmed}"`);
        [word, tag] = [cols[0], europeanaTag(cols[cols.length - 1])];
        if (cur.words.length && /^[.!?]$/.test(cur.words[cur.words.length - 1]) && /^\p{Lu}/u.test(word)) end();
        break;
    }
    word = word.replace(/\s+/g, '');
    if (!word) continue;
    checkTag(tag, format, name, at);
    cur.words.push(word);
    cur.tags.push(tag);
  }
  end();
  return out;
}

/** Europeana Newspapers tag in IOB terms: case and "_" normalised (B-PEr, B_PER -> B-PER), types other
 *  than PER, ORG and LOC (the typo B-BER) -> O. */
function europeanaTag(tag: string): string {
  const m = /^([BI])[-_](PER|ORG|LOC)$/i.exec(tag);
  return m ? `${m[1].toUpperCase()}-${m[2].toUpperCase()}` : 'O';
}

/** GermEval outer tag in CoNLL terms: OTH -> MISC, deriv/part -> O. */
function germevalTag(tag: string): string {
  if (tag === 'O' || /(deriv|part)$/.test(tag)) return 'O';
  return tag.replace(/-OTH$/, '-MISC');
}

function checkTag(tag: string, format: NerFormat, name: string, at: number): void {
  if (tag === 'O') return;
  if (format === 'bare' || format === 'harem') {
    if (!TYPES.has(tag)) throw new NerFormatError(name, at, `unknown tag "${tag}" (expected 0, O or one of ${[...TYPES].join(', ')})`);
    return;
  }
  const m = /^([BI])-(.+)$/.exec(tag);
  if (!m || !TYPES.has(m[2])) throw new NerFormatError(name, at, `unknown tag "${tag}" (expected O, B-TYPE or I-TYPE with TYPE one of ${[...TYPES].join(', ')})`);
}

/** Spans from bare type labels: each maximal run of one type is one name. */
function spansFromRuns(tags: readonly string[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  for (let i = 0; i < tags.length; ) {
    if (tags[i] === 'O') {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tags.length && tags[j] === tags[i]) j++;
    spans.push({ start: i, end: j, type: tags[i] });
    i = j;
  }
  return spans;
}

/** Writes documents as CoNLL (`word TAG`, IOB2, -DOCSTART- before each document): the input of
 *  `dossier tag` when a set is scored through it. */
export function toConll(docs: readonly LabelledDoc[]): string {
  const parts: string[] = [];
  for (const d of docs) {
    parts.push('-DOCSTART- O\n\n');
    d.sentences.forEach((s, i) => {
      const tags = s.map(() => 'O');
      for (const sp of d.spans[i]) for (let k = sp.start; k < sp.end; k++) tags[k] = `${k === sp.start ? 'B' : 'I'}-${sp.type}`;
      parts.push(s.map((w, k) => `${w} ${tags[k]}\n`).join('') + '\n');
    });
  }
  return parts.join('');
}
