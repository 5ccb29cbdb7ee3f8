// Words per second of each layer of the analysis of one article, on one core: cleaning, language
// detection, then each analysis step of src/analysis/pipeline.ts in order, timed apart over the BBC
// News articles (../shared/data/bbc), after one warm-up pass. Words: whitespace-separated tokens of
// the cleaned text. The corpus stages (store.ingest, stories.attach) are measured by bench/scale.ts.
//   npm run bench:layers -- [--articles 2225] [--passes 2]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cleanArticle } from '../src/clean/index.ts';
import { languageDetector } from '../src/lang/detect.ts';
import { steps } from '../src/analysis/pipeline.ts';
import type { AnalyzedArticle, RawArticle } from '../src/types.ts';
import { dataPath, requireData } from '../support/data.ts';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '100000' }, passes: { type: 'string', default: '2' } } });
requireData('bbc');
const root = dataPath('bbc');
const raws: RawArticle[] = [];
for (const section of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
  for (const f of readdirSync(join(root, section)).sort()) {
    const raw = new TextDecoder('utf-8', { fatal: false }).decode(readFileSync(join(root, section, f)));
    raws.push({ file: `bbc/${section}/${f}`, format: 'txt', raw, original: raw, meta: {} });
  }
}
const inputs = raws.slice(0, Number(values.articles));
const detect = await languageDetector();

const layers = ['clean', 'language', ...steps.map((s) => s.name)];
const ms = new Map<string, number>(layers.map((l) => [l, 0]));
let words = 0;
const passes = Number(values.passes);
for (let pass = 0; pass <= passes; pass++) {
  const measured = pass > 0; // pass 0 warms the code and the models up
  for (const raw of inputs) {
    let t = performance.now();
    const lap = (layer: string) => {
      const now = performance.now();
      if (measured) ms.set(layer, ms.get(layer)! + now - t);
      t = now;
    };
    const clean = cleanArticle(raw);
    lap('clean');
    const guess = detect([clean.title ?? '', clean.text].join('\n'), raw.meta.language);
    lap('language');
    let doc: AnalyzedArticle = {
      file: raw.file, id: raw.file, title: clean.title, dek: clean.dek, byline: clean.byline, source: clean.source, url: clean.url,
      language: guess.language, languageConfidence: guess.confidence, languageSupported: true,
      publishedAt: clean.publishedAt, publishedAtFrom: clean.publishedAtFrom, text: clean.text, removed: clean.removed, headings: clean.headings,
      sentences: [], entities: [], quotes: [], figures: [], times: [],
    };
    t = performance.now();
    for (const step of steps) {
      doc = { ...doc, ...step.run(doc, {}) };
      lap(step.name);
    }
    if (measured) words += clean.text.split(/\s+/).filter(Boolean).length;
  }
}
const total = [...ms.values()].reduce((a, b) => a + b, 0);
console.log(`${inputs.length} BBC articles × ${passes} passes, ${words} words, one thread (${(await import('node:os')).cpus().length} cores, load ${(await import('node:os')).loadavg()[0].toFixed(2)})`);
console.log('layer        words/s     share');
for (const [layer, t] of ms) console.log(`${layer.padEnd(11)} ${Math.round(words / (t / 1000)).toLocaleString('en').padStart(11)} ${((100 * t) / total).toFixed(1).padStart(7)} %`);
console.log(`${'all'.padEnd(11)} ${Math.round(words / (total / 1000)).toLocaleString('en').padStart(11)}`);
