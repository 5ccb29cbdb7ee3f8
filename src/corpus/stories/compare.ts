// Source comparison for one event or storyline: figures side by side (figures.ts), each source's voice
// (loaded terms it uses itself or attributes, and who it quotes, by side and role), and coverage (which
// figures, events and quoted speakers each source reports, and which it leaves out that others report).
import type { AnalyzedArticle } from '../../types.ts';
import { entityKey } from './entity-keys.ts';
import { figureRows, type FigureRowView } from './figures.ts';
import { sourceOf, type SourceRef } from './sources.ts';
import { loadedTermUses, sideOf, type LoadedTermUse } from './voice.ts';

export interface TermUsage {
  term: string;
  /** Uses in the source's own voice. */
  own: number;
  attributed: number;
  quoted: number;
  /** Evidence: the first use in each voice, then the next in order, at most USES_KEPT (the counts above count them all). */
  uses: LoadedTermUse[];
  /** Uses counted but not listed in `uses`. */
  usesOmitted: number;
}

/** Uses of a loaded term kept as evidence per source: enough for a link per voice, not every repetition. */
export const USES_KEPT = 3;

/** The first use in each voice, then the earliest others, at most USES_KEPT, in text order. */
function keptUses(uses: LoadedTermUse[]): LoadedTermUse[] {
  if (uses.length <= USES_KEPT) return uses;
  const keep = new Set<LoadedTermUse>();
  for (const voice of ['asserted', 'attributed', 'quoted'] as const) {
    const first = uses.find((u) => u.voice === voice);
    if (first) keep.add(first);
  }
  for (const u of uses) if (keep.size < USES_KEPT) keep.add(u);
  return uses.filter((u) => keep.has(u));
}

export interface QuotedSpeaker {
  name: string;
  key: string | null;
  /** A role given to the speaker in the article ("Israeli Prime Minister"), or the description that stands for an unnamed one. */
  role: string | null;
  /** The side they speak for ("country:IL", "org:hamas"), when their role, name or key tells. */
  side: string | null;
  quotes: number;
  direct: number;
  indirect: number;
}

export interface SourceVoice {
  source: SourceRef;
  languages: string[];
  articles: string[];
  loadedTerms: TermUsage[];
  /** Loaded terms the source uses in its own voice, most used first. */
  ownVoiceTerms: string[];
  quoted: QuotedSpeaker[];
  /** Quotes per side (null: side unknown), most quoted first. */
  sides: { side: string | null; quotes: number }[];
}

export interface CoverageFact {
  kind: 'figure' | 'event' | 'speaker';
  key: string;
  label: string;
  /** Ids of the sources that report it. */
  sources: string[];
}

export interface Coverage {
  facts: CoverageFact[];
  /** `omitted`: indexes into `facts` of what others report and this source leaves out (an index, not a copy: 48 sources × 200 facts would repeat each label 47 times). */
  bySource: { source: SourceRef; reports: number; omitted: number[] }[];
}

export interface EventInfo {
  id: string;
  label: string;
  articleIds: string[];
}

function bySource(articles: AnalyzedArticle[]): Map<string, { source: SourceRef; articles: AnalyzedArticle[] }> {
  const out = new Map<string, { source: SourceRef; articles: AnalyzedArticle[] }>();
  for (const a of articles) {
    const s = sourceOf(a);
    const g = out.get(s.id) ?? { source: s, articles: [] };
    g.articles.push(a);
    out.set(s.id, g);
  }
  return out;
}

function speakerId(s: { key: string | null; name: string }): string {
  return s.key ?? `name:${s.name.toLowerCase().replace(/\s+/g, ' ').trim()}`;
}

/** Who an article quotes, one entry per speaker. */
export function quotedSpeakers(a: AnalyzedArticle): QuotedSpeaker[] {
  const out = new Map<string, QuotedSpeaker>();
  for (const q of a.quotes) {
    if (!q.speaker) continue;
    const layer = q.speaker.entity ? a.entities.find((e) => e.id === q.speaker!.entity) : undefined;
    const k = layer ? entityKey(layer, a.language) : null;
    const name = k?.display ?? q.speaker.name;
    const key = k?.key ?? null;
    const role = layer?.roles?.[0]?.text ?? (layer ? null : q.speaker.name);
    const id = speakerId({ key, name });
    const s = out.get(id) ?? {
      name,
      key,
      role,
      side: sideOf(a.language, [...(layer?.roles ?? []).map((r) => r.text), q.speaker.name], key),
      quotes: 0,
      direct: 0,
      indirect: 0,
    };
    s.quotes++;
    if (q.kind === 'direct') s.direct++;
    else s.indirect++;
    out.set(id, s);
  }
  return [...out.values()];
}

export function sourceVoices(articles: AnalyzedArticle[]): SourceVoice[] {
  const out: SourceVoice[] = [];
  for (const { source, articles: list } of bySource(articles).values()) {
    const terms = new Map<string, TermUsage>();
    const speakers = new Map<string, QuotedSpeaker>();
    for (const a of list) {
      for (const u of loadedTermUses(a)) {
        const t = terms.get(u.term) ?? { term: u.term, own: 0, attributed: 0, quoted: 0, uses: [], usesOmitted: 0 };
        if (u.voice === 'asserted') t.own++;
        else if (u.voice === 'attributed') t.attributed++;
        else t.quoted++;
        t.uses.push(u);
        terms.set(u.term, t);
      }
      for (const s of quotedSpeakers(a)) {
        const id = speakerId(s);
        const known = speakers.get(id);
        if (!known) speakers.set(id, { ...s });
        else {
          known.quotes += s.quotes;
          known.direct += s.direct;
          known.indirect += s.indirect;
          known.role ??= s.role;
          known.side ??= s.side;
        }
      }
    }
    const count = (t: TermUsage) => t.own + t.attributed + t.quoted;
    const loaded = [...terms.values()]
      .sort((a, b) => b.own - a.own || count(b) - count(a) || a.term.localeCompare(b.term))
      .map((t) => {
        const uses = keptUses(t.uses);
        return { ...t, uses, usesOmitted: t.uses.length - uses.length };
      });
    const quoted = [...speakers.values()].sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name));
    const sides = new Map<string | null, number>();
    for (const s of quoted) sides.set(s.side, (sides.get(s.side) ?? 0) + s.quotes);
    out.push({
      source,
      languages: [...new Set(list.map((a) => a.language))].sort(),
      articles: list.map((a) => a.id),
      loadedTerms: loaded,
      ownVoiceTerms: loaded.filter((t) => t.own > 0).map((t) => t.term),
      quoted,
      sides: [...sides].map(([side, quotes]) => ({ side, quotes })).sort((a, b) => b.quotes - a.quotes || String(a.side).localeCompare(String(b.side))),
    });
  }
  return out.sort((a, b) => a.source.name.localeCompare(b.source.name));
}

export function coverage(articles: AnalyzedArticle[], figures: FigureRowView[], events: EventInfo[], voices: SourceVoice[]): Coverage {
  const facts: CoverageFact[] = [];
  for (const r of figures) facts.push({ kind: 'figure', key: r.key, label: r.label, sources: [...new Set(r.claims.map((c) => c.source.id))].sort() });
  if (events.length > 1) {
    const sourceOfArticle = new Map(articles.map((a) => [a.id, sourceOf(a).id]));
    for (const e of events) {
      const ids = [...new Set(e.articleIds.map((id) => sourceOfArticle.get(id)).filter((x): x is string => !!x))].sort();
      facts.push({ kind: 'event', key: e.id, label: e.label, sources: ids });
    }
  }
  const speakers = new Map<string, CoverageFact>();
  for (const v of voices) {
    for (const s of v.quoted) {
      const id = speakerId(s);
      const f = speakers.get(id) ?? { kind: 'speaker' as const, key: id, label: s.name, sources: [] };
      if (!f.sources.includes(v.source.id)) f.sources.push(v.source.id);
      speakers.set(id, f);
    }
  }
  facts.push(...[...speakers.values()].map((f) => ({ ...f, sources: f.sources.sort() })));
  const all = voices.map((v) => v.source);
  return {
    facts,
    bySource: all.map((source) => ({
      source,
      reports: facts.filter((f) => f.sources.includes(source.id)).length,
      omitted: facts.flatMap((f, i) => (!f.sources.includes(source.id) && f.sources.length > 0 ? [i] : [])),
    })),
  };
}

export interface ComparisonBody {
  figures: FigureRowView[];
  voice: SourceVoice[];
  coverage: Coverage;
}

/** The comparison of a set of articles; `eventDay` dates figures of undated articles by their event. */
export function compareArticles(articles: AnalyzedArticle[], events: EventInfo[], eventDay?: (articleId: string) => string | null): ComparisonBody {
  const figures = figureRows(articles, eventDay);
  const voice = sourceVoices(articles);
  return { figures, voice, coverage: coverage(articles, figures, events, voice) };
}

/** How telling a source is in a comparison: what it adds that no other source does, where it disagrees, and how much it says in its own voice. */
export interface Telling {
  /** 1 for the most telling source. */
  rank: number;
  /** adds + disputes + ownVoiceTerms. */
  score: number;
  /** Facts (figures, events, quoted speakers) that only this source reports. */
  adds: number;
  /** Figure rows where its value differs from another source's and shares none with it. */
  disputes: number;
  /** Distinct loaded terms it uses in its own voice. */
  ownVoiceTerms: number;
  /** Share of its loaded-term uses in its own voice rather than attributed or quoted; null when it uses none. */
  ownVoiceShare: number | null;
  /** Facts it reports of all the sources' facts. */
  reports: number;
}

/** The ordering rule, as the API and the page state it. */
export const TELLING_MEASURE =
  'Most telling first: score = facts only this source reports (figures, events, people quoted) + figure rows where its value disagrees with another source + loaded terms in its own voice; ties by facts reported, then articles, then name. Syndicated copies count once, with their original.';

export interface CopyRef {
  articleId: string;
  copyOf: string;
  source: SourceRef;
}

export interface SourceGroup {
  source: SourceRef;
  languages: string[];
  /** Its articles in the story, each syndicated copy folded into the article it copies. */
  articles: ArticleRefLike[];
  /** The copies of its articles (on other outlets or its own), not counted as reports of their own. */
  copies: CopyRef[];
  telling: Telling;
}

interface ArticleRefLike {
  id: string;
  title: string | null;
  file: string;
  source: string | null;
  language: string;
  copies: string[];
}

function disputedRows(figures: FigureRowView[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of figures) {
    const values = new Map<string, Set<number>>();
    for (const c of row.claims) values.set(c.source.id, (values.get(c.source.id) ?? new Set()).add(c.value));
    if (values.size < 2) continue;
    for (const [id, mine] of values) {
      const disagrees = [...values].some(([other, theirs]) => other !== id && ![...theirs].some((v) => mine.has(v)));
      if (disagrees) out.set(id, (out.get(id) ?? 0) + 1);
    }
  }
  return out;
}

/**
 * The sources of a comparison, one group per outlet (an article without an outlet stands for its own),
 * ranked by TELLING_MEASURE. `refs` are the story's articles, `copyOf` maps each syndicated copy to the
 * article it copies; `body` is the comparison of the articles that are not copies.
 */
export function sourceGroups<R extends ArticleRefLike>(refs: R[], copyOf: Map<string, string>, body: ComparisonBody): (SourceGroup & { articles: R[] })[] {
  const copiesOf = new Map<string, string[]>();
  for (const [copy, original] of copyOf) copiesOf.set(original, [...(copiesOf.get(original) ?? []), copy]);
  const byId = new Map(refs.map((r) => [r.id, r]));
  const groups = new Map<string, SourceGroup & { articles: R[] }>();
  for (const r of refs) {
    if (copyOf.has(r.id)) continue;
    const source = sourceOf(r);
    const g = groups.get(source.id) ?? { source, languages: [], articles: [], copies: [], telling: { rank: 0, score: 0, adds: 0, disputes: 0, ownVoiceTerms: 0, ownVoiceShare: null, reports: 0 } };
    const copies = (copiesOf.get(r.id) ?? []).sort();
    g.articles.push({ ...r, copies });
    for (const c of copies) {
      const copy = byId.get(c);
      if (copy) g.copies.push({ articleId: c, copyOf: r.id, source: sourceOf(copy) });
    }
    if (!g.languages.includes(r.language)) g.languages.push(r.language);
    groups.set(source.id, g);
  }
  const only = new Map<string, number>();
  for (const f of body.coverage.facts) if (f.sources.length === 1) only.set(f.sources[0], (only.get(f.sources[0]) ?? 0) + 1);
  const disputes = disputedRows(body.figures);
  const voices = new Map(body.voice.map((v) => [v.source.id, v]));
  const reports = new Map(body.coverage.bySource.map((b) => [b.source.id, b.reports]));
  const several = groups.size > 1;
  for (const g of groups.values()) {
    const v = voices.get(g.source.id);
    const uses = v ? v.loadedTerms.reduce((n, t) => n + t.own + t.attributed + t.quoted, 0) : 0;
    const own = v ? v.loadedTerms.reduce((n, t) => n + t.own, 0) : 0;
    const adds = several ? (only.get(g.source.id) ?? 0) : 0;
    const d = disputes.get(g.source.id) ?? 0;
    const ownVoiceTerms = v?.ownVoiceTerms.length ?? 0;
    g.telling = { rank: 0, score: adds + d + ownVoiceTerms, adds, disputes: d, ownVoiceTerms, ownVoiceShare: uses ? own / uses : null, reports: reports.get(g.source.id) ?? 0 };
    g.languages.sort();
  }
  const out = [...groups.values()].sort(
    (a, b) =>
      b.telling.score - a.telling.score ||
      b.telling.reports - a.telling.reports ||
      b.articles.length - a.articles.length ||
      a.source.name.localeCompare(b.source.name),
  );
  out.forEach((g, i) => (g.telling.rank = i + 1));
  return out;
}
