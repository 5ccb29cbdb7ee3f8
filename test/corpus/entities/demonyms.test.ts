// Nationality words (demonyms) as one entity across articles and languages: "Israeli" (en) and
// "Israëlische" (nl) are demonym:IL, related to the country Israel but not the country itself.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import countries from 'i18n-iso-countries';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { type AliasLookupOptions, defaultAliasTables, lookupAlias } from '../../../src/corpus/entities/aliases.ts';
import { demonymForms, demonymFormsOf, inflect, nationalityOf } from '../../../src/corpus/entities/demonym-forms.ts';
import type { DemonymsFile as DemonymFile } from '../../../src/lang/schema.ts';
import { formatExplanation } from '../../../src/corpus/entities/explain.ts';
import { cleanName, isAllCaps } from '../../../src/corpus/entities/normalise.ts';
import { foldName } from '../../../src/text/fold.ts';
import { type ArticleEntities, EntityResolver, type ResolvedArticle } from '../../../src/corpus/entities/resolve.ts';
import { openSqliteStore } from '../../../src/store/sqlite/index.ts';
import type { EntityLayer } from '../../../src/types.ts';
import { exampleItems } from './examples.ts';
import { type EntitySpec, article, layer, seed000, seed001, seed002, seed003, seed004 } from './seeds.ts';
import { openCorpus } from '../../../src/corpus/index.ts';

const tables = defaultAliasTables();

/** The key a name stands for in an article of `language` (as the resolver looks it up), or a note. */
function keyOf(name: string, language: string, type?: AliasLookupOptions['type']): string | null {
  const r = lookupAlias(tables, foldName(name), { language, allCaps: isAllCaps(name), type });
  return r.status === 'found' ? r.hit.entity.key : r.status === 'ambiguous' ? `ambiguous:${r.candidates.map((c) => c.entity.key).sort().join(',')}` : null;
}

describe('the demonym table', () => {
  it('knows English demonyms, their plurals and multi-word ones, from world-countries', () => {
    expect(keyOf('Israeli', 'en')).toBe('demonym:IL');
    expect(keyOf('Israelis', 'en')).toBe('demonym:IL');
    expect(keyOf('Palestinians', 'en')).toBe('demonym:PS');
    expect(keyOf('Americans', 'en')).toBe('demonym:US');
    expect(keyOf('Qataris', 'en')).toBe('demonym:QA');
    expect(keyOf('Saudi Arabian', 'en')).toBe('demonym:SA');
    expect(keyOf('Saudi Arabians', 'en')).toBe('demonym:SA');
    // Forms the language data adds.
    expect(keyOf('Saudis', 'en')).toBe('demonym:SA');
    expect(keyOf('Danes', 'en')).toBe('demonym:DK');
    // Uninflected plurals: no "Swisses" or "Frenchs".
    expect(keyOf('Swiss', 'en')).toBe('demonym:CH');
    expect(keyOf('Swisses', 'en')).toBeNull();
    expect(keyOf('Frenchs', 'en')).toBeNull();
    expect(keyOf('Czechs', 'en')).toBe('demonym:CZ');
  });

  it('prefers a sovereign country to its territories, and leaves a demonym of two countries undecided', () => {
    expect(keyOf('French', 'en')).toBe('demonym:FR'); // also the French Southern Lands'
    expect(keyOf('American', 'en')).toBe('demonym:US'); // also the Northern Mariana Islands'
    expect(keyOf('Dutch', 'en')).toBe('demonym:NL');
    expect(keyOf('Congolese', 'en')).toBe('ambiguous:demonym:CD,demonym:CG');
    const r = new EntityResolver();
    r.add({ id: 'congo', language: 'en', publishedAt: null, entities: [{ id: 'e1', name: 'Congolese', type: 'MISC', mentions: [{ start: 0, end: 9, text: 'Congolese' }] }] });
    expect(r.explain('Congolese').entities[0]).toMatchObject({
      key: 'misc:congolese',
      links: [{ rule: 'new', reason: "first mention of 'Congolese'; 'Congolese' is an alias of Congolese (DR Congo), Congolese (Republic of the Congo), so none was chosen" }],
    });
  });

  it('knows Dutch adjectives (+e) and inhabitant nouns with their plurals, from src/lang/nl/demonyms.json', () => {
    const cases: [string, string][] = [
      ['Israëlische', 'IL'], ['Israëlisch', 'IL'], ['Israëliër', 'IL'], ['Israëliërs', 'IL'], ["Israëli's", 'IL'],
      ['Palestijnse', 'PS'], ['Palestijnen', 'PS'], ['Palestijn', 'PS'],
      ['Amerikaanse', 'US'], ['Amerikanen', 'US'], ['Oostenrijkse', 'AT'], ['Oostenrijkers', 'AT'],
      ['Belgische', 'BE'], ['Belgen', 'BE'], ['Franse', 'FR'], ['Fransen', 'FR'], ['Duitse', 'DE'], ['Duitsers', 'DE'],
      ['Chinese', 'CN'], ['Chinezen', 'CN'], ['Britse', 'GB'], ['Britten', 'GB'], ['Russen', 'RU'], ['Noren', 'NO'],
      ['Egyptenaren', 'EG'], ['Qatarese', 'QA'], ["Saoedi's", 'SA'], ['Saoedi-Arabische', 'SA'], ['Zuid-Afrikaanse', 'ZA'],
      ['Sri Lankaanse', 'LK'], ['Ieren', 'IE'], ['Finnen', 'FI'],
    ];
    for (const [name, code] of cases) expect([name, keyOf(name, 'nl')]).toEqual([name, `demonym:${code}`]);
  });

  it('knows French demonyms (m, f, plural) from world-countries', () => {
    for (const name of ['israélien', 'Israélienne', 'israéliens', 'Israéliennes']) expect(keyOf(name, 'fr')).toBe('demonym:IL');
    expect(keyOf('Français', 'fr')).toBe('demonym:FR');
    expect(keyOf('Françaises', 'fr')).toBe('demonym:FR');
    expect(keyOf('Américains', 'fr')).toBe('demonym:US');
  });

  it('matches a demonym in its own language, and English ones everywhere', () => {
    expect(keyOf('Israeli', 'nl')).toBe('demonym:IL');
    expect(keyOf('Amerikaanse', 'en')).toBeNull();
    expect(keyOf('israélien', 'nl')).toBeNull();
  });

  it('lets the name of a country win over a demonym written the same way', () => {
    expect(keyOf('Polen', 'nl')).toBe('country:PL'); // the plural of Pool, and the country
    expect(keyOf('Zweden', 'nl')).toBe('country:SE');
    expect(keyOf('Djibouti', 'en')).toBe('country:DJ');
    expect(keyOf('Vatican', 'en')).toBe('country:VA');
  });

  it('never reads a MISC mention as a country through a name in another language', () => {
    expect(keyOf('Israeli', 'en', 'MISC')).toBe('demonym:IL'); // the Swahili name of Israel
    expect(keyOf('Vereinigte Staaten', 'en', 'LOC')).toBe('country:US');
    expect(keyOf('Vereinigte Staaten', 'en', 'MISC')).toBeNull();
    expect(keyOf('Vereinigte Staaten', 'de', 'MISC')).toBe('country:US');
    expect(keyOf('Israel', 'en', 'MISC')).toBe('country:IL');
  });

  it('does not read a compound as a nationality', () => {
    expect(keyOf('US-backed', 'en', 'MISC')).toBeNull();
    expect(keyOf('Israeli-Palestinian', 'en', 'MISC')).toBeNull();
    expect(keyOf('Amerikaans-Israëlische', 'nl', 'MISC')).toBeNull();
  });

  it('keeps the countries as they were: VS, U.S., Israël, Zuid-Afrika', () => {
    expect(keyOf('VS', 'nl')).toBe('country:US');
    expect(keyOf('U.S.', 'en')).toBe('country:US');
    expect(keyOf('Israël', 'nl')).toBe('country:IL');
    expect(keyOf('Zuid-Afrika', 'nl', 'LOC')).toBe('country:ZA');
    expect(keyOf('Internationaal Strafhof', 'nl', 'ORG')).toBe('org:icc');
  });

  it('has no demonym that is also the name of an organisation or region', () => {
    const demonyms = new Set([...tables.demonyms.aliases()].map(([a]) => a));
    const clashes = [tables.organisations, tables.places].flatMap((t) => [...t.aliases()].map(([a]) => a).filter((a) => demonyms.has(a)));
    expect(clashes).toEqual([]);
    expect(demonyms.size).toBeGreaterThan(1500);
  });

  it('relates each nationality to its country', () => {
    expect(tables.demonyms.entity('demonym:IL')).toMatchObject({ name: 'Israeli', type: 'MISC', of: { key: 'country:IL', name: 'Israel' } });
    expect(nationalityOf('demonym:PS')).toEqual({ key: 'country:PS', name: 'Palestine' });
    expect(nationalityOf('country:PS')).toBeUndefined();
    for (const [, keys] of tables.demonyms.aliases()) {
      for (const k of keys) expect(tables.countries.entity(tables.demonyms.entity(k)!.of!.key)).toBeDefined();
    }
  });
});

describe('the Dutch demonym data', () => {
  const file = JSON.parse(readFileSync(join(import.meta.dirname, '../../../src/lang/nl/demonyms.json'), 'utf8')) as DemonymFile;

  it('covers every country i18n-iso-countries names in Dutch, or says it left it out', () => {
    const given = Object.keys(file.countries ?? {});
    const left = file.leftOut ?? [];
    expect(given.filter((c) => left.includes(c))).toEqual([]);
    expect([...given, ...left].sort()).toEqual(Object.keys(countries.getNames('nl')).sort());
    expect(given.length).toBeGreaterThan(180);
    expect(file.origin).toMatch(/Taalunie/);
  });

  it('gives every adjective an inflected form and every inhabitant noun a plural', () => {
    const forms = demonymFormsOf('nl', file);
    for (const [code, e] of Object.entries(file.countries ?? {})) {
      const of = forms.filter((f) => f.code === code);
      expect([code, of.filter((f) => f.class === 'inflected').length]).toEqual([code, (e.adjective ?? []).length]);
      if (!e.plural) expect([code, of.filter((f) => f.class === 'plural').length]).toEqual([code, (e.noun ?? []).length]);
    }
  });

  it('inflects by the rules of the file', () => {
    const rules = file.inflections!;
    const plural = (noun: string): string | null => inflect(noun, rules.plural.rules);
    const inflected = (adjective: string): string | null => inflect(adjective, rules.inflected.rules);
    expect(['Israëlisch', 'Amerikaans', 'Chinees', 'Portugees', 'Frans', 'Oostenrijks'].map(inflected)).toEqual([
      'Israëlische', 'Amerikaanse', 'Chinese', 'Portugese', 'Franse', 'Oostenrijkse',
    ]);
    expect(['Israëliër', 'Palestijn', 'Amerikaan', 'Duitser', 'Hongaar', 'Chinees', 'Zweed', 'Pool', 'Cyprioot', 'Kirgies', 'Saoedi', 'Belg'].map(plural)).toEqual([
      'Israëliërs', 'Palestijnen', 'Amerikanen', 'Duitsers', 'Hongaren', 'Chinezen', 'Zweden', 'Polen', 'Cyprioten', 'Kirgiezen', "Saoedi's", 'Belgen',
    ]);
  });
});

describe('demonym data of a language, as data', () => {
  it('reads base forms, alternatives, inflections and explicit forms from a file of its own', () => {
    // German, written for this test: adjective + e, explicit plural for a noun the rules miss.
    const de: DemonymFile = {
      modifiers: ['inflected'],
      inflections: { inflected: { of: ['adjective'], rules: [['', 'e']] }, plural: { of: ['noun'], number: 'plural', rules: [['er', 'er'], ['', 'en']] } },
      countries: { AT: { adjective: ['österreichisch'], noun: ['Österreicher'] }, IL: { adjective: ['israelisch'], noun: ['Israeli'], plural: ['Israelis'] } },
    };
    const forms = demonymFormsOf('de', de).map((f) => `${f.code} ${f.class} ${f.number}${f.modifier ? ' modifier' : ''}: ${f.form}`);
    expect(forms.sort()).toEqual([
      'AT adjective singular: österreichisch',
      'AT inflected singular modifier: österreichische',
      'AT noun singular: Österreicher',
      'IL adjective singular: israelisch',
      'IL inflected singular modifier: israelische',
      'IL noun singular: Israeli',
      'IL plural plural: Israelis',
    ]);
    expect(() => demonymFormsOf('de', { countries: { XX: { adjective: ['x'] } } })).toThrow(/unknown country code XX/);
  });

  it('splits a world-countries string that lists several forms', () => {
    const en = demonymForms().filter((f) => f.language === 'en' && f.code === 'AG' && f.class === 'adjective');
    expect(en.map((f) => f.form)).toEqual(['Antiguan', 'Barbudan']);
  });

  it('serves name cleaning from the same source: country adjectives in front of titles', () => {
    expect(cleanName('Israeli Prime Minister Benjamin Netanyahu', { language: 'en', type: 'PER' }).display).toBe('Benjamin Netanyahu');
    expect(cleanName('Saudi Foreign Minister Faisal bin Farhan', { language: 'en', type: 'PER' }).display).toBe('Faisal bin Farhan');
    expect(cleanName('de Israëlische premier Netanyahu', { language: 'nl', type: 'PER' }).display).toBe('Netanyahu');
    expect(cleanName('le Premier ministre israélien Netanyahu', { language: 'fr', type: 'PER' }).display).toBe('Netanyahu');
    // The uninflected Dutch adjective "Frans" is also a first name: it is not stripped.
    expect(cleanName('minister Frans Timmermans', { language: 'nl', type: 'PER' }).display).toBe('Frans Timmermans');
  });
});

/** Runs the CLI in-process; returns what it printed on stdout. */
async function dossier(...args: string[]): Promise<string> {
  const out: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((x) => (out.push(String(x)), true));
  try {
    await main(['node', 'dossier', ...args]);
  } finally {
    stdout.mockRestore();
  }
  expect(process.exitCode ?? 0).toBe(0);
  return out.join('');
}

/** A seed article with more entities (ids d1, d2, ...): the nationality words it writes. */
function withMore(seed: ArticleEntities & { text: string }, specs: EntitySpec[]): ArticleEntities & { text: string } {
  const more = layer(seed.text, specs).map((e, n): EntityLayer => ({ ...e, id: `d${n + 1}` }));
  return { ...seed, entities: [...seed.entities, ...more] };
}

const palestinian: EntitySpec = { type: 'MISC', name: 'Palestinian', except: ['Palestinian Authority'] };
const articles = [
  withMore(seed000, [{ type: 'MISC', name: 'Israeli' }, palestinian, { type: 'MISC', name: 'Palestinians' }, { type: 'MISC', name: 'US-backed' }]),
  withMore(seed001, [{ type: 'MISC', name: 'Israeli' }, palestinian]),
  withMore(seed002, [
    { type: 'MISC', name: 'Israëlische' },
    { type: 'MISC', name: 'Palestijnse' },
    { type: 'MISC', name: 'Palestijnen' },
    { type: 'MISC', name: 'Amerikaanse' },
    { type: 'MISC', name: 'Oostenrijkse' },
  ]),
  withMore(seed003, [{ type: 'MISC', name: 'Israeli' }, { type: 'MISC', name: 'American' }, { type: 'MISC', name: 'Palestinians' }, { type: 'PER', name: 'Qataris' }]),
  withMore(seed004, [{ type: 'MISC', name: 'Israeli' }, { type: 'MISC', name: 'Saudi Arabian' }]),
];

function keyIn(resolver: EntityResolver, result: ResolvedArticle, name: string): string {
  const e = result.entities.find((x) => x.name === name);
  if (!e?.key) throw new Error(`no resolved entity ${name} in ${result.articleId}`);
  return resolver.current(e.key);
}

describe('nationalities in the five example articles', () => {
  const resolver = new EntityResolver();
  const results = articles.map((a) => resolver.add(a));
  const [r000, r001, r002, r003, r004] = results;

  it('makes "Israeli" (en) and "Israëlische" (nl) one entity across all five articles', () => {
    const keys = [r000, r001, r003, r004].map((r) => keyIn(resolver, r, 'Israeli'));
    expect(new Set([...keys, keyIn(resolver, r002, 'Israëlische')])).toEqual(new Set(['demonym:IL']));
    const e = resolver.entity('demonym:IL')!;
    expect(e).toMatchObject({ name: 'Israeli', type: 'MISC', source: 'demonym', nationalityOf: { key: 'country:IL', name: 'Israel' } });
    expect(e.articleIds).toHaveLength(5);
    expect(e.aliases.map((a) => a.name).sort()).toEqual(['Israeli', 'Israëlische']);
    const mentions = articles.flatMap((a) => a.entities.filter((x) => x.name === 'Israeli' || x.name === 'Israëlische')).reduce((n, x) => n + x.mentions.length, 0);
    expect(e.mentionCount).toBe(mentions);
  });

  it('makes Palestinian, Palestinians, Palestijnse and Palestijnen one entity, and American and Amerikaanse another', () => {
    const ps = [keyIn(resolver, r000, 'Palestinian'), keyIn(resolver, r000, 'Palestinians'), keyIn(resolver, r001, 'Palestinian'), keyIn(resolver, r002, 'Palestijnse'), keyIn(resolver, r002, 'Palestijnen'), keyIn(resolver, r003, 'Palestinians')];
    expect(new Set(ps)).toEqual(new Set(['demonym:PS']));
    expect(resolver.entity('demonym:PS')!.nationalityOf).toEqual({ key: 'country:PS', name: 'Palestine' });
    expect([keyIn(resolver, r003, 'American'), keyIn(resolver, r002, 'Amerikaanse')]).toEqual(['demonym:US', 'demonym:US']);
    expect(keyIn(resolver, r002, 'Oostenrijkse')).toBe('demonym:AT');
    expect(keyIn(resolver, r004, 'Saudi Arabian')).toBe('demonym:SA');
    // Tagged as a person, the plural still names a people.
    expect(keyIn(resolver, r003, 'Qataris')).toBe('demonym:QA');
    // The Palestinian Authority stays an organisation; "US-backed" is no nationality.
    expect(keyIn(resolver, r000, 'Palestinian Authority')).toBe('org:palestinian-authority');
    expect(keyIn(resolver, r000, 'US-backed')).toBe('misc:us-backed');
  });

  it('keeps the countries counting the place: Israel no longer lists "Israeli", the United States is as before', () => {
    const il = resolver.entity('country:IL')!;
    expect(il.aliases.map((a) => a.name).sort()).toEqual(['Israel', 'Israël', 'Israëls']);
    expect(il.nationalityOf).toBeUndefined();
    expect(resolver.entity('country:US')!.aliases.map((a) => a.name).sort()).toEqual(['U.S.', 'US', 'United States', 'VS']);
    expect(keyIn(resolver, r002, 'Zuid-Afrika')).toBe('country:ZA');
    expect(keyIn(resolver, r002, 'Internationaal Strafhof')).toBe('org:icc');
    const netanyahu = resolver.entity('per:benjamin-netanyahu')!;
    expect(netanyahu.articleIds).toHaveLength(5);
    expect(netanyahu.roles.map((r) => r.role)).toEqual(expect.arrayContaining(['Israeli Prime Minister', 'premier']));
  });

  it('explains each link by the source of the demonym', () => {
    const text = formatExplanation(resolver.explain('Israëlische'));
    expect(text).toMatch(/^Israeli \[demonym:IL\] MISC: 5 linked names in 5 articles\n/);
    expect(text).toContain(`${r000.articleId}  "Israeli" (MISC, d1)  demonym: demonym 'Israeli' of Israel (world-countries, eng)`);
    expect(text).toContain(`"Israëlische" (MISC, d1)  demonym: demonym 'Israëlische' of Israel (src/lang/nl/demonyms.json, inflected)`);
    expect(formatExplanation(resolver.explain('Palestijnen'))).toContain(`demonym 'Palestijnen' of Palestine (src/lang/nl/demonyms.json, plural)`);
    expect(formatExplanation(resolver.explain('Qataris'))).toContain(`"Qataris" (PER, d4)  demonym: demonym 'Qataris' of Qatar (world-countries, eng, plural by src/lang/en/demonyms.json)`);
    expect(formatExplanation(resolver.explain('Israel'))).not.toMatch(/Israeli|i18n-iso-countries, sw/);
  });

  it('gives the same entities when reloaded from its state and when replayed in the same order', () => {
    const reloaded = EntityResolver.fromState(resolver.state());
    expect(reloaded.entities()).toEqual(resolver.entities());
    const replay = new EntityResolver();
    for (const a of articles) replay.add(a);
    expect(replay.state()).toEqual(resolver.state());
  });

  it('links a French article to the same nationality', () => {
    const text = 'Le Premier ministre israélien Benjamin Netanyahou a rencontré des responsables palestiniens. Les Israéliens attendent.';
    const fr = article('fr-variant', 'fr', '2025-10-01', text, [
      { type: 'MISC', name: 'israélien' },
      { type: 'MISC', name: 'Israéliens' },
      { type: 'MISC', name: 'palestiniens' },
    ]);
    const r = new EntityResolver();
    for (const a of articles) r.add(a);
    const res = r.add(fr);
    expect(res.entities.map((e) => e.key)).toEqual(['demonym:IL', 'demonym:IL', 'demonym:PS']);
    expect(r.entity('demonym:IL')!.articleIds).toHaveLength(6);
  });
});

describe('nationalities in the store', () => {
  it('are listed, found by any of their names, explained, and rebuilt the same', async () => {
    const items = await exampleItems();
    const specs: Record<string, EntitySpec[]> = {
      '000': [{ type: 'MISC', name: 'Israeli' }, palestinian],
      '002': [{ type: 'MISC', name: 'Israëlische' }, { type: 'MISC', name: 'Palestijnen' }],
      '004': [{ type: 'MISC', name: 'Israeli' }],
    };
    for (const item of items) {
      const more = specs[item.raw.file.replace(/.*\//, '').slice(0, 3)] ?? [];
      const a = item.article;
      item.article = { ...a, entities: [...a.entities, ...layer(a.text, more).map((e, n) => ({ ...e, id: `d${n + 1}` }))] };
    }
    const dir = mkdtempSync(join(tmpdir(), 'dossier-demonyms-'));
    const db = join(dir, 'test.db');
    const store = openSqliteStore(db);
    try {
      await openCorpus(store).add(items);
      const list = await openCorpus(store).entities({ limit: 1000 });
      const il = list.items.find((e) => e.key === 'demonym:IL')!;
      expect(il).toMatchObject({ name: 'Israeli', type: 'MISC', source: 'demonym', articleCount: 3 });
      expect(il.aliases.map((a) => a.name).sort()).toEqual(['Israeli', 'Israëlische']);
      expect(list.items.find((e) => e.key === 'country:IL')!.aliases.map((a) => a.name)).not.toContain('Israeli');
      expect((await openCorpus(store).entity('Israëlische'))!.key).toBe('demonym:IL');
      expect((await openCorpus(store).entity('Palestinians'))!.key).toBe('demonym:PS'); // not named so in a mention: found through the table
      expect(formatExplanation(await openCorpus(store).explainEntity('demonym:PS'))).toContain(`demonym 'Palestijnen' of Palestine (src/lang/nl/demonyms.json, plural)`);
      const before = await openCorpus(store).entities({ limit: 1000 });
      await openCorpus(store).rebuildEntities();
      expect(await openCorpus(store).entities({ limit: 1000 })).toEqual(before);
      await store.close();
      // The CLI shows the country a nationality belongs to, in text and JSON.
      const text = await dossier('entities', '--db', db, '--name', 'israeli');
      expect(text).toContain('Israeli  [demonym:IL] MISC · 3 articles');
      expect(text).toContain('\n    nationality of: Israel [country:IL]\n    names: Israeli (');
      const page = JSON.parse(await dossier('entities', '--db', db, '--json', '--type', 'MISC'));
      const listed = page.items.find((e: { key: string }) => e.key === 'demonym:IL');
      expect(listed.nationalityOf).toEqual({ key: 'country:IL', name: 'Israel' });
      expect(page.items.filter((e: { nationalityOf?: unknown }) => e.nationalityOf).map((e: { key: string }) => e.key).sort()).toEqual(['demonym:IL', 'demonym:PS']);
      expect(JSON.parse(await dossier('entity', 'Palestijnen', '--db', db, '--json')).nationalityOf).toEqual({ key: 'country:PS', name: 'Palestine' });
    } finally {
      await store.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 20_000);
});
