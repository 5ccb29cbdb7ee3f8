// Quotation-mark pairing on its own: styles, apostrophes, nesting, run-on paragraphs, markup.
import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from '../../../src/analysis/quotes/marks.ts';
import { quotesLexicon } from '../../../src/analysis/quotes/lexicon.ts';

const lex = quotesLexicon('en')!;
const spans = (text: string, next?: number) => findQuoteSpans(text, 0, text.length, lex, next).map((q) => text.slice(q.start, q.end));

describe('quotation marks', () => {
  it('pairs each style and keeps the outermost quotation', () => {
    expect(spans('She said “he told me ‘no’ twice” and left.')).toEqual(['he told me ‘no’ twice']);
    expect(spans('„Ja,“ zei hij. «Non,» dit-il.')).toEqual(['Ja,', 'Non,']);
  });

  it('does not take apostrophes for quotation marks', () => {
    expect(spans('Hamas’s leaders don’t agree with the States’ plan.')).toEqual([]);
    expect(spans("It's the '90s band's song.")).toEqual([]);
  });

  it('reads two apostrophes as a double quotation mark', () => {
    expect(spans("''It is fiscally responsible,'' Mr. Burman said.")).toEqual(['It is fiscally responsible,']);
  });

  it('ignores quotes glued to markup', () => {
    expect(spans('angered Trump,<a rel="nofollow" target="_blank" href="https://x.com/a-b">Politico reported.')).toEqual([]);
  });

  it('lets an unclosed quotation run on only when the next paragraph opens with a mark', () => {
    const text = '“We will stay here\n“and we will win.”';
    const firstPara = findQuoteSpans(text, 0, 18, lex, 19);
    expect(firstPara.map((q) => [text.slice(q.start, q.end), q.runsOn])).toEqual([['We will stay here', true]]);
    expect(findQuoteSpans(text, 0, 18, lex)).toEqual([]);
  });
});
