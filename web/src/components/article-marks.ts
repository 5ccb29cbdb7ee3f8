// An article's layers as marks for the annotated text: entity mentions by type, quotes coloured by
// speaker (with the speaker's name and the cue verb marked too), figures and dates.
import { entityHref, type StoredArticle } from '../api.ts';
import { formatDate, formatNumber } from '../format.ts';
import { h, type Child } from '../dom.ts';
import type { Mark } from './annotated-text.ts';
import type { EntityLayer, Mention, Figure, Quote, TimeExpr } from '../../../src/api/articles.ts';

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export const ENTITY_LABELS: Record<string, string> = { PER: 'person', ORG: 'organisation', LOC: 'place', MISC: 'other name' };

/** Hues for speakers, in order of first appearance; far apart so neighbours differ. */
const HUES = [210, 30, 140, 280, 0, 180, 60, 320, 100, 250];

export interface Speaker {
  key: string;
  name: string;
  hue: number | null;
  quotes: number[];
}

/** Speakers in order of their first quote; unattributed quotes share one grey entry. */
export function speakersOf(quotes: Quote[]): Speaker[] {
  const map = new Map<string, Speaker>();
  quotes.forEach((q, i) => {
    const name = q.speaker?.name ?? null;
    const key = q.speaker?.entity ? `entity:${q.speaker.entity}` : name ? `name:${name.toLowerCase()}` : 'none';
    let s = map.get(key);
    if (!s) {
      s = { key, name: name ?? 'unattributed', hue: null, quotes: [] };
      map.set(key, s);
    }
    s.quotes.push(i);
  });
  let n = 0;
  for (const s of map.values()) if (s.key !== 'none') s.hue = HUES[n++ % HUES.length];
  return [...map.values()];
}

const line = (label: string, value: Child) => h('div', { class: 'card-line' }, h('span', { class: 'card-label' }, label), ' ', value);

/** The hover card of a mention: its entity, and why this mention belongs to it. */
export function describeEntity(e: EntityLayer, m?: Mention): Child[] {
  return [
    h('div', { class: 'card-title' }, `${e.name}`),
    line('Type', ENTITY_LABELS[e.type] ?? e.type),
    e.roles?.length ? line('Roles', e.roles.map((r) => r.role).join('; ')) : null,
    line('Mentions', String(e.mentions.length)),
    m?.how ? line('Why here', m.how) : null,
    e.key ? line('Entity', e.key) : null,
    e.key ? h('div', { class: 'card-hint' }, 'Click for everything about it across the corpus') : null,
  ];
}

const KIND_TITLES: Record<NonNullable<Quote['attributionKind']>, string> = {
  direct: 'Direct quote',
  indirect: 'Reported speech',
  mixed: 'Reported speech with quoted words',
  belief: 'Belief or intention',
};

const VIA_LABELS: Record<NonNullable<NonNullable<Quote['speaker']>['via']>, string> = {
  entity: 'an entity mention',
  name: 'the name in the text',
  pronoun: 'a pronoun, to the latest fitting subject',
  role: 'a role, to its holder',
  unnamed: 'an unnamed source (kept as written)',
  label: 'a transcript label',
  phrase: 'the phrase as written',
};

/** The kind of a quote as a short label (the finer kind when the analysis gives it). */
export function quoteKindLabel(q: Quote): string {
  return KIND_TITLES[q.attributionKind ?? q.kind];
}

/** The card of a quote: kind, source as written, resolved speaker with the evidence, cue,
 *  confidence. `text` (the article's text) shows the antecedent a pronoun was resolved to. */
export function describeQuote(q: Quote, entities: EntityLayer[], text?: string): Child[] {
  const entity = q.speaker?.entity ? entities.find((e) => e.id === q.speaker?.entity) : undefined;
  const sp = q.speaker;
  const antecedent = text && sp?.antecedentStart !== undefined && sp.antecedentEnd !== undefined && sp.antecedentEnd > sp.antecedentStart ? text.slice(sp.antecedentStart, sp.antecedentEnd) : null;
  return [
    h('div', { class: 'card-title' }, quoteKindLabel(q)),
    q.source ? line('Source', `“${q.source}”`) : null,
    line('Speaker', sp?.name ?? 'unattributed'),
    entity ? line('Resolved to', `${entity.name} (${ENTITY_LABELS[entity.type] ?? entity.type})`) : null,
    entity?.key ? line('Entity key', entity.key) : null,
    sp?.via ? line('Resolved through', antecedent ? `${VIA_LABELS[sp.via]} (“${antecedent}”)` : VIA_LABELS[sp.via]) : null,
    q.cue ? line('Cue', `“${q.cue}”`) : null,
    q.confidence !== undefined ? line('Confidence', `${Math.round(q.confidence * 100)}%${q.by ? ` (${q.by === 'model' ? 'attribution model' : 'rules'})` : ''}`) : null,
  ];
}

export function figureValue(f: Figure): string {
  if (f.value === null) return 'value not resolved';
  const v = formatNumber(f.value) + (f.valueMax !== undefined && f.valueMax !== null ? `–${formatNumber(f.valueMax)}` : '');
  return f.unit ? `${v} ${f.unit}` : v;
}

export function describeFigure(f: Figure): Child[] {
  return [
    h('div', { class: 'card-title' }, figureValue(f)),
    f.qualifier ? line('Qualifier', f.qualifier.replace(/-/g, ' ')) : null,
    f.counts ? line('Counts', f.counts) : null,
    f.countsKey && f.countsKey !== f.counts ? line('Compared as', f.countsKey) : null,
  ];
}

export function timeValue(t: TimeExpr): string {
  if (!t.value) return 'not resolved';
  const mod = t.mod ? `${t.mod} ` : '';
  return `${mod}${formatDate(t.value)}${t.valueEnd ? ` – ${formatDate(t.valueEnd)}` : ''}`;
}

export function describeTime(t: TimeExpr): Child[] {
  return [
    h('div', { class: 'card-title' }, timeValue(t)),
    line('Value', `${t.value ?? '—'}${t.valueEnd ? ` / ${t.valueEnd}` : ''}`),
    line('Precision', t.granularity),
    t.relative ? line('Resolved', 'against the publication date') : null,
  ];
}

/** Every mark of the article. `at` adds a "target" mark (a span another page linked to). */
export function articleMarks(a: StoredArticle, speakers: Speaker[], at?: { start: number; end: number }): Mark[] {
  const marks: Mark[] = [];
  for (const hd of a.headings) {
    marks.push({ key: `heading-${hd.start}`, layer: 'heading', start: hd.start, end: hd.end, classes: ['heading'], describe: () => [] });
  }
  for (const e of a.entities) {
    e.mentions.forEach((m, i) =>
      marks.push({
        key: `entity-${e.id}-${i}`,
        layer: 'entity',
        start: m.start,
        end: m.end,
        classes: ['ent', `ent-${e.type}`],
        data: { entityType: e.type, entity: e.id, ...(e.key ? { entityKey: e.key } : {}) },
        href: e.key ? entityHref(e.key) : undefined,
        describe: () => describeEntity(e, m),
      }),
    );
  }
  const speakerOfQuote = new Map<number, Speaker>();
  for (const s of speakers) for (const i of s.quotes) speakerOfQuote.set(i, s);
  a.quotes.forEach((q, i) => {
    const s = speakerOfQuote.get(i)!;
    const vars = { '--hue': String(s.hue ?? 0), '--sat': s.hue === null ? '0%' : '75%' };
    marks.push({
      key: `quote-${i}`,
      layer: 'quote',
      start: q.start,
      end: q.end,
      classes: ['quote', `quote-${q.kind}`, ...(q.attributionKind && q.attributionKind !== q.kind ? [`quote-${q.attributionKind}`] : [])],
      data: { speaker: q.speaker?.name ?? '' },
      tags: { quote: String(i) },
      vars,
      describe: () => describeQuote(q, a.entities, a.text),
    });
    if (q.speaker?.start !== undefined && q.speaker.end !== undefined) {
      marks.push({
        key: `speaker-${i}`,
        layer: 'quote',
        start: q.speaker.start,
        end: q.speaker.end,
        classes: ['speaker'],
        tags: { speakerOf: String(i) },
        vars,
        describe: () => [h('div', { class: 'card-title' }, `Speaker: ${q.speaker?.name ?? ''}`)],
      });
    }
    if (q.cueStart !== undefined && q.cueEnd !== undefined) {
      marks.push({
        key: `cue-${i}`,
        layer: 'quote',
        start: q.cueStart,
        end: q.cueEnd,
        classes: ['cue'],
        describe: () => [h('div', { class: 'card-title' }, `Cue: “${q.cue ?? ''}”`)],
      });
    }
  });
  a.figures.forEach((f, i) => {
    marks.push({ key: `figure-${i}`, layer: 'figure', start: f.start, end: f.end, classes: ['figure'], tags: { figure: String(i) }, describe: () => describeFigure(f) });
    if (f.qualifierStart !== undefined && f.qualifierEnd !== undefined) {
      marks.push({ key: `qualifier-${i}`, layer: 'figure', start: f.qualifierStart, end: f.qualifierEnd, classes: ['qualifier'], describe: () => describeFigure(f) });
    }
  });
  a.times.forEach((t, i) => {
    marks.push({ key: `time-${i}`, layer: 'time', start: t.start, end: t.end, classes: ['time'], tags: { time: String(i) }, describe: () => describeTime(t) });
  });
  if (at) marks.push({ key: 'target', layer: 'target', start: at.start, end: at.end, classes: ['target'], describe: () => [] });
  return marks;
}
