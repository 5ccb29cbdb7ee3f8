// Every shipped language folder has the declared shape (src/lang/schema.ts), and a malformed file
// is rejected with the file and the field named.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLanguageFolder, checkLangFile, LangDataError, languageFolders, langData, supportedLanguages } from '../../src/lang/registry.ts';

const quotesOf = (code: string) => JSON.parse(readFileSync(new URL(`../../src/lang/${code}/quotes.json`, import.meta.url), 'utf8'));

describe('language folders', () => {
  it.each(languageFolders())('%s: every file is a known data file of its declared shape', (code) => {
    expect(() => checkLanguageFolder(code)).not.toThrow();
  });

  it('a supported language has language.json naming its folder', () => {
    expect(supportedLanguages().length).toBeGreaterThan(0);
    for (const code of supportedLanguages()) expect(langData(code, 'language')?.code).toBe(code);
  });

  it('a language without a folder has no data', () => {
    expect(langData('xx', 'quotes')).toBeUndefined();
  });
});

describe('a malformed file', () => {
  const code = supportedLanguages().find((c) => langData(c, 'quotes'))!;

  it('names the file and the field path of a wrong value', () => {
    const bad = quotesOf(code);
    bad.verbs[2].frames = ['partial', 'whispered'];
    let error: unknown;
    try {
      checkLangFile('quotes', bad, `src/lang/${code}/quotes.json`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LangDataError);
    expect((error as LangDataError).file).toBe(`src/lang/${code}/quotes.json`);
    expect((error as LangDataError).field).toBe('verbs[2].frames[1]');
    expect((error as Error).message).toMatch(new RegExp(`^src/lang/${code}/quotes\\.json: verbs\\[2\\]\\.frames\\[1\\]: `));
  });

  it('names a missing required field', () => {
    const bad = quotesOf(code);
    delete bad.quoteMarks;
    expect(() => checkLangFile('quotes', bad, 'quotes.json')).toThrow(/^quotes\.json: quoteMarks: Required/);
  });

  it('names a misspelt (unknown) field', () => {
    expect(() => checkLangFile('abbreviations', { titles: ['Mr.'], initalisms: ['U.S.'] }, 'abbreviations.json')).toThrow(
      /^abbreviations\.json: \(file\): unknown field\(s\) initalisms/,
    );
  });

  it('names the field of a wrong type deep in a file', () => {
    expect(() => checkLangFile('calendar', { months: Array(12).fill(['x']), weekdays: Array(7).fill(['y']), dateOrder: 'day-first' }, 'calendar.json')).toThrow(
      /^calendar\.json: dateOrder: /,
    );
  });
});
