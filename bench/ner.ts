// NER benchmark: entity-level precision / recall / F1 per type and overall (conlleval definition:
// exact span and type) on the CoNLL development sets, and tagging speed on one core.
//   npm run bench:ner                       (both languages, shipped models)
//   npm run bench:ner -- --lang nl --model DIR --data DIR
// Scores come from the `dossier tag` path (tagConll): gold tags are the input's last column, the
// prediction is the column tagConll appends.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PassThrough } from 'node:stream';
import { EntityScorer } from '../src/analysis/entities/ner/evaluate.ts';
import { parseConll } from '../src/analysis/entities/ner/conll.ts';
import { tagConll } from '../src/analysis/entities/ner/conll.ts';
import { loadNerModel, modelPath } from '../src/analysis/entities/ner/model.ts';
import { tagDocument } from '../src/analysis/entities/ner/tagger.ts';
import { spansFromBio } from '../src/analysis/entities/ner/tags.ts';

const { values } = parseArgs({
  options: {
    lang: { type: 'string' },
    model: { type: 'string' },
    data: { type: 'string', default: resolve('../shared/data') },
    runs: { type: 'string', default: '3' },
  },
});
const sets: Record<string, string> = {
  en: join(values.data!, 'conll2003/eng.testa'),
  nl: join(values.data!, 'conll2002/ned.testa'),
};
const langs = values.lang ? values.lang.split(',') : Object.keys(sets);

for (const lang of langs) {
  const file = sets[lang];
  if (!file) throw new Error(`no development set for "${lang}"`);
  const text = readFileSync(file, 'utf8');
  const t0 = performance.now();
  const model = loadNerModel(lang, values.model);
  const loadMs = performance.now() - t0;

  // accuracy through tagConll
  const input = new PassThrough();
  const output = new PassThrough();
  let tagged = '';
  output.on('data', (c: Buffer) => (tagged += c.toString('utf8')));
  const done = tagConll(input, output, lang, values.model);
  input.end(text);
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

  // speed: tagging pre-tokenised documents, best of N runs (one thread)
  const docs = parseConll(text).map((d) => d.sentences.map((s) => s.words));
  const tokens = docs.reduce((a, d) => a + d.reduce((b, s) => b + s.length, 0), 0);
  let best = Infinity;
  for (let r = 0; r < Number(values.runs); r++) {
    const t = performance.now();
    for (const d of docs) tagDocument(model, d);
    best = Math.min(best, performance.now() - t);
  }
  console.log(`== ${lang}: ${file}  (model ${modelPath(lang, values.model)}, loaded in ${loadMs.toFixed(0)} ms)`);
  console.log(scorer.report());
  console.log(`speed: ${tokens} tokens in ${best.toFixed(0)} ms = ${Math.round(tokens / (best / 1000)).toLocaleString('en')} tokens/s (one thread, best of ${values.runs})`);
}

/** Token accuracy as conlleval counts it: IOB1 and IOB2 spellings of the same label agree. */
function sameTag(a: string, b: string): boolean {
  return a === b || (a.slice(2) === b.slice(2) && a !== 'O' && b !== 'O');
}
