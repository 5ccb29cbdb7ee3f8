// An article's features for clustering, four kinds, none of which needs translation:
//   e:  entities (global keys; people by surname), weighted by mentions and by a mention in the lead;
//   t:  content words of title and text outside entity mentions (title words count double);
//   f:  figures: value with what it counts, its head noun (~) and its unit (@): "f:60|truce", "f:60|@day",
//       "f:18|~hostages" (shared by "bodies of hostages released" and "... returned");
//   d:  days the article names (YYYY-MM-DD, or --MM-DD without a year).
// Raw weights here; inverse document frequency is applied when the article is placed.
import type { AnalyzedArticle } from '../../types.ts';
import { splitCountsKey } from './counted.ts';
import { entityRefs, nameLikeRefs } from './entity-keys.ts';
import type { ArticleFeatures } from './shapes.ts';
import { isContentWord, stopWords } from './function-words.ts';
import { segmentWords } from '../../text/tokens.ts';
import { articleWhen, leadEnd, namedDays } from './when.ts';

/** The article fields features are built from. */
export type FeatureInput = Pick<
  AnalyzedArticle,
  'id' | 'language' | 'source' | 'title' | 'text' | 'sentences' | 'entities' | 'figures' | 'times' | 'publishedAt'
> & { headings?: AnalyzedArticle['headings'] };

const TYPE_WEIGHT = { PER: 1, ORG: 1, LOC: 0.8, MISC: 0.7 } as const;
const LEAD_BOOST = 1.5;
const TITLE_WEIGHT = 2;

function add(m: Map<string, number>, k: string, w: number): void {
  m.set(k, (m.get(k) ?? 0) + w);
}

/** Sub-linear term frequency: 1 + ln(tf). */
function damp(m: Map<string, number>): void {
  for (const [k, v] of m) m.set(k, 1 + Math.log(Math.max(1, v)));
}

/** Text form of a figure value for a feature ("57500", "3.8"). */
export function valueKey(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
}

/** Figure features of one figure: value with what it counts, the counted noun's head, and the unit. */
export function figureFeatures(q: AnalyzedArticle['figures'][number]): string[] {
  if (q.value === null || !Number.isFinite(q.value)) return [];
  const v = valueKey(q.value);
  const out = new Set<string>();
  if (q.countsKey) {
    out.add(`f:${v}|${q.countsKey}`);
    const parts = splitCountsKey(q.countsKey);
    if (parts.head && parts.head !== q.countsKey) out.add(`f:${v}|~${parts.head}`);
  }
  if (q.unit) out.add(`f:${v}|@${q.unit}`);
  return [...out];
}

export function articleFeatures(doc: FeatureInput): ArticleFeatures {
  const features = new Map<string, number>();
  const names = new Map<string, string>();
  const lead = leadEnd(doc);
  const title = (doc.title ?? '').toLowerCase();

  // Entities, or capitalised words standing in for them.
  const covered: [number, number][] = [];
  const nameWords = new Set<string>();
  const refs = entityRefs(doc);
  if (refs.length > 0) {
    const ents = new Map<string, number>();
    for (const r of refs) {
      const n = Math.max(1, r.layer.mentions.length);
      const inLead = r.layer.mentions.some((m) => m.start < lead) || (title !== '' && title.includes(r.name.toLowerCase()));
      const w = (1 + Math.log(n)) * TYPE_WEIGHT[r.type] * (inLead ? LEAD_BOOST : 1);
      ents.set(r.feature, Math.max(ents.get(r.feature) ?? 0, w));
      const known = names.get(r.feature);
      if (!known || r.name.length > known.length) names.set(r.feature, r.name);
      for (const m of r.layer.mentions) covered.push([m.start, m.end]);
    }
    for (const [k, w] of ents) features.set(k, w);
  } else {
    const counts = new Map<string, number>();
    const inLead = new Set<string>();
    for (const r of nameLikeRefs(doc)) {
      add(counts, r.feature, 1);
      if (r.start < lead) inLead.add(r.feature);
      if (!names.has(r.feature)) names.set(r.feature, r.name);
      for (const w of r.words) nameWords.add(w);
      covered.push([r.start, r.end]);
    }
    for (const [k, n] of counts) features.set(k, (1 + Math.log(n)) * (inLead.has(k) ? LEAD_BOOST : 1));
  }

  // Content words outside entity mentions.
  covered.sort((a, b) => a[0] - b[0]);
  const stop = stopWords(doc.language);
  const terms = new Map<string, number>();
  let c = 0;
  for (const w of segmentWords(doc.text, doc.language)) {
    while (c < covered.length && covered[c][1] <= w.start) c++;
    if (c < covered.length && covered[c][0] <= w.start && w.end <= covered[c][1]) continue;
    if (isContentWord(w.folded, stop) && !/^\p{N}/u.test(w.folded)) add(terms, `t:${w.folded}`, 1);
  }
  if (doc.title) {
    for (const w of segmentWords(doc.title, doc.language)) {
      if (isContentWord(w.folded, stop) && !/^\p{N}/u.test(w.folded) && !nameWords.has(w.folded)) add(terms, `t:${w.folded}`, TITLE_WEIGHT);
    }
  }
  damp(terms);
  for (const [k, w] of terms) features.set(k, w);

  // Figures and days.
  for (const q of doc.figures) for (const f of figureFeatures(q)) features.set(f, 1);
  for (const d of namedDays(doc.times)) features.set(`d:${d}`, 1);

  return { id: doc.id, language: doc.language, source: doc.source, when: articleWhen(doc), features, names };
}

/** The kind of a feature string. */
export function kindOf(feature: string): 'e' | 't' | 'f' | 'd' {
  return feature[0] as 'e' | 't' | 'f' | 'd';
}
