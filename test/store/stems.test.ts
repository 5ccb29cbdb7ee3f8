// Search stems (src/store/stems.ts): which forms of a word share a stem in each language, and how a
// query tree gets the stored forms of its words.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseQuery, type QueryNode } from '../../src/store/query.ts';
import { STEM_LANGUAGES, stemPairs, withStems, type StemKey } from '../../src/store/stems.ts';

const stemIn = (lang: string, word: string) => stemPairs(lang, [word])[0]?.[1];

describe('search stems', () => {
  it('gives the singular and plural (and other inflections) one stem in each of the eight languages', () => {
    const pairs: [string, string, string][] = [
      ['en', 'elections', 'election'],
      ['en', 'negotiations', 'negotiation'],
      ['nl', 'verkiezingen', 'verkiezing'],
      ['nl', 'onderhandelingen', 'onderhandeling'],
      ['de', 'Verhandlungen', 'Verhandlung'],
      ['de', 'Häuser', 'Haus'],
      ['fr', 'négociations', 'négociation'],
      ['fr', 'élections', 'élection'],
      ['es', 'negociaciones', 'negociación'],
      ['pt', 'negociações', 'negociação'],
      ['it', 'negoziati', 'negoziato'],
      ['sv', 'förhandlingar', 'förhandling'],
    ];
    for (const [lang, a, b] of pairs) expect(stemIn(lang, a), `${lang} ${a} / ${b}`).toBe(stemIn(lang, b));
    // Porter2 keeps "news" apart from "new" (Porter's first algorithm does not)
    expect(stemIn('en', 'news')).not.toBe(stemIn('en', 'new'));
    // Snowball's German stemmer keeps the participle apart: "verhandelt" is not found by "Verhandlungen"
    expect(stemIn('de', 'verhandelt')).not.toBe(stemIn('de', 'Verhandlungen'));
    expect(STEM_LANGUAGES).toEqual(expect.arrayContaining(['de', 'en', 'es', 'fr', 'it', 'nl', 'pt', 'sv']));
  });

  it('pairs each distinct word of a text, folded as the index holds it, with its folded stem', () => {
    const text = readFileSync(new URL('../../examples/006_fr_netanyahou-trump.txt', import.meta.url), 'utf8');
    const pairs = new Map(stemPairs('fr', [text]));
    expect(pairs.get('negociations')).toBe('negoci');
    expect(pairs.get('israel')).toBeDefined(); // "Israël"
    expect([...pairs.keys()].every((w) => w === w.toLowerCase() && !/[\u0300-\u036f]/.test(w.normalize('NFD')))).toBe(true);
    expect(stemPairs('ru', [text])).toEqual([]); // no stemmer: exact words only
    expect(stemPairs('fr', [text], (w) => w === 'negociations').some(([w]) => w === 'negociations')).toBe(false);
  });

  it('gives unquoted words the stored forms of their stems, leaving phrases, prefixes and hyphenated words exact', async () => {
    const stored = [
      ['fr', 'negoci', 'negociations'],
      ['fr', 'negoci', 'negociation'],
      ['en', 'elect', 'elections'],
      ['en', 'elect', 'elected'],
    ];
    const asked: StemKey[] = [];
    const lookup = async (keys: StemKey[]) => {
      asked.push(...keys);
      return stored.filter(([l, s]) => keys.some((k) => k.lang === l && k.stem === s)).map(([lang, stem, word]) => ({ lang, stem, word }));
    };
    const tree = await withStems(parseQuery('Négociation "elections" elect* cease-fire -election'), lookup);
    const [neg, phrase, prefix, hyphen, not] = (tree as Extract<QueryNode, { type: 'and' }>).children;
    expect(neg).toMatchObject({ type: 'term', variants: ['negociation', 'negociations'] });
    expect(phrase).not.toHaveProperty('variants');
    expect(prefix).not.toHaveProperty('variants');
    expect(hyphen).not.toHaveProperty('variants');
    expect(not).toMatchObject({ type: 'not', child: { variants: ['election', 'elected', 'elections'] } });
    expect(new Set(asked.map((k) => k.lang))).toEqual(new Set(STEM_LANGUAGES));
    // a word with no other stored form stays as it was
    expect(await withStems(parseQuery('Zanzibar'), lookup)).toEqual(parseQuery('Zanzibar'));
  });
});
