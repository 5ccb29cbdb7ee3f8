// The source comparison at real size over HTTP: the eleven example articles under ten outlets plus a
// syndicated copy (fixtures/outlets-corpus.ts). One group per outlet, the copy folded into its
// original (not a group, not compared twice), the groups ranked by the stated measure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app.ts';
import type { ComparisonView } from '../../src/api/stories.ts';
import { COPY_OUTLET, OUTLETS, outletsCorpus, type OutletsCorpus } from './fixtures/outlets-corpus.ts';

let corpus: OutletsCorpus;
let app: FastifyInstance;
let c: ComparisonView;

beforeAll(async () => {
  corpus = await outletsCorpus();
  app = await buildServer(corpus.store);
  const list = (await app.inject({ url: '/api/stories' })).json();
  expect(list.items).toHaveLength(1);
  c = (await app.inject({ url: `/api/stories/${list.items[0].id}/compare` })).json();
});
afterAll(async () => {
  await app.close();
  await corpus.store.close();
});

describe('grouped source comparison', () => {
  it('has one group per outlet; the syndicated copy is folded into its original', () => {
    const outlets = [...new Set(Object.values(OUTLETS))].sort();
    expect(c.sources.map((s) => s.source.name).sort()).toEqual(outlets);
    expect(c.sources.every((s) => s.source.kind === 'source')).toBe(true);
    const wire = c.sources.find((s) => s.source.name === 'Wire Desk')!;
    expect(wire.articles.map((a) => a.id).sort()).toEqual([corpus.ids['000'], corpus.ids['001']].sort());
    const independent = c.sources.find((s) => s.source.name === 'The Independent')!;
    expect(independent.copies).toEqual([{ articleId: corpus.ids.copy, copyOf: corpus.ids['003'], source: { id: `source:${COPY_OUTLET}`, name: COPY_OUTLET, kind: 'source' } }]);
    expect(independent.articles[0].copies).toEqual([corpus.ids.copy]);
    // The copy is compared once, with its original: nothing in voice, figures or coverage comes from it.
    expect(c.voice.map((v) => v.source.name)).not.toContain(COPY_OUTLET);
    expect(c.figures.flatMap((r) => r.claims.map((cl) => cl.articleId))).not.toContain(corpus.ids.copy);
    // So what The Independent alone reports counts as its own (it would be shared with its copy otherwise).
    expect(independent.telling.adds).toBeGreaterThan(0);
  });

  it('ranks the groups by the stated measure, each number recomputable from the comparison', () => {
    expect(c.ranking).toMatch(/^Most telling first/);
    expect(c.sources.map((s) => s.telling.rank)).toEqual(c.sources.map((_, i) => i + 1));
    for (let i = 1; i < c.sources.length; i++) {
      const [a, b] = [c.sources[i - 1].telling, c.sources[i].telling];
      expect(a.score > b.score || (a.score === b.score && a.reports >= b.reports)).toBe(true);
    }
    for (const s of c.sources) {
      const t = s.telling;
      expect(t.score).toBe(t.adds + t.disputes + t.ownVoiceTerms);
      expect(t.adds).toBe(c.coverage.facts.filter((f) => f.sources.length === 1 && f.sources[0] === s.source.id).length);
      expect(t.reports).toBe(c.coverage.facts.filter((f) => f.sources.includes(s.source.id)).length);
      expect(t.ownVoiceTerms).toBe(c.voice.find((v) => v.source.id === s.source.id)?.ownVoiceTerms.length ?? 0);
    }
    // Figures differ between the Dutch 57.500 and the English 66,000 death tolls: both sides dispute.
    const disputed = c.sources.filter((s) => s.telling.disputes > 0).map((s) => s.source.name);
    expect(disputed).toEqual(expect.arrayContaining(['NOS', 'The Independent']));
  });

  it('stays light at real size: omitted facts by index, loaded-term evidence capped, counts whole', () => {
    // What a source leaves out: indexes into coverage.facts, exactly the facts others report and it does not.
    for (const b of c.coverage.bySource) {
      const expected = c.coverage.facts.flatMap((f, i) => (f.sources.length > 0 && !f.sources.includes(b.source.id) ? [i] : []));
      expect(b.omitted).toEqual(expected);
    }
    // At most three uses of a term as evidence (the first in each voice among them); the counts count all.
    const terms = c.voice.flatMap((v) => v.loadedTerms);
    expect(terms.length).toBeGreaterThan(0);
    for (const t of terms) {
      expect(t.uses.length).toBeLessThanOrEqual(3);
      expect(t.uses.length + t.usesOmitted).toBe(t.own + t.attributed + t.quoted);
      if (t.own > 0) expect(t.uses.some((u) => u.voice === 'asserted')).toBe(true);
      if (t.attributed > 0) expect(t.uses.some((u) => u.voice === 'attributed')).toBe(true);
      if (t.quoted > 0) expect(t.uses.some((u) => u.voice === 'quoted')).toBe(true);
    }
  });
});
