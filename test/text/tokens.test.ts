import { describe, expect, it } from 'vitest';
import { conllTokens, countWords, isPossessive, nameWords, segmentWords, wordTokens, type Token } from '../../src/text/tokens.ts';

const texts = (ts: Token[]) => ts.map((t) => t.text);
const exact = (text: string, ts: Token[]) => {
  for (const t of ts) expect(text.slice(t.start, t.end)).toBe(t.text);
};

describe('conllTokens', () => {
  const rules = { abbreviations: new Set(['Mr.']), clitics: ["n't", "'s"] };

  it('splits punctuation and the given clitics, keeps abbreviations, hyphens and Dutch apostrophe forms', () => {
    const text = "Mr. O’Brien's well-known visit to 's-Hertogenbosch, in '81 (IJmuiden) didn't.";
    const toks = conllTokens(text, rules);
    exact(text, toks);
    expect(texts(toks)).toEqual([
      'Mr.', 'O’Brien', "'s", 'well-known', 'visit', 'to', "'s-Hertogenbosch", ',', 'in', "'81", '(', 'IJmuiden', ')', 'did', "n't", '.',
    ]);
  });

  it('without rules splits the period of an abbreviation and keeps clitics on', () => {
    expect(texts(conllTokens("Mr. O’Brien's", { abbreviations: new Set(), clitics: [] }))).toEqual(['Mr', '.', "O’Brien's"]);
  });

  it('keeps dotted initials and splits dashes between words', () => {
    expect(texts(conllTokens('U.S. envoy J. Smith—Straße', rules))).toEqual(['U.S.', 'envoy', 'J.', 'Smith', '—', 'Straße']);
  });

  it('tokenises only the requested range, with absolute offsets', () => {
    const text = 'Het IJsselmeer ligt hier.';
    const toks = conllTokens(text, rules, 4, 14);
    expect(toks).toEqual([{ text: 'IJsselmeer', start: 4, end: 14 }]);
  });
});

describe('wordTokens', () => {
  it('classes words, numbers and punctuation and keeps listed abbreviations and initials', () => {
    const text = 'Mr. O’Brien’s well-known U.S. visit: 3,5 km in IJmuiden — ‘Straße’.';
    const toks = wordTokens(text, 0, text.length, new Set(['mr.']));
    exact(text, toks);
    expect(toks.map((t) => `${t.text}/${t.kind}${t.cap ? '/cap' : ''}`)).toEqual([
      'Mr./word/cap', 'O’Brien’s/word/cap', 'well-known/word', 'U.S./word/cap', 'visit/word', ':/punct', '3,5/num', 'km/word', 'in/word',
      'IJmuiden/word/cap', '—/punct', '‘/punct', 'Straße/word/cap', '’/punct', './punct',
    ]);
    expect(toks[9].lower).toBe('ijmuiden');
    expect(isPossessive(toks[1])).toBe(true);
    expect(isPossessive(toks[2])).toBe(false);
  });

  it('keeps the period of a single capital initial', () => {
    const text = 'John F. Kennedy';
    expect(texts(wordTokens(text, 0, text.length, new Set()))).toEqual(['John', 'F.', 'Kennedy']);
  });
});

describe('countWords', () => {
  it('counts words joined by inner apostrophes and hyphens once', () => {
    const text = "O’Brien's well-known 3,5 km — IJmuiden";
    expect(countWords(text, 0, text.length)).toBe(6);
  });
});

describe('segmentWords', () => {
  it('gives the word-like segments with their folded forms', () => {
    const text = 'Het IJsselmeer, de Straße en Israël’s café.';
    const toks = segmentWords(text, 'nl');
    exact(text, toks);
    expect(toks.map((t) => t.folded)).toEqual(['het', 'ijsselmeer', 'de', 'straße', 'en', 'israel’s', 'cafe']);
  });
});

describe('nameWords', () => {
  it('splits a name at spaces, hyphens, slashes and a dot glued to a capitalised word', () => {
    const text = 'Gov.Sarah Huckabee-Sanders / U.S. O’Brien';
    const toks = nameWords(text);
    exact(text, toks);
    expect(texts(toks)).toEqual(['Gov.', 'Sarah', 'Huckabee', 'Sanders', 'U.S.', 'O’Brien']);
  });
});
