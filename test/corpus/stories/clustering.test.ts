// Event and storyline clustering on the five example articles: 000 (en) and 002 (nl) report the same
// event (Netanyahu's July 2025 Washington visit, the 60-day truce talks), 001 (February 2025 visit),
// 003 (September 2025 meeting) and 004 (Blinken in Israel, May 2024) are events of their own, and all
// five are one storyline. 000 and 002 carry no publication date: their grouping rests on shared
// entities and figures, never on dates.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createAnalyzer } from '../../../src/analyze.ts';
import { readTxt } from '../../../src/readers/txt.ts';
import { articleFeatures } from '../../../src/corpus/stories/features.ts';
import { placeArticle, DEFAULT_CLUSTER_OPTIONS } from '../../../src/corpus/stories/cluster.ts';
import { MemoryStoryIndex } from '../../../src/corpus/stories/memory-index.ts';
import type { ClusterLevel, ClusterState, Placement, StoryIndex } from '../../../src/corpus/stories/shapes.ts';
import type { AnalyzedArticle } from '../../../src/types.ts';
import { EXAMPLE_FILES, exampleDocs, exampleRaw } from './examples.ts';
import { dataPath } from '../../../support/data.ts';
import { hasData } from '../../helpers/needs.ts';

let seeded: AnalyzedArticle[];
let plain: AnalyzedArticle[];

beforeAll(async () => {
  seeded = await exampleDocs();
  const analyzer = await createAnalyzer();
  plain = await Promise.all(EXAMPLE_FILES.map((f) => analyzer.analyze(exampleRaw(f))));
});

const featureCache = new WeakMap<AnalyzedArticle, ReturnType<typeof articleFeatures>>();
const features = (d: AnalyzedArticle) => {
  let f = featureCache.get(d);
  if (!f) featureCache.set(d, (f = articleFeatures(d)));
  return f;
};

/** Places the articles in the given order; returns, per example index, its event and storyline. */
async function cluster(
  docs: AnalyzedArticle[],
  order: number[],
  noise: AnalyzedArticle[] = [],
  noiseEvery = 0,
): Promise<{ ev: string[]; st: string[]; placements: Placement[]; index: MemoryStoryIndex }> {
  const index = new MemoryStoryIndex();
  const ev: string[] = [];
  const st: string[] = [];
  const placements: Placement[] = [];
  let n = 0;
  for (const i of order) {
    for (let k = 0; k < noiseEvery && n < noise.length; k++) await placeArticle(index, features(noise[n++]));
    const p = await placeArticle(index, features(docs[i]));
    ev[i] = p.eventId;
    st[i] = p.storylineId;
    placements[i] = p;
  }
  return { ev, st, placements, index };
}

/** The grouping as the index of the first member of each example's group: "01034" = {0,2}, {1}, {3}, {4}. */
const groups = (ids: string[]) => ids.map((id) => ids.indexOf(id)).join('');

function permutations(a: number[]): number[][] {
  return a.length <= 1 ? [a] : a.flatMap((x, i) => permutations([...a.slice(0, i), ...a.slice(i + 1)]).map((p) => [x, ...p]));
}

describe('events and storylines of the five examples', () => {
  it('000 and 002 are one event; 001, 003 and 004 are events of their own; all five one storyline', async () => {
    const { ev, st } = await cluster(seeded, [0, 1, 2, 3, 4]);
    expect(groups(ev)).toBe('01034');
    expect(groups(st)).toBe('00000');
  });

  it('gives the same grouping in every one of the 120 arrival orders', async () => {
    const seen = new Set<string>();
    for (const order of permutations([0, 1, 2, 3, 4])) {
      const { ev, st } = await cluster(seeded, order);
      seen.add(`${groups(ev)} ${groups(st)}`);
    }
    expect([...seen]).toEqual(['01034 00000']);
  });

  it('groups them the same with only the analysis the pipeline gives now (no entity layer: capitalised words stand in)', async () => {
    for (const order of [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [1, 0, 3, 2, 4]]) {
      const { ev, st } = await cluster(plain, order);
      expect(groups(ev)).toBe('01034');
      expect(groups(st)).toBe('00000');
    }
  });

  it('joins 000 and 002 on shared figures, not on dates (both undated)', async () => {
    const { placements } = await cluster(seeded, [0, 2]);
    const p = placements[2];
    expect(p.when).toEqual({ day: null, monthDay: null, from: null });
    expect(placements[0].when.day).toBeNull();
    expect(p.newEvent).toBe(false);
    expect(p.eventReason).toMatchObject({ d: null, t: null });
    expect(p.eventReason!.f).toBe(1); // 60-day truce and the 18 bodies of hostages
  });

  it('keeps 001 apart from 000 although the same people meet at the White House: no shared figure, date or enough words', async () => {
    const { placements } = await cluster(seeded, [0, 1]);
    const p = placements[1];
    expect(p.when).toMatchObject({ day: null, monthDay: '02-04' }); // "Feb. 4", year unknown
    expect(p.newEvent).toBe(true);
    expect(p.newStoryline).toBe(false);
    expect(p.eventReason!.e).toBeGreaterThan(0.5); // same participants…
    expect(p.eventReason!.t!).toBeLessThan(DEFAULT_CLUSTER_OPTIONS.event.specific.t); // …not the same happening
    expect(p.eventReason!.score).toBeNull();
  });

  it('joins 001 to 000 once its "Feb. 4" is gone: the same cast with some shared wording is one event only while time cannot tell them apart', async () => {
    const undated = { ...features(seeded[1]), when: { day: null, monthDay: null, from: null } };
    const index = new MemoryStoryIndex();
    const first = await placeArticle(index, features(seeded[0]));
    const p = await placeArticle(index, undated);
    expect(p.eventId).toBe(first.eventId);
    expect(p.eventReason!.e).toBeGreaterThanOrEqual(DEFAULT_CLUSTER_OPTIONS.event.cast.e);
    expect(p.eventReason!.t!).toBeGreaterThanOrEqual(DEFAULT_CLUSTER_OPTIONS.event.cast.t);
  });

  it('puts all eleven examples (eight languages, pipeline analysis) in one storyline, in several orders', async () => {
    const analyzer = await createAnalyzer();
    const dir = join(import.meta.dirname, '..', '..', '..', 'examples');
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
    expect(files).toHaveLength(11);
    const docs = await Promise.all(files.map((f) => analyzer.analyze(readTxt(`examples/${f}`, readFileSync(join(dir, f), 'utf8'), 'utf-8'))));
    const orders = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0], [5, 0, 6, 1, 7, 2, 8, 3, 9, 4, 10], [3, 7, 1, 9, 0, 10, 2, 6, 4, 8, 5]];
    for (const order of orders) {
      const { ev, st } = await cluster(docs, order);
      expect(new Set(st).size).toBe(1);
      expect(ev[0]).toBe(ev[2]); // 000 and 002: one event
      expect(new Set([ev[0], ev[1], ev[3], ev[4]]).size).toBe(4);
    }
  });

  it('splits reports of the same people on dates more than a week apart', async () => {
    const a = { ...seeded[0], publishedAt: '2025-07-08' };
    const b = { ...seeded[2], publishedAt: '2025-07-09' };
    const far = { ...seeded[2], id: 'ffff000000000002', publishedAt: '2025-03-01' };
    expect(groups((await cluster([a, b], [0, 1])).ev)).toBe('00');
    const split = await cluster([a, far], [0, 1]);
    expect(groups(split.ev)).toBe('01');
    expect(groups(split.st)).toBe('00');
  });

  it.runIf(hasData('bbc'))('is not disturbed by unrelated articles arriving in between, which stay out of the storyline', async () => {
    const analyzer = await createAnalyzer();
    const dir = dataPath('bbc');
    const noise: AnalyzedArticle[] = [];
    for (const section of ['business', 'politics', 'sport', 'tech']) {
      for (const f of readdirSync(join(dir, section)).sort().slice(0, 10)) {
        noise.push(await analyzer.analyze(readTxt(`${section}/${f}`, readFileSync(join(dir, section, f), 'latin1'), 'latin1')));
      }
    }
    for (const order of [[0, 1, 2, 3, 4], [3, 0, 4, 2, 1]]) {
      const { ev, st, index } = await cluster(seeded, order, noise, 8);
      expect(groups(ev)).toBe('01034');
      expect(groups(st)).toBe('00000');
      expect(index.members.filter((m) => m.storylineId === st[0]).map((m) => m.articleId).sort()).toEqual(seeded.map((d) => d.id).sort());
    }
  });
});

/** Wraps an index to count what placing reads from it. */
class CountingIndex implements StoryIndex {
  clustersRead: number[] = [];
  constructor(private readonly inner: MemoryStoryIndex) {}
  df(f: string[]) {
    return this.inner.df(f);
  }
  postings(f: string[], per: number) {
    return this.inner.postings(f, per);
  }
  clusters(ids: string[]): ClusterState[] {
    const out = this.inner.clusters(ids);
    this.clustersRead.push(out.length);
    return out;
  }
  nextSeq() {
    return this.inner.nextSeq();
  }
  commit(p: Placement) {
    this.inner.commit(p);
  }
}

describe('candidate lookup', () => {
  it('reads a bounded number of clusters per article however many share its entities', async () => {
    const index = new CountingIndex(new MemoryStoryIndex());
    const base = seeded[4];
    // 150 articles naming the same people, each on a day of its own (so each starts an event).
    const f = articleFeatures(base);
    for (let i = 0; i < 150; i++) {
      const day = new Date(Date.UTC(2020, 0, 1) + i * 9 * 86_400_000).toISOString().slice(0, 10);
      await placeArticle(index, { ...f, id: `${String(i).padStart(12, '0')}aaaa`, when: { day, monthDay: null, from: 'published' } });
    }
    const { eventCandidates, storylineCandidates } = DEFAULT_CLUSTER_OPTIONS;
    const bound = eventCandidates + storylineCandidates + eventCandidates; // events; storylines and the candidates' storylines
    expect(new Set(index.clustersRead).size).toBeGreaterThan(0);
    expect(150).toBeGreaterThan(bound); // more events exist than may be read
    expect(Math.max(...index.clustersRead.slice(-50))).toBeLessThanOrEqual(bound);
  });
});

describe('storylines on BBC News (a storyline is one developing story, not a topic)', () => {
  const read = async (files: string[]) => {
    const analyzer = await createAnalyzer();
    const dir = dataPath('bbc');
    return Promise.all(files.map((f) => analyzer.analyze(readTxt(f, readFileSync(join(dir, f), 'latin1'), 'latin1'))));
  };

  it.runIf(hasData('bbc'))('keeps Japanese cinema out of the storyline of the Japanese economy: a shared country is a setting, not a participant', async () => {
    const economy = ['business/006.txt', 'business/044.txt', 'business/046.txt', 'business/110.txt'];
    const cinema = ['entertainment/046.txt', 'entertainment/065.txt'];
    const docs = await read([...economy, ...cinema]);
    for (const order of [[0, 1, 2, 3, 4, 5], [4, 0, 5, 1, 2, 3]]) {
      const { st } = await cluster(docs, order);
      expect(st[0]).toBe(st[1]); // "Japan narrowly escapes recession", "Japan economy slides to recession"
      expect(st.slice(0, 4)).not.toContain(st[4]); // "Howl helps boost Japan's cinemas"
    }
  });

  it.runIf(hasData('bbc'))('keeps the burglar-defence story out of the Tory election campaign although both name Howard and the Tories', async () => {
    // "Tories attack burglar 'U-turns'", "Burglar defence guidelines issued"; "Howard unveils Tory asylum plans", "Howard unveils election platform"
    const docs = await read(['politics/034.txt', 'politics/230.txt', 'politics/087.txt', 'politics/159.txt']);
    for (const order of [[2, 3, 0, 1], [0, 2, 1, 3]]) {
      const { st } = await cluster(docs, order);
      expect(st[0]).toBe(st[1]);
      expect([st[2], st[3]]).not.toContain(st[0]);
    }
  });
});
