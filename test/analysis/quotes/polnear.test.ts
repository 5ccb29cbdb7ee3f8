// Regression checks on real PolNeAR dev articles (../shared/data/polnear): attributions that the
// annotators marked, with the speaker they marked.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quote, quotesOf, expectExactSlices } from './helpers.ts';
import { dataPath } from '../../../support/data.ts';
import { hasData } from '../../helpers/needs.ts';

const dev = (name: string) => readFileSync(dataPath('polnear', 'dev', 'text', name), 'utf8');

describe.runIf(hasData('polnear'))('PolNeAR dev articles', () => {
  it('reads trailing "…, a source said." attributions as reported speech (breitbart, Sept 12)', () => {
    const text = dev('breitbart_2016-09-12_stealth-over-health-hillary-clin.txt');
    const qs = quotesOf(text, 'en');
    expectExactSlices(text, qs);
    expect(quote(qs, 'But a campaign operative decided to change course', 'indirect').speaker).toMatchObject({ name: 'a source', entity: null });
    expect(quote(qs, 'Clinton had told police officials', 'indirect').speaker?.name).toBe('the source');
    // "Level I Trauma Center" is not a first-person "I": reported speech, not a quotation
    expect(quote(qs, 'Secret Service protocol called for', 'indirect').speaker?.name).toBe('sources');
  });

  it('attributes quotations signed with a dash (huff-post, Sept 27)', () => {
    const text = dev('huff-post_2016-09-27_latinos-share-their-most-honest-.txt');
    const qs = quotesOf(text, 'en');
    expect(quote(qs, 'Mr. Trump embodies the lasting legacy').speaker?.name).toBe('Sonya Herridge');
    expect(quote(qs, 'During the debate Trump said Hispanics').speaker?.name).toBe('Pamela Padilla');
  });

  it('reads two apostrophes as quotation marks and skips an apposition to the speaker (nyt, Sept 16)', () => {
    const text = dev('nyt_2016-09-16_clinton-plan-for-taxes-is-expans.txt');
    const q = quote(quotesOf(text, 'en'), 'It has the important virtue of being fiscally responsible', 'direct');
    expect(q.speaker?.name).toBe('Leonard E. Burman');
  });

  it('numbers a partial quotation inside the reported clause of its cue as part of that attribution (breitbart, Sept 29)', () => {
    const text = dev('breitbart_2016-09-29_politifact-donald-trump-is-right.txt');
    const qs = quotesOf(text, 'en');
    const host = quote(qs, 'there have been “thousands of shootings” in gun-controlled Chicago', 'indirect');
    const partial = qs.find((q) => q.kind === 'direct' && q.text === 'thousands of shootings' && q.start > host.start && q.end < host.end);
    expect(partial?.attribution).toBe(host.attribution);
    expect(quote(qs, 'We have a situation where we have our inner cities', 'direct').attribution).not.toBe(host.attribution);
  });

  it('gives a relative pronoun source its noun phrase as written when the lexicon knows no head for it (nyt, Sept 8)', () => {
    const text = dev('nyt_2016-09-08_obama-on-climate-change-the-tren.txt');
    const q = quote(quotesOf(text, 'en'), 'the planet was warming at an accelerating rate');
    expect(q.source).toBe('which');
    expect(q.speaker).toMatchObject({ name: 'the scientific literature', entity: null, via: 'phrase' });
    expect(text.slice(q.speaker!.antecedentStart, q.speaker!.antecedentEnd)).toBe('the scientific literature');
  });

  it('gives "X, who joked" the relative pronoun as the source as written and X as who that is (nyt, Sept 25)', () => {
    const text = dev('nyt_2016-09-25_obama-says-african-american-muse.txt');
    const q = quote(quotesOf(text, 'en'), "I haven't seen it yet, but I'm going to", 'direct');
    expect(q.speaker).toMatchObject({ name: 'Stevie Wonder', via: 'pronoun' });
    expect(q.source).toBe('who');
    expect(text.slice(q.speaker!.antecedentStart, q.speaker!.antecedentEnd)).toBe('Stevie Wonder');
  });
});
