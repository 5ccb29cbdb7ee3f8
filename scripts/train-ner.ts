// Trains the NER models shipped in models/ner/ from the public CoNLL data in ../shared/data:
//   npm run train:ner                 (both languages)
//   npm run train:ner -- --lang en    (one language)
// Options: --data DIR (default ../shared/data), --out DIR (default models/ner), --epochs N
// (default 12), --folds N (5), --ensemble N (4), --seed N (1), --no-clusters, --one-stage,
// --cache DIR (keep induced word clusters there between runs).
// Reproducible: every random choice comes from the seed; the same data gives the same model.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { trainLanguage, type LanguageConfig } from './ner/pipeline.ts';
import { writeModelCard } from './ner/card.ts';

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
  },
});

const data = values.data!;
const configs: Record<string, LanguageConfig> = {
  en: {
    lang: 'en',
    train: join(data, 'conll2003/eng.train'),
    dev: join(data, 'conll2003/eng.testa'),
    unlabelled: [
      { kind: 'polnear', dir: join(data, 'polnear') },
      { kind: 'ecbplus', dir: join(data, 'ecbplus') },
    ],
    clusters: true,
    crossLingual: join(data, 'conll2002/ned.train'),
    silver: true,
  },
  nl: {
    lang: 'nl',
    train: join(data, 'conll2002/ned.train'),
    dev: join(data, 'conll2002/ned.testa'),
    unlabelled: [],
    // English training documents as a second domain: +1.5 F1 on ned.testa. Their names join the
    // (jackknifed) training-name gazetteer, so no separate cross-lingual list.
    extraTrain: join(data, 'conll2003/eng.train'),
    // clusters induced from the 200k words of the training text alone did not help on ned.testa
    clusters: false,
  },
};

const langs = values.lang ? values.lang.split(',') : Object.keys(configs);
for (const l of langs) if (!configs[l]) throw new Error(`no training configuration for language "${l}"`);
if (!existsSync(configs[langs[0]].train)) throw new Error(`training data not found under ${data} (use --data DIR)`);
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
  });
}
writeModelCard(values.out!, Object.keys(configs));
console.log(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s; model card ${join(values.out!, 'README.md')}`);
