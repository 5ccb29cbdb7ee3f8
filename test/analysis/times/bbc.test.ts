// Dates on BBC News (2004-05, ../shared/data/bbc): the failures of issue 11, each named after what broke.
// Every article goes through the real cleaning and the sentences, publishedAt and times steps.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../../src/clean/index.ts';
import { runSteps } from '../../../src/analysis/pipeline.ts';
import { isHappening } from '../../../src/analysis/times/index.ts';
import { extractTimes } from '../../../src/analysis/times/extract.ts';
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

  it('business/036: "extended the deadline ... until 15 July 2006" is a deadline, not the date of an undated 2004-05 story', () => {
    const doc = analysed('business/036.txt');
    expect(doc.times.find((t) => t.text === '15 July 2006')).toMatchObject({ value: '2006-07-15', granularity: 'day', role: 'deadline' });
    expect(articleWhen(doc).day).not.toBe('2006-07-15');
    expect(buildTimeline([doc]).items.map((i) => i.date)).not.toContain('2006-07-15');
  });

  it('tech/015: "Xboxes made before 23 October 2003" is a limit, not the date of the 2004-05 recall story', () => {
    const doc = analysed('tech/015.txt');
    expect(doc.times.find((t) => t.text === '23 October 2003')).toMatchObject({ value: '2003-10-23', role: 'deadline' });
    expect(articleWhen(doc).day).not.toBe('2003-10-23');
  });

  it('business/335, politics/380, entertainment/068: dates in a future or planning clause are plans', () => {
    for (const [name, text, value] of [
      ['business/335.txt', 'April 2008', '2008-04'], // "will be delivered to Japan Airlines in April 2008"
      ['politics/380.txt', 'October 2006', '2006-10'], // "is provisionally scheduled for October 2006"
      ['entertainment/068.txt', 'May 19, 2006', '2006-05-19'], // "is due for release on May 19, 2006"
    ] as const) {
      const doc = analysed(name);
      const t = doc.times.find((x) => x.text === text);
      expect(t, name).toMatchObject({ value, role: 'plan' });
      expect(isHappening(t!), name).toBe(false);
      expect(buildTimeline([doc]).items.map((i) => i.date), name).not.toContain(value);
    }
  });

  it('business/414 with a publication date: a date after it is a plan; one before it never is', () => {
    const text = readFileSync(new URL('business/414.txt', BBC), 'utf8');
    const sentence = /The University of California said [^.]*October 2006\. It joined the lawsuit in December 2001/.exec(text)![0];
    const roles = (published: string) => extractTimes(sentence, 'en', published).map((t) => [t.text, t.role ?? null]);
    expect(roles('2005-01-15')).toEqual([
      ['October 2006', 'plan'],
      ['December 2001', null],
    ]);
    // Read in 2007, the trial's start is no longer ahead: the article's own clause is all that marks it, and a dated
    // article's past date is never a plan.
    expect(roles('2007-03-01')).toEqual([
      ['October 2006', null],
      ['December 2001', null],
    ]);
  });

  it('politics/218, sport/366: "felt by November 2003 he had lost", "had a kidney transplant in July 2004 but will play" stay happenings', () => {
    for (const [name, text, value] of [
      ['politics/218.txt', 'November 2003', '2003-11'],
      ['sport/366.txt', 'July 2004', '2004-07'],
    ] as const) {
      const t = analysed(name).times.find((x) => x.text === text);
      expect(t, name).toMatchObject({ value });
      expect(t!.role, name).toBeUndefined();
      expect(isHappening(t!), name).toBe(true);
    }
  });
});
