// Portuguese (src/lang/pt): every layer but names on the example article written for the project
// (examples/009_pt_netanyahu-trump.txt: Netanyahu's visit to Trump of 4 February 2025, in Brazilian news style
// with the noise a scraped page has), plus the language's number words, abbreviations and demonyms.
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
  doc = await analyseExample('pt');
});

describe('Portuguese example article', () => {
  it('is read as Portuguese, fully supported but for a missing name model', () => {
    checkLanguageFolder('pt');
    expect(doc.language).toBe('pt');
    expect(doc.languageSupported).toBe(true);
    for (const layer of ['quotes', 'figures', 'times']) expect(doc.unsupported?.layers ?? []).not.toContain(layer);
  });

  it('cleaning takes off byline, "Atualizado" line, share buttons, photo credit, "Leia também" and agency credit, and dates the article', () => {
    expect(doc.byline).toBe('Mariana Souza Lima');
    expect(doc.removed.map((r) => `${r.reason}: ${r.text}`)).toEqual(
      expect.arrayContaining([
        'timestamp: Atualizado em 3 de fevereiro de 2025 às 11h47',
        'boilerplate: Compartilhar no WhatsApp',
        'credit: Foto: Reprodução/GPO',
        'boilerplate: Leia também: Entenda o acordo de cessar-fogo entre Israel e Hamas',
        'credit: Com informações da AFP e da Reuters.',
        'boilerplate: Publicidade',
      ]),
    );
    expect(doc.publishedAt).toBe('2025-02-03');
  });

  it('splits sentences, not after "Sr.", "Dra." or "p.ex."', () => {
    const text = 'O Sr. Lula recebeu a Dra. Ana Costa e outros, p.ex. o ministro. Depois falou à imprensa.';
    expect(segmentSentences(text, 'pt').map((s) => text.slice(s.start, s.end))).toEqual([
      'O Sr. Lula recebeu a Dra. Ana Costa e outros, p.ex. o ministro.',
      'Depois falou à imprensa.',
    ]);
  });

  it('resolves dates and relative dates against the publication date', () => {
    expect(timeValues(doc)).toMatchObject({
      domingo: '2025-02-02',
      '4 de fevereiro': '2025-02-04',
      'há duas semanas': '2025-01-20',
      'nesta semana': '2025-W06',
      'outubro de 2023': '2023-10',
      '7 de outubro de 2023': '2023-10-07',
      'sábado passado': '2025-02-01',
      'semana passada': '2025-W05',
    });
  });

  it('reads figures in the Portuguese format, "mil" and the Brazilian "bi", with what they count', () => {
    const figure = (text: string) => doc.figures.find((f) => f.text === text);
    expect(figure('mais de 47 mil')).toMatchObject({ value: 47000, qualifier: 'more-than', counts: 'palestinos mortos' });
    expect(figure('33')).toMatchObject({ value: 33, countsKey: 'hostages released' });
    expect(figure('cerca de 1.900')).toMatchObject({ value: 1900, countsKey: 'prisoners palestinians' });
    expect(figure('cerca de US$ 3,8 bilhões')).toMatchObject({ value: 3_800_000_000, unit: 'USD' });
    expect(figure('US$ 1 bi')).toMatchObject({ value: 1_000_000_000, unit: 'USD' });
  });

  it('finds quotations with “…”, the verb before its speaker, "segundo" and dialogue dashes', () => {
    expect(speakerOf(doc, 'Vamos discutir a vitória sobre o Hamas')).toBe('Benjamin Netanyahu');
    expect(speakerOf(doc, 'O cessar-fogo tem de ser mantido')).toBe('Steve Witkoff');
    expect(speakerOf(doc, 'Não aceitaremos o fim da guerra')).toBe('o ministro das Finanças');
    // the ministry the name opens with, not the place it ends with
    expect(speakerOf(doc, 'mais de 47 mil palestinos morreram')).toMatch(/^Ministério da Saúde/);
    expect(speakerOf(doc, 'É uma visita histórica')).toMatch(/embaixador/);
  });

  it('search folds accents: "libertacao" and "refens" find the article, "prisioneir*" finds "prisioneiros"', async () => {
    expect(await searchExample('pt', ['libertacao', 'refens', 'prisioneir*', 'kartoffel'])).toEqual([1, 1, 1, 0]);
  });
});

describe('Portuguese language data', () => {
  const values = (text: string) => findNumbers(text, 'pt').map((n) => n.value);

  it('reads number words joined by "e", hundreds, Brazilian and European scales', () => {
    expect(values('duzentos e trinta e cinco')).toEqual([235]);
    expect(values('dois mil e quinhentos')).toEqual([2500]);
    expect(values('dois milhões')).toEqual([2_000_000]);
    expect(values('três mil milhões')).toEqual([3_000_000_000]);
    expect(values('R$ 3,8 mi e 57.500')).toEqual([3_800_000, 57_500]);
  });

  it('dates with "de", "há …", shifts written after the noun and weekdays with "passada"', () => {
    const text = 'Em 4 de fevereiro de 2025 chegou; há três dias falou, no mês passado votou e na segunda-feira passada partiu.';
    const got = Object.fromEntries(extractTimes(text, 'pt', '2025-02-12').map((t) => [t.text, t.value]));
    expect(got).toMatchObject({ 'Em 4 de fevereiro de 2025': '2025-02-04', 'há três dias': '2025-02-09', 'mês passado': '2025-01', 'segunda-feira passada': '2025-02-10' });
  });

  it('demonyms inflect for gender and number, linked to their country', () => {
    const forms = new Map(demonymFormsOf('pt').map((f) => [f.form, f.code]));
    expect(['israelense', 'israelenses', 'palestina', 'palestinianos', 'norte-americanos', 'francesa', 'alemães', 'espanhóis'].map((f) => forms.get(f))).toEqual(['IL', 'IL', 'PS', 'PS', 'US', 'FR', 'DE', 'ES']);
  });
});
