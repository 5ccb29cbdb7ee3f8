// Figures of a story as comparable claims: each figure of each article, grouped into rows by what it
// counts (language-independent: "palestinians killed" from "Palestijnen gedood" and from "people killed"
// in Gaza), with its value, qualifier, as-of date, language, source and voice, and per row a series
// of values over time for a chart.
import { readFileSync } from 'node:fs';
import { packagePath } from '../../paths.ts';
import { worldCountries } from '../entities/countries.ts';
import type { AnalyzedArticle, Figure } from '../../types.ts';
import { splitCountsKey } from './counted.ts';
import { entityKey, nameLikeRefs } from './entity-keys.ts';
import { evidence, sentenceAt, type Evidence } from './evidence.ts';
import { sourceOf, type SourceRef } from './sources.ts';
import { voiceOf, type VoiceOf } from './voice.ts';
import { articleWhen } from './when.ts';

interface GroupsFile {
  genericNouns: string[];
  placeGroups: Record<string, string>;
  sameEvents: string[][];
  droppedModifiers: string[];
  notSubjects: string[];
}

const groups = JSON.parse(readFileSync(packagePath('src/corpus/stories/data/figure-groups.json'), 'utf8')) as GroupsFile;
const GENERIC = new Set(groups.genericNouns);
const DROPPED = new Set(groups.droppedModifiers);
const NOT_SUBJECT = new Set(groups.notSubjects);
const SAME_EVENT = new Map<string, string>();
for (const set of groups.sameEvents) for (const e of set) SAME_EVENT.set(e, set.join('/'));

let demonyms: Map<string, string> | undefined;

/** The noun for the people of a place: curated for regions, English demonym plural for countries. */
export function groupOfPlace(key: string): string | null {
  if (groups.placeGroups[key]) return groups.placeGroups[key];
  if (!key.startsWith('country:')) return null;
  if (!demonyms) {
    demonyms = new Map();
    for (const c of worldCountries()) {
      const d = (c as { demonyms?: Record<string, { m?: string }> }).demonyms?.eng?.m;
      if (!d) continue;
      const w = d.toLowerCase();
      demonyms.set(`country:${c.cca2}`, /(ese|ss|sh|ch|s)$/.test(w) ? w : `${w}s`);
    }
  }
  return demonyms.get(key) ?? null;
}

export interface FigurePlace {
  key: string;
  name: string;
}

/** The place a figure's sentence names: the first after the figure, else the last before it. Places are
 *  the LOC entities, or, in an article without an entity layer, the names the alias tables know as places. */
export function placeOfFigure(
  doc: Pick<AnalyzedArticle, 'entities' | 'language' | 'sentences' | 'text'>,
  q: { start: number; end: number },
): FigurePlace | null {
  const s = sentenceAt(doc, q.start);
  const places: { start: number; end: number; place: () => FigurePlace }[] = [];
  if (doc.entities.length > 0) {
    for (const e of doc.entities) {
      if (e.type !== 'LOC') continue;
      const place = () => {
        const k = entityKey(e, doc.language);
        return { key: k.key, name: k.display };
      };
      for (const m of e.mentions) places.push({ start: m.start, end: m.end, place });
    }
  } else {
    for (const r of nameLikeRefs(doc)) {
      const key = r.feature.slice(2);
      if (/^(country|loc):/.test(key)) places.push({ start: r.start, end: r.end, place: () => ({ key, name: r.name }) });
    }
  }
  let after: (typeof places)[number] | null = null;
  let before: (typeof places)[number] | null = null;
  for (const p of places) {
    if (p.start < s.start || p.end > s.end) continue;
    if (p.start >= q.end && (!after || p.start < after.start)) after = p;
    if (p.end <= q.start && (!before || p.end > before.end)) before = p;
  }
  return (after ?? before)?.place() ?? null;
}

export interface RowKey {
  /** Row key: "palestinians killed", "truce (day)", "people killed @ loc:deir-al-balah". */
  key: string;
  label: string;
  unit: string | null;
  place: FigurePlace | null;
}

const UNIT_LABEL: Record<string, string> = { day: 'days', week: 'weeks', month: 'months', year: 'years', hour: 'hours', minute: 'minutes', second: 'seconds', point: 'points', decade: 'decades' };

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What a figure counts, as a comparison row; null when the figure names nothing counted. */
export function rowOf(doc: Pick<AnalyzedArticle, 'entities' | 'language' | 'sentences' | 'text'>, q: Figure): RowKey | null {
  if (!q.countsKey || q.value === null) return null;
  const parts = splitCountsKey(q.countsKey);
  let noun = parts.noun ? parts.noun.split(' ').filter((w) => !DROPPED.has(w)).join(' ') || parts.noun : null;
  // "1600 GMT", "five times as many", "two previous months": a time, unit or multiplier counts nobody.
  // A bare count whose noun starts with one ("five million times faster") is no subject either.
  if (noun && NOT_SUBJECT.has(noun.slice(noun.lastIndexOf(' ') + 1))) return null;
  if (noun && !q.unit && NOT_SUBJECT.has(noun.split(' ')[0])) return null;
  if (!noun && !parts.event) return null;
  const event = parts.event ? SAME_EVENT.get(parts.event) ?? parts.event : null;
  let place: FigurePlace | null = null;
  let scope = '';
  if (noun && GENERIC.has(noun)) {
    place = placeOfFigure(doc, q);
    const group = place ? groupOfPlace(place.key) : null;
    if (group) noun = group;
    else if (place) scope = place.key;
    else if (!event) return null; // "2,000 people surveyed": people, but who and where is not said
  }
  const what = [noun, event].filter(Boolean).join(' ');
  const unit = q.unit ?? null;
  const key = `${what}${unit ? ` (${unit})` : ''}${scope ? ` @ ${scope}` : ''}`;
  const label = `${capitalise(what)}${scope && place ? ` in ${place.name}` : ''}${unit ? ` (${UNIT_LABEL[unit] ?? unit})` : ''}`;
  return { key, label, unit, place };
}

export interface FigureClaim {
  /** Key and label of the row the claim belongs to. */
  row: string;
  label: string;
  articleId: string;
  source: SourceRef;
  language: string;
  value: number;
  valueMax: number | null;
  unit: string | null;
  qualifier: string | null;
  /** What the article says is counted, as written ("Palestijnen gedood"). */
  counts: string | null;
  countsKey: string;
  /** The place that scoped a figure of "people", when one did. */
  place: FigurePlace | null;
  /** The day the figure stands for: the article's date, else its event's; null when unknown. */
  asOf: string | null;
  asOfFrom: 'published' | 'text' | 'event' | null;
  voice: VoiceOf;
  evidence: Evidence;
}

export interface FigureRowView {
  key: string;
  label: string;
  unit: string | null;
  /** Distinct sources with a claim in the row. */
  sources: number;
  claims: FigureClaim[];
  /** Dated values in date order: the points of a chart of the figure over time across sources. */
  series: { asOf: string; value: number; source: string; language: string; articleId: string }[];
}

/** Every figure claim of the articles; `eventDay` gives an undated article the date of its event. */
export function figureClaims(articles: AnalyzedArticle[], eventDay: (articleId: string) => string | null = () => null): FigureClaim[] {
  const out: FigureClaim[] = [];
  for (const a of articles) {
    const when = articleWhen(a);
    const fallback = when.day ? null : eventDay(a.id);
    for (const q of a.figures) {
      const row = rowOf(a, q);
      if (!row || q.value === null) continue;
      out.push({
        row: row.key,
        label: row.label,
        articleId: a.id,
        source: sourceOf(a),
        language: a.language,
        value: q.value,
        valueMax: q.valueMax ?? null,
        unit: q.unit,
        qualifier: q.qualifier,
        counts: q.counts,
        countsKey: q.countsKey!,
        place: row.place,
        asOf: when.day ?? fallback,
        asOfFrom: when.day ? when.from : fallback ? 'event' : null,
        voice: voiceOf(a, q.qualifierStart ?? q.start, q.end),
        evidence: evidence(a, q.start, q.end),
      });
    }
  }
  return out;
}

/** Claims grouped into rows: rows reported by more sources first; claims by date (undated last), then source. */
export function figureRows(articles: AnalyzedArticle[], eventDay?: (articleId: string) => string | null): FigureRowView[] {
  const claims = figureClaims(articles, eventDay);
  const byRow = new Map<string, FigureClaim[]>();
  for (const c of claims) {
    const list = byRow.get(c.row) ?? [];
    list.push(c);
    byRow.set(c.row, list);
  }
  const rows: FigureRowView[] = [];
  for (const [key, list] of byRow) {
    list.sort((x, y) => (x.asOf ?? '\uffff').localeCompare(y.asOf ?? '\uffff') || x.source.name.localeCompare(y.source.name) || x.evidence.start - y.evidence.start);
    rows.push({
      key,
      label: list[0].label,
      unit: list[0].unit,
      sources: new Set(list.map((c) => c.source.id)).size,
      claims: list,
      series: list
        .filter((c): c is FigureClaim & { asOf: string } => c.asOf !== null)
        .map((c) => ({ asOf: c.asOf, value: c.value, source: c.source.name, language: c.language, articleId: c.articleId })),
    });
  }
  return rows.sort((a, b) => b.sources - a.sources || b.claims.length - a.claims.length || a.key.localeCompare(b.key));
}
