// Generated analysed articles for the scale benchmarks (bench/scale.ts, bench/load.ts): each one is a
// BBC headline and lead paragraph followed by two to four paragraphs of other BBC articles of the
// same section (seeded, so article n is the same in every run), about 2.3 KB of text, dated 40
// articles a day in order. Its layers are found with simple patterns, so that the row counts are
// realistic without running the analysis: people (capitalised word runs, and single capitalised
// words inside a sentence, which exercise surname resolution), quotes, figures and years.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IngestItem } from '../../src/store/store.ts';
import type { AnalyzedArticle, EntityLayer, RawArticle } from '../../src/types.ts';
import { corpusLanguage } from '../../src/lang/registry.ts';
import { dataPath, requireData } from '../data.ts';

interface Text {
  file: string;
  section: string;
  headline: string;
  paras: string[];
}

let loaded: { texts: Text[]; bySection: Map<string, Text[]> } | undefined;

function bbc(): { texts: Text[]; bySection: Map<string, Text[]> } {
  if (loaded) return loaded;
  requireData('bbc');
  const root = dataPath('bbc');
  const texts: Text[] = [];
  const bySection = new Map<string, Text[]>();
  for (const section of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const f of readdirSync(join(root, section)).sort()) {
      const body = new TextDecoder('utf-8', { fatal: false }).decode(readFileSync(join(root, section, f)));
      const [headline, ...rest] = body.split('\n');
      const paras = rest.join('\n').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
      if (paras.length === 0) continue;
      const t = { file: `bbc/${section}/${f}`, section, headline: headline.trim(), paras };
      texts.push(t);
      const list = bySection.get(section) ?? [];
      list.push(t);
      bySection.set(section, list);
    }
  }
  loaded = { texts, bySection };
  return loaded;
}

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const matches = (text: string, re: RegExp) => [...text.matchAll(re)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, text: m[0] }));

/** Articles a day: the generated corpus spans N / 40 days. */
const PER_DAY = 40;
const DAY0 = Date.UTC(2004, 0, 1);

/** The text of generated article n (headline, then paragraphs). */
export function generatedText(n: number): { file: string; section: string; headline: string; text: string } {
  const { texts, bySection } = bbc();
  const rand = rng(n + 1);
  const main = texts[Math.floor(rand() * texts.length)];
  const pool = bySection.get(main.section)!;
  const paras = [main.paras[0]];
  const more = 2 + Math.floor(rand() * 3);
  for (let i = 0; i < more; i++) {
    const other = rand() < 0.5 ? main : pool[Math.floor(rand() * pool.length)];
    paras.push(other.paras[Math.floor(rand() * other.paras.length)]);
  }
  paras.push(`Report ${n}.`);
  return { file: main.file, section: main.section, headline: main.headline, text: paras.join('\n\n') };
}

/** Generated article n, ready for `store.ingest` / `corpus.add`. */
export function generatedItem(n: number): IngestItem {
  const { file, section, headline, text } = generatedText(n);
  const contentHash = createHash('sha256').update(headline + '\n' + text).digest('hex');
  const id = contentHash.slice(0, 16);
  const names = new Map<string, EntityLayer>();
  const person = (m: { start: number; end: number; text: string }) => {
    const e = names.get(m.text) ?? { id: `e${names.size + 1}`, name: m.text, type: 'PER' as const, mentions: [] };
    e.mentions.push(m);
    names.set(m.text, e);
  };
  for (const m of matches(text, /\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b/g)) person(m);
  // Single capitalised words inside a sentence ("said Blair"): surnames and places.
  for (const m of matches(text, /(?<=[a-z,] )[A-Z][a-z]{3,}\b(?! [A-Z])/g)) person(m);
  const day = new Date(DAY0 + Math.floor(n / PER_DAY) * 86_400_000).toISOString().slice(0, 10);
  const article: AnalyzedArticle = {
    file,
    id,
    title: headline,
    dek: null,
    byline: null,
    source: `BBC ${section}`,
    url: null,
    language: corpusLanguage('bbc'),
    languageConfidence: 0.99,
    languageSupported: true,
    publishedAt: day,
    publishedAtFrom: 'metadata',
    text,
    removed: [],
    headings: [],
    sentences: matches(text, /[^.!?]+[.!?]/g).map(({ start, end }) => ({ start, end })),
    entities: [...names.values()],
    quotes: matches(text, /"[^"\n]{10,}"/g).map((q) => ({ ...q, kind: 'direct' as const, speaker: { name: 'Tony Blair', entity: null }, cue: 'said' })),
    figures: matches(text, /\b\d[\d,.]*(?: (?:million|billion|bn|m))?\b/g).map((q) => ({
      ...q,
      value: Number(q.text.replace(/,/g, '')) || null,
      unit: null,
      qualifier: null,
      counts: 'jobs',
    })),
    times: matches(text, /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|20\d\d)\b/g).map((t) => ({
      ...t,
      value: day.slice(0, 4),
      granularity: 'year' as const,
    })),
  };
  const input = `${headline}\n\n${text}\n`;
  const raw: RawArticle = { file, format: 'txt', raw: input, original: input, meta: {} };
  return { contentHash, raw, article };
}
