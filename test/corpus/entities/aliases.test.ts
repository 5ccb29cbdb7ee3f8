import { describe, expect, it } from 'vitest';
import { defaultAliasTables, lookupAlias } from '../../../src/corpus/entities/aliases.ts';
import { isAllCaps } from '../../../src/corpus/entities/normalise.ts';
import { foldName } from '../../../src/text/fold.ts';

const tables = defaultAliasTables();

function keyOf(name: string, language: string): string | null {
  const r = lookupAlias(tables, foldName(name), { language, allCaps: isAllCaps(name) });
  return r.status === 'found' ? r.hit.entity.key : r.status === 'ambiguous' ? `ambiguous:${r.candidates.map((c) => c.entity.key).join(',')}` : null;
}

describe('country aliases', () => {
  it('maps the ways the examples write the United States to one key', () => {
    expect(keyOf('US', 'en')).toBe('country:US');
    expect(keyOf('U.S.', 'en')).toBe('country:US');
    expect(keyOf('United States', 'en')).toBe('country:US');
    expect(keyOf('VS', 'nl')).toBe('country:US');
    expect(keyOf('Verenigde Staten', 'nl')).toBe('country:US');
  });

  it('knows Dutch short names from i18n-iso-countries', () => {
    expect(keyOf('Israël', 'nl')).toBe('country:IL');
    expect(keyOf('Zuid-Afrika', 'nl')).toBe('country:ZA');
    expect(keyOf('Verenigd Koninkrijk', 'nl')).toBe('country:GB');
  });

  it('covers many languages', () => {
    expect(keyOf('Vereinigte Staaten', 'de')).toBe('country:US');
    expect(keyOf('États-Unis', 'fr')).toBe('country:US');
    expect(keyOf('Estados Unidos', 'es')).toBe('country:US');
    expect(keyOf('Südafrika', 'de')).toBe('country:ZA');
    expect(tables.countries.size).toBeGreaterThan(10000);
  });

  it('matches short acronyms only in capitals and short names only in their own language', () => {
    expect(keyOf('us', 'en')).toBeNull();
    expect(keyOf('VS', 'en')).toBeNull();
    expect(keyOf('Mỹ', 'vi')).toBe('country:US');
    expect(keyOf('My', 'en')).toBeNull();
  });

  it('reports a name shared by two countries as ambiguous', () => {
    expect(keyOf('Congo', 'en')).toBe('ambiguous:country:CG,country:CD');
  });
});

describe('organisation and place aliases', () => {
  it('maps names in several languages and acronyms to one organisation', () => {
    expect(keyOf('Internationaal Strafhof', 'nl')).toBe('org:icc');
    expect(keyOf('International Criminal Court', 'en')).toBe('org:icc');
    expect(keyOf('ICC', 'en')).toBe('org:icc');
    expect(keyOf('Cour pénale internationale', 'fr')).toBe('org:icc');
    expect(keyOf('Internationaal Gerechtshof', 'nl')).toBe('org:icj');
    expect(keyOf('Verenigde Naties', 'nl')).toBe('org:un');
    expect(keyOf('VN', 'nl')).toBe('org:un');
    expect(keyOf('NAVO', 'nl')).toBe('org:nato');
    expect(keyOf('Nato', 'en')).toBe('org:nato');
    expect(keyOf('Rode Kruis', 'nl')).toBe('org:icrc');
    expect(keyOf('Israëlisch leger', 'nl')).toBe('org:idf');
    expect(keyOf('Europese Unie', 'nl')).toBe('org:eu');
  });

  it('does not read an acronym into an ordinary word', () => {
    expect(keyOf('Who', 'en')).toBeNull();
    expect(keyOf('WHO', 'en')).toBe('org:who');
  });

  it('maps Gaza and the Gaza Strip to one region', () => {
    expect(keyOf('Gaza', 'en')).toBe('loc:gaza-strip');
    expect(keyOf('Gazastrook', 'nl')).toBe('loc:gaza-strip');
    expect(keyOf('Gaza City', 'en')).toBe('loc:gaza-city');
  });

  it('has no alias naming both a country and an organisation or region', () => {
    const owners = new Map<string, Set<string>>();
    for (const table of [tables.organisations, tables.places, tables.countries]) {
      for (const [alias, keys] of table.aliases()) {
        const set = owners.get(alias) ?? new Set<string>();
        for (const k of keys) set.add(k.split(':')[0]);
        owners.set(alias, set);
      }
    }
    const mixed = [...owners].filter(([, kinds]) => kinds.size > 1).map(([a]) => a);
    expect(mixed).toEqual([]);
  });
});
