// Trains the NER models shipped in models/ner/ from the public CoNLL data in ../shared/data:
//   npm run train:ner                 (every language whose language.json names a NER data set)
//   npm run train:ner -- --lang en    (one language)
// Options: --data DIR (default ../shared/data), --out DIR (default models/ner), --epochs N
// (default: language.json, else 12), --folds N (language.json, else 5), --ensemble N (language.json, else 4), --seed N (1), --gold-repeat N (language.json, else 1), --no-clusters, --one-stage,
// --cache DIR (keep induced word clusters there between runs).
// Reproducible: every random choice comes from the seed; the same data gives the same model.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { trainLanguage, type LanguageConfig } from './ner/pipeline.ts';
import { writeModelCard } from './ner/card.ts';
import { nerFile } from '../src/analysis/mentions/ner/formats.ts';
import { languagesWithDataset, nerDataset } from '../src/lang/registry.ts';

const { values } = parseArgs({
  options: {
    lang: { type: 'string' },
    data: { type: 'string', default: resolve('../shared/data') },
    out: { type: 'string', default: resolve('models/ner') },
    epochs: { type: 'string' },
    folds: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'no-clusters': { type: 'boolean', default: false },
    'one-stage': { type: 'boolean', default: false },
    cache: { type: 'string' },
    ensemble: { type: 'string' },
    'gold-repeat': { type: 'string' },
  },
});

const data = values.data!;
// Each language's training set-up is data: src/lang/<code>/language.json datasets.ner.
const configs: Record<string, LanguageConfig> = Object.fromEntries(
  languagesWithDataset('ner').map((lang) => {
    const { train, dev, training } = nerDataset(lang)!;
    const under = (file: string | undefined) => file && join(data, file);
    const config: LanguageConfig = {
      lang,
      dataRoot: data,
      train: [train].flat(),
      dev,
      epochs: training.epochs,
      ensemble: training.ensemble,
      folds: training.folds,
      clusterIterations: training.clusterIterations,
      clusterClasses: training.clusterClasses,
      unlabelled: training.unlabelled.map((u) => ({ kind: u.kind, dir: join(data, u.dir), format: u.format })),
      clusters: training.clusters,
      crossLingual: training.crossLingual,
      extraTrain: under(training.extraTrain),
      silver: training.silver,
      goldRepeat: training.goldRepeat,
    };
    return [lang, config];
  }),
);

const langs = values.lang ? values.lang.split(',') : Object.keys(configs);
for (const l of langs) if (!configs[l]) throw new Error(`no training configuration for language "${l}"`);
if (!existsSync(join(data, nerFile(configs[langs[0]].train[0]).file))) throw new Error(`training data not found under ${data} (use --data DIR)`);
mkdirSync(values.out!, { recursive: true });

const t0 = Date.now();
for (const l of langs) {
  await trainLanguage(configs[l], {
    outDir: values.out!,
    seed: Number(values.seed),
    epochs: values.epochs ? Number(values.epochs) : undefined,
    folds: values.folds ? Number(values.folds) : undefined,
    clusters: configs[l].clusters && !values['no-clusters'],
    twoStage: !values['one-stage'],
    cacheDir: values.cache,
    ensemble: values.ensemble ? Number(values.ensemble) : undefined,
    goldRepeat: values['gold-repeat'] ? Number(values['gold-repeat']) : undefined,
  });
}
writeModelCard(values.out!, Object.keys(configs));
console.log(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s; model card ${join(values.out!, 'README.md')}`);
