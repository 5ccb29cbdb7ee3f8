// The story views as plain functions returning JSON (what `dossier stories|story|timeline|compare
// --json` prints and what an HTTP route returns): storiesList, storyDetail, timeline, compare. They
// read through a StorySource, which any store can provide (views.ts: over the store's story tables).
import { entityKey } from './entity-keys.ts';
import { defaultAliasTables, lookupAlias } from '../entities/aliases.ts';
import { isAllCaps, personName, foldedTokens } from '../entities/normalise.ts';
import { foldName } from '../../text/fold.ts';
import type { AnalyzedArticle } from '../../types.ts';
import { compareArticles, sourceGroups, TELLING_MEASURE, type EventInfo } from './compare.ts';
import { clusterLabel, keyEntities, spanOf } from './labels.ts';
import type { ClusterState } from './shapes.ts';
import { basisNote, sourceBasis, sourceOf, type SourceRef } from './sources.ts';
import { buildTimeline } from './timeline.ts';
import type { ArticleRef, ComparisonView, EventSummary, SourceSummary, StoriesList, StoryDetail, StorylineSummary, TimelineView } from '../../api/stories.ts';

// The views' JSON is the API's: its shapes are declared once, in src/api/stories.ts.
export type { ArticleRef, ClusterSummary, ComparisonView, EventSummary, SourceSummary, StoriesList, StoryDetail, StorylineSummary, TimelineView } from '../../api/stories.ts';

type Awaitable<T> = T | Promise<T>;

export type { MemberRecord } from '../../store/story-tables.ts';
import type { MemberRecord } from '../../store/story-tables.ts';

/** What the story views read (views.ts gives it over a store's tables). */
export interface StorySource {
  /** Storylines, most recently active first. */
  storylines(page: { limit: number; offset: number }): Awaitable<{ total: number; items: ClusterState[] }>;
  /** An event or storyline by full id or unique prefix (throws a StoreInputError when ambiguous). */
  findCluster(idOrPrefix: string): Awaitable<ClusterState | null>;
  clusters(ids: string[]): Awaitable<ClusterState[]>;
  /** The events of storylines. */
  eventsOf(storylineIds: string[]): Awaitable<ClusterState[]>;
  /** The members of events or storylines, in the order they were placed. */
  members(clusterIds: string[]): Awaitable<MemberRecord[]>;
  /** Stored articles by id (order kept; unknown ids left out). */
  articles(ids: string[]): Awaitable<AnalyzedArticle[]>;
  /** Ids of the articles that name `name` (full-text), most recent first. */
  articlesNaming(name: string, limit: number): Awaitable<string[]>;
  /** Stored articles not placed in any story (stored before the story tables existed: run restory). */
  unplaced(): Awaitable<number>;
  /** Syndicated copies recorded among these articles (as copy or as original). */
  copies(articleIds: string[]): Awaitable<{ article_id: string; copy_of: string }[]>;
}

/** Copy id -> the article it copies, for the copies whose original is among `ids` too (a copy whose
 *  original is elsewhere stands for the story by itself). */
async function copiesWithin(src: StorySource, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const inScope = new Set(ids);
  const rows = await src.copies(ids);
  return new Map(rows.filter((r) => inScope.has(r.article_id) && inScope.has(r.copy_of) && r.article_id !== r.copy_of).map((r) => [r.article_id, r.copy_of]));
}

function countCopies(members: MemberRecord[], copyOf: Map<string, string>): number {
  const ids = new Set(members.map((m) => m.articleId));
  return members.filter((m) => ids.has(copyOf.get(m.articleId) ?? '')).length;
}

const articleRef = (m: MemberRecord): ArticleRef => ({
  id: m.articleId,
  title: m.title,
  file: m.file,
  source: m.source,
  language: m.language,
  publishedAt: m.publishedAt,
  day: m.day,
  eventId: m.eventId,
  copies: [],
});

function sourceSummaries(members: MemberRecord[]): SourceSummary[] {
  const out = new Map<string, SourceSummary>();
  for (const m of members) {
    const s = sourceOf({ id: m.articleId, source: m.source, title: m.title, file: m.file });
    const e = out.get(s.id) ?? { source: s, articles: 0, languages: [] };
    e.articles++;
    if (!e.languages.includes(m.language)) e.languages.push(m.language);
    out.set(s.id, e);
  }
  return [...out.values()].sort((a, b) => b.articles - a.articles || a.source.name.localeCompare(b.source.name));
}

/** A member's title: of an event, the earliest dated report (else the first placed); of a storyline, the latest. */
function titleOf(members: MemberRecord[], latest = false): string | null {
  const sorted = [...members].sort((a, b) => (a.day ?? '\uffff').localeCompare(b.day ?? '\uffff') || a.seq - b.seq);
  if (latest) sorted.reverse().sort((a, b) => (a.day === null ? 1 : 0) - (b.day === null ? 1 : 0));
  return sorted.find((m) => m.title)?.title ?? null;
}

function eventSummary(e: ClusterState, members: MemberRecord[], copyOf: Map<string, string>): EventSummary {
  const copies = countCopies(members, copyOf);
  return {
    id: e.id,
    label: clusterLabel(e),
    title: titleOf(members),
    span: spanOf(e),
    articles: e.size - copies,
    copies,
    languages: e.languages,
    sources: sourceSummaries(members),
  };
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = out.get(k);
    if (list) list.push(t);
    else out.set(k, [t]);
  }
  return out;
}

/** Sort events by date (undated last), then by when they started. */
const byDate = (a: ClusterState, b: ClusterState) => (a.first ?? '\uffff').localeCompare(b.first ?? '\uffff') || a.created - b.created;

export async function storiesList(src: StorySource, page: { limit?: number; offset?: number } = {}): Promise<StoriesList> {
  const { total, items } = await src.storylines({ limit: page.limit ?? 20, offset: page.offset ?? 0 });
  const ids = items.map((s) => s.id);
  const events = await src.eventsOf(ids);
  const members = await src.members(ids);
  const copyOf = await copiesWithin(src, members.map((m) => m.articleId));
  const byStory = groupBy(members, (m) => m.storylineId);
  const byEvent = groupBy(members, (m) => m.eventId);
  const eventsByStory = groupBy(events, (e) => e.parent!);
  const storylines = items.map((s): StorylineSummary => {
    const ms = byStory.get(s.id) ?? [];
    const copies = countCopies(ms, copyOf);
    return {
      id: s.id,
      label: clusterLabel(s),
      title: titleOf(ms, true),
      span: spanOf(s),
      articles: s.size - copies,
      copies,
      languages: s.languages,
      entities: keyEntities(s, 6),
      sources: sourceSummaries(ms),
      events: (eventsByStory.get(s.id) ?? []).sort(byDate).map((e) => eventSummary(e, byEvent.get(e.id) ?? [], copyOf)),
    };
  });
  const basis = sourceBasis(members.map((m) => ({ id: m.articleId, source: m.source, title: m.title, file: m.file })));
  return { total, unplaced: await src.unplaced(), sourceBasis: basis, note: basisNote(basis), storylines };
}

/** The date of each article's event (its first day), for articles that have none of their own. */
function eventDays(members: MemberRecord[], events: ClusterState[]): (articleId: string) => string | null {
  const first = new Map(events.map((e) => [e.id, e.first]));
  const eventOf = new Map(members.map((m) => [m.articleId, m.eventId]));
  return (id) => first.get(eventOf.get(id) ?? '') ?? null;
}

async function scope(src: StorySource, id: string) {
  const c = await src.findCluster(id);
  if (!c) return null;
  const members = await src.members([c.id]);
  const events = c.level === 'storyline' ? (await src.eventsOf([c.id])).sort(byDate) : [c];
  const parent = c.level === 'event' && c.parent ? (await src.clusters([c.parent]))[0] ?? null : null;
  const articles = await src.articles(members.map((m) => m.articleId));
  const basis = sourceBasis(members.map((m) => ({ id: m.articleId, source: m.source, title: m.title, file: m.file })));
  const copyOf = await copiesWithin(src, members.map((m) => m.articleId));
  /** The articles a timeline reads: a syndicated copy says nothing its original does not. */
  const reports = articles.filter((a) => !copyOf.has(a.id));
  return { c, members, events, parent, articles, basis, copyOf, reports };
}

export async function storyDetail(src: StorySource, id: string): Promise<StoryDetail | null> {
  const s = await scope(src, id);
  if (!s) return null;
  const byEvent = groupBy(s.members, (m) => m.eventId);
  const { items } = buildTimeline(s.reports, { eventDay: eventDays(s.members, s.events) });
  const copiesOf = groupBy([...s.copyOf.entries()], ([, original]) => original);
  const refs = s.members
    .filter((m) => !s.copyOf.has(m.articleId))
    .map((m) => ({ ...articleRef(m), copies: (copiesOf.get(m.articleId) ?? []).map(([copy]) => copy).sort() }))
    .sort((a, b) => (a.day ?? '\uffff').localeCompare(b.day ?? '\uffff') || a.id.localeCompare(b.id));
  const copies = s.copyOf.size;
  return {
    id: s.c.id,
    level: s.c.level,
    label: clusterLabel(s.c),
    title: titleOf(s.members, s.c.level === 'storyline'),
    span: spanOf(s.c),
    storyline: s.parent ? { id: s.parent.id, label: clusterLabel(s.parent) } : null,
    sourceBasis: s.basis,
    note: basisNote(s.basis),
    languages: s.c.languages,
    entities: keyEntities(s.c),
    sources: sourceSummaries(s.members),
    events: s.events.map((e) => ({ ...eventSummary(e, byEvent.get(e.id) ?? [], s.copyOf), articleIds: (byEvent.get(e.id) ?? []).map((m) => m.articleId) })),
    copies,
    articles: refs,
    timeline: items,
  };
}

export async function compare(src: StorySource, id: string): Promise<ComparisonView | null> {
  const s = await scope(src, id);
  if (!s) return null;
  const byEvent = groupBy(s.members, (m) => m.eventId);
  const events: EventInfo[] = s.events.map((e) => ({ id: e.id, label: clusterLabel(e), articleIds: (byEvent.get(e.id) ?? []).map((m) => m.articleId) }));
  // A syndicated copy says nothing its original does not: the comparison reads each once.
  const body = compareArticles(s.reports, events, eventDays(s.members, s.events));
  return {
    id: s.c.id,
    level: s.c.level,
    label: clusterLabel(s.c),
    sourceBasis: s.basis,
    note: basisNote(s.basis),
    ranking: TELLING_MEASURE,
    sources: sourceGroups(s.members.map(articleRef), s.copyOf, body),
    ...body,
  };
}

/** Keys of the entities an article names that `query` stands for (by name, surname, key or alias). */
export function entityKeysFor(query: string, articles: AnalyzedArticle[]): { keys: Set<string>; names: Set<string> } {
  const q = foldName(query);
  const keys = new Set<string>();
  const names = new Set<string>();
  const alias = lookupAlias(defaultAliasTables(), q, { language: '*', allCaps: isAllCaps(query) });
  if (alias.status === 'found') keys.add(alias.hit.entity.key);
  for (const a of articles) {
    for (const e of a.entities) {
      const k = entityKey(e, a.language);
      const core = personName(foldedTokens(k.folded)).core;
      const matches =
        k.key === query ||
        keys.has(k.key) ||
        k.folded === q ||
        (e.type === 'PER' && core.length > 1 && core[core.length - 1] === q) ||
        e.mentions.some((m) => foldName(m.text) === q);
      if (matches) {
        keys.add(k.key);
        names.add(k.display);
      }
    }
  }
  return { keys, names };
}

export interface TimelineQuery {
  /** An event or storyline id (or unique prefix). */
  story?: string;
  /** An entity name ("Netanyahu", "Israël") or global key ("country:IL"). */
  entity?: string;
  /** Most recent articles read for an entity timeline (default 300). */
  limit?: number;
}

export async function timeline(src: StorySource, q: TimelineQuery): Promise<TimelineView | null> {
  if (q.story) {
    const s = await scope(src, q.story);
    if (!s) return null;
    const t = buildTimeline(s.reports, { eventDay: eventDays(s.members, s.events) });
    return {
      scope: { story: { id: s.c.id, level: s.c.level, label: clusterLabel(s.c) } },
      sourceBasis: s.basis,
      note: basisNote(s.basis),
      items: t.items,
      undatedStatements: t.undatedStatements,
      articles: s.reports.length,
    };
  }
  if (!q.entity) return null;
  const ids = await src.articlesNaming(q.entity, q.limit ?? 300);
  const articles = await src.articles(ids);
  const { keys, names } = entityKeysFor(q.entity, articles);
  const t = buildTimeline(articles, keys.size > 0 ? { entityKeys: keys } : { entityText: q.entity });
  const basis = sourceBasis(articles);
  return {
    scope: { entity: { query: q.entity, keys: [...keys].sort(), names: [...names].sort() } },
    sourceBasis: basis,
    note: basisNote(basis),
    items: t.items,
    undatedStatements: t.undatedStatements,
    articles: articles.length,
  };
}
