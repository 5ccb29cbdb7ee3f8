// An article in a language Dossier cannot fully analyse says so: `unsupported` names the layers it
// did not get and why, instead of leaving them silently empty. Fully analysed articles have no such field.
import { describe, expect, it } from 'vitest';
import { createAnalyzer, languageSupportNote } from '../../src/analyze.ts';
import type { RawArticle } from '../../src/types.ts';

const raw = (text: string): RawArticle => ({ file: 'note.txt', format: 'txt', raw: text, original: text, meta: {}, encoding: 'utf-8' });

const POLISH =
  'Premier Donald Tusk rozmawiał w poniedziałek w Warszawie z prezydentem Francji o sytuacji na Bliskim Wschodzie. ' +
  'Obaj politycy wezwali do natychmiastowego zawieszenia broni i większej pomocy humanitarnej dla mieszkańców Strefy Gazy. ' +
  'Według Organizacji Narodów Zjednoczonych ponad dwa miliony ludzi potrzebuje pomocy.';

const ENGLISH =
  'Prime Minister Benjamin Netanyahu said on Monday that Israel would keep fighting in Gaza. ' +
  '"We will not stop," he told reporters in Jerusalem, adding that more than 200 hostages were still held.';

describe('the language note', () => {
  it('a Polish article (no language data) names the layers it did not get', async () => {
    const doc = await (await createAnalyzer()).analyze(raw(POLISH));
    expect(doc.language).toBe('pl');
    expect(doc.languageSupported).toBe(false);
    expect(doc.unsupported).toEqual({ layers: ['entities', 'quotes', 'figures', 'times'], reason: '"pl" is not a supported language (no src/lang/pl/language.json)' });
    expect(doc.sentences.length).toBeGreaterThan(0);
  });

  it('a fully analysed article has no note', async () => {
    const doc = await (await createAnalyzer()).analyze(raw(ENGLISH));
    expect(doc.languageSupported).toBe(true);
    expect(doc).not.toHaveProperty('unsupported');
    expect(doc.entities.length).toBeGreaterThan(0);
  });

  it('a supported language without a name-tagging model gets a note for its entities', () => {
    expect(languageSupportNote('nl', undefined, false)).toEqual({
      layers: ['entities'],
      reason: 'no name-tagging model for "nl" (models/ner/nl.model.gz, made by npm run train:ner)',
    });
    expect(languageSupportNote('nl', undefined, true)).toBeUndefined();
  });

  it('an unsupported language tagged by a model of its own misses the other layers', () => {
    expect(languageSupportNote('pl', ['sentences', 'entities'], true)?.layers).toEqual(['quotes', 'figures', 'times']);
    expect(languageSupportNote('und', ['sentences'], false)?.reason).toBe('the language of the article could not be told');
  });
});
