// NER benchmark: entity-level precision / recall / F1 per type and overall (conlleval definition:
// exact span and type) on the CoNLL development sets, and tagging speed on one core.
//   npm run bench:ner                       (every language with a NER data set, shipped models)
//   npm run bench:ner -- --lang nl --model DIR --data DIR
// Scores: measureNer (support/measure/ner.ts), through the `dossier tag` path.
import { parseArgs } from 'node:util';
import { nerFile } from '../src/analysis/mentions/ner/formats.ts';
import { loadNerModel, modelPath } from '../src/analysis/mentions/ner/model.ts';
import { tagDocument } from '../src/analysis/mentions/ner/tagger.ts';
import { measureNer } from '../support/measure/ner.ts';
import { DEFAULT_LANGUAGE, languagesWithDataset, nerDataset } from '../src/lang/registry.ts';
import { dataRoot, dataSetOf, requireData } from '../support/data.ts';

const { values } = parseArgs({
  options: {
    lang: { type: 'string' },
    model: { type: 'string' },
    data: { type: 'string' },
    runs: { type: 'string', default: '3' },
  },
});
const langs = values.lang ? values.lang.split(',') : languagesWithDataset('ner');
if (!values.data) requireData(...langs.flatMap((l) => (nerDataset(l) ? [dataSetOf(nerFile(nerDataset(l)!.dev).file)] : [])));
values.data ??= dataRoot();

for (const lang of langs) {
  const t0 = performance.now();
  const model = loadNerModel(lang, values.model);
  const loadMs = performance.now() - t0;

  const { file, docs: labelled, scorer } = await measureNer(lang, { model: values.model, data: values.data });

  // speed: tagging pre-tokenised documents, best of N runs (one thread)
  const docs = labelled.map((d) => d.sentences);
  const tokens = docs.reduce((a, d) => a + d.reduce((b, s) => b + s.length, 0), 0);
  let best = Infinity;
  for (let r = 0; r < Number(values.runs); r++) {
    const t = performance.now();
    for (const d of docs) tagDocument(model, d);
    best = Math.min(best, performance.now() - t);
  }
  console.log(`== ${lang}: ${nerDataset(lang)!.name}, ${file}  (model ${modelPath(lang, values.model)}, loaded in ${loadMs.toFixed(0)} ms)`);
  console.log(scorer.report());
  console.log(`${lang}: F1 ${(100 * scorer.scores().overall.f1).toFixed(2)}, load ${loadMs.toFixed(0)} ms, ${Math.round(tokens / (best / 1000)).toLocaleString(DEFAULT_LANGUAGE)} tokens/s`);
  console.log(`speed: ${tokens} tokens in ${best.toFixed(0)} ms = ${Math.round(tokens / (best / 1000)).toLocaleString(DEFAULT_LANGUAGE)} tokens/s (one thread, best of ${values.runs})`);
}
