// Names that names alone do not join, joined by the company they keep (issue 11, ECB+ dev): team
// nicknames, facility names with and without their facility words, name blends, a given name alone,
// acronyms with "The". Each needs the known entity to have been named before with entities of the
// article; the counter-cases (the same names without that company) stay apart. Sentences from ECB+
// (topics 1, 2, 5 and 6).
import { describe, expect, it } from 'vitest';
import { EntityResolver } from '../../../src/corpus/entities/resolve.ts';
import { layer, type EntitySpec } from './seeds.ts';

/** Resolves the articles in order and returns the current key of each named local entity, by article. */
function resolve(articles: [string, EntitySpec[]][]): { key: (article: number, name: string) => string; resolver: EntityResolver } {
  const resolver = new EntityResolver();
  const keys = articles.map(([text, specs], i) => {
    const r = resolver.add({ id: `a${i}`, language: 'en', publishedAt: null, entities: layer(text, specs) });
    return new Map(r.entities.map((e) => [e.name, e.key!]));
  });
  return { resolver, key: (a, name) => resolver.current(keys[a].get(name)!) };
}

const CHEEKS_76ERS: [string, EntitySpec[]] = [
  'The Philadelphia 76ers fired coach Maurice Cheeks on Saturday, one day after the team continued its slide with a season-worst offensive effort, dpa reported.',
  [{ type: 'ORG', name: 'Philadelphia 76ers' }, { type: 'PER', name: 'Maurice Cheeks' }, { type: 'ORG', name: 'dpa' }],
];

describe('nicknames joined by the company they keep (ECB+)', () => {
  it('"Sixers" (76ers read out) and "Philly" (Philadelphia clipped) are the Philadelphia 76ers of an article naming Cheeks (5_10ecb, 5_2ecbplus)', () => {
    const { key } = resolve([
      CHEEKS_76ERS,
      ['Cheeks, who played for the Sixers for 11 seasons and served as an assistant coach for seven, was named coach after Jim O\'Brien was relieved of his coaching duties.', [
        { type: 'PER', name: 'Cheeks' }, { type: 'ORG', name: 'Sixers' }, { type: 'PER', name: "Jim O'Brien" },
      ]],
      ['The former point guard always remained popular with Philly fans and Maurice Cheeks was at the top of the short list to take over for Ford.', [
        { type: 'ORG', name: 'Philly' }, { type: 'PER', name: 'Maurice Cheeks' },
      ]],
    ]);
    expect(key(1, 'Sixers')).toBe(key(0, 'Philadelphia 76ers'));
    expect(key(2, 'Philly')).toBe(key(0, 'Philadelphia 76ers'));
  });

  it('without the company, "Sixers" stays its own organisation', () => {
    const { key } = resolve([
      CHEEKS_76ERS,
      ['The Sixers have dropped their last three and are just 2-8 in their last ten.', [{ type: 'ORG', name: 'Sixers' }]],
    ]);
    expect(key(1, 'Sixers')).not.toBe(key(0, 'Philadelphia 76ers'));
  });

  it('"Morningside" and "Morningside Recovery Center" are one facility in articles naming Lohan (1_9ecbplus, 1_12ecbplus); "LiLo" is Lindsay Lohan (1_4ecbplus)', () => {
    const { key } = resolve([
      ['Lindsay Lohan had checked into Morningside Recovery Center Thursday morning, but then left because "she was not happy with the place," her father said.', [
        { type: 'PER', name: 'Lindsay Lohan' }, { type: 'LOC', name: 'Morningside Recovery Center' },
      ]],
      ['Lohan reportedly pulled up to Morningside in an SUV but the vehicle left without the actress ever getting out.', [
        { type: 'PER', name: 'Lohan' }, { type: 'LOC', name: 'Morningside' },
      ]],
      ['According to the NYDN, LiLo showed up to Morningside at around noon, spent a couple of minutes there and then jumped back into her SUV.', [
        { type: 'ORG', name: 'NYDN' }, { type: 'PER', name: 'LiLo' }, { type: 'LOC', name: 'Morningside' },
      ]],
    ]);
    expect(key(1, 'Morningside')).toBe(key(0, 'Morningside Recovery Center'));
    expect(key(2, 'LiLo')).toBe(key(0, 'Lindsay Lohan'));
  });

  it('"Craig" alone is Craig Zadan in an article naming the Academy and the Oscars, which he was named with (2_7ecbplus, 2_4ecbplus)', () => {
    const { key } = resolve([
      ['Television icon Ellen DeGeneres will return to host the Oscars for a second time, producers Craig Zadan and Neil Meron announced today, the Academy said.', [
        { type: 'PER', name: 'Ellen DeGeneres' }, { type: 'MISC', name: 'Oscars' }, { type: 'PER', name: 'Craig Zadan' }, { type: 'PER', name: 'Neil Meron' }, { type: 'ORG', name: 'Academy' },
      ]],
      ['Ellen DeGeneres will host this year\'s Oscars. Newly elected Academy President Boone Isaacs said, "I agreed with Craig immediately that Ellen is the ideal host for this year\'s show."', [
        { type: 'PER', name: 'Ellen DeGeneres', forms: ['Ellen DeGeneres', 'Ellen'] }, { type: 'MISC', name: 'Oscars' }, { type: 'ORG', name: 'Academy' }, { type: 'PER', name: 'Boone Isaacs' }, { type: 'PER', name: 'Craig' },
      ]],
      // one shared name is not enough
      ['Craig said the show went well at the Oscars.', [{ type: 'PER', name: 'Craig' }, { type: 'MISC', name: 'Oscars' }]],
    ]);
    expect(key(1, 'Craig')).toBe(key(0, 'Craig Zadan'));
    expect(key(2, 'Craig')).not.toBe(key(0, 'Craig Zadan'));
  });

  it('"THR" is The Hollywood Reporter in an article naming Gary Ross (6_4ecbplus, 6_1ecbplus)', () => {
    const { key } = resolve([
      ['The Hollywood Reporter says Gary Ross is set to meet with Lionsgate officials on Monday to resume negotiations.', [
        { type: 'ORG', name: 'Hollywood Reporter' }, { type: 'PER', name: 'Gary Ross' }, { type: 'ORG', name: 'Lionsgate' },
      ]],
      ['While the first movie was a huge success, THR is saying that director Gary Ross is still in negotiations to direct the sequel, Catching Fire.', [
        { type: 'ORG', name: 'THR' }, { type: 'PER', name: 'Gary Ross' }, { type: 'MISC', name: 'Catching Fire' },
      ]],
      ['THR said the union would strike.', [{ type: 'ORG', name: 'THR' }]],
    ]);
    expect(key(1, 'THR')).toBe(key(0, 'Hollywood Reporter'));
    expect(key(2, 'THR')).toBe(key(1, 'THR'));
  });

  it('"THR" with no company in common is not The Hollywood Reporter', () => {
    const { key } = resolve([
      ['The Hollywood Reporter says Gary Ross is set to meet with Lionsgate officials on Monday.', [{ type: 'ORG', name: 'Hollywood Reporter' }, { type: 'PER', name: 'Gary Ross' }]],
      ['THR said the union would strike.', [{ type: 'ORG', name: 'THR' }]],
    ]);
    expect(key(1, 'THR')).not.toBe(key(0, 'Hollywood Reporter'));
  });

  it('names differing by a plural word in a long name, "Mt" or a web address are one (ECB+ topics 11, 23, 1)', () => {
    const { key } = resolve([
      ['The Central Election Commission said turnout was high.', [{ type: 'ORG', name: 'Central Election Commission' }]],
      ['The Central Elections Commission announced the results on Monday.', [{ type: 'ORG', name: 'Central Elections Commission' }]],
      ['The climbers died on Mount Cook, New Zealand\'s highest peak.', [{ type: 'LOC', name: 'Mount Cook' }]],
      ['Rescuers recovered the bodies from Mt Cook on Friday.', [{ type: 'LOC', name: 'Mt Cook' }]],
      ['The actress told People she was doing well.', [{ type: 'ORG', name: 'People' }]],
      ['Her representative confirmed the news to People.com.', [{ type: 'ORG', name: 'People.com' }]],
    ]);
    expect(key(1, 'Central Elections Commission')).toBe(key(0, 'Central Election Commission'));
    expect(key(3, 'Mt Cook')).toBe(key(2, 'Mount Cook'));
    expect(key(5, 'People.com')).toBe(key(4, 'People'));
  });
});
