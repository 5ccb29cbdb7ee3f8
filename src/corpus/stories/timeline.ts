// Timelines: dated happenings (sentences with a resolved date) and statements (quotes, dated by a date
// in their sentence or by their article) from a set of articles, in date order. One happening reported
// by several articles appears once with all of its evidence: items of the same kind and the same date
// are merged when they name a common entity (statements: the same speaker).
import type { AnalyzedArticle, TimeExpr } from '../../types.ts';
import { entityKey } from './entity-keys.ts';
import { evidence, sentenceAt, type Evidence } from './evidence.ts';
import { sourceOf, type SourceRef } from './sources.ts';
import { foldCaseAndAccents } from '../../text/fold.ts';
import { articleWhen } from './when.ts';
import { happeningPrecision } from '../../analysis/times/happening.ts';
import type { StatementAttribution } from '../../api/stories.ts';

export interface TimelineEvidence extends Evidence {
  source: SourceRef;
  language: string;
  /** The date expression as written ("April 29", "oktober 2023"); null when the article's date was used. */
  dateText: string | null;
  /** Statements: how the quote is attributed in this article. */
  attribution?: StatementAttribution;
}

export interface TimelineItem {
  /** ISO date: a day (2024-05-01), a month (2024-05) or a year (2024). */
  date: string;
  granularity: 'day' | 'month' | 'year';
  kind: 'happening' | 'statement';
  /** The sentence (happening) or quote (statement) of the first evidence. */
  text: string;
  /** Statements: who spoke. */
  speaker: { name: string; key: string | null } | null;
  /** Entities named in the evidence sentences. */
  entities: { key: string; name: string }[];
  /** Distinct sources among the evidence. */
  sources: SourceRef[];
  evidence: TimelineEvidence[];
}

export interface TimelineOptions {
  /** Only items about these entities (happenings naming one, statements by or naming one). */
  entityKeys?: Set<string>;
  /** Only items whose sentence contains this name (case and accents ignored): for articles without entity layers. */
  entityText?: string;
  /** Date of an undated article's event, for its statements. */
  eventDay?: (articleId: string) => string | null;
}

const MAX_TEXT = 320;

function clip(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > MAX_TEXT ? `${t.slice(0, MAX_TEXT - 1)}…` : t;
}

interface Draft {
  date: string;
  granularity: TimelineItem['granularity'];
  kind: TimelineItem['kind'];
  text: string;
  speaker: TimelineItem['speaker'];
  entities: Map<string, string>;
  evidence: TimelineEvidence[];
}

/** Entity keys mentioned in [start, end) of an article. */
function entitiesIn(keys: { key: string; name: string; start: number; end: number }[], start: number, end: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const k of keys) if (k.start >= start && k.end <= end) out.set(k.key, k.name);
  return out;
}

function mentionKeys(doc: AnalyzedArticle): { key: string; name: string; start: number; end: number }[] {
  const out: { key: string; name: string; start: number; end: number }[] = [];
  for (const e of doc.entities) {
    const { key, display } = entityKey(e, doc.language);
    for (const m of e.mentions) out.push({ key, name: display, start: m.start, end: m.end });
  }
  return out;
}

function drafts(doc: AnalyzedArticle, opts: TimelineOptions): Draft[] {
  const out: Draft[] = [];
  const keys = mentionKeys(doc);
  const source = sourceOf(doc);
  const text = opts.entityText ? foldCaseAndAccents(opts.entityText) : null;
  const wanted = (m: Map<string, string>, extra: (string | null)[] = [], span?: { start: number; end: number }) => {
    if (text !== null) return span !== undefined && foldCaseAndAccents(doc.text.slice(span.start, span.end)).includes(text);
    return !opts.entityKeys || [...m.keys(), ...extra].some((k) => k !== null && opts.entityKeys!.has(k));
  };
  // Happenings: one per sentence and date.
  const seen = new Set<string>();
  for (const t of doc.times) {
    // Only happenings: day or month precision, never a background year (src/analysis/times/happening.ts).
    const g = happeningPrecision(t);
    if (!g || !t.value) continue;
    const s = sentenceAt(doc, t.start);
    const id = `${s.start}:${t.value}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const ents = entitiesIn(keys, s.start, s.end);
    if (!wanted(ents, [], s)) continue;
    out.push({
      date: t.value,
      granularity: g,
      kind: 'happening',
      text: clip(doc.text.slice(s.start, s.end)),
      speaker: null,
      entities: ents,
      evidence: [{ ...evidence(doc, t.start, t.end), source, language: doc.language, dateText: t.text }],
    });
  }
  // Statements: each quote, dated by a day in its sentence, else its article's (or event's) day.
  const when = articleWhen(doc);
  const fallback = when.day ?? opts.eventDay?.(doc.id) ?? null;
  for (const q of doc.quotes) {
    const s = sentenceAt(doc, q.start);
    const inSentence: TimeExpr | undefined = doc.times.find((t) => t.start >= s.start && t.end <= Math.max(s.end, q.end) && happeningPrecision(t) === 'day');
    const date = inSentence?.value ?? fallback;
    if (!date) continue;
    const speakerLayer = q.speaker?.entity ? doc.entities.find((e) => e.id === q.speaker!.entity) : undefined;
    const speakerKey = speakerLayer ? entityKey(speakerLayer, doc.language).key : null;
    const ents = entitiesIn(keys, Math.min(s.start, q.start), Math.max(s.end, q.end));
    if (!wanted(ents, [speakerKey], { start: Math.min(s.start, q.start), end: Math.max(s.end, q.end) })) continue;
    out.push({
      date,
      granularity: 'day',
      kind: 'statement',
      text: clip(q.text),
      speaker: q.speaker ? { name: speakerLayer ? entityKey(speakerLayer, doc.language).display : q.speaker.name, key: speakerKey } : null,
      entities: ents,
      evidence: [{ ...evidence(doc, q.start, q.end), source, language: doc.language, dateText: inSentence?.text ?? null, attribution: attributionOf(q) }],
    });
  }
  return out;
}

/** How a quote is attributed: its kind, cue, source as written, confidence (what the UI shows with a statement). */
function attributionOf(q: AnalyzedArticle['quotes'][number]): StatementAttribution {
  const a: StatementAttribution = { kind: q.attributionKind ?? q.kind, cue: q.cue, sourceText: q.source ?? null, confidence: q.confidence ?? null, by: q.by ?? null };
  if (q.cueStart !== undefined && q.cueEnd !== undefined) Object.assign(a, { cueStart: q.cueStart, cueEnd: q.cueEnd });
  if (q.sourceStart !== undefined && q.sourceEnd !== undefined) Object.assign(a, { sourceStart: q.sourceStart, sourceEnd: q.sourceEnd });
  return a;
}

/** True when two drafts of one kind and date report the same thing. */
function same(a: Draft, b: Draft): boolean {
  if (a.kind === 'statement') {
    const sa = a.speaker?.key ?? a.speaker?.name.toLowerCase() ?? null;
    const sb = b.speaker?.key ?? b.speaker?.name.toLowerCase() ?? null;
    return sa !== null && sa === sb && (a.text === b.text || a.text.includes(b.text) || b.text.includes(a.text));
  }
  for (const k of a.entities.keys()) if (b.entities.has(k)) return true;
  return false;
}

/** The timeline of a set of articles (given in the order their evidence should be listed). */
export function buildTimeline(articles: AnalyzedArticle[], opts: TimelineOptions = {}): { items: TimelineItem[]; undatedStatements: number } {
  const all: Draft[] = [];
  let undated = 0;
  for (const a of articles) {
    const ds = drafts(a, opts);
    all.push(...ds);
    const fallback = articleWhen(a).day ?? opts.eventDay?.(a.id) ?? null;
    if (!fallback) undated += a.quotes.length - ds.filter((d) => d.kind === 'statement').length;
  }
  // Merge within (kind, date): each draft joins the first earlier group it matches.
  const groups = new Map<string, Draft[]>();
  for (const d of all) {
    const k = `${d.kind}\u0000${d.date}`;
    const list = groups.get(k) ?? [];
    const into = list.find((g) => same(g, d));
    if (into) {
      into.evidence.push(...d.evidence);
      for (const [key, name] of d.entities) if (!into.entities.has(key)) into.entities.set(key, name);
    } else list.push({ ...d, entities: new Map(d.entities), evidence: [...d.evidence] });
    groups.set(k, list);
  }
  const items: TimelineItem[] = [];
  for (const list of groups.values()) {
    for (const d of list) {
      const sources = new Map<string, SourceRef>();
      for (const e of d.evidence) sources.set(e.source.id, e.source);
      items.push({
        date: d.date,
        granularity: d.granularity,
        kind: d.kind,
        text: d.text,
        speaker: d.speaker,
        entities: [...d.entities].map(([key, name]) => ({ key, name })),
        sources: [...sources.values()],
        evidence: d.evidence,
      });
    }
  }
  items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || (a.kind === b.kind ? 0 : a.kind === 'happening' ? -1 : 1));
  return { items, undatedStatements: Math.max(0, undated) };
}
