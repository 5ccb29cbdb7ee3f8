import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { segmentSentences } from '../../src/analysis/sentences/segment.ts';

const texts = (t: string, lang: string) => segmentSentences(t, lang).map((s) => t.slice(s.start, s.end));

describe('sentence segmentation', () => {
  it('does not split after English titles, initialisms and month abbreviations', () => {
    const t = 'Mr. Blinken met the U.S. President on Feb. 4 in Washington. He left on Oct. 7. John F. Kennedy was there.';
    expect(texts(t, 'en')).toEqual([
      'Mr. Blinken met the U.S. President on Feb. 4 in Washington.',
      'He left on Oct. 7.',
      'John F. Kennedy was there.',
    ]);
  });

  it('does not split after Dutch abbreviations', () => {
    const t = 'Dhr. Rutte sprak met mr. De Vries. Zie blz. 4 voor meer.';
    expect(texts(t, 'nl')).toEqual(['Dhr. Rutte sprak met mr. De Vries.', 'Zie blz. 4 voor meer.']);
  });

  it('keeps "Mr. Blinken" sentences whole in seed 004 and never crosses a line break', () => {
    const t = readFileSync(new URL('../../examples/004_ed9a467948e1cb24.txt', import.meta.url), 'utf8');
    const sents = texts(t, 'en');
    expect(sents).toContain('Mr. Netanyahu has said that one major goal of the ongoing Israeli military operations is to bring about Hamas’s total defeat.');
    for (const s of sents) {
      expect(s).not.toMatch(/\n/);
      expect(s).not.toMatch(/(^|\s)(Mr|U\.S)\.$/);
    }
  });
});
