// Publication date: the small local date finder and the order of evidence
// (metadata > URL > caption > timestamp/dateline in the text > none).
import { describe, expect, it } from 'vitest';
import { cleanArticle, datelineDate, findDates, parseDateString, urlDates } from '../../src/clean/index.ts';
import type { CleanArticle, RawMeta } from '../../src/types.ts';

function clean(raw: string, meta: RawMeta = {}): CleanArticle {
  return cleanArticle({ file: 'variant.txt', format: 'txt', raw, original: raw, meta });
}
const PROSE =
  'The talks in Doha resumed on Tuesday after a pause of several days, with mediators from Qatar and Egypt shuttling between the delegations in separate rooms of the same hotel.';

describe('findDates', () => {
  it('reads month-name dates of every supported language, with positions', () => {
    expect(findDates('Signed on May 1, 2024 in Doha.')).toEqual([{ iso: '2024-05-01', index: 10, length: 11 }]);
    expect(findDates('on Oct. 7, 2023, and Sept. 30th 2024').map((d) => d.iso)).toEqual(['2023-10-07', '2024-09-30']);
    expect(findDates('op 1 mei 2024 en 17 okt. 2023').map((d) => d.iso)).toEqual(['2024-05-01', '2023-10-17']);
    expect(findDates('Published 01 May 2024 and 2024-05-02').map((d) => d.iso)).toEqual(['2024-05-01', '2024-05-02']);
  });
  it('ignores partial and impossible dates', () => {
    expect(findDates('on Feb. 4 at the White House, in oktober 2023, in 2023, on 30 February 2024, Mayday 2024')).toEqual([]);
  });
});

describe('urlDates', () => {
  it('reads dated paths, dashed dates and compact dates', () => {
    expect(urlDates('https://static.independent.co.uk/2025/09/29/12/53/FotoJet-(2).jpg?width=1200')).toEqual(['2025-09-29']);
    expect(urlDates('https://example.com/news/2024-05-01/talks')).toEqual(['2024-05-01']);
    expect(urlDates('https://example.com/img/20240501_talks.jpg')).toEqual(['2024-05-01']);
  });
  it('ignores ids, year-only paths and the host', () => {
    expect(urlDates('https://example.com/news/2024/talks-123456789')).toEqual([]);
    expect(urlDates('https://2024.example.com/a/12345678/b')).toEqual([]);
    expect(urlDates('https://example.com/2024/13/45/x')).toEqual([]);
  });
});

describe('parseDateString (metadata)', () => {
  it('keeps the calendar date as written, whatever the format', () => {
    expect(parseDateString('2024-05-01T23:30:00-04:00')).toBe('2024-05-01');
    expect(parseDateString('2024/05/01')).toBe('2024-05-01');
    expect(parseDateString('Wed, 01 May 2024 10:00:00 GMT')).toBe('2024-05-01');
    expect(parseDateString('May 1, 2024')).toBe('2024-05-01');
    expect(parseDateString('1 mei 2024')).toBe('2024-05-01');
    expect(parseDateString('1714521600')).toBe('2024-05-01');
  });
  it('returns null for strings without a full date', () => {
    expect(parseDateString('yesterday')).toBeNull();
    expect(parseDateString('May 2024')).toBeNull();
  });
});

describe('datelineDate', () => {
  it('reads datelines that open a paragraph', () => {
    expect(datelineDate('WASHINGTON, May 1, 2024 — President Biden said')).toBe('2024-05-01');
    expect(datelineDate('DEN HAAG (ANP), 1 mei 2024 - Het kabinet')).toBe('2024-05-01');
    expect(datelineDate('May 1, 2024 — The talks')).toBe('2024-05-01');
    expect(datelineDate('MANCHESTER, N.H. (AP), Feb. 8, 2016 — The Latest')).toBe('2016-02-08');
    expect(datelineDate('Washington, May 1, 2024 - The talks')).toBe('2024-05-01');
  });
  it('ignores dates inside the sentence', () => {
    expect(datelineDate('The war began on October 7, 2023, when Hamas attacked.')).toBeNull();
    expect(datelineDate('Israeli negotiators on Oct. 7, 2023 — the day of the attack — met')).toBeNull();
  });
});

describe('publication date evidence, in order of trust', () => {
  const caption = 'Blinken in Ashdod on May 1, 2024. Evelyn Hockstein/Pool/AFP via Getty Images';
  const raw = `Blinken meets Netanyahu\n\nUpdated: May 3, 2024\n\n${caption}\n\nhttps://cdn.example.com/2024/04/30/photo.jpg\n\n${PROSE}`;
  it('metadata first', () => {
    expect(clean(raw, { publishedAt: '2024-05-02T08:00:00Z' })).toMatchObject({ publishedAt: '2024-05-02', publishedAtFrom: 'metadata' });
  });
  it('unparseable metadata falls through; the article URL comes before other URLs', () => {
    expect(clean(raw, { publishedAt: 'n/a', url: 'https://example.com/2024/05/04/blinken' })).toMatchObject({
      publishedAt: '2024-05-04',
      publishedAtFrom: 'url',
    });
  });
  it('then the latest date of the URLs in the input and meta.urls', () => {
    expect(clean(raw)).toMatchObject({ publishedAt: '2024-04-30', publishedAtFrom: 'url' });
    expect(clean(raw, { urls: ['https://example.com/2024/01/02/old-story', 'https://cdn.example.com/2024/05/01/x.jpg'] })).toMatchObject({
      publishedAt: '2024-05-01',
      publishedAtFrom: 'url',
    });
  });
  it('then the latest dated caption', () => {
    const noUrl = raw.replace(/https:\S+/, '');
    expect(clean(noUrl)).toMatchObject({ publishedAt: '2024-05-01', publishedAtFrom: 'caption' });
  });
  it('then the earliest timestamp, then a dateline', () => {
    expect(clean(`Blinken meets Netanyahu\n\nUpdated: May 3, 2024\nPublished: May 2, 2024\n\n${PROSE}`)).toMatchObject({
      publishedAt: '2024-05-02',
      publishedAtFrom: 'text',
    });
    expect(clean(`WASHINGTON, May 1, 2024 — ${PROSE}`)).toMatchObject({ publishedAt: '2024-05-01', publishedAtFrom: 'text' });
  });
  it('never a date from the body prose', () => {
    expect(clean(`The war began on October 7, 2023, when Hamas attacked.\n\n${PROSE}`)).toMatchObject({
      publishedAt: null,
      publishedAtFrom: 'none',
    });
  });
});
