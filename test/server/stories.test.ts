// The story routes over the five example articles placed in events and storylines (fixtures/story-corpus.ts;
// also after a real ingest of examples/),
// through Fastify's inject: the paged storyline list, one storyline or event (by id or prefix) with
// its events, sources, languages, articles and timeline, the timeline alone (paged), the source
// comparison with both death tolls (57,500 in the Dutch 002, 66,000 in the English 003), an entity's
// timeline, the errors (404, 400, 409) and the OpenAPI document. The JSON must be exactly what the
// story views (openCorpus(store).stories) give (the serializer drops nothing), and every evidence span must point at its text.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { Store } from '../../src/store/store.ts';
import type { ComparisonView, StoryDetail, StorylineSummary, TimelineView } from '../../src/corpus/stories/api.ts';
import { entityCorpus } from './fixtures/entity-corpus.ts';
import { ingestedExamples, storyCorpus } from './fixtures/story-corpus.ts';
import { serveForTests } from './serve.ts';
import { openCorpus } from '../../src/corpus/index.ts';

let ids: Record<string, string>;
let storyline: StorylineSummary;

const roundTrip = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

const server = serveForTests(async () => {
  const corpus = await storyCorpus();
  ids = corpus.ids;
  return corpus.store;
});
const get = server.get;

beforeAll(async () => {
  storyline = (await openCorpus(server.store).stories.list()).storylines[0];
});

/** Every evidence span of a timeline is the text at its offsets in its article. */
async function expectEvidenceInText(items: TimelineView['items'], from: Store = server.store): Promise<void> {
  const texts = new Map<string, string>();
  for (const item of items) {
    expect(item.evidence.length).toBeGreaterThan(0);
    for (const e of item.evidence) {
      if (!texts.has(e.articleId)) texts.set(e.articleId, (await from.get(e.articleId))!.text);
      const text = texts.get(e.articleId)!;
      expect(text.slice(e.start, e.end)).toBe(e.text);
      expect(text.slice(e.sentence.start, e.sentence.end).trim()).toBe(e.sentence.text);
      // The span starts in its sentence (a quote may run on into the next one).
      expect(e.sentence.start <= e.start && e.start < e.sentence.end, `${e.text} in ${e.sentence.text}`).toBe(true);
      if (item.kind === 'happening') expect(e.end).toBeLessThanOrEqual(e.sentence.end);
    }
  }
}

describe('GET /api/stories', () => {
  it('lists the storylines with their events, sources and languages: every example is in one', async () => {
    const r = await get<{ total: number; limit: number; offset: number; items: StorylineSummary[]; note: string; sourceBasis: string }>('/api/stories');
    expect([r.limit, r.offset]).toEqual([20, 0]);
    expect(r.items.length).toBe(r.total);
    const { storylines, ...rest } = await openCorpus(server.store).stories.list({ limit: 20, offset: 0 });
    expect(r).toEqual(roundTrip({ ...rest, limit: 20, offset: 0, items: storylines }));
    expect(r.items.reduce((n, s) => n + s.articles, 0)).toBe(5);
    const langs = r.items.reduce<Record<string, number>>((acc, s) => {
      for (const [l, n] of Object.entries(s.languages)) acc[l] = (acc[l] ?? 0) + n;
      return acc;
    }, {});
    expect(langs).toEqual({ en: 4, nl: 1 });
    // The Dutch 002 and the English 003 report the same war: they share a storyline.
    const placements = await openCorpus(server.store).stories.placements([ids['002'], ids['003']]);
    expect(placements[0].storylineId).toBe(placements[1].storylineId);
    for (const s of r.items) {
      expect(s.id).toMatch(/^s-[0-9a-f]+$/);
      expect(s.label.length).toBeGreaterThan(5);
      expect(s.events.reduce((n, e) => n + e.articles, 0)).toBe(s.articles);
      expect(s.events.every((e) => e.id.startsWith('e-'))).toBe(true);
    }
    expect(r.note).toBe((await openCorpus(server.store).stories.list()).note);
  });

  it('pages without gaps or repeats and refuses bad paging', async () => {
    const all = (await get('/api/stories?limit=100')).items.map((s: StorylineSummary) => s.id);
    const paged: string[] = [];
    for (let offset = 0; offset < all.length; offset++) {
      const p = await get(`/api/stories?limit=1&offset=${offset}`);
      expect([p.total, p.limit, p.offset]).toEqual([all.length, 1, offset]);
      paged.push(...p.items.map((s: StorylineSummary) => s.id));
    }
    expect(paged).toEqual(all);
    expect((await get(`/api/stories?offset=${all.length}`)).items).toEqual([]);
    expect((await get('/api/stories?limit=0', 400)).message).toMatch(/limit/);
    // The README's limits: 200 storylines a page (each with all its events), 500 rows on the other lists.
    expect((await get('/api/stories?limit=200')).limit).toBe(200);
    expect((await get('/api/stories?limit=201', 400)).message).toMatch(/limit.*200|200.*limit/s);
    expect((await get('/api/quotes?limit=500')).limit).toBe(500);
    expect((await get('/api/quotes?limit=501', 400)).message).toMatch(/limit/);
    expect((await get('/api/stories/' + storyline.id + '/timeline?limit=500')).limit).toBe(500);
    expect((await get('/api/stories?page=2', 400)).message).toMatch(/unknown parameter "page"/);
  });

  it('answers a store without stories with no storylines, counting the articles not placed yet', async () => {
    const empty = openSqliteStore(':memory:');
    const bare = await buildServer(empty);
    try {
      const r = await bare.inject({ url: '/api/stories' });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({ total: 0, unplaced: 0, items: [] });
      expect((await bare.inject({ url: '/api/stories/s-1234abcd' })).statusCode).toBe(404);
      // Stored without being placed (as before the story tables existed): counted, until placed.
      const stored = await openCorpus(empty).add((await entityCorpus()).examples.slice(0, 2));
      expect((await bare.inject({ url: '/api/stories' })).json()).toMatchObject({ total: 0, unplaced: 2 });
      await openCorpus(empty).place(stored.insertedIds);
      expect((await bare.inject({ url: '/api/stories' })).json()).toMatchObject({ unplaced: 0, items: [expect.objectContaining({ articles: expect.any(Number) })] });
    } finally {
      await bare.close();
      await empty.close();
    }
  });
});

describe('entity keys the story views print', () => {
  it('every key in /api/stories and a story detail resolves through /api/entities/:key', async () => {
    const keys = new Set<string>();
    for (const s of (await get('/api/stories?limit=200')).items as StorylineSummary[]) {
      for (const e of s.entities) keys.add(e.key);
      for (const e of (await get<StoryDetail>(`/api/stories/${s.id}`)).entities) keys.add(e.key);
    }
    // people are clustered by surname, so the views print "sur:" keys; the fixture has some
    expect([...keys].filter((k) => k.startsWith('sur:')).length).toBeGreaterThan(0);
    const unresolved: string[] = [];
    for (const key of keys) {
      const r = await server.app.inject({ url: `/api/entities/${encodeURIComponent(key)}` });
      if (r.statusCode !== 200) unresolved.push(`${key} ${r.statusCode}`);
      else if (key.startsWith('sur:')) expect(r.json().type, key).toBe('PER');
    }
    expect(unresolved).toEqual([]);
  });
});

describe('GET /api/stories/:id', () => {
  it('gives a storyline: events with their articles, sources, languages, articles and a timeline whose evidence is in the text', async () => {
    const d = await get<StoryDetail>(`/api/stories/${storyline.id}`);
    expect(d).toEqual(roundTrip(await openCorpus(server.store).stories.detail(storyline.id)));
    expect(d.level).toBe('storyline');
    expect(d.storyline).toBeNull();
    expect(d.events.map((e) => e.id).sort()).toEqual(storyline.events.map((e) => e.id).sort());
    expect(d.events.flatMap((e) => e.articleIds).sort()).toEqual(d.articles.map((a) => a.id).sort());
    expect(d.articles.every((a) => d.events.some((e) => e.id === a.eventId && e.articleIds.includes(a.id)))).toBe(true);
    expect(d.sources.reduce((n, s) => n + s.articles, 0)).toBe(d.articles.length);
    expect(d.articles.find((a) => a.id === ids['002'])?.language).toBe('nl');
    // The timeline is in date order, each entry with the evidence of every article reporting it.
    expect(d.timeline.length).toBeGreaterThan(5);
    const dates = d.timeline.map((t) => t.date);
    expect([...dates].sort()).toEqual(dates);
    expect(d.timeline.some((t) => t.kind === 'statement' && t.evidence.some((e) => e.articleId === ids['002'] && e.language === 'nl'))).toBe(true);
    await expectEvidenceInText(d.timeline);
  });

  it('gives an event by id or unique prefix, with its storyline', async () => {
    const event = storyline.events.find((e) => e.articles > 1) ?? storyline.events[0];
    const d = await get<StoryDetail>(`/api/stories/${event.id}`);
    expect(d).toEqual(roundTrip(await openCorpus(server.store).stories.detail(event.id)));
    expect(d.level).toBe('event');
    expect(d.storyline).toEqual({ id: storyline.id, label: storyline.label });
    expect(d.articles.length).toBe(event.articles);
    expect(d.events.map((e) => e.id)).toEqual([event.id]);
    expect((await get<StoryDetail>(`/api/stories/${event.id.slice(0, 8)}`)).id).toBe(event.id);
    expect((await get<StoryDetail>(`/api/stories/${event.id.toUpperCase()}`)).id).toBe(event.id);
  });

  it('answers an unknown id with a JSON 404 and a malformed one with a 400', async () => {
    expect(await get('/api/stories/s-0000aaaa', 404)).toMatchObject({ statusCode: 404, error: 'Not Found', message: expect.stringContaining('s-0000aaaa') });
    for (const suffix of ['', '/timeline', '/compare']) expect((await get(`/api/stories/e-0000aaaa${suffix}`, 404)).statusCode).toBe(404);
    for (const bad of ['12345', 'x-1234abcd', 's-12', 's-12345zz', 'hello']) {
      expect((await get(`/api/stories/${bad}`, 400)).message).toMatch(/params\/id/);
    }
  });
});

describe('GET /api/stories/:id/timeline', () => {
  it('pages the timeline of the story, in the same order as its detail', async () => {
    const full = (await openCorpus(server.store).stories.detail(storyline.id))!.timeline;
    const first = await get(`/api/stories/${storyline.id}/timeline?limit=4`);
    expect(first.scope).toEqual({ story: { id: storyline.id, level: 'storyline', label: storyline.label } });
    expect([first.total, first.limit, first.offset]).toEqual([full.length, 4, 0]);
    const items = [...first.items];
    for (let offset = 4; offset < full.length; offset += 4) items.push(...(await get(`/api/stories/${storyline.id}/timeline?limit=4&offset=${offset}`)).items);
    expect(items).toEqual(roundTrip(full));
    expect(first.articles).toBe(5);
    expect(typeof first.undatedStatements).toBe('number');
    expect((await get(`/api/stories/${storyline.id}/timeline?limit=501`, 400)).message).toMatch(/limit/);
  });
});

describe('GET /api/stories/:id/compare', () => {
  it('puts both death tolls side by side: 57,500 from the Dutch 002 and 66,000 from the English 003', async () => {
    const c = await get<ComparisonView>(`/api/stories/${storyline.id}/compare`);
    expect(c).toEqual(roundTrip(await openCorpus(server.store).stories.compare(storyline.id)));
    const row = c.figures.find((r) => r.claims.some((x) => x.value === 57500))!;
    expect(row).toBeDefined();
    const dutch = row.claims.find((x) => x.value === 57500)!;
    const english = row.claims.find((x) => x.value === 66000)!;
    expect([dutch.articleId, dutch.language]).toEqual([ids['002'], 'nl']);
    expect([english.articleId, english.language]).toEqual([ids['003'], 'en']);
    expect(row.sources).toBeGreaterThanOrEqual(2);
    expect(dutch.source.id).not.toBe(english.source.id);
    // Each figure's evidence is the figure as written in its article.
    for (const x of [dutch, english]) expect((await server.store.get(x.articleId))!.text.slice(x.evidence.start, x.evidence.end)).toBe(x.evidence.text);
    expect(dutch.evidence.text).toContain('57.500');
    expect(english.evidence.text).toContain('66,000');
    // The sources of the comparison are the sources of the story; each has a voice and a coverage line.
    const detail = (await openCorpus(server.store).stories.detail(storyline.id))!;
    expect(c.sources.map((s) => s.source.id).sort()).toEqual(detail.sources.map((s) => s.source.id).sort());
    expect(c.voice.map((v) => v.source.id).sort()).toEqual(c.sources.map((s) => s.source.id).sort());
    expect(c.coverage.bySource.length).toBe(c.sources.length);
    const nl = c.voice.find((v) => v.articles.includes(ids['002']))!;
    expect(nl.languages).toEqual(['nl']);
  });
});

describe('GET /api/entities/:key/timeline', () => {
  it('gives the timeline of an entity by key or name, every entry about it, its evidence in the text', async () => {
    const byKey = await get<TimelineView & { total: number }>('/api/entities/per:benjamin-netanyahu/timeline');
    expect(byKey.scope).toMatchObject({ entity: { keys: expect.arrayContaining(['per:benjamin-netanyahu']) } });
    expect(byKey.total).toBeGreaterThan(3);
    expect(byKey.items.length).toBe(byKey.total);
    for (const item of byKey.items) {
      const about = item.entities.some((e) => e.key === 'per:benjamin-netanyahu') || item.speaker?.key === 'per:benjamin-netanyahu';
      expect(about, item.text).toBe(true);
    }
    // His Dutch statement is there, from 002.
    expect(byKey.items.some((i) => i.kind === 'statement' && i.evidence.some((e) => e.articleId === ids['002']))).toBe(true);
    await expectEvidenceInText(byKey.items);
    const byName = await get('/api/entities/Netanyahu/timeline');
    expect(byName.items).toEqual(byKey.items);
    const page = await get('/api/entities/Netanyahu/timeline?limit=2&offset=1');
    expect(page.items).toEqual(byKey.items.slice(1, 3));
  });

  it('answers an unknown entity with a 404 and bad paging with a 400', async () => {
    expect((await get('/api/entities/Nobody%20Atall/timeline', 404)).message).toContain('Nobody Atall');
    expect((await get('/api/entities/Netanyahu/timeline?articles=0', 400)).message).toMatch(/articles/);
  });
});

describe('after a real ingest', () => {
  it('serves the storyline ingest placed the examples in, with both death tolls in its comparison', async () => {
    const ingested = await ingestedExamples();
    const ingestedApp = await buildServer(ingested.store);
    try {
      const list = (await ingestedApp.inject({ url: '/api/stories' })).json() as { items: StorylineSummary[] };
      expect(list.items.reduce((n, s) => n + s.articles, 0)).toBe(5);
      const placed = await openCorpus(ingested.store).stories.placements([ingested.ids['002'], ingested.ids['003']]);
      expect(placed.length).toBe(2);
      expect(placed[0].storylineId).toBe(placed[1].storylineId);
      const c = (await ingestedApp.inject({ url: `/api/stories/${placed[0].storylineId}/compare` })).json() as ComparisonView;
      const row = c.figures.find((r) => r.claims.some((x) => x.value === 57500))!;
      expect(row.claims.find((x) => x.value === 57500)!.articleId).toBe(ingested.ids['002']);
      expect(row.claims.find((x) => x.value === 66000)!.articleId).toBe(ingested.ids['003']);
      const d = (await ingestedApp.inject({ url: `/api/stories/${placed[0].storylineId}` })).json() as StoryDetail;
      expect(d.articles.map((a) => a.id).sort()).toEqual(Object.values(ingested.ids).sort());
      await expectEvidenceInText(d.timeline, ingested.store);
    } finally {
      await ingestedApp.close();
      await ingested.store.close();
    }
  });
});

describe('OpenAPI', () => {
  it('documents every story route with its schemas', async () => {
    const doc = (await server.app.inject({ url: '/api/openapi.json' })).json();
    for (const path of ['/api/stories', '/api/stories/{id}', '/api/stories/{id}/timeline', '/api/stories/{id}/compare', '/api/entities/{key}/timeline']) {
      expect(doc.paths, path).toHaveProperty([path]);
      expect(doc.paths[path].get.responses).toHaveProperty(['200']);
      if (path.includes('{')) expect(doc.paths[path].get.responses).toHaveProperty(['404']);
    }
    expect(doc.paths['/api/stories'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['limit', 'offset']));
    for (const s of ['Storyline', 'StoryEvent', 'StoryArticle', 'TimelineItem', 'FigureRow', 'StorySourceRef']) expect(doc.components.schemas, s).toHaveProperty([s]);
    expect(doc.components.schemas.TimelineItem.properties.kind.enum).toEqual(['happening', 'statement']);
  });
});
