// Regressions found on BBC News articles (../shared/data/bbc), each named after what broke.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/analysis/quotes/index.ts';
import { analyzedDoc } from '../../../support/analyzed-doc.ts';
import { quote, quotesOf } from './helpers.ts';
import { dataPath } from '../../../support/data.ts';
import { hasData } from '../../helpers/needs.ts';

const bbc = (name: string) => readFileSync(dataPath('bbc', name), 'utf8');

describe.runIf(hasData('bbc'))('BBC regressions', () => {
  it('"says Cara Diemont of IT firm Dimension Data": the speaker stops before "of" (business/020)', () => {
    const qs = quotesOf(bbc('business/020.txt'), 'en');
    expect(quote(qs, 'Customers are getting used to the idea', 'direct').speaker?.name).toBe('Cara Diemont');
  });

  it('returns no quotes for a language without quotes data, and for empty text', () => {
    expect(extractQuotes(analyzedDoc('„To nie jest fajka” – powiedział.', 'pl'))).toEqual([]);
    expect(extractQuotes(analyzedDoc('', 'en'))).toEqual([]);
  });
});
