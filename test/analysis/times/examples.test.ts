// The times layer and publishedAt inference on the real example articles.
import { describe, expect, it } from 'vitest';
import { publishedAtStep, timesStep } from '../../../src/analysis/times/index.ts';
import type { TimeExpr } from '../../../src/types.ts';
import { exampleDoc } from './doc.ts';

const times = (prefix: Parameters<typeof exampleDoc>[0]) => {
  const doc = exampleDoc(prefix);
  const t = timesStep.run(doc).times!;
  for (const x of t) expect(doc.text.slice(x.start, x.end)).toBe(x.text);
  return t;
};
const brief = (t: TimeExpr[]) => t.map((x) => [x.text, x.value, x.granularity]);

describe('times on the example articles', () => {
  it('000 (no publication date): weekday and week expressions are kept unresolved', () => {
    const t = times('000');
    expect(brief(t)).toEqual([
      ['Monday', null, 'day'],
      ['this week', null, 'week'],
      ['later this week', null, 'week'],
    ]);
    expect(t[2].mod).toBe('late');
  });

  it('001 (no publication date): "Feb. 4" and "March" keep partial values, years stay years', () => {
    const t = times('001');
    expect(brief(t)).toEqual([
      ['Feb. 4', '--02-04', 'day'],
      ['March', '--03', 'month'],
      ['2023', '2023', 'year'],
      ['Sunday', null, 'day'],
      ['2023', '2023', 'year'],
    ]);
    // "second term", "second phase" are not times.
    expect(t.some((x) => /second/.test(x.text))).toBe(false);
  });

  it('002 (Dutch, no publication date): "oktober 2023", "In november"; not "50ste dag" or "60 dagen"', () => {
    const t = times('002');
    expect(brief(t)).toEqual([
      ['oktober 2023', '2023-10', 'month'],
      ['oktober 2023', '2023-10', 'month'],
      ['november', '--11', 'month'],
    ]);
  });

  it('003 (published 2025-09-29, a Monday): weekdays, "in January", "last week", the full date; nothing from the URL', () => {
    const t = times('003');
    expect(brief(t)).toEqual([
      ['Monday', '2025-09-29', 'day'], // "is set to meet ... on Monday"
      ['January', '2025-01', 'month'], // "Since taking office in January"
      ['last week', '2025-W39', 'week'],
      ['Monday', '2025-09-29', 'day'], // "ahead of Monday's meeting"
      ['October 7, 2023', '2023-10-07', 'day'],
      ['Sunday', '2025-09-28', 'day'], // "told Axios Sunday"
      ['Sunday', '2025-09-28', 'day'],
      ['Sunday', '2025-09-28', 'day'],
    ]);
    expect(t.filter((x) => x.relative).length).toBe(7);
  });

  it('004 (published 2024-05-01): full and year-less dates, "early April", "a week from now"', () => {
    const t = times('004');
    const byText = new Map(t.map((x) => [x.text, x]));
    expect(byText.get('May 1, 2024')?.value).toBe('2024-05-01');
    expect(byText.get('Oct. 7, 2023')?.value).toBe('2023-10-07');
    expect(t.filter((x) => x.text === 'May 1').map((x) => x.value)).toEqual(['2024-05-01', '2024-05-01', '2024-05-01']);
    expect(byText.get('April 29')?.value).toBe('2024-04-29');
    expect(byText.get('April 27')?.value).toBe('2024-04-27');
    expect(byText.get('April 30')?.value).toBe('2024-04-30');
    expect(byText.get('early April')).toMatchObject({ value: '2024-04', granularity: 'month', mod: 'early' });
    // Said on April 30 (in the quote's reporting clause), not on the publication day: May 7, not May 8.
    expect(byText.get('a week from now')).toMatchObject({ value: '2024-05-07', anchor: { date: '2024-04-30', from: 'text' } });
    expect(byText.get('April 29')?.anchor).toEqual({ date: '2024-05-01', from: 'published' });
    expect(byText.get('May 1, 2024')?.anchor).toBeUndefined();
    // The video timestamp "0:00" is not a date.
    expect(t.some((x) => x.text.includes('0:00'))).toBe(false);
  });
});

describe('publishedAtStep on the example articles', () => {
  it('004 without its caption date: "May 1, 2024" echoed by "on May 1" gives 2024-05-01', () => {
    const doc = { ...exampleDoc('004'), publishedAt: null, publishedAtFrom: 'none' as const };
    expect(publishedAtStep.run(doc)).toEqual({ publishedAt: '2024-05-01', publishedAtFrom: 'text' });
  });

  it('000, 001, 002 carry no full date of their own and stay null', () => {
    for (const p of ['000', '001', '002'] as const) expect(publishedAtStep.run(exampleDoc(p))).toEqual({});
  });

  it('003: "October 7, 2023" is never echoed year-less, so it is not taken for the publication date', () => {
    const doc = { ...exampleDoc('003'), publishedAt: null, publishedAtFrom: 'none' as const };
    expect(publishedAtStep.run(doc)).toEqual({});
  });

  it('leaves a date found elsewhere alone', () => {
    expect(publishedAtStep.run(exampleDoc('003'))).toEqual({});
  });
});
