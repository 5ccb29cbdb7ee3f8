// Deadlines and plans (TimeExpr.role) in Spanish news: the Spanish TimeBank train split
// (../shared/data/timex-es), each document anchored on its creation time. Named by the sentence.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractTimes } from '../../../src/analysis/times/extract.ts';
import { segmentSentences } from '../../../src/analysis/sentences/segment.ts';
import { dataPath } from '../../../support/data.ts';
import { timexEsDocs } from '../../../support/measure/times-es.ts';

const DATA = dataPath('timex-es');

describe.skipIf(!existsSync(DATA))('deadlines and plans in the Spanish TimeBank', () => {
  const docs = existsSync(DATA) ? timexEsDocs() : [];
  const roleOf = (phrase: string, expr: string) => {
    const d = docs.find((x) => x.text.includes(phrase));
    expect(d, phrase).toBeDefined();
    const at = d!.text.indexOf(phrase);
    const times = extractTimes(d!.text, 'es', d!.dct, segmentSentences(d!.text, 'es'));
    const t = times.find((x) => x.start >= at && x.start < at + phrase.length && x.text.includes(expr));
    expect(t, `${phrase}: ${expr}`).toBeDefined();
    return t!.role ?? null;
  };

  it('"el margen de confianza, fijado hasta Navidad" is a deadline; "viajará mañana a Jordania" a plan', () => {
    expect(roleOf('fijado hasta Navidad', 'Navidad')).toBe('deadline');
    expect(roleOf('viajará mañana a Jordania', 'mañana')).toBe('plan');
    expect(roleOf('que se celebrará en Lima el 9 y 10 de junio', '9')).toBe('plan');
  });

  it('"saltó ayer 8,50 metros en Oslo", "el indulto masivo aprobado ayer" are happenings', () => {
    expect(roleOf('saltó ayer 8,50 metros en Oslo', 'ayer')).toBeNull();
    expect(roleOf('el indulto masivo aprobado ayer', 'ayer')).toBeNull();
  });
});
