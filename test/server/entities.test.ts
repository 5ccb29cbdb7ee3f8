// The entity routes over the example articles with hand-built entity layers (fixtures/entity-corpus.ts),
// through Fastify's inject: the list, one entity by key, name, Dutch alias or former key, its
// quotes in both languages, the entities named with it, why its mentions were merged, the entity
// filter of the article list, the keys on an article's entities, and the errors (404, 409, 400).
import { describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { EntitySummary, IngestItem } from '../../src/store/store.ts';
import { entityCorpus } from './fixtures/entity-corpus.ts';
import { serveForTests } from './serve.ts';
import { openCorpus } from '../../src/corpus/index.ts';

let examples: IngestItem[];
let all: IngestItem[];

const server = serveForTests(async () => {
  ({ examples, all } = await entityCorpus());
  const store = openSqliteStore(':memory:');
  await openCorpus(store).add(all);
  return store;
});
const get = server.get;

/** The global keys of each article, from the store's links: what co-occurrence must agree with. */
async function keysByArticle(): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (const item of all) out.set(item.article.id, new Set((await openCorpus(server.store).entityLinks(item.article.id)).map((l) => l.key)));
  return out;
}

describe('GET /api/entities', () => {
  it('lists every entity, most widely reported first, with names, roles and counts', async () => {
    const r = await get<{ total: number; items: EntitySummary[]; stale: boolean; limit: number; offset: number }>('/api/entities?limit=500');
    expect(r.stale).toBe(false);
    expect(r.items.length).toBe(r.total);
    expect(r.total).toBeGreaterThan(40);
    const order = r.items.map((e) => [e.articleCount, e.mentionCount]);
    for (let i = 1; i < order.length; i++) {
      expect(order[i - 1][0] > order[i][0] || (order[i - 1][0] === order[i][0] && order[i - 1][1] >= order[i][1])).toBe(true);
    }
    const net = r.items.find((e) => e.key === 'per:benjamin-netanyahu')!;
    expect(net).toMatchObject({ name: 'Benjamin Netanyahu', type: 'PER', articleCount: 5, firstSeen: '2024-05-01', lastSeen: '2025-09-29' });
    expect(net.roles.map((x) => x.role)).toEqual(expect.arrayContaining(['Israeli Prime Minister', 'premier']));
    // "Kushner" (first seen alone) was merged into Jared Kushner and is no longer listed.
    expect(r.items.map((e) => e.key)).toContain('per:jared-kushner');
    expect(r.items.map((e) => e.key)).not.toContain('per:kushner');
  });

  it('filters by type and name, and pages without gaps or repeats', async () => {
    const people = await get('/api/entities?type=PER&limit=500');
    expect(people.items.every((e: EntitySummary) => e.type === 'PER')).toBe(true);
    const counts = await Promise.all(['PER', 'ORG', 'LOC', 'MISC'].map((t) => get(`/api/entities?type=${t}&limit=1`)));
    expect(counts.reduce((n, c) => n + c.total, 0)).toBe((await get('/api/entities?limit=1')).total);
    expect(people.total).toBe(counts[0].total);

    const millers = await get('/api/entities?name=miller');
    expect(millers.items.map((e: EntitySummary) => e.name).sort()).toEqual(['Matthew Miller', 'Stephen Miller']);
    expect((await get('/api/entities?name=Strafhof')).items.map((e: EntitySummary) => e.key)).toEqual(['org:icc']);

    const whole = (await get('/api/entities?limit=12')).items.map((e: EntitySummary) => e.key);
    const pages = [...(await get('/api/entities?limit=5')).items, ...(await get('/api/entities?limit=5&offset=5')).items, ...(await get('/api/entities?limit=2&offset=10')).items];
    expect(pages.map((e: EntitySummary) => e.key)).toEqual(whole);
    const page = await get('/api/entities?limit=5&offset=5');
    expect([page.limit, page.offset]).toEqual([5, 5]);
  });

  it('answers bad parameters with a JSON 400 naming them', async () => {
    expect((await get('/api/entities?type=PERSON', 400)).message).toMatch(/type/);
    expect((await get('/api/entities?limit=0', 400)).message).toMatch(/limit/);
    expect((await get('/api/entities?colour=red', 400)).message).toMatch(/unknown parameter "colour"/);
  });
});

describe('GET /api/entities/:key', () => {
  it('gives Netanyahu with his mentions and his quotes from three articles, one in Dutch', async () => {
    const e = await get('/api/entities/per:benjamin-netanyahu?mentionsLimit=500');
    expect(e).toMatchObject({ key: 'per:benjamin-netanyahu', name: 'Benjamin Netanyahu', type: 'PER', articleCount: 5, formerKeys: [] });
    const local = examples.flatMap((i) => i.article.entities.filter((x) => x.name === 'Benjamin Netanyahu').flatMap((x) => x.mentions));
    expect(e.mentions.total).toBe(local.length);
    expect(e.mentions.items.length).toBe(local.length);
    expect(new Set(e.mentions.items.map((m: { language: string }) => m.language))).toEqual(new Set(['en', 'nl']));

    expect(e.quotes.total).toBe(3);
    expect(new Set(e.quotes.items.map((q: { articleId: string }) => q.articleId)).size).toBe(3);
    const dutch = e.quotes.items.find((q: { language: string }) => q.language === 'nl');
    expect(dutch.text).toBe('Als dit via onderhandelingen kan worden bereikt, geweldig,');
    expect(e.quotes.items.map((q: { source: string | null }) => q.source)).toContain('The Epoch Times');
    for (const q of e.quotes.items) {
      const doc = await server.store.get(q.articleId);
      expect(doc!.text.slice(q.start, q.end)).toBe(q.text);
    }
  });

  it('finds the same entity by surname, and pages its quotes and mentions separately', async () => {
    const byName = await get('/api/entities/Netanyahu?quotesLimit=1&quotesOffset=1&mentionsLimit=2&mentionsOffset=3');
    expect(byName.key).toBe('per:benjamin-netanyahu');
    expect(byName.quotes).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(byName.mentions).toMatchObject({ limit: 2, offset: 3 });
    const full = await get('/api/entities/per:benjamin-netanyahu?quotesLimit=3&mentionsLimit=5');
    expect(byName.quotes.items).toEqual(full.quotes.items.slice(1, 2));
    expect(byName.mentions.items).toEqual(full.mentions.items.slice(3, 5));
  });

  it('finds the International Criminal Court by its Dutch name and Jared Kushner by his merged-away key', async () => {
    const icc = await get(`/api/entities/${encodeURIComponent('Internationaal Strafhof')}`);
    expect(icc).toMatchObject({ key: 'org:icc', name: 'International Criminal Court', articleCount: 2 });
    expect(new Set(icc.mentions.items.map((m: { language: string }) => m.language))).toEqual(new Set(['en', 'nl']));
    const kushner = await get('/api/entities/per:kushner');
    expect(kushner).toMatchObject({ key: 'per:jared-kushner', formerKeys: ['per:kushner'] });
  });

  it('answers an unknown entity with 404 and an ambiguous name with 409 listing the candidates', async () => {
    expect((await get('/api/entities/per:nobody', 404)).message).toBe('no entity named "per:nobody"');
    for (const suffix of ['', '/cooccurrence', '/explain']) expect((await get(`/api/entities/Nobody%20Atall${suffix}`, 404)).statusCode).toBe(404);
    const amb = await get('/api/entities/Miller', 409);
    expect(amb).toMatchObject({ statusCode: 409, error: 'Conflict', query: 'Miller' });
    expect(amb.message).toMatch(/names 2 entities/);
    expect(amb.candidates.map((c: { key: string }) => c.key).sort()).toEqual(['per:matthew-miller', 'per:stephen-miller']);
    for (const c of amb.candidates) {
      expect(c).toMatchObject({ type: 'PER', articleCount: 1 });
      expect((await get(c.href)).key).toBe(c.key);
    }
    expect((await get('/api/entities/Miller/cooccurrence', 409)).candidates).toHaveLength(2);
    expect((await get('/api/entities/per:benjamin-netanyahu?quotesLimit=501', 400)).message).toMatch(/quotesLimit/);
  });
});

describe('GET /api/entities/:key/cooccurrence', () => {
  it('lists the entities named with Netanyahu by shared articles, agreeing with the links of every article', async () => {
    const links = await keysByArticle();
    const expected = new Map<string, number>();
    for (const keys of links.values()) {
      if (!keys.has('per:benjamin-netanyahu')) continue;
      for (const k of keys) if (k !== 'per:benjamin-netanyahu') expected.set(k, (expected.get(k) ?? 0) + 1);
    }
    const r = await get('/api/entities/Netanyahu/cooccurrence?limit=500');
    expect(r).toMatchObject({ key: 'per:benjamin-netanyahu', name: 'Benjamin Netanyahu', total: expected.size, limit: 500, offset: 0 });
    expect(new Map(r.items.map((i: { key: string; sharedArticles: number }) => [i.key, i.sharedArticles]))).toEqual(expected);
    const shared = r.items.map((i: { sharedArticles: number }) => i.sharedArticles);
    expect(shared).toEqual([...shared].sort((a, b) => b - a));
    // Cross-lingual: Israel and the ICC are one entity each across the English and Dutch articles.
    expect(r.items.find((i: { key: string }) => i.key === 'country:IL').sharedArticles).toBe(5);
    expect(r.items.find((i: { key: string }) => i.key === 'org:icc').sharedArticles).toBe(2);
  });

  it('pages, and gives the articles shared by every pair of listed entities', async () => {
    const links = await keysByArticle();
    const top = await get('/api/entities/per:benjamin-netanyahu/cooccurrence?limit=6');
    expect(top.items).toHaveLength(6);
    const keys = top.items.map((i: { key: string }) => i.key);
    const together = (a: string, b: string) => [...links.values()].filter((k) => k.has(a) && k.has(b)).length;
    const expected = keys.flatMap((a: string) => keys.filter((b: string) => a < b && together(a, b) > 0).map((b: string) => `${a}|${b}|${together(a, b)}`));
    expect(top.edges.map((e: { a: string; b: string; sharedArticles: number }) => `${e.a}|${e.b}|${e.sharedArticles}`).sort()).toEqual(expected.sort());
    const next = await get('/api/entities/per:benjamin-netanyahu/cooccurrence?limit=3&offset=3');
    expect(next.items).toEqual(top.items.slice(3, 6));
    expect(next.total).toBe(top.total);
  });
});

describe('GET /api/entities/:key/explain', () => {
  it('says why "Kushner" and "Jared Kushner" are one person, link by link', async () => {
    const x = await get('/api/entities/per:kushner/explain');
    expect(x).toMatchObject({ key: 'per:jared-kushner', name: 'Jared Kushner', type: 'PER' });
    expect(x.merges).toEqual([expect.objectContaining({ from: 'per:kushner', to: 'per:jared-kushner' })]);
    expect(x.links.total).toBe(3);
    // The third is a typo in the article itself ("Kusher"), linked by its spelling and context.
    expect(x.links.items.map((l: { name: string; rule: string }) => [l.name, l.rule])).toEqual([
      ['Kushner', 'new'],
      ['Jared Kushner', 'new'],
      ['Kusher', 'typo-in-article'],
    ]);
    expect(x.links.items[2].reason).toMatch(/typo of 'Kushner'/);
    const second = await get('/api/entities/per:kushner/explain?limit=1&offset=1');
    expect(second.links).toMatchObject({ total: 3, limit: 1, offset: 1, items: [x.links.items[1]] });
  });
});

describe('entities of articles', () => {
  it('filters the article list by entity key, former keys included, with the other filters', async () => {
    const net = await get('/api/articles?entity=per:benjamin-netanyahu');
    expect(net.items.map((a: { id: string }) => a.id).sort()).toEqual(examples.map((i) => i.article.id).sort());
    expect((await get('/api/articles?entity=per:benjamin-netanyahu&lang=nl')).total).toBe(1);
    const kushner = await get('/api/articles?entity=per:kushner');
    expect(kushner.total).toBe(2);
    expect(kushner).toEqual(await get('/api/articles?entity=per:jared-kushner'));
    expect((await get('/api/articles?entity=per:nobody')).total).toBe(0);
  });

  it("sets the global key on each entity of an article's layer and lists the links with their reasons", async () => {
    const dutch = examples.find((i) => i.article.language === 'nl')!;
    const a = await get(`/api/articles/${dutch.article.id}`);
    const icc = a.entities.find((e: { name: string }) => e.name === 'Internationaal Strafhof');
    expect(icc.key).toBe('org:icc');
    expect(a.entities.find((e: { name: string }) => e.name === 'Benjamin Netanyahu').key).toBe('per:benjamin-netanyahu');
    expect(a.entities.every((e: { key?: string }) => typeof e.key === 'string')).toBe(true);

    const links = await get(`/api/articles/${dutch.article.id.slice(0, 8)}/entities?limit=500`);
    expect(links).toMatchObject({ articleId: dutch.article.id, total: dutch.article.entities.length });
    expect(links.items.map((l: { localId: string }) => l.localId)).toEqual(dutch.article.entities.map((e) => e.id));
    expect(links.items.find((l: { localId: string }) => l.localId === icc.id)).toMatchObject({ key: 'org:icc', rule: 'organisation-alias' });
    expect((await get(`/api/articles/${dutch.article.id}/entities?limit=2&offset=1`)).items).toEqual(links.items.slice(1, 3));
    expect((await get('/api/articles/abcdef123456/entities', 404)).message).toMatch(/no article/);
  });

  it('gives no key to an entity whose analysis changed since the index was built', async () => {
    const own = openSqliteStore(':memory:');
    const ownApp = await buildServer(own);
    try {
      const item = examples[1];
      await openCorpus(own).add([item]);
      const renamed = item.article.entities.map((e, i) => (i === 0 ? { ...e, name: 'Somebody Else' } : e));
      await own.replaceAnalysis(item.article.id, { ...item.article, entities: renamed });
      const a = (await ownApp.inject({ url: `/api/articles/${item.article.id}` })).json();
      expect(a.entities[0]).toMatchObject({ name: 'Somebody Else' });
      expect(a.entities[0]).not.toHaveProperty('key');
      expect(a.entities[1].key).toEqual(expect.stringMatching(/^[a-z]+:/));
      expect((await ownApp.inject({ url: '/api/entities' })).json().stale).toBe(true);
    } finally {
      await ownApp.close();
      await own.close();
    }
  });
});

describe('OpenAPI', () => {
  it('documents every entity route with its parameters and response schemas', async () => {
    const doc = await get('/api/openapi.json');
    for (const path of ['/api/entities', '/api/entities/{key}', '/api/entities/{key}/cooccurrence', '/api/entities/{key}/explain', '/api/articles/{id}/entities']) {
      const op = doc.paths[path]?.get;
      expect(op, path).toBeDefined();
      expect(op.tags).toEqual(['entities']);
      expect(op.responses['200'].content['application/json'].schema, path).toBeDefined();
    }
    expect(Object.keys(doc.paths['/api/entities/{key}'].get.responses)).toEqual(expect.arrayContaining(['200', '404', '409']));
    expect(doc.components.schemas.EntitySummary.properties.key).toBeDefined();
    expect(doc.components.schemas.AmbiguousEntity.properties.candidates).toBeDefined();
    expect(doc.paths['/api/articles'].get.parameters.map((p: { name: string }) => p.name)).toContain('entity');
  });
});

describe('entity facet and filter of search', () => {
  it('counts the entities named by the matches and narrows a search to one entity', async () => {
    const all = await get('/api/search?q=Hamas&limit=50');
    const bibi = all.facets.entity.find((f: { value: string }) => f.value === 'per:benjamin-netanyahu');
    expect(bibi).toMatchObject({ name: 'Benjamin Netanyahu', type: 'PER' });
    expect(bibi.count).toBeGreaterThan(1);
    expect(bibi.count).toBeLessThanOrEqual(all.total);
    const narrowed = await get('/api/search?q=Hamas&entity=per:benjamin-netanyahu&limit=50');
    expect(narrowed.total).toBe(bibi.count);
    const keys = await keysByArticle();
    for (const hit of narrowed.hits) expect(keys.get(hit.id)?.has('per:benjamin-netanyahu')).toBe(true);
  });
});
