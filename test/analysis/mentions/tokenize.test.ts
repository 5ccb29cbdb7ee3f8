import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/analysis/mentions/ner/tokenize.ts';

const words = (t: string, lang = 'en') => tokenize(t, lang).map((x) => x.text);

describe('tokenize', () => {
  it('keeps exact offsets into the text', () => {
    const t = 'US President Donald Trump’s remarks (“going along very well”) came as Mr. Blinken met the U.S. envoy.';
    const toks = tokenize(t, 'en');
    for (const tok of toks) expect(t.slice(tok.start, tok.end)).toBe(tok.text);
    expect(toks.map((x) => x.text)).toEqual([
      'US', 'President', 'Donald', 'Trump', '’s', 'remarks', '(', '“', 'going', 'along', 'very', 'well', '”', ')',
      'came', 'as', 'Mr.', 'Blinken', 'met', 'the', 'U.S.', 'envoy', '.',
    ]);
  });

  it('splits English clitics but keeps Dutch plural apostrophes', () => {
    expect(words("Hamas’s total defeat and Gazans' homes don't")).toEqual(['Hamas', '’s', 'total', 'defeat', 'and', 'Gazans', "'", 'homes', 'do', "n't"]);
    expect(words("de programma's van Netanyahu's regering in '81", 'nl')).toEqual(['de', "programma's", 'van', "Netanyahu's", 'regering', 'in', "'81"]);
  });

  it('splits scraping noise: run-on sentences, dashes, markup and credit slashes', () => {
    expect(words('going along very well.He also claimed')).toEqual(['going', 'along', 'very', 'well', '.', 'He', 'also', 'claimed']);
    expect(words('oorlog in Gaza—maar alleen', 'nl')).toEqual(['oorlog', 'in', 'Gaza', '—', 'maar', 'alleen']);
    expect(words('angered Trump,<a rel')).toEqual(['angered', 'Trump', ',', '<', 'a', 'rel']);
    expect(words('Evelyn Hockstein/Pool/AFP via Getty')).toEqual(['Evelyn', 'Hockstein', '/', 'Pool', '/', 'AFP', 'via', 'Getty']);
    expect(words('see https://www.politico.com/news/2025/09/28/x.')).toEqual(['see', 'https://www.politico.com/news/2025/09/28/x', '.']);
  });

  it('tokenises only the requested range', () => {
    const t = 'First sentence. Second one here.';
    const toks = tokenize(t, 'en', 16, t.length);
    expect(toks.map((x) => x.text)).toEqual(['Second', 'one', 'here', '.']);
    expect(toks[0].start).toBe(16);
  });
});
