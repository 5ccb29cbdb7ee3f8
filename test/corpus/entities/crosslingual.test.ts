// One entity for one person, organisation or place across the eight languages of examples/ (issue
// 13): transliterated names ("Benyamin Netanyahou") and translated institutions ("Casa Bianca",
// "Maison Blanche", "Weißen Haus": src/lang/<code>/institutions.json) resolve to the English entity.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../../src/analysis/mentions/index.ts';
import { segmentSentences } from '../../../src/analysis/sentences/segment.ts';
import { EntityResolver } from '../../../src/corpus/entities/resolve.ts';
import { defaultAliasTables, lookupAlias } from '../../../src/corpus/entities/aliases.ts';
import { foldName } from '../../../src/text/fold.ts';

const EXAMPLES = new URL('../../../examples/', import.meta.url);

describe('cross-language entities in examples/', () => {
  const resolver = new EntityResolver();
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.txt')).sort();
  const results = files.map((f) => {
    const text = readFileSync(new URL(f, EXAMPLES), 'utf8');
    const language = /^\d+_([a-z]{2})_/.exec(f)?.[1] ?? 'en';
    return resolver.add({ id: f, language, publishedAt: null, entities: findEntities(text, language, segmentSentences(text, language)) });
  });
  const keyOf = (name: string): Set<string> =>
    new Set(results.flatMap((r) => r.entities.filter((e) => e.name === name || e.mentions.some((m) => m.text === name)).map((e) => resolver.current(e.key!))));

  it('"Benyamin Netanyahou" (the French example) is Benjamin Netanyahu', () => {
    expect([...keyOf('Benyamin Netanyahou')]).toEqual(['per:benjamin-netanyahu']);
  });

  it('the White House is one entity in English, French, Spanish, Portuguese, Italian and German', () => {
    for (const name of ['White House', 'Maison Blanche', 'Casa Blanca', 'Casa Branca', 'Casa Bianca', 'Weißen Haus']) {
      expect([...keyOf(name)], name).toEqual(['org:white-house']);
    }
  });

  it('"Stati Uniti" and "Vereinten Nationen" are the United States and the United Nations', () => {
    expect([...keyOf('Stati Uniti')]).toEqual(['country:US']);
    expect([...keyOf('Vereinten Nationen')]).toEqual(['org:un']);
  });

  it('reads the names of each language folder into the alias tables', () => {
    const tables = defaultAliasTables();
    const hit = (name: string, language: string) => {
      const r = lookupAlias(tables, foldName(name), { language, allCaps: false });
      return r.status === 'found' ? r.hit.entity.key : r.status;
    };
    expect(hit('Vita huset', 'sv')).toBe('org:white-house');
    expect(hit('Cremlino', 'it')).toBe('org:kremlin');
    expect(hit('Kreml', 'de')).toBe('org:kremlin');
  });
});
