// The figures layer and the comparison rows on BBC News (2004-05), text nobody tuned for: years,
// clock times, units and multipliers are not counts, and no row is named by one (issue 11).
import { describe, expect, it } from 'vitest';
import { rowOf } from '../../../src/corpus/stories/figures.ts';
import type { Figure } from '../../../src/types.ts';
import { bbcFiguresDoc } from '../../../support/measure/figures-bbc.ts';
import { hasData } from '../../helpers/needs.ts';

/** The figure of `file` whose span reads `text` (or ends with it, after a qualifier) and the doc. */
function figureIn(file: string, text: string) {
  const doc = bbcFiguresDoc(file);
  const fig = doc.figures.find((q: Figure) => q.text === text || q.text.endsWith(` ${text}`));
  return { doc, fig };
}
/** Whether any figure of `file` covers the first place `phrase` is written. */
function figureOver(file: string, phrase: string): Figure | undefined {
  const doc = bbcFiguresDoc(file);
  const at = doc.text.indexOf(phrase);
  expect(at).toBeGreaterThanOrEqual(0);
  return doc.figures.find((q) => q.start < at + phrase.length && at < q.end);
}

describe.runIf(hasData('bbc'))('figures on BBC News', () => {
  it('a year is never a count: "2005 sales", "Under the 1989 Children Act", "original 1977 scripts"', () => {
    expect(figureOver('business/040.txt', '2005 sales')).toBeUndefined();
    expect(figureOver('politics/078.txt', '1989 Children Act')).toBeUndefined();
    expect(figureOver('entertainment/299.txt', '1977 scripts')).toBeUndefined();
  });

  it('a clock time before a zone is no figure: "2000 GMT", "1900 GMT", "1700 local time"', () => {
    expect(figureOver('sport/324.txt', '2000 GMT')).toBeUndefined();
    expect(figureOver('business/317.txt', '1900 GMT')).toBeUndefined();
    expect(figureOver('entertainment/064.txt', '1700 local time')).toBeUndefined();
  });

  it('hyphen-less compound modifiers: "a possible 10 year jail sentence", "a 10 point compulsory customer charter"', () => {
    expect(figureIn('business/157.txt', '10 year').fig).toMatchObject({ value: 10, unit: 'year', counts: 'jail sentence' });
    const { fig } = figureIn('politics/234.txt', '10 point');
    expect(fig).toMatchObject({ value: 10, unit: 'point' });
    expect(fig!.counts).not.toMatch(/^point/);
  });

  it('multipliers and time words are not what is counted: "five times as many", "25 laptops three years ago"', () => {
    const five = figureOver('tech/371.txt', 'five times as many');
    expect(five?.counts ?? null).toBeNull();
    expect(figureIn('tech/004.txt', '25').fig).toMatchObject({ value: 25, counts: 'laptops' });
  });

  it('no comparison row is named by a clock zone, a multiplier or a bare "people"', () => {
    const times = bbcFiguresDoc('tech/371.txt');
    for (const q of times.figures) expect(rowOf(times, q)?.label ?? '').not.toMatch(/^(Times|Gmt)\b/);
    const surveyed = figureIn('tech/061.txt', '2,000');
    expect(surveyed.fig).toMatchObject({ value: 2000, countsKey: 'people' });
    expect(rowOf(surveyed.doc, surveyed.fig!)).toBeNull();
  });
});
