// Cross-document entity resolution measured on ECB+ (../shared/data/ecbplus, 772 English news
// articles in 35 topics, each topic two different events of one kind). Gold: the corpus's
// cross-document coreference of participant and location mentions. Scored: the mentions that are
// proper names (capitalised, not pronouns, not words the article also writes in lower case), grouped within each article by exact text and type
// (what NER plus within-article merging gives at the least), then resolved across all 772 articles
// as one stream. Prints B-cubed precision, recall and F1 against two baselines:
//   exact   - mentions with the same folded name and type are one entity (string match);
//   article - no merging across articles (the within-article grouping only).
// Usage: node bin/run-ts.js bench/global-entities-ecbplus.ts [path to ecbplus]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EntityResolver } from '../src/entities/resolve.ts';
import { foldName } from '../src/entities/normalise.ts';
import type { EntityLayer, EntityType } from '../src/types.ts';

const DIR = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'data', 'ecbplus');

const TYPES: Record<string, EntityType> = {
  HUMAN_PART_PER: 'PER',
  HUMAN_PART_ORG: 'ORG',
  HUMAN_PART_GPE: 'LOC',
  LOC_GEO: 'LOC',
  LOC_FAC: 'LOC',
};
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

function decode(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
}

function readDoc(file: string, doc: string): { text: string; mentions: GoldMention[] } {
  const xml = readFileSync(file, 'utf8');
  const tokens = new Map<string, { text: string; start: number; end: number }>();
  let text = '';
  let sentence = '';
  for (const m of xml.matchAll(/<token t_id="(\d+)" sentence="(\d+)"[^>]*>([^<]*)<\/token>/g)) {
    if (text) text += m[2] !== sentence ? '\n' : ' ';
    sentence = m[2];
    const t = decode(m[3]);
    tokens.set(m[1], { text: t, start: text.length, end: text.length + t.length });
    text += t;
  }
  // Mentions: markables with token anchors.
  const anchors = new Map<string, { type: string; ids: string[] }>();
  for (const m of xml.matchAll(/<([A-Z_]+) m_id="(\d+)"[^>]*>\s*((?:<token_anchor t_id="\d+"\/>\s*)+)<\/\1>/g)) {
    anchors.set(m[2], { type: m[1], ids: [...m[3].matchAll(/t_id="(\d+)"/g)].map((x) => x[1]) });
  }
  // Gold chains: cross-document ones by instance id, within-document ones by relation id.
  const chain = new Map<string, string>();
  for (const m of xml.matchAll(/<(CROSS_DOC_COREF|INTRA_DOC_COREF) r_id="(\d+)"(?: note="([^"]*)")?\s*>([\s\S]*?)<\/\1>/g)) {
    const id = m[1] === 'CROSS_DOC_COREF' && m[3] ? m[3] : `${doc}#${m[2]}`;
    for (const s of m[4].matchAll(/<source m_id="(\d+)"/g)) chain.set(s[1], id);
  }
  // Words the article also writes in lower case are common nouns in a capitalised headline ("Police").
  const lower = new Set([...tokens.values()].map((t) => t.text).filter((t) => /^\p{Ll}/u.test(t)));
  const mentions: GoldMention[] = [];
  for (const [mid, a] of anchors) {
    const type = TYPES[a.type];
    const gold = chain.get(mid);
    if (!type || !gold) continue;
    let toks = a.ids.map((id) => tokens.get(id)!).filter(Boolean);
    while (toks.length > 1 && LEADING.has(toks[0].text)) toks = toks.slice(1);
    if (toks.length === 0) continue;
    const words = toks.map((t) => t.text);
    if (words.length === 1 && PRONOUNS.has(words[0])) continue;
    const proper = words.every((w) => /^[\p{Lu}\d]/u.test(w) || /^(of|de|al|bin|van|von|der|del|la|and|&|-|\.|'s)$/.test(w));
    if (!proper || !/^\p{Lu}/u.test(words[0])) continue;
    if (words.every((w) => lower.has(w.toLowerCase()) || !/\p{L}/u.test(w))) continue;
    const start = toks[0].start;
    const end = toks[toks.length - 1].end;
    mentions.push({ doc, type, text: text.slice(start, end), start, end, gold });
  }
  return { text, mentions };
}

/** B-cubed precision, recall and F1 of a predicted clustering against the gold one. */
function bcubed(items: { gold: string; pred: string }[]): { p: number; r: number; f: number } {
  const goldSize = new Map<string, number>();
  const predSize = new Map<string, number>();
  const both = new Map<string, number>();
  for (const i of items) {
    goldSize.set(i.gold, (goldSize.get(i.gold) ?? 0) + 1);
    predSize.set(i.pred, (predSize.get(i.pred) ?? 0) + 1);
    const k = `${i.gold}\u0000${i.pred}`;
    both.set(k, (both.get(k) ?? 0) + 1);
  }
  let p = 0;
  let r = 0;
  for (const i of items) {
    const n = both.get(`${i.gold}\u0000${i.pred}`)!;
    p += n / predSize.get(i.pred)!;
    r += n / goldSize.get(i.gold)!;
  }
  p /= items.length;
  r /= items.length;
  return { p, r, f: (2 * p * r) / (p + r) };
}

const topics = readdirSync(DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort((a, b) => Number(a) - Number(b));
const docs: { id: string; mentions: GoldMention[]; layer: EntityLayer[] }[] = [];
for (const t of topics) {
  for (const f of readdirSync(join(DIR, t)).filter((x) => x.endsWith('.xml')).sort()) {
    const id = f.replace(/\.xml$/, '');
    const { mentions } = readDoc(join(DIR, t, f), id);
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
}

const resolver = new EntityResolver();
const t0 = performance.now();
const keyOf = new Map<string, string>();
for (const d of docs) {
  const r = resolver.add({ id: d.id, language: 'en', publishedAt: null, entities: d.layer });
  for (const e of r.entities) for (const m of e.mentions) keyOf.set(`${d.id}:${m.start}`, e.key ?? `${d.id}:${e.id}`);
}
const ms = performance.now() - t0;

const ours: { gold: string; pred: string }[] = [];
const exact: { gold: string; pred: string }[] = [];
const article: { gold: string; pred: string }[] = [];
for (const d of docs) {
  for (const m of d.mentions) {
    ours.push({ gold: m.gold, pred: resolver.current(keyOf.get(`${d.id}:${m.start}`)!) });
    exact.push({ gold: m.gold, pred: `${m.type}:${foldName(m.text)}` });
    article.push({ gold: m.gold, pred: `${d.id}:${m.type}:${m.text}` });
  }
}
const rules = new Map<string, number>();
for (const l of resolver.state().links) rules.set(l.rule, (rules.get(l.rule) ?? 0) + 1);
const fmt = (x: { p: number; r: number; f: number }): string => `P ${(100 * x.p).toFixed(1)}  R ${(100 * x.r).toFixed(1)}  F1 ${(100 * x.f).toFixed(1)}`;
console.log(`ECB+: ${docs.length} articles, ${ours.length} proper-name mentions in ${new Set(ours.map((x) => x.gold)).size} gold entities`);
console.log(`resolver   ${fmt(bcubed(ours))}   (${resolver.entities().length} entities, ${ms.toFixed(0)} ms, ${(ms / docs.length).toFixed(2)} ms/article)`);
console.log(`exact name ${fmt(bcubed(exact))}`);
console.log(`no merging ${fmt(bcubed(article))}`);
console.log('links by rule:', Object.fromEntries([...rules].sort((a, b) => b[1] - a[1])));
