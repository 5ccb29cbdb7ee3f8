// Swedish (src/lang/sv): every layer but names on the example article written for the project
// (examples/010_sv_netanyahu-trump.txt: Netanyahu's visit to Trump of 4 February 2025, in Swedish agency
// style with the noise a scraped page has), plus the language's number formats, words and demonyms.
import { beforeAll, describe, expect, it } from 'vitest';
import { findNumbers } from '../../../src/analysis/figures/numbers.ts';
import { segmentSentences } from '../../../src/analysis/sentences/segment.ts';
import { extractTimes } from '../../../src/analysis/times/extract.ts';
import { demonymFormsOf } from '../../../src/corpus/entities/demonym-forms.ts';
import { checkLanguageFolder } from '../../../src/lang/registry.ts';
import type { AnalyzedArticle } from '../../../src/types.ts';
import { analyseExample, searchExample, speakerOf, timeValues } from './helpers.ts';

let doc: AnalyzedArticle;
beforeAll(async () => {
  doc = await analyseExample('sv');
});

describe('Swedish example article', () => {
  it('is read as Swedish, fully supported but for a missing name model', () => {
    checkLanguageFolder('sv');
    expect(doc.language).toBe('sv');
    expect(doc.languageSupported).toBe(true);
    for (const layer of ['quotes', 'figures', 'times']) expect(doc.unsupported?.layers ?? []).not.toContain(layer);
  });

  it('cleaning takes off title, byline, "Publicerad"/"Uppdaterad" lines, share buttons, photo credit, "Läs också" and the TT credit', () => {
    expect(doc.title).toBe('Netanyahu till Washington – möter Trump mitt i skör vapenvila');
    expect(doc.byline).toBe('Erik Lindqvist');
    expect(doc.removed.map((r) => `${r.reason}: ${r.text}`)).toEqual(
      expect.arrayContaining([
        'timestamp: Publicerad 3 februari 2025 kl. 09.15',
        'timestamp: Uppdaterad 3 februari 2025 kl. 13.40',
        'boilerplate: Dela på Facebook',
        'credit: Foto: Abir Sultan/TT',
        'boilerplate: Läs också: Det här innebär vapenvilan mellan Israel och Hamas',
        'credit: TT',
        'boilerplate: Annons',
      ]),
    );
    expect(doc.publishedAt).toBe('2025-02-03');
  });

  it('splits sentences, not after "bl.a.", "t.ex." or "kl."', () => {
    const text = 'Regeringen vill bl.a. höja skatten, t.ex. på bensin. Beslutet väntas kl. 14 i dag.';
    expect(segmentSentences(text, 'sv').map((s) => text.slice(s.start, s.end))).toEqual(['Regeringen vill bl.a. höja skatten, t.ex. på bensin.', 'Beslutet väntas kl. 14 i dag.']);
  });

  it('resolves dates and relative dates against the publication date: "i söndags", "för två veckor sedan", "förra veckan"', () => {
    expect(timeValues(doc)).toMatchObject({
      'i söndags': '2025-02-02',
      'tisdag den 4 februari': '2025-02-04',
      'för två veckor sedan': '2025-01-20',
      'den 19 januari': '2025-01-19',
      'i veckan': '2025-W06',
      'oktober 2023': '2023-10',
      'den 7 oktober 2023': '2023-10-07',
      'i lördags': '2025-02-01',
      'förra veckan': '2025-W05',
    });
  });

  it('reads figures with a space between thousands, with what they count', () => {
    const figure = (text: string) => doc.figures.find((f) => f.text === text);
    expect(figure('över 47 000')).toMatchObject({ value: 47000, qualifier: 'more-than', countsKey: 'palestinians killed' });
    expect(figure('omkring 1 900')).toMatchObject({ value: 1900, counts: 'palestinska fångar' });
    expect(figure('33')).toMatchObject({ value: 33, countsKey: 'hostages released' });
    expect(figure('omkring 3,8 miljarder dollar')).toMatchObject({ value: 3_800_000_000, unit: 'USD' });
  });

  it('finds quotations with ”…”, the verb before its speaker, "enligt" and dash paragraphs', () => {
    expect(speakerOf(doc, 'Vi ska tala om segern över Hamas')).toBe('Benjamin Netanyahu');
    expect(speakerOf(doc, 'Vapenvilan måste hålla')).toBe('Steve Witkoff');
    expect(speakerOf(doc, 'Vi accepterar inte att kriget slutar')).toBe('Bezalel Smotrich');
    expect(speakerOf(doc, 'över 47 000 palestinier dödats')).toBe('hälsoministeriet');
    expect(speakerOf(doc, 'Det är ett historiskt besök')).toBe('Israels ambassadör');
  });

  it('search folds: "forhandlingarna" finds "Förhandlingarna", "vapenvila*" finds "vapenvilan"', async () => {
    expect(await searchExample('sv', ['forhandlingarna', 'vapenvila*', 'gisslan', 'kartoffel'])).toEqual([1, 1, 1, 0]);
  });
});

describe('Swedish language data', () => {
  const values = (text: string) => findNumbers(text, 'sv').map((n) => n.value);

  it('reads spaces between thousands, decimal commas and compound number words', () => {
    expect(values('1 000 000 och 3,8')).toEqual([1_000_000, 3.8]);
    expect(values('tjugotre')).toEqual([23]);
    expect(values('tvåhundrafemtio')).toEqual([250]);
    expect(values('två miljoner')).toEqual([2_000_000]);
  });

  it('does not join a year and a number after it', () => {
    expect(values('år 2023 500 personer')).toEqual([2023, 500]);
  });

  it('"i måndags" is the last Monday, "om två veckor" lies ahead, "i år" is this year', () => {
    const text = 'Han kom i måndags, resan sker om två veckor och valet hålls i år.';
    const got = Object.fromEntries(extractTimes(text, 'sv', '2025-02-12').map((t) => [t.text, t.value]));
    expect(got).toMatchObject({ 'i måndags': '2025-02-10', 'om två veckor': '2025-02-26', 'i år': '2025' });
  });

  it('demonyms with their inflected forms and the nouns for inhabitants', () => {
    const forms = new Map(demonymFormsOf('sv').map((f) => [f.form, f.code]));
    expect(['israelisk', 'israeliska', 'israeler', 'palestinska', 'palestinier', 'amerikanska', 'svenskt'].map((f) => forms.get(f))).toEqual(['IL', 'IL', 'IL', 'PS', 'PS', 'US', 'SE']);
  });
});
