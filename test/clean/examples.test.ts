// Cleaning of the five real example articles (examples/*.txt, scraped with their noise).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/clean/index.ts';
import type { CleanArticle, Removed } from '../../src/types.ts';

const EXAMPLES = join(import.meta.dirname, '../../examples');

function clean(name: string): CleanArticle {
  const raw = readFileSync(join(EXAMPLES, name), 'utf8');
  return cleanArticle({ file: name, format: 'txt', raw, original: raw, meta: {} });
}

const A000 = clean('000_3a9e140460d11d4b.txt');
const A001 = clean('001_4f95569abf96a48a.txt');
const A002 = clean('002_74f363901181367a.txt');
const A003 = clean('003_1d174a4085385254.txt');
const A004 = clean('004_ed9a467948e1cb24.txt');
const ALL = { A000, A001, A002, A003, A004 };

const paragraphTexts = (a: CleanArticle) => a.paragraphs.map((p) => a.text.slice(p.start, p.end));
const removedWith = (a: CleanArticle, reason: Removed['reason']) => a.removed.filter((r) => r.reason === reason).map((r) => r.text);

describe('text and spans of every example', () => {
  for (const [name, a] of Object.entries(ALL)) {
    it(`${name}: paragraphs tile the text, joined by blank lines, whitespace normalised`, () => {
      expect(paragraphTexts(a).join('\n\n')).toBe(a.text);
      expect(a.text).toBe(a.text.trim());
      for (const p of paragraphTexts(a)) {
        expect(p.length).toBeGreaterThan(0);
        expect(p).not.toMatch(/\n|\t|\u00A0| {2}|^ | $/);
      }
    });
    it(`${name}: heading spans slice exactly and are whole paragraphs`, () => {
      for (const h of a.headings) {
        expect(a.text.slice(h.start, h.end)).toBe(h.text);
        expect(a.paragraphs).toContainEqual({ start: h.start, end: h.end });
      }
    });
  }
});

describe('000 (no headline, one line per paragraph)', () => {
  it('has no title, dek, byline or date and loses nothing', () => {
    expect(A000.title).toBeNull();
    expect(A000.dek).toBeNull();
    expect(A000.byline).toBeNull();
    expect(A000.publishedAt).toBeNull();
    expect(A000.publishedAtFrom).toBe('none');
    expect(A000.removed).toEqual([]);
    expect(A000.paragraphs).toHaveLength(11);
    expect(A000.text.startsWith('US President Donald Trump has expressed optimism')).toBe(true);
    expect(A000.headings).toEqual([]);
  });
});

describe('001 (headline, then a summary line, AP credit at the end)', () => {
  it('takes the first line as title and keeps the summary line in the body', () => {
    expect(A001.title).toBe('Netanyahu Plans to Talk About ‘Defeating Hamas’ With Trump During US Visit');
    expect(A001.dek).toBeNull();
    expect(removedWith(A001, 'title')).toEqual([A001.title]);
    expect(paragraphTexts(A001)[0]).toBe(
      'Netanyahu aims to discuss enhancing security and achieving a period of peace through strength with the United States and Israel.',
    );
  });
  it('removes the credit line as credit, not the prose before it', () => {
    expect(removedWith(A001, 'credit')).toEqual(['The Associated Press contributed to this report.']);
    expect(A001.text).not.toContain('contributed to this report');
    expect(paragraphTexts(A001).at(-1)).toMatch(/^As ambitions clash within Israel’s government/);
  });
  it('finds no publication date ("Feb. 4" has no year, "2023" is not a date)', () => {
    expect(A001.publishedAt).toBeNull();
    expect(A001.publishedAtFrom).toBe('none');
    expect(A001.byline).toBeNull();
  });
});

describe('002 (Dutch, no headline, section headings)', () => {
  it('has no title and removes nothing', () => {
    expect(A002.title).toBeNull();
    expect(A002.removed).toEqual([]);
    expect(A002.text.startsWith('De Israëlische premier Benjamin Netanyahu heeft verklaard')).toBe(true);
  });
  it('marks the two section headings, kept in the text', () => {
    expect(A002.headings.map((h) => h.text)).toEqual(['Moeizame ronde in Doha', 'Israëls bloedbad in Gaza']);
  });
  it('finds no publication date ("oktober 2023" is not a full date)', () => {
    expect(A002.publishedAt).toBeNull();
    expect(A002.publishedAtFrom).toBe('none');
  });
});

describe('003 (image URL, "image" line, broken anchor, Getty captions)', () => {
  it('takes the headline as title', () => {
    expect(A003.title).toBe('Trump officials fear meeting with Netanyahu could go ‘off the rails’ as divide grows between them');
  });
  it('removes the image URL line and the lone "image" line', () => {
    expect(removedWith(A003, 'url')).toEqual([
      'https://static.independent.co.uk/2025/09/29/12/53/FotoJet-(2).jpg?width=1200&auto=webp&crop=3%3A2',
    ]);
    expect(removedWith(A003, 'media')).toEqual(['image']);
    expect(A003.text).not.toMatch(/https?:|^image$/m);
  });
  it('removes the broken anchor and keeps its text: "…deeply angered Trump, Politico reported."', () => {
    expect(removedWith(A003, 'markup')).toEqual([
      '<a rel="nofollow" target="_blank" href="https://www.politico.com/news/2025/09/28/trump-says-a-',
    ]);
    expect(A003.text).toContain('upset Qataris, and deeply angered Trump, Politico reported.');
    expect(A003.text).not.toMatch(/<|href|nofollow/);
  });
  it('removes both "(AFP via Getty Images)" captions and keeps the prose around them', () => {
    expect(removedWith(A003, 'caption')).toEqual([
      'President Donald Trump has grown frustrated with Israeli Prime Minister Benjamin Netanyahu, an unnamed U.S. administration official said (AFP via Getty Images)',
      'More than 66,000 Palestinians, many children, have been killed as a result of Israel’s offensive in Gaza (AFP via Getty Images)',
    ]);
    expect(A003.text).not.toContain('Getty');
    expect(A003.text).toContain('The U.S. president reportedly perceives Netanyahu as losing his grip on power');
    expect(A003.text).toContain('killing more than 66,000 people.');
  });
  it('dates the article from the image URL (2025/09/29, the latest dated URL)', () => {
    expect(A003.publishedAt).toBe('2025-09-29');
    expect(A003.publishedAtFrom).toBe('url');
  });
  it('has 14 body paragraphs starting with the lead', () => {
    expect(A003.paragraphs).toHaveLength(14);
    expect(paragraphTexts(A003)[0]).toMatch(/^President Donald Trump is set to meet with Israeli Prime Minister/);
    expect(A003.headings).toEqual([]);
  });
});

describe('004 (header block: pull-quote dek, repeated headline, caption, byline, player residue)', () => {
  it('takes title, dek and byline from the header block', () => {
    expect(A004.title).toBe('Blinken Meets With Netanyahu Amid Gaza Ceasefire Push, Deliberations on Israeli Offensive in Rafah');
    expect(A004.dek).toBe(
      '“We are determined to get a ceasefire that brings the hostages home and to get it now, and the only reason that that wouldn’t be achieved is because of Hamas.”',
    );
    expect(A004.byline).toBe('Ryan Morgan');
  });
  it('removes each header piece with its reason, in order', () => {
    expect(A004.removed).toEqual([
      { text: A004.title, reason: 'title' },
      { text: A004.dek, reason: 'dek' },
      { text: A004.title, reason: 'duplicate-title' },
      {
        text: 'U.S. Secretary of State Antony Blinken speaks to the press at the port of Ashdod in southern Israel on May 1, 2024. Evelyn Hockstein/Pool/AFP via Getty Images',
        reason: 'caption',
      },
      { text: 'Ryan Morgan', reason: 'byline' },
      { text: 'Updated:', reason: 'timestamp' },
      { text: '0:00', reason: 'media' },
    ]);
  });
  it('starts the body with the lead and keeps the quote repeated in the body', () => {
    expect(paragraphTexts(A004)[0]).toMatch(/^Secretary of State Antony Blinken met with Israeli Prime Minister/);
    expect(A004.text).toContain('“We are determined to get a cease-fire that brings the hostages home');
    expect(A004.text).not.toMatch(/Updated:|0:00|Ryan Morgan|Hockstein/);
  });
  it('marks the section headings', () => {
    expect(A004.headings.map((h) => h.text)).toEqual([
      'Biden Admin Continues to Oppose Rafah Offensive',
      'Humanitarian Efforts Improving, State Department Says',
    ]);
  });
  it('dates the article from the caption ("on May 1, 2024")', () => {
    expect(A004.publishedAt).toBe('2024-05-01');
    expect(A004.publishedAtFrom).toBe('caption');
  });
});
