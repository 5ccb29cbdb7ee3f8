import { describe, expect, it } from 'vitest';
import { foldCaseAndAccents, foldForSearch, foldName, foldTypography } from '../../src/text/fold.ts';

// Each row: the text, then what foldTypography, foldCaseAndAccents, foldForSearch and foldName make of it.
const FOLDS: [string, string, string, string, string][] = [
  ['Israël', 'Israël', 'israel', 'israel', 'israel'],
  ['naïve café', 'naïve café', 'naive cafe', 'naive cafe', 'naive cafe'],
  ['Curaçao', 'Curaçao', 'curacao', 'curacao', 'curacao'],
  ['İstanbul', 'İstanbul', 'istanbul', 'istanbul', 'istanbul'],
  // Dutch IJ: two letters, or the ligature ĳ that only the compatibility fold takes apart
  ['IJsselmeer', 'IJsselmeer', 'ijsselmeer', 'ijsselmeer', 'ijsselmeer'],
  ['ĳssel', 'ĳssel', 'ĳssel', 'ijssel', 'ĳssel'],
  // letters without a decomposition: only names spell them out
  ['Straße', 'Straße', 'straße', 'straße', 'strasse'],
  ['Ærø', 'Ærø', 'ærø', 'ærø', 'aero'],
  ['Œuvre', 'Œuvre', 'œuvre', 'œuvre', 'oeuvre'],
  ['Łódź', 'Łódź', 'łodz', 'łodz', 'lodz'],
  ['ﬁnance', 'ﬁnance', 'ﬁnance', 'finance', 'ﬁnance'],
  ['Ｆｕｌｌ', 'Ｆｕｌｌ', 'ｆｕｌｌ', 'full', 'ｆｕｌｌ'],
  ['x²', 'x²', 'x²', 'x2', 'x²'],
  // apostrophes, hyphens, quotes and dashes
  ['O’Brien', "O'Brien", 'o’brien', 'o’brien', 'obrien'],
  ["O'Brien", "O'Brien", "o'brien", "o'brien", 'obrien'],
  ['Netanyahu’s', "Netanyahu's", 'netanyahu’s', 'netanyahu’s', 'netanyahus'],
  ['’s-Hertogenbosch', "'s-Hertogenbosch", '’s-hertogenbosch', '’s-hertogenbosch', 's hertogenbosch'],
  ['Zuid-Afrika', 'Zuid-Afrika', 'zuid-afrika', 'zuid-afrika', 'zuid afrika'],
  ['Deir al-Balah', 'Deir al-Balah', 'deir al-balah', 'deir al-balah', 'deir al balah'],
  ['Israel–Hamas', 'Israel-Hamas', 'israel–hamas', 'israel–hamas', 'israel hamas'],
  ['“Kushner” — zei', '"Kushner" -- zei', '“kushner” — zei', '“kushner” — zei', 'kushner zei'],
  // acronym dots, a dot glued to a capitalised word
  ['U.S.', 'U.S.', 'u.s.', 'u.s.', 'us'],
  ['Gov.Sarah Sanders', 'Gov.Sarah Sanders', 'gov.sarah sanders', 'gov.sarah sanders', 'gov sarah sanders'],
  // the vowel signs of other scripts are marks: only the search fold drops them
  ['मलेशिया', 'मलेशिया', 'मलेशिया', 'मलशय', 'मलेशिया'],
];

describe('the folds', () => {
  it.each(FOLDS)('%s', (text, typography, caseAndAccents, search, name) => {
    expect(foldTypography(text)).toBe(typography);
    expect(foldCaseAndAccents(text)).toBe(caseAndAccents);
    expect(foldForSearch(text)).toBe(search);
    expect(foldName(text)).toBe(name);
  });

  it('reads the PTB quotes `` and \'\' as a double quote', () => {
    expect(foldTypography('``')).toBe('"');
    expect(foldTypography("''")).toBe('"');
  });
});
