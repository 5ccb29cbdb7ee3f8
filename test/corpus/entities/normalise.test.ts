import { describe, expect, it } from 'vitest';
import {
  acronymsOf,
  cleanName,
  companyCore,
  deletionVariants,
  firstNamesMatch,
  genitiveVariants,
  isAllCaps,
  nameKey,
  personName,
  singularVariants,
  spellingKey,
} from '../../../src/corpus/entities/normalise.ts';
import { firstNameGender } from '../../../src/analysis/mentions/language.ts';
import { foldName } from '../../../src/text/fold.ts';
import { exampleText } from './seeds.ts';

describe('cleanName', () => {
  it('strips possessives, including after a name ending in s', () => {
    expect(cleanName('Trump’s', { type: 'PER', language: 'en' }).display).toBe('Trump');
    expect(cleanName('Hamas’', { type: 'ORG', language: 'en' }).folded).toBe('hamas');
    expect(cleanName('Hamas’s', { type: 'ORG', language: 'en' }).folded).toBe('hamas');
    expect(cleanName('Hamas', { type: 'ORG', language: 'en' }).folded).toBe('hamas');
  });

  it('strips titles in front of person names found in the example articles', () => {
    // Each phrase occurs in the examples; the test fails if the fixture text changes.
    const cases: [string, string, string, string][] = [
      ['004_ed9a467948e1cb24.txt', 'en', 'Mr. Blinken', 'Blinken'],
      ['003_1d174a4085385254.txt', 'en', 'President Donald Trump', 'Donald Trump'],
      ['000_3a9e140460d11d4b.txt', 'en', 'US President Donald Trump', 'Donald Trump'],
      ['000_3a9e140460d11d4b.txt', 'en', 'Israeli Prime Minister Benjamin Netanyahu', 'Benjamin Netanyahu'],
      ['002_74f363901181367a.txt', 'nl', 'De Israëlische premier Benjamin Netanyahu', 'Benjamin Netanyahu'],
      ['002_74f363901181367a.txt', 'nl', 'minister van Buitenlandse Zaken Gideon Saar', 'Gideon Saar'],
      ['004_ed9a467948e1cb24.txt', 'en', 'Israeli Foreign Minister Israel Katz', 'Israel Katz'],
    ];
    for (const [file, language, phrase, name] of cases) {
      expect(exampleText(file)).toContain(phrase);
      expect(cleanName(phrase, { type: 'PER', language }).display).toBe(name);
    }
  });

  it('leaves names alone that only look like titles or articles', () => {
    expect(cleanName('De Jong', { type: 'PER', language: 'nl' }).display).toBe('De Jong');
    expect(cleanName('minister de Jong', { type: 'PER', language: 'nl' }).display).toBe('de Jong');
    expect(cleanName('President', { type: 'PER', language: 'en' }).display).toBe('President');
    expect(cleanName('Le Premier ministre israélien Benjamin Netanyahu', { type: 'PER', language: 'fr' }).display).toBe('Benjamin Netanyahu');
  });

  it('strips a leading article from other names, keeping a capitalised one in the display form', () => {
    expect(cleanName('the United Nations', { type: 'ORG', language: 'en' })).toMatchObject({ display: 'United Nations', folded: 'united nations' });
    expect(cleanName('het Internationaal Strafhof', { type: 'ORG', language: 'nl' }).folded).toBe('internationaal strafhof');
    expect(cleanName('The Hague', { type: 'LOC', language: 'en' })).toMatchObject({ display: 'The Hague', folded: 'hague' });
    expect(cleanName("l'ONU", { type: 'ORG', language: 'fr' }).folded).toBe('onu');
  });

  it('drops edge punctuation such as the brackets of an edited quote', () => {
    expect(cleanName('[Netanyahu]', { type: 'PER', language: 'en' }).display).toBe('Netanyahu');
  });
});

describe('person names and acronyms', () => {
  it('finds the core of a name without initials in front or a generational suffix', () => {
    expect(personName(['w', 'mark', 'felt', 'sr'])).toEqual({ core: ['mark', 'felt'], middle: [], suffix: 'sr' });
    expect(personName(['george', 'h', 'w', 'bush'])).toEqual({ core: ['george', 'h', 'w', 'bush'], middle: ['h', 'w'], suffix: null });
    expect(personName(['j', 'smith'])).toEqual({ core: ['j', 'smith'], middle: [], suffix: null });
  });

  it('reads acronyms with and without small words', () => {
    expect(acronymsOf(foldName('Academy of Motion Picture Arts and Sciences').split(' '))).toContain('ampas');
    expect(acronymsOf(foldName('U.S. Geological Survey').split(' '))).toContain('usgs');
    expect(acronymsOf(['hamas'])).toEqual([]);
  });
});

describe('genitive and deletion variants', () => {
  it('tries a Dutch genitive -s only for languages that have one', () => {
    expect(genitiveVariants('israels', 'nl')).toEqual(['israel']);
    expect(genitiveVariants('israels', 'en')).toEqual([]);
  });

  it('finds one-edit neighbours through shared deletion variants', () => {
    const a = new Set(deletionVariants('kushner'));
    expect(deletionVariants('kusher').some((v) => a.has(v))).toBe(true);
    expect(deletionVariants('kushenr').some((v) => a.has(v))).toBe(true);
  });

  it('recognises capitals', () => {
    expect(isAllCaps('U.S.')).toBe(true);
    expect(isAllCaps('VS')).toBe(true);
    expect(isAllCaps('Who')).toBe(false);
    expect(isAllCaps('A')).toBe(false);
  });
});

describe('company names and plurals', () => {
  it('strips legal forms and company words from the end of a company name, leaving a word', () => {
    expect(companyCore('intel corp')).toBe('intel');
    expect(companyCore('ati technologies inc')).toBe('ati');
    expect(companyCore('sony corporation')).toBe('sony');
    expect(companyCore('bank of america corp')).toBe('bank of america');
    expect(companyCore('deutsche bank ag')).toBe('deutsche bank');
    expect(companyCore('virgin group')).toBe('virgin');
    expect(companyCore('microsoft')).toBeNull();
    expect(companyCore('group')).toBeNull();
  });

  it('reads the singular of a plural name by the language\'s endings ("Tories" -> "Tory")', () => {
    expect(singularVariants('tories', 'en')).toEqual(['tory']);
    expect(singularVariants('lib dems', 'en')).toEqual(['lib dem']);
    expect(singularVariants('conservatives', 'en')).toEqual(['conservative']);
    expect(singularVariants('labour', 'en')).toEqual([]);
  });
});

describe('name variants across languages and outlets', () => {
  it('folds transliterations of one name to one key (the French example, ECB+ topic 18, Klitschko)', () => {
    expect(nameKey('netanyahou')).toBe(nameKey('netanyahu'));
    expect(nameKey('benyamin')).toBe(nameKey('benjamin'));
    expect(nameKey('heydar')).toBe(nameKey('heidar'));
    expect(nameKey('wladimir')).toBe(nameKey('vladimir'));
    expect(nameKey('khamenei')).toBe(nameKey('chamenei'));
    expect(nameKey('bettie')).toBe(nameKey('betty'));
    expect(nameKey('trump')).not.toBe(nameKey('trumpet'));
    expect(nameKey('kerry')).not.toBe(nameKey('perry'));
  });

  it('matches given names by short forms and listed forms, not by a shared start of two letters', () => {
    expect(firstNamesMatch('katie', 'kathryn')).toBe('short');
    expect(firstNamesMatch('mo', 'maurice')).toBe('short');
    expect(firstNamesMatch('fred', 'frederick')).toBe('short');
    expect(firstNamesMatch('jon', 'john')).not.toBeNull();
    expect(firstNamesMatch('alexis', 'alexandros')).toBe('short');
    expect(firstNamesMatch('mark', 'mary')).toBeNull();
    expect(firstNamesMatch('jo', 'john')).toBeNull();
  });

  it('tells gender by given name in any language, leaving names both sexes bear', () => {
    expect(firstNameGender('Michael')).toBe('m');
    expect(firstNameGender('Sandra')).toBe('f');
    expect(firstNameGender('Kim')).toBeNull();
    expect(firstNameGender('Andrea')).toBeNull();
  });

  it('writes British and American spellings of an institution alike', () => {
    expect(spellingKey('betty ford centre')).toBe('betty ford center');
    expect(spellingKey('world health organisation')).toBe(spellingKey('world health organization'));
    expect(spellingKey('ministry of defence')).toBe('ministry of defense');
    expect(spellingKey('world food programme')).toBe('world food program');
    expect(spellingKey('centreville')).toBe('centreville');
  });
});
