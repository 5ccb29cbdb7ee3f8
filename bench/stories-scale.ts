// Throughput of incremental story clustering on generated articles: prints articles/s over the last
// 1,000 articles placed when the corpus reaches 1k, 10k and 100k articles (wall time, and CPU time of
// this process, which other jobs on the machine disturb less), so one can see whether the
// cost per article stays flat (it must: candidates come from a bounded inverted-index lookup, never
// from a comparison with every stored article). Also prints how well the generated events and
// storylines are recovered (B-cubed F1), as a sanity check that the fast path still clusters.
//
// The generator: storylines (each with its own core people, places and topic words) made of events
// (each with its own extra people, words, figures and a day; a report uses its storyline's words a
// little more often than its event's own, as a developing story keeps its vocabulary — a storyline
// is linked through shared participants and words), reported by 1-8 articles each, 80% in
// the first supported language and 20% in the second (a separate vocabulary: only names, figures and dates are shared across
// the two), in date order with a little shuffling; every article also carries common words and
// popular names drawn from a Zipf distribution over the whole corpus.
//
// Usage: node bin/run-ts.js bench/stories-scale.ts [--store memory|sqlite] [--max 100000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleFeatures } from '../src/corpus/stories/features.ts';
import { placeArticle } from '../src/corpus/stories/cluster.ts';
import { MemoryStoryIndex } from '../src/corpus/stories/memory-index.ts';
import type { StoryIndex, Placement } from '../src/corpus/stories/shapes.ts';
import type { AnalyzedArticle, EntityLayer, Figure, TimeExpr } from '../src/types.ts';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import { TableStoryIndex } from '../src/corpus/stories/table-index.ts';
import { analyzedDoc } from '../support/analyzed-doc.ts';
import { supportedLanguages } from '../src/lang/registry.ts';
import { bcubed } from './stories-quality.ts';

const args = process.argv.slice(2);
const arg = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const STORE = arg('store', 'memory');
const MAX = Number(arg('max', '100000'));
const MILESTONES = [1_000, 10_000, 100_000].filter((m) => m <= MAX);
const WINDOW = 1_000;

// ---------------------------------------------------------------- a small seeded random source

let state = 42;
function rand(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(a: T[]): T => a[Math.floor(rand() * a.length)];
/** Zipf-like index in [0, n): small indexes are much more likely. */
const zipf = (n: number) => Math.min(n - 1, Math.floor(Math.exp(rand() * Math.log(n + 1))) - 1);

const SYL = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'ze', 'ba', 'do', 'fe', 'gu', 'ha', 'ji', 'pe', 'qu', 'ri', 'su', 'ty'];
function word(i: number, prefix = ''): string {
  let s = prefix;
  let x = i + 7;
  do {
    s += SYL[x % SYL.length];
    x = Math.floor(x / SYL.length);
  } while (x > 0);
  return s;
}
const name = (i: number) => {
  const w = word(i * 7919 + 3);
  return w.charAt(0).toUpperCase() + w.slice(1);
};

interface Event {
  id: number;
  story: number;
  day: string;
  people: string[];
  words: string[];
  figures: { value: number; counts: string }[];
}

interface Story {
  id: number;
  people: string[];
  places: string[];
  words: string[];
  /** Day of its latest event: a storyline's events are at least a week apart. */
  lastDay: number;
}

const COMMON_WORDS = 20_000;
const POPULAR_NAMES = 2_000;
const DAY0 = Date.parse('2024-01-01T00:00:00Z');
const isoDay = (d: number) => new Date(DAY0 + d * 86_400_000).toISOString().slice(0, 10);

/** Generated articles in arrival order, with their true event and storyline. */
function* generate(n: number): Generator<{ doc: AnalyzedArticle; event: number; story: number }> {
  const stories: Story[] = [];
  let eventId = 0;
  let made = 0;
  // About 6 articles per event, 8 events per storyline; the calendar advances with the corpus.
  while (made < n) {
    const day = Math.floor((made / n) * 700);
    // A new storyline every ~50 articles, otherwise an event of a recent storyline (or an old one).
    let story: Story;
    if (stories.length === 0 || rand() < 0.12) {
      const sid = stories.length;
      story = {
        id: sid,
        people: Array.from({ length: 4 }, () => name(100_000 + sid * 10 + Math.floor(rand() * 10))),
        places: Array.from({ length: 2 }, (_, k) => name(500_000 + sid * 3 + k)),
        words: Array.from({ length: 25 }, (_, k) => word(1_000_000 + sid * 40 + k)),
        lastDay: -100,
      };
      stories.push(story);
    } else {
      story = stories[Math.max(0, stories.length - 1 - zipf(Math.min(stories.length, 60)))];
    }
    const eventDay = Math.max(day, story.lastDay + 8 + Math.floor(rand() * 20));
    story.lastDay = eventDay;
    const e: Event = {
      id: eventId++,
      story: story.id,
      day: isoDay(eventDay),
      people: Array.from({ length: 2 }, (_, k) => name(2_000_000 + eventId * 3 + k)),
      words: Array.from({ length: 12 }, (_, k) => word(5_000_000 + eventId * 15 + k)),
      figures: [
        { value: 10 + Math.floor(rand() * 5000), counts: pick(['people killed', 'hostages released', 'people displaced', 'truce']) },
      ],
    };
    const reports = 1 + Math.floor(rand() * 8);
    for (let r = 0; r < reports && made < n; r++, made++) {
      const other = rand() < 0.2;
      yield { doc: article(`${made}`, e, story, other), event: e.id, story: story.id };
    }
  }
}

/** The two supported languages the articles are written in: most in the first, some in the second. */
const [MAIN_LANGUAGE, OTHER_LANGUAGE] = supportedLanguages();

function article(seq: string, e: Event, s: Story, other: boolean): AnalyzedArticle {
  const lang = other ? OTHER_LANGUAGE : MAIN_LANGUAGE;
  // Words: a Dutch article uses its own vocabulary (a prefix), names and figures are shared.
  const w = (x: string) => (other ? `${OTHER_LANGUAGE}${x}` : x);
  const parts: string[] = [];
  const entities = new Map<string, EntityLayer>();
  const figures: Figure[] = [];
  const times: TimeExpr[] = [];
  let text = '';
  const put = (s2: string) => {
    if (text) text += ' ';
    const start = text.length;
    text += s2;
    return { start, end: text.length };
  };
  const mention = (nm: string, type: EntityLayer['type']) => {
    const span = put(nm);
    let e2 = entities.get(nm);
    if (!e2) entities.set(nm, (e2 = { id: `e${entities.size + 1}`, name: nm, type, mentions: [] }));
    e2.mentions.push({ ...span, text: nm });
  };
  const sentences: { start: number; end: number }[] = [];
  for (let k = 0; k < 12; k++) {
    const start = text.length + (text ? 1 : 0);
    // Each sentence: event and storyline words, common words, a name or two.
    const words = 14;
    for (let j = 0; j < words; j++) {
      const r = rand();
      if (j === 1) mention(k % 3 === 0 ? pick(e.people) : pick(s.people), 'PER');
      else if (j === 7 && k % 2 === 0) mention(pick(s.places), 'LOC');
      else if (j === 9 && k % 4 === 1) mention(name(zipf(POPULAR_NAMES)), 'PER');
      else if (r < 0.15) put(w(pick(e.words)));
      else if (r < 0.35) put(w(pick(s.words)));
      else put(w(word(zipf(COMMON_WORDS))));
    }
    if (k === 0) {
      const span = put(e.day);
      times.push({ ...span, text: e.day, value: e.day, granularity: 'day' });
    }
    if (k === 2) {
      for (const f of e.figures) {
        const v = String(f.value);
        const span = put(v);
        figures.push({ ...span, text: v, value: f.value, unit: null, qualifier: null, counts: f.counts, countsKey: f.counts });
        put(w(f.counts.split(' ')[0]));
      }
    }
    text += '.';
    sentences.push({ start, end: text.length });
  }
  parts.push(text);
  const id = `${seq.padStart(12, '0')}abcd`.slice(-16);
  return analyzedDoc(text, lang, {
    file: `gen/${seq}.txt`,
    id,
    source: `outlet-${Math.floor(rand() * 40)}`,
    sentences,
    entities: [...entities.values()],
    figures,
    times,
  });
}

// ---------------------------------------------------------------- the run

async function main(): Promise<void> {
  let index: StoryIndex;
  let cleanup = async () => {};
  let commitBatch: ((fn: () => Promise<void>) => Promise<void>) | null = null;
  if (STORE === 'sqlite') {
    // The SQLite store's own index, driven through a transaction per 200 articles as attach() does.
    const dir = mkdtempSync(join(tmpdir(), 'dossier-stories-'));
    const store = openSqliteStore(join(dir, 'bench.db'));
    const db = (store as unknown as { db: import('better-sqlite3').Database }).db;
    // Story rows refer to articles: the generated articles are not stored, so the check is off here.
    db.pragma('foreign_keys = OFF');
    const sqlite = new TableStoryIndex();
    index = sqlite;
    commitBatch = (fn) => store.write('stories', ({ stories }) => sqlite.within(stories, fn));
    cleanup = async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    };
  } else {
    index = new MemoryStoryIndex();
  }

  console.log(`stories-scale: ${STORE} index, up to ${MAX.toLocaleString('en-US')} generated articles (window ${WINDOW} articles)`);
  const truth: { event: number; story: number }[] = [];
  const placed: Pick<Placement, 'eventId' | 'storylineId'>[] = [];
  let windowStart = performance.now();
  let windowCpu = process.cpuUsage();
  let windowFeatures = 0;
  let total = 0;
  let pending: AnalyzedArticle[] = [];
  const flush = async () => {
    const run = async () => {
      for (const d of pending) {
        const t = performance.now();
        const f = articleFeatures(d);
        windowFeatures += performance.now() - t;
        const p = await placeArticle(index, f);
        placed.push({ eventId: p.eventId, storylineId: p.storylineId });
      }
    };
    if (commitBatch) await commitBatch(run);
    else await run();
    pending = [];
  };
  const started = performance.now();
  for (const g of generate(MAX)) {
    truth.push({ event: g.event, story: g.story });
    pending.push(g.doc);
    total++;
    if (pending.length === 200) await flush();
    if (total % WINDOW === 0) {
      await flush();
      if (MILESTONES.includes(total)) {
        const ms = performance.now() - windowStart;
        const cpu = process.cpuUsage(windowCpu);
        const cpuMs = (cpu.user + cpu.system) / 1000;
        const rate = (WINDOW / ms) * 1000;
        const mem = process.memoryUsage().heapUsed / 2 ** 20;
        console.log(
          `  at ${total.toLocaleString('en-US').padStart(7)} articles: ${rate.toFixed(0).padStart(5)} articles/s over the last ${WINDOW} ` +
            `(${(ms / WINDOW).toFixed(2)} ms/article wall, ${(cpuMs / WINDOW).toFixed(2)} ms CPU, features ${(windowFeatures / WINDOW).toFixed(2)} ms); ` +
            `heap ${mem.toFixed(0)} MiB`,
        );
      }
      windowStart = performance.now();
      windowCpu = process.cpuUsage();
      windowFeatures = 0;
    }
  }
  await flush();
  const secs = (performance.now() - started) / 1000;
  console.log(`  overall: ${total.toLocaleString('en-US')} articles in ${secs.toFixed(1)} s (${(total / secs).toFixed(0)} articles/s, generation included)`);
  const ev = bcubed(placed.map((p, i) => ({ gold: String(truth[i].event), pred: p.eventId })));
  const st = bcubed(placed.map((p, i) => ({ gold: String(truth[i].story), pred: p.storylineId })));
  const nEv = new Set(placed.map((p) => p.eventId)).size;
  const nSt = new Set(placed.map((p) => p.storylineId)).size;
  const gEv = new Set(truth.map((t) => t.event)).size;
  const gSt = new Set(truth.map((t) => t.story)).size;
  const pct = (x: number) => (100 * x).toFixed(1);
  console.log(`  recovered: events ${nEv} (true ${gEv}) B3 P ${pct(ev.p)} R ${pct(ev.r)} F1 ${pct(ev.f)}; storylines ${nSt} (true ${gSt}) B3 P ${pct(st.p)} R ${pct(st.r)} F1 ${pct(st.f)}`);
  await cleanup();
}

await main();
