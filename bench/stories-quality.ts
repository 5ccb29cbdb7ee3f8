// Event and storyline clustering measured on ECB+ (../shared/data/ecbplus): 35 topics, each with two
// different real-world events of the same kind (the `ecb` and the `ecbplus` half: two celebrities
// entering rehab, two earthquakes), so a topic is a hard test for telling events apart. Gold: one
// cluster per topic half ("subtopic"). Every article goes through the real analysis (cleaning,
// sentences, times, quantities, and entities when the pipeline has them), then through incremental
// clustering in a shuffled order (the corpus has no publication order); three shuffles, same seeds
// every run.
// Entity layers, two ways:
//   pipeline   - what the analysis gives (capitalised words stand in while it gives none);
//   gold names - the proper-name participant and location mentions ECB+ marks, grouped by text within
//                each article (NER plus within-article merging at its best; no cross-document gold).
// Prints pairwise and B-cubed precision/recall/F1 for events and for storylines (ECB+ has no
// multi-event storylines, so its subtopics are the gold for both), and the singleton baseline.
// Usage: node bin/run-ts.js bench/stories-quality.ts [path to ecbplus]
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnalyzer } from '../src/analyze.ts';
import { readTxt } from '../src/readers/txt.ts';
import { articleFeatures } from '../src/stories/features.ts';
import { MemoryStoryIndex } from '../src/stories/memory-index.ts';
import { placeArticle } from '../src/stories/cluster.ts';
import type { AnalyzedArticle, EntityLayer, EntityType } from '../src/types.ts';

const DIR = (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url) ? process.argv[2] : undefined) ?? join(import.meta.dirname, '..', '..', 'shared', 'data', 'ecbplus');
const SEEDS = [1, 2, 3];

const TYPES: Record<string, EntityType> = {
  HUMAN_PART_PER: 'PER',
  HUMAN_PART_ORG: 'ORG',
  HUMAN_PART_GPE: 'LOC',
  LOC_GEO: 'LOC',
  LOC_FAC: 'LOC',
};
const NO_SPACE_BEFORE = /^(?:[,.;:!?%)\]}”’]|'s|n't|'re|'ve|'ll|'d|'m|’s)$/i;
const NO_SPACE_AFTER = /^[(\[{“$‘]$/;

interface Doc {
  name: string;
  gold: string;
  text: string;
  /** Proper-name gold mentions (text, type), for the "gold names" entity layers. */
  names: { text: string; type: EntityType }[];
}

function decode(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
}

/** The article text (one sentence a line, tokens re-joined) and its proper-name mentions. */
function readDoc(file: string): { text: string; names: Doc['names'] } {
  const xml = readFileSync(file, 'utf8');
  const tokens = new Map<string, string>();
  const lines: string[] = [];
  let line = '';
  let sentence = '';
  let prev = '';
  for (const m of xml.matchAll(/<token t_id="(\d+)" sentence="(\d+)"[^>]*>([^<]*)<\/token>/g)) {
    const t = decode(m[3]);
    tokens.set(m[1], t);
    if (m[2] !== sentence && line) {
      lines.push(line);
      line = '';
    }
    sentence = m[2];
    line += line && !NO_SPACE_BEFORE.test(t) && !NO_SPACE_AFTER.test(prev) ? ` ${t}` : t;
    prev = t;
  }
  if (line) lines.push(line);
  const lower = new Set([...tokens.values()].filter((t) => /^\p{Ll}/u.test(t)));
  const names: Doc['names'] = [];
  for (const m of xml.matchAll(/<([A-Z_]+) m_id="\d+"[^>]*>\s*((?:<token_anchor t_id="\d+"\/>\s*)+)<\/\1>/g)) {
    const type = TYPES[m[1]];
    if (!type) continue;
    let words = [...m[2].matchAll(/t_id="(\d+)"/g)].map((x) => tokens.get(x[1]) ?? '');
    while (words.length > 1 && /^(the|a|an)$/i.test(words[0])) words = words.slice(1);
    const proper = words.every((w) => /^[\p{Lu}\d]/u.test(w) || /^(of|de|al|bin|van|von|der|del|la|and|&|-|\.|'s)$/.test(w));
    if (!proper || !/^\p{Lu}/u.test(words[0] ?? '')) continue;
    if (words.every((w) => lower.has(w.toLowerCase()) || !/\p{L}/u.test(w))) continue;
    let text = '';
    for (const w of words) text += text && !NO_SPACE_BEFORE.test(w) ? ` ${w}` : w;
    names.push({ text, type });
  }
  return { text: lines.join('\n'), names };
}

export function readCorpus(): Doc[] {
  const docs: Doc[] = [];
  const topics = readdirSync(DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  for (const t of topics.sort((a, b) => Number(a) - Number(b))) {
    for (const f of readdirSync(join(DIR, t)).filter((x) => x.endsWith('.xml')).sort()) {
      const half = f.includes('ecbplus') ? 'ecbplus' : 'ecb';
      docs.push({ name: f.replace(/\.xml$/, ''), gold: `${t}/${half}`, ...readDoc(join(DIR, t, f)) });
    }
  }
  return docs;
}

/** Entity layers from the gold proper names, found again in the cleaned text (word boundaries). */
export function goldLayers(text: string, names: Doc['names']): EntityLayer[] {
  const byText = new Map<string, EntityType>();
  for (const n of names) if (!byText.has(n.text)) byText.set(n.text, n.type);
  const out: EntityLayer[] = [];
  const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  for (const [name, type] of byText) {
    const mentions = [];
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
      if (isWord(text[i - 1]) || isWord(text[i + name.length])) continue;
      mentions.push({ start: i, end: i + name.length, text: name });
    }
    if (mentions.length > 0) out.push({ id: `e${out.length + 1}`, name, type, mentions });
  }
  return out;
}

export function shuffled<T>(items: T[], seed: number): T[] {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

interface Scores {
  p: number;
  r: number;
  f: number;
}

/** Pairwise precision/recall/F1 over all pairs of items. */
export function pairwise(items: { gold: string; pred: string }[]): Scores {
  const count = (key: (i: { gold: string; pred: string }) => string) => {
    const m = new Map<string, number>();
    for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
    let pairs = 0;
    for (const n of m.values()) pairs += (n * (n - 1)) / 2;
    return pairs;
  };
  const both = count((i) => `${i.gold}\u0000${i.pred}`);
  const pred = count((i) => i.pred);
  const gold = count((i) => i.gold);
  const p = pred ? both / pred : 1;
  const r = gold ? both / gold : 1;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** B-cubed precision, recall and F1. */
export function bcubed(items: { gold: string; pred: string }[]): Scores {
  const size = (key: (i: { gold: string; pred: string }) => string) => {
    const m = new Map<string, number>();
    for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
    return m;
  };
  const g = size((i) => i.gold);
  const pr = size((i) => i.pred);
  const b = size((i) => `${i.gold}\u0000${i.pred}`);
  let p = 0;
  let r = 0;
  for (const i of items) {
    const n = b.get(`${i.gold}\u0000${i.pred}`)!;
    p += n / pr.get(i.pred)!;
    r += n / g.get(i.gold)!;
  }
  p /= items.length;
  r /= items.length;
  return { p, r, f: (2 * p * r) / (p + r) };
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
const fmt = (s: Scores) => `P ${pct(s.p)} R ${pct(s.r)} F1 ${pct(s.f)}`;

async function main(): Promise<void> {
  const corpus = readCorpus();
  const analyzer = await createAnalyzer();
  const t0 = performance.now();
  const analysed: AnalyzedArticle[] = [];
  for (const d of corpus) analysed.push(await analyzer.analyze(readTxt(`${d.name}.txt`, d.text, 'utf-8')));
  const analyseMs = performance.now() - t0;
  const gold = new Map(corpus.map((d, i) => [analysed[i].id, d.gold]));
  const withGoldNames: AnalyzedArticle[] = analysed.map((a, i) => ({ ...a, entities: goldLayers(a.text, corpus[i].names) }));
  const pipelineEntities = analysed.some((a) => a.entities.length > 0);
  const subtopics = new Set(corpus.map((d) => d.gold)).size;
  console.log(
    `ECB+: ${corpus.length} articles, ${subtopics} subtopics (gold events) in ${new Set(corpus.map((d) => d.gold.split('/')[0])).size} topics; ` +
      `analysed in ${(analyseMs / 1000).toFixed(1)} s; ${analysed.filter((a) => a.publishedAt).length} with a publication date`,
  );
  const singletons = analysed.map((a) => ({ gold: gold.get(a.id)!, pred: a.id }));
  console.log(`baseline, every article alone:  events pairwise ${fmt(pairwise(singletons))}  B3 ${fmt(bcubed(singletons))}`);

  const modes: [string, AnalyzedArticle[]][] = [
    [pipelineEntities ? 'pipeline entities' : 'pipeline (no entity layer: capitalised words)', analysed],
    ['gold proper names as entities', withGoldNames],
  ];
  for (const [label, docs] of modes) {
    console.log(`\n${label}`);
    const sums = { ep: [0, 0, 0], eb: [0, 0, 0], sp: [0, 0, 0], sb: [0, 0, 0] };
    let ms = 0;
    for (const seed of SEEDS) {
      const order = shuffled(docs, seed);
      const index = new MemoryStoryIndex();
      const t = performance.now();
      for (const d of order) placeArticle(index, articleFeatures(d));
      ms += performance.now() - t;
      const ev = index.members.map((m) => ({ gold: gold.get(m.articleId)!, pred: m.eventId }));
      const st = index.members.map((m) => ({ gold: gold.get(m.articleId)!, pred: m.storylineId }));
      const r = { ep: pairwise(ev), eb: bcubed(ev), sp: pairwise(st), sb: bcubed(st) };
      for (const k of ['ep', 'eb', 'sp', 'sb'] as const) {
        sums[k][0] += r[k].p;
        sums[k][1] += r[k].r;
        sums[k][2] += r[k].f;
      }
      const nev = new Set(ev.map((x) => x.pred)).size;
      const nst = new Set(st.map((x) => x.pred)).size;
      console.log(
        `  order ${seed}: events ${String(nev).padStart(3)}  pairwise ${fmt(r.ep)}  B3 ${fmt(r.eb)} | storylines ${String(nst).padStart(3)}  pairwise ${fmt(r.sp)}  B3 ${fmt(r.sb)}`,
      );
    }
    const mean = (a: number[]): Scores => ({ p: a[0] / SEEDS.length, r: a[1] / SEEDS.length, f: a[2] / SEEDS.length });
    console.log(`  mean:     events      pairwise ${fmt(mean(sums.ep))}  B3 ${fmt(mean(sums.eb))} | storylines      pairwise ${fmt(mean(sums.sp))}  B3 ${fmt(mean(sums.sb))}`);
    console.log(`  clustering ${(ms / SEEDS.length / docs.length).toFixed(2)} ms/article (features + placement)`);
  }
}

// Runs when started as a script (bin/run-ts.js puts the script's path in argv[1]); importable for tuning.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
