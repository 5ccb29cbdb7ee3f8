// The publication date (src/clean/published.ts): metadata, URL and caption before the text; a date
// from the text's first line only when the body does not contradict it; partial metadata dates kept
// with month precision, never turned into a day.
import { describe, expect, it } from 'vitest';
import { choosePublishedAt, FIRST_LINE_WINDOW } from '../../../src/clean/published.ts';
import { cleanArticle, parseDateString } from '../../../src/clean/index.ts';
import { extractTimes } from '../../../src/analysis/times/extract.ts';

const clean = (raw: string, publishedAt?: string) => cleanArticle({ file: 't.txt', format: 'txt', raw, original: raw, meta: publishedAt ? { publishedAt } : {} });
const MAY = 'Negotiators met in Cairo on May 5 and again on May 12, officials said. The talks ended without a deal.';

describe('the publication date', () => {
  it('"July 19, 2024" opening an article whose days are "May 5" and "May 12" is not taken for its publication date', () => {
    expect(clean(`Ceasefire talks resume\n\nJuly 19, 2024\n\n${MAY}`)).toMatchObject({ publishedAt: null, publishedAtFrom: 'none' });
    expect(clean(`Ceasefire talks resume\n\nCAIRO, July 19, 2024 — ${MAY}`)).toMatchObject({ publishedAt: null, publishedAtFrom: 'none' });
    // Within the window of a day the body names it is; and full dates with a year ("born March 29,
    // 1928" in an obituary) say nothing about when the text was written.
    expect(clean(`Ceasefire talks resume\n\nJune 1, 2024\n\n${MAY}`)).toMatchObject({ publishedAt: '2024-06-01', publishedAtFrom: 'text' });
    expect(clean('Crime boss dies\n\nDecember 19, 2005\n\nHe was born on March 29, 1928 and convicted on July 25, 1997.')).toMatchObject({ publishedAt: '2005-12-19' });
    expect(FIRST_LINE_WINDOW).toBe(31);
  });

  it('metadata, a dated URL and a caption stay preferred over a date in the text', () => {
    const text = { timestamps: ['July 19, 2024'], captions: ['Photo taken May 12, 2024'], urls: [], body: MAY };
    expect(choosePublishedAt({ ...text, metadata: '2024-05-13T10:00:00Z' })).toEqual({ publishedAt: '2024-05-13', publishedAtFrom: 'metadata' });
    expect(choosePublishedAt({ ...text, articleUrl: 'https://example.com/2024/05/14/talks' })).toEqual({ publishedAt: '2024-05-14', publishedAtFrom: 'url' });
    expect(choosePublishedAt(text)).toEqual({ publishedAt: '2024-05-12', publishedAtFrom: 'caption' });
  });

  it('a partial date ("2025-07") keeps month precision and anchors nothing', () => {
    expect(parseDateString('2025-07')).toBe('2025-07');
    expect(parseDateString('2025/7')).toBe('2025-07');
    expect(parseDateString('2025-13')).toBeNull();
    expect(clean('Talks resume\n\nNegotiators met on Monday, officials said.', '2025-07')).toMatchObject({ publishedAt: '2025-07', publishedAtFrom: 'metadata' });
    // No day to count from: "Monday" stays unresolved rather than dated from an invented July 1.
    expect(extractTimes('Negotiators met on Monday.', 'en', '2025-07')).toMatchObject([{ text: 'Monday', value: null }]);
  });
});
