// Dutch through the language-neutral attribution model (no Dutch training data exists): passages
// written and labelled by hand for issue 12 (test/fixtures/quotes-nl-attributions.json) and the
// Dutch seed. The model must add to the rules without breaking what they find.
import { describe, expect, it } from 'vitest';
import { measureQuotesNl, nlFixture } from '../../../support/measure/quotes-nl.ts';
import { quote, quotesOf } from './helpers.ts';

describe('attributions in Dutch (hand-labelled passages, seed 002)', () => {
  it('finds at least what the rules find, with the speaker right, and keeps the seed whole', () => {
    const rules = measureQuotesNl({ model: false });
    const both = measureQuotesNl();
    expect(both.passages.found).toBeGreaterThanOrEqual(rules.passages.found);
    expect(both.passages.speakerRight).toBeGreaterThanOrEqual(rules.passages.speakerRight);
    expect(both.seed.found).toBe(both.seed.gold);
    expect(both.seed.speakerRight).toBe(both.seed.gold);
  });

  it('resolves "zij" to the person, and names an unnamed source with all its words', () => {
    const fx = nlFixture();
    const defensie = quote(quotesOf(fx.passages[6].text, 'nl'), 'twee militairen lichtgewond');
    expect(defensie.speaker).toMatchObject({ name: 'Een woordvoerder van het ministerie van Defensie', entity: null, via: 'unnamed' });
    const kaag = quote(quotesOf(fx.passages[4].text, 'nl'), 'Nederland de nieuwe sancties');
    expect(kaag.speaker).toMatchObject({ name: 'Sigrid Kaag', via: 'pronoun' });
    expect(kaag.source).toBe('Zij');
  });
});

describe('attributions the rules missed (en, attribution model)', () => {
  it('finds a belief, a relative-pronoun source and "according to", with the kind and the evidence', () => {
    const text =
      'Senator Maria Lopez spoke to reporters on Tuesday. She believes the bill will pass the Senate before the summer recess. ' +
      'The plan was criticised by Tom Hale, who warned that it would raise costs for small farms.';
    const qs = quotesOf(text, 'en');
    const belief = quote(qs, 'the bill will pass the Senate');
    expect(belief).toMatchObject({ attributionKind: 'belief', kind: 'indirect', source: 'She' });
    expect(belief.speaker).toMatchObject({ name: 'Maria Lopez', via: 'pronoun' });
    expect(text.slice(belief.speaker!.antecedentStart, belief.speaker!.antecedentEnd)).toContain('Maria Lopez');
    const warned = quote(qs, 'it would raise costs for small farms');
    expect(warned.speaker?.name).toBe('Tom Hale');
    expect(warned.confidence).toBeGreaterThan(0);
  });
});
