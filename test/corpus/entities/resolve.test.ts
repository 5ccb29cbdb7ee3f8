import { describe, expect, it } from 'vitest';
import { formatExplanation } from '../../../src/corpus/entities/explain.ts';
import { type ArticleEntities, type EntityLink, EntityResolver, type EntityRow, type ResolvedArticle } from '../../../src/corpus/entities/resolve.ts';
import { article, seed000, seed002, seed003, seed004, seeds } from './seeds.ts';

function resolveAll(articles: ArticleEntities[]): { resolver: EntityResolver; results: ResolvedArticle[] } {
  const resolver = new EntityResolver();
  const results = articles.map((a) => resolver.add(a));
  return { resolver, results };
}

/** The global key of the local entity called `name` in a resolved article (after later merges). */
function keyIn(resolver: EntityResolver, result: ResolvedArticle, name: string): string {
  const e = result.entities.find((x) => x.name === name);
  if (!e?.key) throw new Error(`no resolved entity ${name} in ${result.articleId}`);
  return resolver.current(e.key);
}

describe('the five example articles', () => {
  const { resolver, results } = resolveAll(seeds);
  const [r000, r001, r002, r003, r004] = results;

  it('makes Netanyahu one entity across all five articles and both languages', () => {
    const keys = new Set(results.map((r) => keyIn(resolver, r, 'Benjamin Netanyahu')));
    expect([...keys]).toEqual(['per:benjamin-netanyahu']);
    const e = resolver.entity('per:benjamin-netanyahu')!;
    expect(e.name).toBe('Benjamin Netanyahu');
    expect(e.type).toBe('PER');
    expect(e.articleIds.sort()).toEqual(seeds.map((s) => s.id).sort());
    expect(e.firstSeen).toBe('2024-05-01');
    expect(e.lastSeen).toBe('2025-09-29');
    expect(e.aliases.map((a) => a.name)).toEqual(expect.arrayContaining(['Netanyahu', 'Benjamin Netanyahu']));
    expect(e.roles.map((r) => r.role)).toEqual(expect.arrayContaining(['Israeli Prime Minister', 'premier']));
    expect(e.mentionCount).toBe(seeds.reduce((n, s) => n + s.entities.find((x) => x.name === 'Benjamin Netanyahu')!.mentions.length, 0));
  });

  it('links the Dutch Internationaal Strafhof to the International Criminal Court', () => {
    expect(keyIn(resolver, r002, 'Internationaal Strafhof')).toBe('org:icc');
    expect(keyIn(resolver, r000, 'International Criminal Court')).toBe('org:icc');
    expect(resolver.entity('org:icc')!.name).toBe('International Criminal Court');
    expect(keyIn(resolver, r002, 'Internationaal Gerechtshof')).toBe('org:icj');
  });

  it('makes VS, U.S., United States and US one country', () => {
    const keys = [keyIn(resolver, r002, 'VS'), keyIn(resolver, r001, 'U.S.'), keyIn(resolver, r001, 'United States'), keyIn(resolver, r000, 'US'), keyIn(resolver, r003, 'U.S.'), keyIn(resolver, r004, 'United States')];
    expect(new Set(keys)).toEqual(new Set(['country:US']));
    const us = resolver.entity('country:US')!;
    expect(us.name).toBe('United States');
    expect(us.aliases.map((a) => a.name).sort()).toEqual(['U.S.', 'US', 'United States', 'VS']);
    expect(us.articleIds).toHaveLength(5);
  });

  it('makes Israël (and the genitive Israëls) Israel, but keeps the person Israel Katz apart', () => {
    expect(keyIn(resolver, r002, 'Israël')).toBe('country:IL');
    expect(keyIn(resolver, r002, 'Israëls')).toBe('country:IL');
    expect(keyIn(resolver, r000, 'Israel')).toBe('country:IL');
    expect(keyIn(resolver, r004, 'Israel Katz')).toBe('per:israel-katz');
  });

  it('makes Zuid-Afrika South Africa', () => {
    expect(keyIn(resolver, r002, 'Zuid-Afrika')).toBe('country:ZA');
    expect(resolver.entity('country:ZA')!.name).toBe('South Africa');
  });

  it('reads the typo Kusher in article 003 as Jared Kushner, named earlier in it', () => {
    expect(keyIn(resolver, r003, 'Kusher')).toBe('per:jared-kushner');
    const link = r003.links.find((l) => l.name === 'Kusher')!;
    expect(link.rule).toBe('typo-in-article');
    expect(link.reason).toContain("typo of 'Kushner' (edit distance 1)");
    expect(resolver.entity('Kusher')!.key).toBe('per:jared-kushner');
  });

  it('links Gaza and the Gaza Strip, and the same people across articles', () => {
    expect(keyIn(resolver, r004, 'Gaza')).toBe('loc:gaza-strip');
    expect(keyIn(resolver, r004, 'Gaza Strip')).toBe('loc:gaza-strip');
    expect(keyIn(resolver, r002, 'Donald Trump')).toBe(keyIn(resolver, r000, 'Donald Trump'));
    expect(keyIn(resolver, r002, 'Yoav Gallant')).toBe(keyIn(resolver, r000, 'Yoav Gallant'));
    expect(keyIn(resolver, r003, 'Steve Witkoff')).toBe(keyIn(resolver, r000, 'Steve Witkoff'));
  });

  it('sets the key on every entity of the returned layer, keeping the layer otherwise unchanged', () => {
    for (const [i, r] of results.entries()) {
      expect(r.entities).toHaveLength(seeds[i].entities.length);
      for (const [j, e] of r.entities.entries()) {
        expect(e.key).toMatch(/^(per|org|loc|misc|country):/);
        expect(e.mentions).toEqual(seeds[i].entities[j].mentions);
      }
    }
  });

  it('explains every merge', () => {
    const ex = resolver.explain('Netanyahu');
    expect(ex.entities).toHaveLength(1);
    const [e] = ex.entities;
    expect(e.key).toBe('per:benjamin-netanyahu');
    expect(e.links.map((l) => l.rule)).toEqual(['new', 'same-name', 'same-name', 'same-name', 'same-name']);
    expect(e.links[1].reason).toBe("same normalised name 'benjamin netanyahu'");

    const us = resolver.explain('VS').entities[0];
    expect(us.key).toBe('country:US');
    expect(us.links.find((l) => l.name === 'VS')!.reason).toBe("country alias 'VS' of United States (country short forms, nl)");
    expect(us.links.find((l) => l.name === 'U.S.')!.reason).toContain('i18n-iso-countries, en');

    const icc = resolver.explain('Internationaal Strafhof').entities[0];
    expect(icc.links.map((l) => l.reason)).toContain("organisation alias 'Internationaal Strafhof' of International Criminal Court (organisation alias file, nl)");

    const text = formatExplanation(resolver.explain('Kushner'));
    expect(text).toContain('Jared Kushner [per:jared-kushner] PER: 2 linked names in 1 article');
    expect(text).toContain('"Kusher" (PER, e18)  typo-in-article: typo of \'Kushner\'');
    expect(formatExplanation(resolver.explain('Nobody Here'))).toBe('No entity named "Nobody Here".\n');
  });

  it('groups the same mentions whatever the order the articles arrive in', () => {
    const reversed = resolveAll([...seeds].reverse());
    const groups = (r: EntityResolver, rs: ResolvedArticle[]): string[] => {
      const byKey = new Map<string, string[]>();
      for (const res of rs) for (const e of res.entities) {
        const k = r.current(e.key!);
        byKey.set(k, [...(byKey.get(k) ?? []), `${res.articleId}/${e.id}`]);
      }
      return [...byKey.values()].map((g) => g.sort().join(' ')).sort();
    };
    expect(groups(reversed.resolver, reversed.results)).toEqual(groups(resolver, results));
  });
});

// Variants written for these tests.
const hunter = article(
  'var-hunter',
  'en',
  '2024-12-02',
  'Hunter Biden, the son of the former president, was pardoned in December. Hunter Biden had been convicted on gun charges in Delaware.',
  [
    { type: 'PER', name: 'Hunter Biden', roles: [['son of the former president', 'son of the former president']] },
    { type: 'LOC', name: 'Delaware' },
  ],
);

describe('people who share a surname', () => {
  it('never merges Joe Biden and Hunter Biden', () => {
    const { resolver, results } = resolveAll([seed004, hunter]);
    expect(keyIn(resolver, results[0], 'Joe Biden')).toBe('per:joe-biden');
    expect(keyIn(resolver, results[1], 'Hunter Biden')).toBe('per:hunter-biden');
  });

  it('links a bare surname to the only person of that name in the corpus', () => {
    const text = 'Biden spoke with Netanyahu about aid to Gaza.';
    const { resolver, results } = resolveAll([
      seed004,
      article('var-biden-only', 'en', '2024-05-02', text, [
        { type: 'PER', name: 'Biden' },
        { type: 'PER', name: 'Netanyahu' },
        { type: 'LOC', name: 'Gaza' },
      ]),
    ]);
    const link = results[1].links.find((l) => l.name === 'Biden')!;
    expect(link.key).toBe('per:joe-biden');
    expect(link.rule).toBe('surname-unique');
    expect(link.reason).toBe("surname of the only PER 'Joe Biden' in the corpus");
    expect(keyIn(resolver, results[1], 'Netanyahu')).toBe('per:benjamin-netanyahu');
  });

  it('uses a shared role to choose between two people of one surname', () => {
    const text = 'President Biden spoke with Mr. Netanyahu about aid to Gaza.';
    const { results } = resolveAll([
      seed004,
      hunter,
      article('var-biden-role', 'en', '2024-05-02', text, [
        { type: 'PER', name: 'Biden', roles: [['President', 'President']] },
        { type: 'PER', name: 'Netanyahu' },
        { type: 'LOC', name: 'Gaza' },
      ]),
    ]);
    const link = results[2].links.find((l) => l.name === 'Biden')!;
    expect(link.key).toBe('per:joe-biden');
    expect(link.rule).toBe('surname-evidence');
    expect(link.reason).toContain("chose 'Joe Biden': shared role 'President'");
  });

  it('uses company kept before to choose, and keeps a surname apart when nothing tells', () => {
    const withCompany = 'Biden met Netanyahu and Blinken to talk about Rafah.';
    const bare = 'Biden was not available for comment.';
    const { resolver, results } = resolveAll([
      seed004,
      hunter,
      article('var-biden-company', 'en', '2024-05-03', withCompany, [
        { type: 'PER', name: 'Biden' },
        { type: 'PER', name: 'Netanyahu' },
        { type: 'PER', name: 'Blinken' },
        { type: 'LOC', name: 'Rafah' },
      ]),
      article('var-biden-bare', 'en', '2024-05-04', bare, [{ type: 'PER', name: 'Biden' }]),
    ]);
    const company = results[2].links.find((l) => l.name === 'Biden')!;
    expect(company.key).toBe('per:joe-biden');
    expect(company.rule).toBe('surname-evidence');
    const lone = results[3].links[0];
    expect(lone.key).toBe('per:biden');
    expect(lone.rule).toBe('new');
    expect(lone.reason).toContain("'Biden' is the surname of Joe Biden, Hunter Biden");
    expect(resolver.explain('Biden').entities.map((e) => e.key).sort()).toEqual(['per:biden', 'per:hunter-biden', 'per:joe-biden']);
  });

  it('keeps different middle initials apart and matches a missing one', () => {
    const text = 'George W. Bush and George H. W. Bush were both president. Donald J. Trump is too.';
    const { resolver, results } = resolveAll([
      seed000,
      article('var-bush', 'en', '2024-01-01', text, [
        { type: 'PER', name: 'George W. Bush' },
        { type: 'PER', name: 'George H. W. Bush' },
        { type: 'PER', name: 'Donald J. Trump' },
      ]),
    ]);
    expect(keyIn(resolver, results[1], 'George W. Bush')).not.toBe(keyIn(resolver, results[1], 'George H. W. Bush'));
    const trump = results[1].links.find((l) => l.name === 'Donald J. Trump')!;
    expect(trump.key).toBe('per:donald-trump');
    expect(trump.rule).toBe('same-first-last-name');
  });
});

describe('titles, short forms and initials', () => {
  it('keeps a man and a woman of one surname apart by their titles', () => {
    const a = article('var-mr', 'en', '2024-03-01', 'John Jenkin was arrested. Mr Jenkin denied the charge.', [
      { type: 'PER', name: 'John Jenkin', forms: ['John Jenkin', 'Mr Jenkin'] },
    ]);
    const b = article('var-miss', 'en', '2024-03-02', 'Miss Jenkin said her brother was innocent.', [{ type: 'PER', name: 'Miss Jenkin' }]);
    const { results } = resolveAll([a, b]);
    expect(results[0].links[0].key).toBe('per:john-jenkin');
    expect(results[1].links[0].key).toBe('per:jenkin');
    expect(results[1].links[0].rule).toBe('new');
  });

  it('links initials and a short name to the organisation named in full in the same article', () => {
    const text = 'The U.S. Geological Survey measured the quake. USGS said the Survey would report again.';
    const { results } = resolveAll([
      article('var-usgs', 'en', '2024-03-03', text, [
        { type: 'ORG', name: 'USGS' },
        { type: 'ORG', name: 'Survey' },
        { type: 'ORG', name: 'U.S. Geological Survey' },
      ]),
    ]);
    const [usgs, survey, full] = results[0].links;
    expect(full.key).toBe('org:us-geological-survey');
    expect(usgs).toMatchObject({ key: full.key, rule: 'acronym-in-article', reason: "initials of 'U.S. Geological Survey', named in the same article" });
    expect(survey).toMatchObject({ key: full.key, rule: 'short-name-in-article' });
  });
});

describe('incremental resolution', () => {
  const surnameFirst = article('var-surname-first', 'en', '2025-01-01', 'Netanyahu flew to Washington.', [
    { type: 'PER', name: 'Netanyahu' },
    { type: 'LOC', name: 'Washington' },
  ]);

  it('merges a surname-only entity into the first full name that arrives, and explains it', () => {
    const resolver = new EntityResolver();
    const first = resolver.add(surnameFirst);
    expect(first.links[0].key).toBe('per:netanyahu');
    const second = resolver.add(seed000);
    expect(second.merges).toEqual([
      {
        from: 'per:netanyahu',
        to: 'per:benjamin-netanyahu',
        articleId: seed000.id,
        reason: "'Netanyahu' was known only by that name; 'Benjamin Netanyahu' is the first person with that surname",
      },
    ]);
    expect(resolver.current('per:netanyahu')).toBe('per:benjamin-netanyahu');
    const e = resolver.entity('per:netanyahu')!;
    expect(e.key).toBe('per:benjamin-netanyahu');
    expect(e.articleIds.sort()).toEqual([seed000.id, surnameFirst.id].sort());
    expect(e.formerKeys).toEqual(['per:netanyahu']);
    expect(resolver.explain('Netanyahu').entities[0].merges).toHaveLength(1);
  });

  it('ignores an article added twice', () => {
    const resolver = new EntityResolver();
    resolver.add(seed000);
    const before = resolver.entity('per:benjamin-netanyahu')!.mentionCount;
    const again = resolver.add(seed000);
    expect(again.changed).toEqual([]);
    expect(again.entities.find((e) => e.name === 'Benjamin Netanyahu')!.key).toBe('per:benjamin-netanyahu');
    expect(resolver.entity('per:benjamin-netanyahu')!.mentionCount).toBe(before);
  });

  it('continues from a saved state exactly as without the break', () => {
    const continuous = new EntityResolver();
    for (const s of [surnameFirst, seed000, seed002]) continuous.add(s);
    const saved = new EntityResolver();
    for (const s of [surnameFirst, seed000]) saved.add(s);
    const restored = EntityResolver.fromState(JSON.parse(JSON.stringify(saved.state())));
    restored.add(seed002);
    expect(restored.entities()).toEqual(continuous.entities());
    expect(restored.state()).toEqual(continuous.state());
    expect(restored.add(seed003).links).toEqual(continuous.add(seed003).links);
  });

  it('gives a store everything it needs to stay in step, article by article', () => {
    // A store that only sees what add() returns: upserts changed rows, applies merges, appends links.
    const rows = new Map<string, EntityRow>();
    const links: EntityLink[] = [];
    const resolver = new EntityResolver();
    for (const a of [surnameFirst, ...seeds]) {
      const res = resolver.add(a);
      for (const m of res.merges) {
        rows.delete(m.from);
        for (const l of links) if (l.key === m.from) l.key = m.to;
      }
      for (const row of resolver.entityRows(res.changed)) rows.set(row.key, row);
      links.push(...res.links);
    }
    const state = resolver.state();
    const byKey = (x: EntityRow[]): EntityRow[] => [...x].sort((p, q) => p.key.localeCompare(q.key));
    expect(byKey([...rows.values()])).toEqual(byKey(state.entities));
    expect(links).toEqual(state.links);
  });

  it('uses the story to read a typo of a person named in another article of it', () => {
    const a = article('var-story-a', 'en', '2025-09-28', 'Jared Kushner and Steve Witkoff drafted the plan.', [
      { type: 'PER', name: 'Jared Kushner' },
      { type: 'PER', name: 'Steve Witkoff' },
    ]);
    const b = article('var-story-b', 'en', '2025-09-29', 'Kushnre and Witkoff met Netanyahu.', [
      { type: 'PER', name: 'Kushnre' },
      { type: 'PER', name: 'Witkoff' },
    ]);
    const inStory = new EntityResolver();
    inStory.add({ ...a, storyId: 's1' });
    const linked = inStory.add({ ...b, storyId: 's1' }).links.find((l) => l.name === 'Kushnre')!;
    expect(linked.key).toBe('per:jared-kushner');
    expect(linked.rule).toBe('typo-in-story');
    expect(linked.reason).toBe("typo of 'Jared Kushner' (edit distance 1) in the same story, both named with 'Steve Witkoff'");

    const noStory = new EntityResolver();
    noStory.add(a);
    expect(noStory.add(b).links.find((l) => l.name === 'Kushnre')!.key).toBe('per:kushnre');
  });
});
