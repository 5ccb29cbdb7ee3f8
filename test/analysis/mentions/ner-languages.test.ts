// The shipped NER models of German, French, Spanish, Portuguese, Italian and Swedish: `dossier tag`
// (tagConll) reads and writes CoNLL in each, and a news sentence per language comes out with its
// people and places. The sentences are written for this test.
import { describe, expect, it } from 'vitest';
import { PassThrough, Readable } from 'node:stream';
import { existsSync } from 'node:fs';
import { tagConll, parseConll } from '../../../src/analysis/mentions/ner/conll.ts';
import { modelPath } from '../../../src/analysis/mentions/ner/model.ts';
import { spansFromBio } from '../../../src/analysis/mentions/ner/tags.ts';

async function tag(words: string[], lang: string): Promise<{ type: string; text: string }[]> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (c: Buffer) => (text += c.toString('utf8')));
  await tagConll(Readable.from([`-DOCSTART- O\n\n${words.join('\n')}\n\n`]), out, lang);
  const docs = parseConll(text);
  expect(docs.length).toBe(1);
  const lines = docs[0].sentences[0].lines;
  expect(lines.map((l) => l.split(' ')[0])).toEqual(words);
  const tags = lines.map((l) => l.split(' ').pop()!);
  for (const t of tags) expect(t).toMatch(/^(O|[BI]-(PER|ORG|LOC|MISC))$/);
  return spansFromBio(tags).map((s) => ({ type: s.type, text: words.slice(s.start, s.end).join(' ') }));
}

const SENTENCES: [string, string, { type: string; text: string }[]][] = [
  ['de', 'Bundeskanzler Olaf Scholz hat am Montag in Berlin den französischen Präsidenten Emmanuel Macron empfangen .', [
    { type: 'PER', text: 'Olaf Scholz' },
    { type: 'LOC', text: 'Berlin' },
    { type: 'PER', text: 'Emmanuel Macron' },
  ]],
  ['fr', 'Le président Emmanuel Macron a reçu lundi à Paris le chancelier allemand Olaf Scholz .', [
    { type: 'PER', text: 'Emmanuel Macron' },
    { type: 'LOC', text: 'Paris' },
    { type: 'PER', text: 'Olaf Scholz' },
  ]],
  ['es', 'El presidente del Gobierno , Pedro Sánchez , se reunió el lunes en Madrid con el canciller alemán Olaf Scholz .', [
    { type: 'PER', text: 'Pedro Sánchez' },
    { type: 'LOC', text: 'Madrid' },
    { type: 'PER', text: 'Olaf Scholz' },
  ]],
  ['pt', 'O primeiro-ministro António Costa reuniu-se ontem em Lisboa com o presidente francês Emmanuel Macron .', [
    { type: 'PER', text: 'António Costa' },
    { type: 'LOC', text: 'Lisboa' },
    { type: 'PER', text: 'Emmanuel Macron' },
  ]],
  ['it', 'Il presidente della Repubblica Sergio Mattarella ha incontrato lunedì a Roma il cancelliere tedesco Olaf Scholz .', [
    { type: 'PER', text: 'Sergio Mattarella' },
    { type: 'LOC', text: 'Roma' },
    { type: 'PER', text: 'Olaf Scholz' },
  ]],
  ['sv', 'Statsminister Ulf Kristersson träffade på måndagen Frankrikes president Emmanuel Macron i Stockholm .', [
    { type: 'PER', text: 'Ulf Kristersson' },
    { type: 'PER', text: 'Emmanuel Macron' },
    { type: 'LOC', text: 'Stockholm' },
  ]],
];

describe('NER models of the six new languages (dossier tag --lang)', () => {
  for (const [lang, sentence, expected] of SENTENCES) {
    it.runIf(existsSync(modelPath(lang)))(`${lang}: tags the people and places of a news sentence`, async () => {
      const spans = await tag(sentence.split(' '), lang);
      for (const e of expected) expect(spans).toContainEqual(e);
    });
  }
});
