// Cross-document entity resolution measured on ECB+. Gold: the corpus's cross-document coreference of
// participant and location mentions. Scored: the mentions that are proper names (capitalised, not
// pronouns, not words the article also writes in lower case), grouped within each article by exact
// text and type (what NER plus within-article merging gives at the least), then resolved across all
// 772 articles as one stream. B-cubed scores of the resolver and of two baselines:
//   exact   - mentions with the same folded name and type are one entity (string match);
//   article - no merging across articles (the within-article grouping only).
import { readFileSync } from 'node:fs';
import { EntityResolver } from '../../src/corpus/entities/resolve.ts';
import { foldName } from '../../src/text/fold.ts';
import type { EntityLayer, EntityType } from '../../src/types.ts';
import { bcubed, type Clustered, type Scores } from './clusters.ts';
import { ECB_TYPES, ECBPLUS_DIR, ecbDocuments, ecbMarkables, ecbTokens, isProperName, lowerCaseWords } from './ecbplus.ts';
import { corpusLanguage } from '../../src/lang/registry.ts';

const PRONOUNS = new Set(['He', 'She', 'It', 'They', 'We', 'I', 'You', 'His', 'Her', 'Their', 'Its', 'Him', 'Them', 'Who', 'This', 'That', "I'm", "I'd", "It's", "She's", "He's", 'Where']);
const LEADING = new Set(['The', 'the', 'A', 'a', 'An', 'an']);

interface GoldMention {
  doc: string;
  type: EntityType;
  text: string;
  start: number;
  end: number;
  gold: string;
}

function readDoc(file: string, doc: string): { text: string; mentions: GoldMention[] } {
  const xml = readFileSync(file, 'utf8');
  const tokens = new Map<string, { text: string; start: number; end: number }>();
  let text = '';
  let sentence = '';
  for (const t of ecbTokens(xml)) {
    if (text) text += t.sentence !== sentence ? '\n' : ' ';
    sentence = t.sentence;
    tokens.set(t.id, { text: t.text, start: text.length, end: text.length + t.text.length });
    text += t.text;
  }
  // Gold chains: cross-document ones by instance id, within-document ones by relation id.
  const chain = new Map<string, string>();
  for (const m of xml.matchAll(/<(CROSS_DOC_COREF|INTRA_DOC_COREF) r_id="(\d+)"(?: note="([^"]*)")?\s*>([\s\S]*?)<\/\1>/g)) {
    const id = m[1] === 'CROSS_DOC_COREF' && m[3] ? m[3] : `${doc}#${m[2]}`;
    for (const s of m[4].matchAll(/<source m_id="(\d+)"/g)) chain.set(s[1], id);
  }
  const lower = lowerCaseWords([...tokens.values()].map((t) => t.text));
  const mentions: GoldMention[] = [];
  for (const a of ecbMarkables(xml)) {
    const type = ECB_TYPES[a.tag];
    const gold = chain.get(a.id);
    if (!type || !gold) continue;
    let toks = a.tokenIds.map((id) => tokens.get(id)!).filter(Boolean);
    while (toks.length > 1 && LEADING.has(toks[0].text)) toks = toks.slice(1);
    if (toks.length === 0) continue;
    const words = toks.map((t) => t.text);
    if (words.length === 1 && PRONOUNS.has(words[0])) continue;
    if (!isProperName(words, lower)) continue;
    const start = toks[0].start;
    const end = toks[toks.length - 1].end;
    mentions.push({ doc, type, text: text.slice(start, end), start, end, gold });
  }
  return { text, mentions };
}

export interface EntityResolutionScores {
  articles: number;
  mentions: number;
  goldEntities: number;
  /** Entities the resolver ends with, and the time it took. */
  entities: number;
  ms: number;
  /** B-cubed of the resolver and of the two baselines. */
  resolver: Scores;
  exactName: Scores;
  noMerging: Scores;
  /** Links made, by rule. */
  rules: Map<string, number>;
  /**
   * Gold entities split over several predicted entities, and predicted entities that merge several
   * gold ones, largest first: each part with its mention texts and counts.
   */
  errors: { split: ErrorCluster[]; merged: ErrorCluster[] };
}

/** One erroneous cluster: the id it is grouped by and its parts (the other side's ids) with their mention texts. */
export interface ErrorCluster {
  id: string;
  mentions: number;
  parts: { id: string; names: Map<string, number> }[];
}

function errorClusters(rows: { by: string; part: string; text: string }[]): ErrorCluster[] {
  const groups = new Map<string, Map<string, Map<string, number>>>();
  for (const r of rows) {
    let g = groups.get(r.by);
    if (!g) groups.set(r.by, (g = new Map()));
    let names = g.get(r.part);
    if (!names) g.set(r.part, (names = new Map()));
    names.set(r.text, (names.get(r.text) ?? 0) + 1);
  }
  const out: ErrorCluster[] = [];
  for (const [id, g] of groups) {
    if (g.size < 2) continue;
    const count = (n: Map<string, number>): number => [...n.values()].reduce((a, b) => a + b, 0);
    const parts = [...g].map(([part, names]) => ({ id: part, names })).sort((a, b) => count(b.names) - count(a.names));
    out.push({ id, mentions: parts.reduce((n, p) => n + count(p.names), 0), parts });
  }
  // the errors that cost most first: a cluster's smaller parts, by mentions
  const cost = (c: ErrorCluster): number => c.mentions - [...c.parts[0].names.values()].reduce((a, b) => a + b, 0);
  return out.sort((a, b) => cost(b) - cost(a) || a.id.localeCompare(b.id));
}

/** Resolves the proper-name mentions of every ECB+ article in `dir` as one stream and scores the result. */
export function measureEntityResolution(dir = ECBPLUS_DIR): EntityResolutionScores {
  const docs: { id: string; mentions: GoldMention[]; layer: EntityLayer[] }[] = [];
  for (const { name: id, path } of ecbDocuments(dir)) {
    const { mentions } = readDoc(path, id);
    const groups = new Map<string, EntityLayer>();
    for (const m of mentions) {
      const k = `${m.type}\u0000${m.text}`;
      let e = groups.get(k);
      if (!e) {
        e = { id: `e${groups.size + 1}`, name: m.text, type: m.type, mentions: [] };
        groups.set(k, e);
      }
      e.mentions.push({ start: m.start, end: m.end, text: m.text });
    }
    docs.push({ id, mentions, layer: [...groups.values()] });
  }

  const resolver = new EntityResolver();
  const t0 = performance.now();
  const keyOf = new Map<string, string>();
  for (const d of docs) {
    const r = resolver.add({ id: d.id, language: corpusLanguage('ecbplus'), publishedAt: null, entities: d.layer });
    for (const e of r.entities) for (const m of e.mentions) keyOf.set(`${d.id}:${m.start}`, e.key ?? `${d.id}:${e.id}`);
  }
  const ms = performance.now() - t0;

  const ours: Clustered[] = [];
  const texts: string[] = [];
  const exact: Clustered[] = [];
  const article: Clustered[] = [];
  for (const d of docs) {
    for (const m of d.mentions) {
      ours.push({ gold: m.gold, pred: resolver.current(keyOf.get(`${d.id}:${m.start}`)!) });
      texts.push(m.text);
      exact.push({ gold: m.gold, pred: `${m.type}:${foldName(m.text)}` });
      article.push({ gold: m.gold, pred: `${d.id}:${m.type}:${m.text}` });
    }
  }
  const rules = new Map<string, number>();
  for (const l of resolver.state().links) rules.set(l.rule, (rules.get(l.rule) ?? 0) + 1);
  return {
    articles: docs.length,
    mentions: ours.length,
    goldEntities: new Set(ours.map((x) => x.gold)).size,
    entities: resolver.entities().length,
    ms,
    resolver: bcubed(ours),
    exactName: bcubed(exact),
    noMerging: bcubed(article),
    rules,
    errors: {
      split: errorClusters(ours.map((x, i) => ({ by: x.gold, part: x.pred, text: texts[i] }))),
      merged: errorClusters(ours.map((x, i) => ({ by: x.pred, part: x.gold, text: texts[i] }))),
    },
  };
}
