// Training the tagger (scripts/train-ner.ts -> scripts/ner/pipeline.ts) on a slice of the CoNLL
// data: the same data and seed give the same model file byte for byte, and the model it writes is
// one the product loads and tags with. (The full run is `npm run train:ner`, about ten minutes.)
import { describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trainLanguage, type LanguageConfig } from '../../../scripts/ner/pipeline.ts';
import { loadNerModel, modelPath } from '../../../src/analysis/mentions/ner/model.ts';
import { tagTokens } from '../../../src/analysis/mentions/ner/tagger.ts';
import { dataPath } from '../../../support/data.ts';
import { hasData } from '../../helpers/needs.ts';

const DATA = dataPath('conll2003');

/** The first `n` documents of a CoNLL file. */
function firstDocs(file: string, n: number): string {
  const docs = readFileSync(file, 'utf8').split(/^(?=-DOCSTART-)/m);
  return docs.slice(0, n).join('');
}

if (hasData('conll2003')) describe('npm run train:ner', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-train-'));
  const train = join(dir, 'train.conll');
  const dev = join(dir, 'dev.conll');
  writeFileSync(train, firstDocs(join(DATA, 'eng.train'), 60));
  writeFileSync(dev, firstDocs(join(DATA, 'eng.testa'), 10));
  const cfg: LanguageConfig = { lang: 'en', dataRoot: dir, train: ['train.conll'], dev: 'dev.conll', unlabelled: [], clusters: false };
  const run = async (out: string) => {
    mkdirSync(out);
    const quiet = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await trainLanguage(cfg, { outDir: out, seed: 7, epochs: 3, folds: 2, ensemble: 1, clusters: false, twoStage: true });
    } finally {
      quiet.mockRestore();
    }
    return readFileSync(modelPath('en', out));
  };

  it('is reproducible: two runs write the same model file', async () => {
    const a = await run(join(dir, 'a'));
    const b = await run(join(dir, 'b'));
    expect(a.length).toBeGreaterThan(1000);
    expect(Buffer.compare(a, b)).toBe(0);
  }, 240_000);

  it('writes a model the tagger loads', () => {
    const model = loadNerModel('en', join(dir, 'a'));
    expect(model.stage2).not.toBeNull();
    const tags = tagTokens(model, ['German', 'Chancellor', 'Helmut', 'Kohl', 'visited', 'London', '.']);
    expect(tags).toHaveLength(7);
    expect(tags.slice(2, 4)).toEqual(['B-PER', 'I-PER']);
  });
});
