// Event and storyline clustering measured on ECB+: 35 topics, each with two different real-world
// events of the same kind (the `ecb` and the `ecbplus` half: two celebrities entering rehab, two
// earthquakes), so a topic is a hard test for telling events apart. Gold: one cluster per topic half
// ("subtopic"). Every article goes through the real analysis (cleaning, sentences, times, figures,
// entities), then through incremental clustering in shuffled orders (the corpus has no publication
// order; same seeds every run).
// Entity layers, two ways:
//   pipeline   - what the analysis gives (capitalised words stand in while it gives none);
//   gold names - the proper-name participant and location mentions ECB+ marks, grouped by text within
//                each article (NER plus within-article merging at its best; no cross-document gold).
// ECB+ has no multi-event storylines, so its subtopics are the gold for both events and storylines.
import { readFileSync } from 'node:fs';
import { createAnalyzer } from '../../src/analyze.ts';
import { readTxt } from '../../src/readers/txt.ts';
import { articleFeatures } from '../../src/corpus/stories/features.ts';
import { MemoryStoryIndex } from '../../src/corpus/stories/memory-index.ts';
import { placeArticle } from '../../src/corpus/stories/cluster.ts';
import type { AnalyzedArticle, EntityLayer, EntityType } from '../../src/types.ts';
import { bcubed, pairwise, type Clustered, type Scores } from './clusters.ts';
import { ECB_TYPES, ECBPLUS_DIR, ecbDocuments, ecbMarkables, ecbTokens, isProperName, lowerCaseWords } from './ecbplus.ts';

export const STORY_SEEDS = [1, 2, 3];

const NO_SPACE_BEFORE = /^(?:[,.;:!?%)\]}”’]|'s|n't|'re|'ve|'ll|'d|'m|’s)$/i;
const NO_SPACE_AFTER = /^[(\[{“$‘]$/;

export interface Doc {
  name: string;
  gold: string;
  text: string;
  /** Proper-name gold mentions (text, type), for the "gold names" entity layers. */
  names: { text: string; type: EntityType }[];
}

/** The article text (one sentence a line, tokens re-joined) and its proper-name mentions. */
function readDoc(file: string): { text: string; names: Doc['names'] } {
  const xml = readFileSync(file, 'utf8');
  const tokens = new Map<string, string>();
  const lines: string[] = [];
  let line = '';
  let sentence = '';
  let prev = '';
  for (const { id, sentence: s, text: t } of ecbTokens(xml)) {
    tokens.set(id, t);
    if (s !== sentence && line) {
      lines.push(line);
      line = '';
    }
    sentence = s;
    line += line && !NO_SPACE_BEFORE.test(t) && !NO_SPACE_AFTER.test(prev) ? ` ${t}` : t;
    prev = t;
  }
  if (line) lines.push(line);
  const lower = lowerCaseWords(tokens.values());
  const names: Doc['names'] = [];
  for (const m of ecbMarkables(xml)) {
    const type = ECB_TYPES[m.tag];
    if (!type) continue;
    let words = m.tokenIds.map((id) => tokens.get(id) ?? '');
    while (words.length > 1 && /^(the|a|an)$/i.test(words[0])) words = words.slice(1);
    if (!isProperName(words, lower)) continue;
    let text = '';
    for (const w of words) text += text && !NO_SPACE_BEFORE.test(w) ? ` ${w}` : w;
    names.push({ text, type });
  }
  return { text: lines.join('\n'), names };
}

/** Every ECB+ article with its gold subtopic ("<topic>/ecb" or "<topic>/ecbplus"). */
export function readCorpus(dir = ECBPLUS_DIR): Doc[] {
  return ecbDocuments(dir).map(({ topic, name, path }) => ({ name, gold: `${topic}/${name.includes('ecbplus') ? 'ecbplus' : 'ecb'}`, ...readDoc(path) }));
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

/** Scores of one clustering: events and storylines, pairwise (p) and B-cubed (b). */
export interface ClusterScores {
  ep: Scores;
  eb: Scores;
  sp: Scores;
  sb: Scores;
}

export interface StoryModeScores {
  /** "pipeline entities" (or the stand-in when the pipeline gives none), "gold proper names as entities". */
  label: string;
  orders: (ClusterScores & { seed: number; events: number; storylines: number })[];
  /** The mean over the orders. */
  mean: ClusterScores;
  /** Clustering time per article (features + placement), mean over the orders. */
  msPerArticle: number;
}

export interface StoryScores {
  articles: number;
  subtopics: number;
  topics: number;
  analyseMs: number;
  withDate: number;
  /** Every article alone. */
  singletons: { pairwise: Scores; bcubed: Scores };
  /** All articles in one cluster. */
  allInOne: { pairwise: Scores; bcubed: Scores };
  modes: StoryModeScores[];
}

/** Clusters `docs` once per seed and scores events and storylines against the gold subtopics. */
async function clusterMode(label: string, docs: AnalyzedArticle[], gold: Map<string, string>, seeds: number[]): Promise<StoryModeScores> {
  const orders: StoryModeScores['orders'] = [];
  let ms = 0;
  for (const seed of seeds) {
    const index = new MemoryStoryIndex();
    const t = performance.now();
    for (const d of shuffled(docs, seed)) await placeArticle(index, articleFeatures(d));
    ms += performance.now() - t;
    const ev: Clustered[] = index.members.map((m) => ({ gold: gold.get(m.articleId)!, pred: m.eventId }));
    const st: Clustered[] = index.members.map((m) => ({ gold: gold.get(m.articleId)!, pred: m.storylineId }));
    orders.push({
      seed,
      events: new Set(ev.map((x) => x.pred)).size,
      storylines: new Set(st.map((x) => x.pred)).size,
      ep: pairwise(ev),
      eb: bcubed(ev),
      sp: pairwise(st),
      sb: bcubed(st),
    });
  }
  const mean = (k: keyof ClusterScores): Scores => {
    const sum = (f: keyof Scores) => orders.reduce((a, o) => a + o[k][f], 0) / seeds.length;
    return { p: sum('p'), r: sum('r'), f: sum('f') };
  };
  return { label, orders, mean: { ep: mean('ep'), eb: mean('eb'), sp: mean('sp'), sb: mean('sb') }, msPerArticle: ms / seeds.length / docs.length };
}

/**
 * Analyses every ECB+ article in `dir` and clusters them in each seed's order, with the pipeline's
 * entity layers and (unless `goldNames` is false) with the gold proper names as entity layers.
 */
export async function measureStories(opts: { dir?: string; seeds?: number[]; goldNames?: boolean } = {}): Promise<StoryScores> {
  const seeds = opts.seeds ?? STORY_SEEDS;
  const corpus = readCorpus(opts.dir);
  const analyzer = await createAnalyzer();
  const t0 = performance.now();
  const analysed: AnalyzedArticle[] = [];
  for (const d of corpus) analysed.push(await analyzer.analyze(readTxt(`${d.name}.txt`, d.text, 'utf-8')));
  const analyseMs = performance.now() - t0;
  const gold = new Map(corpus.map((d, i) => [analysed[i].id, d.gold]));
  const singletons = analysed.map((a) => ({ gold: gold.get(a.id)!, pred: a.id }));
  const allInOne = analysed.map((a) => ({ gold: gold.get(a.id)!, pred: 'all' }));
  const pipelineEntities = analysed.some((a) => a.entities.length > 0);
  const modes = [await clusterMode(pipelineEntities ? 'pipeline entities' : 'pipeline (no entity layer: capitalised words)', analysed, gold, seeds)];
  if (opts.goldNames !== false) {
    const withGoldNames = analysed.map((a, i) => ({ ...a, entities: goldLayers(a.text, corpus[i].names) }));
    modes.push(await clusterMode('gold proper names as entities', withGoldNames, gold, seeds));
  }
  return {
    articles: corpus.length,
    subtopics: new Set(corpus.map((d) => d.gold)).size,
    topics: new Set(corpus.map((d) => d.gold.split('/')[0])).size,
    analyseMs,
    withDate: analysed.filter((a) => a.publishedAt).length,
    singletons: { pairwise: pairwise(singletons), bcubed: bcubed(singletons) },
    allInOne: { pairwise: pairwise(allInOne), bcubed: bcubed(allInOne) },
    modes,
  };
}
