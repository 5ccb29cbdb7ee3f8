// The five example articles as the full pipeline gives them (cleaning, sentences, times, figures),
// with the hand-built entity layers of test/corpus/entities/seeds.ts in place of the entity step's
// (re-found in the cleaned text: cleaning removes titles and captions, so offsets differ from the raw
// files) and the quotes layer run again over them (it links speakers to entities). Nothing else is
// filled in: 000 and 002 stay undated.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnalyzer } from '../../../src/analyze.ts';
import { extractQuotes } from '../../../src/analysis/quotes/index.ts';
import { readTxt } from '../../../src/readers/txt.ts';
import type { AnalyzedArticle, EntityLayer, RawArticle } from '../../../src/types.ts';
import { seeds, spans } from '../entities/seeds.ts';

export const EXAMPLE_FILES = [
  '000_3a9e140460d11d4b.txt',
  '001_4f95569abf96a48a.txt',
  '002_74f363901181367a.txt',
  '003_1d174a4085385254.txt',
  '004_ed9a467948e1cb24.txt',
];

const DIR = join(import.meta.dirname, '..', '..', '..', 'examples');

export function exampleRaw(file: string): RawArticle {
  return readTxt(`examples/${file}`, readFileSync(join(DIR, file), 'utf8'), 'utf-8');
}

/** The seed entities of one example, found again in `text` (entities whose forms all vanished are left out). */
export function seedEntitiesIn(text: string, seedIndex: number): EntityLayer[] {
  const out: EntityLayer[] = [];
  const all = seeds[seedIndex].entities;
  const allForms = all.flatMap((e) => [...new Set(e.mentions.map((m) => m.text))]);
  for (const e of all) {
    const forms = [...new Set(e.mentions.map((m) => m.text))];
    const mentions = forms
      .flatMap((f) => spans(text, f, allForms.filter((g) => g !== f && g.includes(f))))
      .sort((a, b) => a.start - b.start);
    if (mentions.length === 0) continue;
    const roles = (e.roles ?? []).flatMap((r) => {
      const start = text.indexOf(r.text);
      return start < 0 ? [] : [{ role: r.role, start, end: start + r.text.length, text: r.text }];
    });
    out.push({ id: e.id, name: e.name, type: e.type, mentions, ...(roles.length ? { roles } : {}) });
  }
  return out;
}

let cache: AnalyzedArticle[] | undefined;

/** The five examples in file order (000 … 004), analysed, with seed entities and quotes. */
export async function exampleDocs(): Promise<AnalyzedArticle[]> {
  if (!cache) {
    const analyzer = await createAnalyzer();
    const docs = await Promise.all(EXAMPLE_FILES.map((file) => analyzer.analyze(exampleRaw(file))));
    cache = docs.map((doc, i) => {
      // Hand-built entities (known right answers), whatever the entity step of the pipeline gives; the
      // quotes layer links speakers to entities: run it again over them.
      const withEntities: AnalyzedArticle = { ...doc, entities: seedEntitiesIn(doc.text, i) };
      return { ...withEntities, quotes: extractQuotes(withEntities) };
    });
  }
  return cache.map((d) => structuredClone(d));
}
