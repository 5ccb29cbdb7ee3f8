// Reported speech beyond "said that": particle verbs ("pointed out that", "wees erop dat"), verbs
// of finding and ruling, noun cues with a that-clause ("Trump’s claim that", "de bewering van X
// dat"), and where such a clause ends. Written sentences plus PolNeAR dev sentences.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectExactSlices, noQuote, quote, quotesOf } from './helpers.ts';
import { dataPath } from '../../../support/data.ts';
import { hasData } from '../../helpers/needs.ts';

const read = (text: string, lang: string) => {
  const qs = quotesOf(text, lang);
  expectExactSlices(text, qs);
  return qs;
};
const dev = (name: string) => readFileSync(dataPath('polnear', 'dev', 'text', name), 'utf8');

describe('particle and phrasal cue verbs (en)', () => {
  it('reads "pointed out that" with an adverb before the verb, and "made clear that"', () => {
    const qs = read('Senator Mary Hill then pointed out that the bill had never been funded. Governor Tom Reed made it clear that no new taxes would be raised this year.', 'en');
    const a = quote(qs, 'the bill had never been funded', 'indirect');
    expect([a.speaker?.name, a.cue]).toEqual(['Mary Hill', 'pointed out']);
    const b = quote(qs, 'no new taxes would be raised this year', 'indirect');
    expect([b.speaker?.name, b.cue]).toEqual(['Tom Reed', 'made it clear']);
  });

  it('reads rulings, estimates and findings, with or without "that"', () => {
    const qs = read('The appeals court ruled that the state’s practices violated federal law. The Tax Foundation estimates that the plan would cost $374 billion. One study found the plan would raise taxes on eight million families. A new poll shows a close race in the state.', 'en');
    expect(quote(qs, 'the state’s practices violated federal law', 'indirect').speaker?.name).toBe('The appeals court');
    expect(quote(qs, 'the plan would cost $374 billion', 'indirect').speaker?.name).toBe('The Tax Foundation');
    expect(quote(qs, 'the plan would raise taxes', 'indirect').speaker?.name).toBe('One study');
    expect(quote(qs, 'a close race in the state', 'indirect').speaker?.name).toBe('A new poll');
  });

  it('does not take a particle ("showed up") or a gerund of finding for a reported clause', () => {
    const qs = read('The real Donald Trump showed up at the debate on Monday. Cooperating and finding what we have in common is the way forward.', 'en');
    expect(qs).toEqual([]);
  });

  it('ends the reported clause at a semicolon and at the parenthesis it stands in', () => {
    const qs = read('The Tax Policy Center estimates that the plan would raise $1.1 trillion; other groups put the figure far lower. Video surfaced of the candidate (her campaign later disclosed that she has pneumonia).', 'en');
    expect(quote(qs, 'the plan would raise', 'indirect').text).toBe('the plan would raise $1.1 trillion');
    expect(quote(qs, 'she has pneumonia', 'indirect')).toMatchObject({ text: 'she has pneumonia', speaker: { name: 'her campaign' } });
  });
});

describe('noun cues with a that-clause (en)', () => {
  it('takes the possessor as the source: a name, a possessive pronoun', () => {
    const qs = read('Senator John Smith spoke on Monday. Economists rejected John Smith’s claim that the bill would cut taxes for everyone. They also questioned his assertion that the deficit would shrink by 2020.', 'en');
    const a = quote(qs, 'the bill would cut taxes for everyone', 'indirect');
    expect([a.speaker?.name, a.cue]).toEqual(['John Smith', 'claim']);
    const b = quote(qs, 'the deficit would shrink by 2020', 'indirect');
    expect([b.speaker?.name, b.cue]).toEqual(['John Smith', 'assertion']);
  });

  it('takes the source from a by-phrase, and ends the clause at its comma', () => {
    const qs = read('Reporters asked about the statement by the Defense Department that no troops would be sent. Contrary to Governor Ann Lee’s claim that the roads were cleared within hours, many towns waited for days.', 'en');
    expect(quote(qs, 'no troops would be sent', 'indirect').speaker?.name).toBe('the Defense Department');
    expect(quote(qs, 'the roads were cleared within hours', 'indirect')).toMatchObject({ text: 'the roads were cleared within hours', speaker: { name: 'Ann Lee' } });
  });

  it('skips a noun cue without a source, a relative clause reading, and a noun cue opening its clause', () => {
    const qs = read('Senator John Smith spoke on Monday. The claim that the bill would cut taxes was repeated on television. His claim that the bill would cut taxes for everyone was rejected by economists.', 'en');
    noQuote(qs, 'the bill would cut taxes');
  });
});

describe('Dutch cue verbs and noun cues (nl)', () => {
  it('leest "wees erop dat", "stelde dat" en een gescheiden werkwoord met het onderwerp ertussen', () => {
    const qs = read('Premier Mark Rutte wees erop dat het kabinet nog geen besluit heeft genomen. Minister Hugo de Jonge stelde dat de maatregelen werken. Later maakte hij duidelijk dat er geen nieuwe regels komen.', 'nl');
    const a = quote(qs, 'het kabinet nog geen besluit heeft genomen', 'indirect');
    expect([a.speaker?.name, a.cue]).toEqual(['Mark Rutte', 'wees erop']);
    expect(quote(qs, 'de maatregelen werken', 'indirect').speaker?.name).toBe('Hugo de Jonge');
    const c = quote(qs, 'er geen nieuwe regels komen', 'indirect');
    expect([c.speaker?.name, c.cue]).toEqual(['Hugo de Jonge', 'maakte']);
  });

  it('neemt bij "de bewering van X dat" X als bron, maar niet een bewering aan het begin van de zin', () => {
    const qs = read('De oppositie reageerde fel op de bewering van Geert Wilders dat de grenzen dicht moeten voor iedereen. Zijn bewering dat de grenzen dicht moeten, werd door de coalitie verworpen.', 'nl');
    const q = quote(qs, 'de grenzen dicht moeten voor iedereen', 'indirect');
    expect([q.speaker?.name, q.cue]).toEqual(['Geert Wilders', 'bewering']);
    expect(qs.filter((x) => x.kind === 'indirect')).toHaveLength(1);
  });

  it('leest "oordeelde dat"', () => {
    const q = quote(read('De rechter oordeelde dat de staat de uitstoot moet verminderen.', 'nl'), 'de staat de uitstoot moet verminderen', 'indirect');
    expect(q.speaker?.name).toBe('De rechter');
  });
});

describe.runIf(hasData('polnear'))('PolNeAR dev sentences', () => {
  it('reads "Donald Trump’s claim that" and "Politifact then pointed out that" (breitbart, Sept 29)', () => {
    const text = dev('breitbart_2016-09-29_politifact-donald-trump-is-right.txt');
    const qs = read(text, 'en');
    const claim = quote(qs, 'there have been “thousands of shootings” in gun-controlled Chicago', 'indirect');
    expect([claim.speaker?.name, claim.cue]).toEqual(['Donald Trump', 'claim']);
    const point = quote(qs, 'one shooting may have more than one victim', 'indirect');
    expect([point.speaker?.name, point.cue]).toEqual(['Politifact', 'pointed out']);
  });

  it('reads "The appeals court ruled that" (wash-post, Sept 25)', () => {
    const qs = read(dev('wash-post_2016-09-25_federal-court-rules-against-ohio.txt'), 'en');
    expect(quote(qs, "Ohio's practices could unjustifiably remove some eligible voters", 'indirect').speaker?.name).toBe('The appeals court');
  });

  it('reads "one study found" with a bare clause (politico, Oct 4)', () => {
    const qs = read(dev('politico_2016-10-04_trump-not-walking-the-walk-on-hi.txt'), 'en');
    expect(quote(qs, 'Trump would actually raise taxes on 8 million', 'indirect').speaker?.name).toBe('one study');
  });
});
