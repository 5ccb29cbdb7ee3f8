// Dates on BBC News (2004-05, ../shared/data/bbc): the failures of issue 11, each named after what broke.
// Every article goes through the real cleaning and the sentences, publishedAt and times steps.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../../src/clean/index.ts';
import { runSteps } from '../../../src/analysis/pipeline.ts';
import { isHappening } from '../../../src/analysis/times/index.ts';
import { buildTimeline } from '../../../src/corpus/stories/timeline.ts';
import { articleWhen } from '../../../src/corpus/stories/when.ts';
import type { AnalyzedArticle } from '../../../src/types.ts';
import { analyzedDoc } from '../../../support/analyzed-doc.ts';

const BBC = new URL('../../../../shared/data/bbc/', import.meta.url);

function analysed(name: string): AnalyzedArticle {
  const raw = readFileSync(new URL(name, BBC), 'utf8');
  const c = cleanArticle({ file: name, format: 'txt', raw, original: raw, meta: {} });
  const doc = analyzedDoc(c.text, 'en', { file: name, id: name, title: c.title, publishedAt: c.publishedAt, publishedAtFrom: c.publishedAtFrom });
  return runSteps(doc, ['sentences', 'publishedAt', 'times']);
}

describe.skipIf(!existsSync(BBC))('dates on BBC News', () => {
  it('sport/320: "Saturday, 26 February" over a "1600 GMT" kick-off is a year-less day, never 1600-02-26', () => {
    const doc = analysed('sport/320.txt');
    expect(doc.text).toContain('1600 GMT');
    const day = doc.times.find((t) => t.text.startsWith('Saturday, 26 February'));
    expect(day).toMatchObject({ text: 'Saturday, 26 February', value: '--02-26', granularity: 'day' });
    expect(doc.times.some((t) => t.value?.startsWith('1600') || t.text.includes('1600'))).toBe(false);
    // The story date and the timeline know only the day of the month, no invented year.
    expect(articleWhen(doc)).toEqual({ day: null, monthDay: '02-26', from: 'text' });
    expect(buildTimeline([doc]).items.map((i) => i.date)).toEqual([]);
  });

  it('politics/271, 087: background years ("worst showing since 1906", "the 1951 UN Convention") are not happenings', () => {
    for (const [name, years] of [
      ['politics/271.txt', ['1997', '1906']],
      ['politics/087.txt', ['1951']],
    ] as const) {
      const doc = analysed(name);
      for (const y of years) expect(doc.times.find((t) => t.value === y), `${name} ${y}`).toMatchObject({ granularity: 'year', background: true });
      expect(doc.times.filter(isHappening)).toEqual([]);
      expect(buildTimeline([doc]).items).toEqual([]);
    }
  });

  it('politics/303: "February 1974", written as a date, is a month-precision happening; the bare "1974" is not', () => {
    const doc = analysed('politics/303.txt');
    expect(doc.times.map((t) => [t.text, t.value, t.granularity, isHappening(t)])).toEqual([
      ['1974', '1974', 'year', false],
      ['February 1974', '1974-02', 'month', true],
    ]);
    expect(buildTimeline([doc]).items.map((i) => [i.date, i.granularity])).toEqual([['1974-02', 'month']]);
  });
});
