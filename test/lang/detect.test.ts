import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { languageDetector } from '../../src/lang/detect.ts';

const examples = new URL('../../examples/', import.meta.url);

describe('language detection', () => {
  it('recognises the example articles (four English, one Dutch) with high confidence', async () => {
    const detect = await languageDetector();
    const got = Object.fromEntries(
      readdirSync(examples).filter((f) => /^00[0-4]_/.test(f)).map((f) => [f.slice(0, 3), detect(readFileSync(new URL(f, examples), 'utf8'))]),
    );
    expect(Object.fromEntries(Object.entries(got).map(([k, v]) => [k, v.language]))).toEqual({
      '000': 'en', '001': 'en', '002': 'nl', '003': 'en', '004': 'en',
    });
    for (const g of Object.values(got)) expect(g.confidence).toBeGreaterThan(0.99);
  });

  it('recognises at least ten other languages', async () => {
    const detect = await languageDetector();
    const samples: Record<string, string> = {
      de: 'Die Verhandlungen über eine Waffenruhe im Gazastreifen wurden am Montag in Katar fortgesetzt.',
      fr: 'Les négociations sur un cessez-le-feu à Gaza ont repris lundi au Qatar, selon des responsables.',
      es: 'Las negociaciones para un alto el fuego en Gaza se reanudaron el lunes en Catar, según funcionarios.',
      it: 'I negoziati per un cessate il fuoco a Gaza sono ripresi lunedì in Qatar, secondo alcuni funzionari.',
      pt: 'As negociações para um cessar-fogo em Gaza foram retomadas na segunda-feira no Catar, segundo autoridades.',
      ru: 'Переговоры о прекращении огня в секторе Газа возобновились в понедельник в Катаре.',
      ar: 'استؤنفت المفاوضات بشأن وقف إطلاق النار في غزة يوم الاثنين في قطر بحسب مسؤولين.',
      he: 'המשא ומתן על הפסקת אש בעזה התחדש ביום שני בקטאר, לפי גורמים רשמיים.',
      tr: 'Gazze’de ateşkes müzakereleri pazartesi günü Katar’da yeniden başladı, yetkililer açıkladı.',
      pl: 'Negocjacje w sprawie zawieszenia broni w Strefie Gazy zostały wznowione w poniedziałek w Katarze.',
      sv: 'Förhandlingarna om vapenvila i Gaza återupptogs på måndagen i Qatar, enligt tjänstemän.',
      uk: 'Переговори про припинення вогню в секторі Газа відновилися в понеділок у Катарі, повідомили посадовці.',
    };
    for (const [code, text] of Object.entries(samples)) expect(detect(text).language, code).toBe(code);
  });

  it('falls back to the declared language when the text is too short to tell', async () => {
    const detect = await languageDetector();
    expect(detect('ok', 'nl-NL')).toEqual({ language: 'nl', confidence: 0.5 });
    expect(detect('', undefined).language).toBe('und');
  });
});
