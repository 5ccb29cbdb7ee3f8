// Re-picks the O-score bias (scripts/ner/bias.ts) of shipped models on their development sets and
// rewrites the files, without retraining: the same choice `npm run train:ner` makes at its end.
// The dev scores recorded in the model (its card) are updated too; rewrite the card afterwards.
//   node bin/run-ts.js scripts/ner/retune.ts --lang de[,es] [--model DIR] [--types] [--no-write]
// --types also re-picks the per-type bias (meta.typeBias); --no-write only prints.
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { decodeModel, modelPath, saveNerModel } from '../../src/analysis/mentions/ner/model.ts';
import { readNerFile } from '../../src/analysis/mentions/ner/formats.ts';
import { languagesWithDataset, nerDataset } from '../../src/lang/registry.ts';
import { dataRoot } from '../../support/data.ts';
import { evaluate } from './pipeline.ts';
import { tuneOutsideBias, tuneTypeBias } from './bias.ts';
import { writeModelCard } from './card.ts';
import { DEFAULT_MODEL_DIR } from '../../src/analysis/mentions/ner/model.ts';

const { values } = parseArgs({ options: { lang: { type: 'string' }, model: { type: 'string' }, types: { type: 'boolean', default: false }, 'no-write': { type: 'boolean', default: false } } });
const dir = values.model ?? DEFAULT_MODEL_DIR;
for (const lang of values.lang ? values.lang.split(',') : languagesWithDataset('ner')) {
  const file = modelPath(lang, dir);
  const model = decodeModel(readFileSync(file));
  const dev = readNerFile(dataRoot(), nerDataset(lang)!.dev);
  delete model.meta.typeBias;
  console.log(`[${lang}] ${tuneOutsideBias(model, dev, evaluate)}`);
  if (values.types) console.log(`[${lang}] ${tuneTypeBias(model, dev, evaluate)}`);
  const sc = evaluate(model, dev).scores();
  const round = (x: number) => Number(x.toFixed(4));
  model.meta.training.devScores = [...sc.types, sc.overall].map((s) => ({ type: s.type, precision: round(s.precision), recall: round(s.recall), f1: round(s.f1) }));
  if (!values['no-write']) saveNerModel(model, file);
  console.log(`[${lang}] dev F1 ${(100 * sc.overall.f1).toFixed(2)}${values['no-write'] ? '' : `; wrote ${file}`}`);
}
if (!values['no-write']) writeModelCard(dir, languagesWithDataset('ner'));
