// The figures layer on the real example articles (times layer run first, as in the pipeline).
import { describe, expect, it } from 'vitest';
import { figuresStep } from '../../../src/analysis/figures/index.ts';
import { timesStep } from '../../../src/analysis/times/index.ts';
import type { Figure } from '../../../src/types.ts';
import { exampleDoc } from '../times/doc.ts';

function figures(prefix: Parameters<typeof exampleDoc>[0]): Figure[] {
  const doc = exampleDoc(prefix);
  const withTimes = { ...doc, ...timesStep.run(doc) };
  const q = figuresStep.run(withTimes).figures!;
  for (const x of q) {
    expect(doc.text.slice(x.start, x.end)).toBe(x.text);
    if (x.qualifierStart !== undefined) expect(x.qualifierStart).toBe(x.start); // the span includes its qualifier
  }
  return q;
}
/** The nth figure whose number reads `text` (the span may start with a qualifier: "more than 66,000"). */
const find = (q: Figure[], text: string, nth = 0) => q.filter((x) => x.text === text || x.text.endsWith(' ' + text))[nth];

describe('figures on the example articles', () => {
  it('000: hostages, bodies of hostages, the 60-day truce and the 21-month war', () => {
    const q = figures('000');
    expect(find(q, '21-month')).toMatchObject({ value: 21, unit: 'month', counts: 'war' });
    expect(find(q, '10')).toMatchObject({ value: 10, qualifier: null, counts: 'living hostages released', countsKey: 'living hostages released' });
    expect(find(q, '18')).toMatchObject({ value: 18, counts: 'bodies of hostages released', countsKey: 'bodies of hostages released' });
    expect(find(q, '60-day')).toMatchObject({ value: 60, unit: 'day', counts: 'truce' });
    // "over five phases" is not "more than five".
    expect(find(q, 'five')).toMatchObject({ value: 5, qualifier: null, counts: 'phases' });
    // "in one country": a lone "one" is not a figure.
    expect(q.some((x) => x.text === 'one')).toBe(false);
  });

  it('001: no figures ("second term", "second phase", "the 2023 terrorist incident", "Feb. 4")', () => {
    expect(figures('001')).toEqual([]);
  });

  it('002 (Dutch): 57.500 Palestijnen, $ 3,8 miljard, naar schatting 11.000, rond de 200.000, acht gijzelaars', () => {
    const q = figures('002');
    expect(find(q, '57.500')).toMatchObject({ value: 57500, qualifier: 'more-than', counts: 'Palestijnen gedood', countsKey: 'palestinians killed' });
    expect(find(q, '$ 3,8 miljard')).toMatchObject({ value: 3.8e9, unit: 'USD', qualifier: null, countsKey: 'military funding' });
    expect(find(q, '$ 22 miljard')).toMatchObject({ value: 22e9, unit: 'USD', qualifier: 'more-than' });
    expect(find(q, '11.000')).toMatchObject({ value: 11000, qualifier: 'estimated', countsKey: 'palestinians buried' });
    expect(find(q, '200.000')).toMatchObject({ value: 200000, qualifier: 'approximately', counts: 'dodental', countsKey: 'people killed' });
    expect(find(q, 'acht')).toMatchObject({ value: 8, counts: 'gijzelaars vrijgelaten', countsKey: 'hostages released' });
    expect(find(q, 'twee')).toMatchObject({ value: 2, countsKey: 'hostages released' });
    expect(find(q, '18')).toMatchObject({ value: 18, counts: 'lichamen van gijzelaars teruggegeven', countsKey: 'bodies of hostages returned' });
    expect(find(q, '17')).toMatchObject({ value: 17, countsKey: 'people killed' });
    expect(find(q, 'acht', 1)).toMatchObject({ value: 8, countsKey: 'children killed' });
    expect(find(q, '60 dagen')).toMatchObject({ value: 60, unit: 'day', counts: null });
    expect(find(q, '60-daagse')).toMatchObject({ value: 60, unit: 'day', counts: 'wapenstilstand' });
    // "de 50ste dag" is an ordinal day, "oktober 2023" a date.
    expect(q.some((x) => /^50|2023/.test(x.text))).toBe(false);
  });

  it('003: 66,000 killed twice, approximately 1,200, nearly two years; nothing from the URL or the date', () => {
    const q = figures('003');
    expect(q.map((x) => x.text)).toEqual(['nearly two years', 'two', '21-point', 'More than 66,000', 'approximately 1,200', 'two-year-long', 'more than 66,000']);
    expect(find(q, '66,000')).toMatchObject({ value: 66000, qualifier: 'more-than', counts: 'Palestinians killed', countsKey: 'palestinians killed' });
    expect(find(q, '66,000', 1)).toMatchObject({ value: 66000, qualifier: 'more-than', counts: 'people killed' });
    expect(find(q, '1,200')).toMatchObject({ value: 1200, qualifier: 'approximately', counts: 'people killed' });
    expect(find(q, 'two years')).toMatchObject({ value: 2, unit: 'year', qualifier: 'nearly' });
    expect(find(q, 'two-year-long')).toMatchObject({ value: 2, unit: 'year', counts: 'attack' });
    const more = find(q, '66,000');
    expect(exampleDoc('003').text.slice(more.qualifierStart, more.qualifierEnd)).toBe('More than');
  });

  it('004: more than a million people relocated, seven aid workers killed; not "0:00", "one", dates', () => {
    const q = figures('004');
    expect(q.map((x) => x.text)).toEqual(['More than a million', 'seven']);
    expect(q[0]).toMatchObject({ value: 1e6, qualifier: 'more-than', counts: 'people relocated' });
    expect(q[1]).toMatchObject({ value: 7, qualifier: null, counts: 'aid workers killed', countsKey: 'aid workers killed' });
  });

  it('the same thing counted in two languages gets the same key (002 vs 003)', () => {
    const nl = find(figures('002'), '57.500').countsKey;
    const en = find(figures('003'), '66,000').countsKey;
    expect(nl).toBe('palestinians killed');
    expect(en).toBe(nl);
  });
});
