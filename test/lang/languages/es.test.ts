// Spanish (src/lang/es): every layer but names on the example article written for the project
// (examples/008_es_netanyahu-trump.txt: Netanyahu's visit to Trump of 4 February 2025, with the noise a
// scraped page has), plus the language's number words, abbreviations and demonyms.
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
  doc = await analyseExample('es');
});

describe('Spanish example article', () => {
  it('is read as Spanish, fully supported but for a missing name model', () => {
    checkLanguageFolder('es');
    expect(doc.language).toBe('es');
    expect(doc.languageSupported).toBe(true);
    for (const layer of ['quotes', 'figures', 'times']) expect(doc.unsupported?.layers ?? []).not.toContain(layer);
  });

  it('cleaning takes off byline, share buttons, photo credit, "Lee también", agency credit and tags, and dates the article by its "Actualizado" line', () => {
    expect(doc.byline).toBe('Lucía Fernández Ortega');
    const removed = doc.removed.map((r) => `${r.reason}: ${r.text}`);
    expect(removed).toEqual(
      expect.arrayContaining([
        'boilerplate: Compartir en Facebook',
        'boilerplate: Copiar enlace',
        'credit: Foto: EFE/Abir Sultan',
        'boilerplate: Lee también: Las claves del alto el fuego entre Israel y Hamás',
        'credit: Con información de EFE y AFP.',
        'boilerplate: Publicidad',
      ]),
    );
    expect(doc.text).not.toMatch(/Compartir|Publicidad|Archivado en/);
    expect(doc.publishedAt).toBe('2025-02-03');
  });

  it('splits sentences, not after "Sr.", "EE. UU." or "p. ej."', () => {
    const text = 'El Sr. García viajó a EE. UU. con varios ministros, p. ej. el de Defensa. Luego habló con la prensa.';
    expect(segmentSentences(text, 'es').map((s) => text.slice(s.start, s.end))).toEqual([
      'El Sr. García viajó a EE. UU. con varios ministros, p. ej. el de Defensa.',
      'Luego habló con la prensa.',
    ]);
    expect(doc.sentences.length).toBeGreaterThan(12);
  });

  it('resolves dates and relative dates against the publication date', () => {
    expect(timeValues(doc)).toMatchObject({
      domingo: '2025-02-02',
      'martes 4 de febrero': '2025-02-04',
      'hace dos semanas': '2025-01-20',
      'el 19 de enero': '2025-01-19',
      'esta semana': '2025-W06',
      'octubre de 2023': '2023-10',
      'sábado pasado': '2025-02-01',
      'semana pasada': '2025-W05',
    });
    expect(doc.times.find((t) => t.text.includes('7 de octubre de 2023'))?.value).toBe('2023-10-07');
  });

  it('reads figures in the Spanish format, with what they count', () => {
    const figure = (text: string) => doc.figures.find((f) => f.text === text);
    expect(figure('más de 47.000')).toMatchObject({ value: 47000, qualifier: 'more-than', counts: 'palestinos muertos' });
    expect(figure('33')).toMatchObject({ value: 33, countsKey: 'hostages released' });
    expect(figure('unos 3.800 millones de dólares')).toMatchObject({ value: 3_800_000_000, unit: 'USD', qualifier: 'approximately' });
    expect(figure('1.000 millones de dólares')).toMatchObject({ value: 1_000_000_000, unit: 'USD' });
  });

  it('finds quotations with «…», the verb before its speaker, and dialogue dashes', () => {
    expect(speakerOf(doc, 'Vamos a hablar de la victoria sobre Hamás')).toBe('Benjamin Netanyahu');
    expect(speakerOf(doc, 'El alto el fuego debe mantenerse')).toBe('Steve Witkoff');
    expect(speakerOf(doc, 'No aceptaremos el fin de la guerra')).toBe('el ministro de Finanzas');
    expect(speakerOf(doc, 'Es una visita histórica')).toMatch(/embajador/);
    expect(doc.quotes.find((q) => q.text.startsWith('Es una visita histórica'))?.text).toBe('Es una visita histórica');
  });

  it('search folds accents: "liberacion" and "Hamas" find the article, "rehen*" finds "rehenes"', async () => {
    expect(await searchExample('es', ['liberacion', 'Hamas', 'rehen*', 'kartoffel'])).toEqual([1, 1, 1, 0]);
  });
});

describe('Spanish language data', () => {
  const values = (text: string) => findNumbers(text, 'es').map((n) => n.value);

  it('reads number words: compounds with "y", hundreds, and "mil millones"', () => {
    expect(values('doscientos treinta y cinco')).toEqual([235]);
    expect(values('dos millones')).toEqual([2_000_000]);
    expect(values('tres mil millones')).toEqual([3_000_000_000]);
    expect(values('cuatrocientos cincuenta y cinco mil doscientos veintiocho millones')).toEqual([455_228_000_000]);
    expect(values('57.500 y 3,8')).toEqual([57_500, 3.8]);
  });

  it('dates with "de", "hace …", shifts written after the noun and weekdays with "pasado"', () => {
    const text = 'El 4 de febrero de 2025 llegó; hace tres días habló, el mes pasado votó y el lunes pasado partió.';
    const got = Object.fromEntries(extractTimes(text, 'es', '2025-02-12').map((t) => [t.text, t.value]));
    expect(got).toMatchObject({ 'El 4 de febrero de 2025': '2025-02-04', 'hace tres días': '2025-02-09', 'mes pasado': '2025-01', 'lunes pasado': '2025-02-10' }); // the last Monday before Wednesday 12 February
  });

  it('demonyms inflect for gender and number, linked to their country', () => {
    const forms = new Map(demonymFormsOf('es').map((f) => [f.form, f.code]));
    expect(['israelí', 'israelíes', 'palestina', 'palestinos', 'estadounidenses', 'francesa', 'alemanes'].map((f) => forms.get(f))).toEqual(['IL', 'IL', 'PS', 'PS', 'US', 'FR', 'DE']);
  });
});
