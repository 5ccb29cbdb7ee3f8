// Cross-article entities on BBC News 2004–05 (../shared/data/bbc), text nobody tuned for: the
// articles' own entity layers (the mentions step) resolved in order; each test is named after what
// went wrong there (issue 11).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../../src/analysis/mentions/index.ts';
import { segmentSentences } from '../../../src/analysis/sentences/segment.ts';
import { EntityResolver, type ResolvedArticle } from '../../../src/corpus/entities/resolve.ts';

const BBC = new URL('../../../../shared/data/bbc/', import.meta.url);

function resolveBbc(files: string[]): { resolver: EntityResolver; results: ResolvedArticle[] } {
  const resolver = new EntityResolver();
  const results = files.map((f) => {
    const text = readFileSync(new URL(f, BBC), 'utf8');
    return resolver.add({ id: f, language: 'en', publishedAt: null, entities: findEntities(text, 'en', segmentSentences(text, 'en')) });
  });
  return { resolver, results };
}

/** name -> the current keys of the local entities so named (or so mentioned), over all articles. */
function keysOf(resolver: EntityResolver, results: ResolvedArticle[], names: string[]): Map<string, Set<string>> {
  const out = new Map(names.map((n) => [n, new Set<string>()]));
  for (const r of results) {
    for (const e of r.entities) {
      for (const n of names) if (e.key && (e.name === n || e.mentions.some((m) => m.text === n))) out.get(n)!.add(resolver.current(e.key));
    }
  }
  return out;
}

describe.skipIf(!existsSync(BBC))('corpus entities on BBC News', () => {
  const politics = ['099', '132', '147', '159', '198', '276', '304', '326', '339'].map((n) => `politics/${n}.txt`);
  const { resolver, results } = resolveBbc(politics);
  const keys = keysOf(resolver, results, ['Tory', 'Tories', 'Conservatives', 'Lib Dems', 'Liberal Democrats', 'Labour']);

  it('"Tory", "Tories" and "Conservatives" are one party, whatever type the tagger gave them', () => {
    for (const n of ['Tory', 'Tories', 'Conservatives']) expect([...keys.get(n)!], n).toEqual(['org:uk-conservative-party']);
    expect(resolver.entity('org:uk-conservative-party')?.type).toBe('ORG');
  });

  it('"Lib Dems" and "Liberal Democrats" are one party', () => {
    for (const n of ['Lib Dems', 'Liberal Democrats']) expect([...keys.get(n)!], n).toEqual(['org:uk-liberal-democrats']);
  });

  it('"Labour" is the party in every article, never a person, and takes no "he" ("a Labour donor to say he", politics/276)', () => {
    expect([...keys.get('Labour')!]).toEqual(['org:uk-labour-party']);
    const names = Object.keys(resolver.entityRows(['org:uk-labour-party'])[0].surfaces).map((s) => s.toLowerCase());
    expect(names.filter((n) => /^(he|him|his|she|her)$/.test(n))).toEqual([]);
    expect(resolver.entities().filter((e) => e.type === 'PER' && /^(labour|tory|tories)$/i.test(e.name))).toEqual([]);
  });

  it('"the Sony Corporation" (entertainment/385) is Sony (business/211)', () => {
    const r = resolveBbc(['business/211.txt', 'entertainment/385.txt']);
    const sony = keysOf(r.resolver, r.results, ['Sony', 'Sony Corporation']);
    expect([...sony.get('Sony')!]).toHaveLength(1);
    expect([...sony.get('Sony Corporation')!]).toEqual([...sony.get('Sony')!]);
  });
});

describe.skipIf(!existsSync(BBC))('corpus entities on BBC News: gender, type and foreign names (issue 11)', () => {
  it('"Mrs Howard" (politics/011 opens on her) and her pronouns are not Michael Howard', () => {
    const { resolver, results } = resolveBbc(['politics/011.txt']);
    const michael = results[0].entities.find((e) => e.name === 'Michael Howard')!;
    expect(michael.mentions.map((m) => m.text.toLowerCase())).not.toContain('her');
    const surfaces = Object.keys(resolver.entityRows([michael.key!])[0].surfaces).map((s) => s.toLowerCase());
    expect(surfaces.filter((n) => /^(she|her|herself)$/.test(n))).toEqual([]);
    const wife = results[0].entities.find((e) => e.mentions.some((m) => m.text.toLowerCase() === 'her'));
    expect(wife && resolver.current(wife.key!)).not.toBe(resolver.current(michael.key!));
  });

  it('"Sina" the Chinese web company (business/208) is not China, though Breton names China so', () => {
    const { results } = resolveBbc(['business/208.txt']);
    const sina = results[0].entities.find((e) => e.name === 'Sina');
    expect(sina?.key).toBeDefined();
    expect(sina!.key).not.toBe('country:CN');
  });

  it('"US Airways" (business/348) and "University of St Andrews" (entertainment/013) are not the United States by their initials', () => {
    const { resolver, results } = resolveBbc(['business/348.txt', 'entertainment/013.txt']);
    // the country first, as in a corpus that has named it before
    const r = resolveBbc(['business/394.txt', 'business/348.txt', 'entertainment/013.txt']);
    for (const { resolver: res, results: out } of [{ resolver, results }, r]) {
      for (const name of ['US Airways', 'University of St Andrews']) {
        const e = out.flatMap((x) => x.entities).find((x) => x.name === name);
        expect(e && res.current(e.key!), name).not.toBe('country:US');
      }
    }
  });

  it('Xbox, tagged as a place, an organisation, a person and other in turn (tech/015 … tech/134), is not typed a place or a person', () => {
    const files = ['015', '052', '057', '112', '125', '130', '134'].map((n) => `tech/${n}.txt`);
    const { resolver, results } = resolveBbc(files);
    const keys = new Set(results.flatMap((r) => r.entities.filter((e) => e.name === 'Xbox').map((e) => resolver.current(e.key!))));
    expect(keys.size).toBe(1);
    const type = resolver.entity([...keys][0])!.type;
    expect(['ORG', 'MISC']).toContain(type);
  });
});
