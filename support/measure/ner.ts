// NER accuracy on the development sets through the `dossier tag` path (tagConll): the development
// set is read in its own format (src/analysis/mentions/ner/formats.ts) and written as CoNLL with its
// gold tags as the last column, one -DOCSTART- per (pseudo-)document; the prediction is the column
// tagConll appends. Entity-level scores as
// conlleval defines them (exact span and type), per type and overall.
import { PassThrough } from 'node:stream';
import { EntityScorer, type TypeScore } from '../../src/analysis/mentions/ner/evaluate.ts';
import { parseConll, tagConll } from '../../src/analysis/mentions/ner/conll.ts';
import { spansFromBio } from '../../src/analysis/mentions/ner/tags.ts';
import { DATA } from './data-sets.ts';
import { nerFile, readNerFile, toConll, type LabelledDoc } from '../../src/analysis/mentions/ner/formats.ts';
import { nerDataset } from '../../src/lang/registry.ts';

export interface NerScores {
  /** The development set read (its path under the data folder). */
  file: string;
  /** Its documents, as scored. */
  docs: LabelledDoc[];
  /** The filled scorer (its report() is conlleval's text). */
  scorer: EntityScorer;
  overall: TypeScore;
  /** By entity type (LOC, MISC, ORG, PER). */
  byType: Record<string, TypeScore>;
}

/** Tags the development set of `lang` with the model in `opts.model` (default: the shipped one) and scores it. */
export async function measureNer(lang: string, opts: { model?: string; data?: string } = {}): Promise<NerScores> {
  const set = nerDataset(lang)?.dev;
  if (!set) throw new Error(`no development set for "${lang}" (src/lang/${lang}/language.json datasets.ner)`);
  const file = nerFile(set).file;
  const docs = readNerFile(opts.data ?? DATA, set);
  const input = new PassThrough();
  const output = new PassThrough();
  let tagged = '';
  output.on('data', (c: Buffer) => (tagged += c.toString('utf8')));
  const done = tagConll(input, output, lang, opts.model);
  input.end(toConll(docs));
  await done;
  output.end();
  const scorer = new EntityScorer();
  for (const doc of parseConll(tagged)) {
    for (const s of doc.sentences) {
      const cols = s.lines.map((l) => l.trim().split(/\s+/));
      const gold = cols.map((c) => c[c.length - 2]);
      const pred = cols.map((c) => c[c.length - 1]);
      scorer.add(spansFromBio(gold), spansFromBio(pred));
      scorer.addTokens(gold.length, gold.filter((g, i) => sameTag(g, pred[i])).length);
    }
  }
  const { types, overall } = scorer.scores();
  return { file, docs, scorer, overall, byType: Object.fromEntries(types.map((t) => [t.type, t])) };
}

/** Token accuracy as conlleval counts it: IOB1 and IOB2 spellings of the same label agree. */
function sameTag(a: string, b: string): boolean {
  return a === b || (a.slice(2) === b.slice(2) && a !== 'O' && b !== 'O');
}
