// Incremental two-level clustering: each new article joins the best event (one happening) or starts
// one; a new event joins the best storyline (a developing story) or starts one. Candidates come only
// from the inverted index (the most recent clusters under each of the article's strongest features),
// so the work per article does not grow with the corpus. Deterministic: the same articles in the same
// order give the same events and storylines (ids come from the article that started each cluster).
import { idf, weighVector, addToVector, kindNorms, KINDS } from './vectors.ts';
import type { ArticleFeatures, ArticleWhen, ClusterLevel, ClusterMerge, ClusterState, FeatureKind, Placement, PlacementReason, StoryIndex } from './shapes.ts';
import { channels, combine, eventLink, eventScore, storylineRaw, storylineScore, EVENT_RULE, STORYLINE_RULE, type Channels, type EventRule, type StorylineRule } from './similarity.ts';

export interface ClusterOptions {
  /** Clusters read per lookup feature (most recent first). */
  perFeature: number;
  /** Candidate events scored per article (the ones reached through the most, and rarest, features). */
  eventCandidates: number;
  /** Candidate storylines scored per article. */
  storylineCandidates: number;
  /** Lookup features per kind: the article's strongest entities, rarest words, figures and days. */
  lookup: Record<FeatureKind, number>;
  /** Features kept per kind in an event's and a storyline's vector. */
  eventVector: Record<FeatureKind, number>;
  storylineVector: Record<FeatureKind, number>;
  /** How much rarity (idf) counts at each level. */
  eventIdfPower: number;
  storylineIdfPower: number;
  event: EventRule;
  storyline: StorylineRule;
  /** Merging two events (and their storylines) that an article shows to be one; null: never. */
  merge: MergeRule | null;
}

/**
 * When two events are one: a later article qualifies for both (it could have joined either), and the
 * two events compared as wholes (one event's summed vector as if it were an article, dated by its
 * range) qualify under the event rule with a higher bar on the weighted average. Incremental
 * placement decides with what it has seen; an article that bridges two events is the evidence that
 * they were one happening split by the arrival order.
 */
export interface MergeRule {
  /** The article must qualify for both events (its event score with each). */
  bothQualify: boolean;
  /** The two events compared as wholes must qualify under this rule. */
  event: EventRule;
  /** Events of two storylines merge (and the storylines with them) only when the two storylines
   *  compared as wholes reach this storyline score (0.7 E + 0.3 T); otherwise both stay as they are. */
  storylines: number;
}

/** Chosen on ECB+ dev (event threshold 0.3–0.6 tried) and BBC (storylines 0.3–0.6: below 0.6 the
 *  UK election articles chain into one storyline of 72–106); see README. */
export const MERGE_RULE: MergeRule = { bothQualify: true, event: { ...EVENT_RULE, threshold: 0.45 }, storylines: 0.6 };

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  perFeature: 20,
  eventCandidates: 15,
  storylineCandidates: 10,
  lookup: { e: 12, t: 8, f: 8, d: 4 },
  eventVector: { e: 40, t: 80, f: 40, d: 20 },
  storylineVector: { e: 60, t: 100, f: 40, d: 20 },
  // An event is told apart by what is specific to it (full idf); a storyline is held together by its
  // main participants, who are common across its many articles (half the idf).
  eventIdfPower: 1,
  storylineIdfPower: 0.5,
  event: EVENT_RULE,
  storyline: STORYLINE_RULE,
  merge: MERGE_RULE,
};

/** Id of a cluster started by an article: level letter and the article id's first 12 hex digits. */
export function clusterId(level: ClusterLevel, articleId: string): string {
  return `${level === 'event' ? 'e' : 's'}-${articleId.slice(0, 12)}`;
}

/** The features an article is looked up (and later found) by: per kind, the highest weight x idf. */
export function lookupFeatures(f: ArticleFeatures, df: Map<string, number>, docs: number, per: Record<FeatureKind, number>): string[] {
  const byKind: Record<string, [string, number][]> = { e: [], t: [], f: [], d: [] };
  for (const [k, w] of f.features) {
    // Figures matched by unit only ("60 days") are too common to look up by.
    if (k[0] === 'f' && k.includes('|@')) continue;
    byKind[k[0]].push([k, w * idf(df.get(k) ?? 0, docs)]);
  }
  const out: string[] = [];
  for (const kind of KINDS) {
    const list = byKind[kind].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    for (const [k] of list.slice(0, per[kind])) out.push(k);
  }
  return out;
}

function reason(ch: Channels, score: number | null): PlacementReason {
  const r = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
  return { e: r(ch.e)!, t: r(ch.t), f: r(ch.f), d: r(ch.d), score: r(score) };
}

function emptyCluster(id: string, level: ClusterLevel, parent: string | null, seq: number): ClusterState {
  return { id, level, parent, size: 0, vec: {}, norms: { e: 0, t: 0, f: 0, d: 0 }, names: {}, first: null, last: null, monthDays: [], languages: {}, touched: seq, created: seq };
}

/** The cluster with one more article. */
function withArticle(c: ClusterState, vec: Map<string, number>, f: ArticleFeatures, seq: number, limits: Record<FeatureKind, number>): ClusterState {
  const out: ClusterState = { ...c, size: c.size + 1, touched: seq, languages: { ...c.languages } };
  out.vec = addToVector(c.vec, vec, limits);
  out.norms = kindNorms(out.vec);
  const names: Record<string, string> = {};
  for (const k in out.vec) {
    if (k[0] !== 'e') continue;
    const n = c.names[k] ?? f.names.get(k);
    if (n) names[k] = n;
  }
  out.names = names;
  out.languages[f.language] = (out.languages[f.language] ?? 0) + 1;
  if (f.when.day) {
    out.first = c.first && c.first < f.when.day ? c.first : f.when.day;
    out.last = c.last && c.last > f.when.day ? c.last : f.when.day;
  } else if (f.when.monthDay && !c.monthDays.includes(f.when.monthDay)) {
    out.monthDays = [...c.monthDays, f.when.monthDay].sort();
  }
  return out;
}

/** Two clusters as one: the older one's id, place and creation; vectors summed and cut again. */
export function mergedCluster(a: ClusterState, b: ClusterState, seq: number, limits: Record<FeatureKind, number>): ClusterState {
  const [keep, gone] = a.created < b.created || (a.created === b.created && a.id < b.id) ? [a, b] : [b, a];
  const vec = addToVector(keep.vec, new Map(Object.entries(gone.vec)), limits);
  const names: Record<string, string> = {};
  for (const k in vec) {
    if (k[0] !== 'e') continue;
    const n = keep.names[k] ?? gone.names[k];
    if (n) names[k] = n;
  }
  const languages = { ...keep.languages };
  for (const [l, n] of Object.entries(gone.languages)) languages[l] = (languages[l] ?? 0) + n;
  const days = [keep.first, keep.last, gone.first, gone.last].filter((d): d is string => !!d).sort();
  return {
    ...keep,
    size: keep.size + gone.size,
    vec,
    norms: kindNorms(vec),
    names,
    first: days[0] ?? null,
    last: days[days.length - 1] ?? null,
    monthDays: [...new Set([...keep.monthDays, ...gone.monthDays])].sort(),
    languages,
    touched: seq,
  };
}

/** A cluster's vector as a unit-per-kind vector (to compare one cluster with another). */
function unitVector(c: ClusterState): Map<string, number> {
  const out = new Map<string, number>();
  for (const f in c.vec) {
    const n = c.norms[f[0] as FeatureKind];
    if (n > 0) out.set(f, c.vec[f] / n);
  }
  return out;
}

/** Channels of one event against another (the first as if it were an article dated by its range). */
export function clusterChannels(a: ClusterState, b: ClusterState, window: number): Channels {
  const lang = Object.keys(a.languages).find((l) => b.languages[l]) ?? Object.keys(a.languages)[0] ?? '';
  const v = unitVector(a);
  const ends: ArticleWhen[] = a.first ? [...new Set([a.first, a.last!])].map((day) => ({ day, monthDay: null, from: 'text' as const })) : a.monthDays.length ? a.monthDays.map((monthDay) => ({ day: null, monthDay, from: 'text' as const })) : [{ day: null, monthDay: null, from: null }];
  // Dated ranges agree when either end of one lies within the window of the other.
  let best: Channels | null = null;
  for (const w of ends) {
    const ch = channels(v, w, lang, b, window);
    if (!best || (!ch.dateConflict && best.dateConflict)) best = ch;
  }
  return best!;
}

/** Candidate clusters of one level: reached through the most (idf-weighted) lookup features. */
function rankCandidates(postings: Map<string, string[]>, df: Map<string, number>, docs: number, limit: number): string[] {
  const score = new Map<string, number>();
  for (const [feature, ids] of postings) {
    const w = idf(df.get(feature) ?? 0, docs);
    for (const id of ids) score.set(id, (score.get(id) ?? 0) + w);
  }
  return [...score.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([id]) => id);
}

/**
 * The candidate with the highest score (ties: the smaller id), and the reason: its channels, or when
 * none qualifies, the channels of the closest one.
 */
function pick(
  candidates: ClusterState[],
  measure: (c: ClusterState) => Channels,
  score: (ch: Channels) => number | null,
  raw: (ch: Channels) => number,
): { chosen: ClusterState | null; reason: PlacementReason | null } {
  let chosen: { c: ClusterState; ch: Channels; s: number } | null = null;
  let closest: { ch: Channels; r: number } | null = null;
  for (const c of candidates) {
    const ch = measure(c);
    const s = score(ch);
    if (s !== null) {
      if (!chosen || s > chosen.s || (s === chosen.s && c.id < chosen.c.id)) chosen = { c, ch, s };
    } else {
      const r = raw(ch);
      if (!closest || r > closest.r) closest = { ch, r };
    }
  }
  if (chosen) return { chosen: chosen.c, reason: reason(chosen.ch, chosen.s) };
  return { chosen: null, reason: closest ? { ...reason(closest.ch, null), score: null } : null };
}

/** What deciding an article's place needs, read from the index. */
export interface Candidates {
  /** Articles placed so far, and the document frequencies of the article's features. */
  docs: number;
  df: Map<string, number>;
  /** The features the article is looked up (and will be found) by. */
  lookup: string[];
  /** Candidate events, best reached first. */
  events: ClusterState[];
  /** Candidate storylines, then the storylines of the candidate events. */
  storylines: ClusterState[];
}

/**
 * Reads what placing `f` needs, in three rounds that each need the one before: the document
 * frequencies (they choose the lookup features), the postings under those features (they rank the
 * candidates), the candidate clusters with their storylines.
 */
export async function gatherCandidates(index: StoryIndex, f: ArticleFeatures, opts: ClusterOptions = DEFAULT_CLUSTER_OPTIONS): Promise<Candidates> {
  const { docs, df } = await index.df([...f.features.keys()]);
  const lookup = lookupFeatures(f, df, docs, opts.lookup);
  const postings = await index.postings(lookup, opts.perFeature);
  const eventIds = rankCandidates(postings.event, df, docs, opts.eventCandidates);
  const storyIds = rankCandidates(postings.storyline, df, docs, opts.storylineCandidates);
  const found = new Map((await index.clusters([...eventIds, ...storyIds])).map((c) => [c.id, c]));
  const of = (ids: Iterable<string>, level: ClusterLevel) =>
    [...new Set(ids)].map((id) => found.get(id)).filter((c): c is ClusterState => c?.level === level);
  const events = of(eventIds, 'event');
  const parents = events.map((e) => e.parent!).filter((p) => !storyIds.includes(p));
  return { docs, df, lookup, events, storylines: of([...storyIds, ...parents], 'storyline') };
}

/** Decides one article's event and storyline from its candidates: the placement the index commits. Pure. */
export function decidePlacement(f: ArticleFeatures, c: Candidates, seq: number, opts: ClusterOptions = DEFAULT_CLUSTER_OPTIONS): Placement {
  const vec = weighVector(f.features, c.df, c.docs, opts.eventIdfPower);
  const svec = weighVector(f.features, c.df, c.docs, opts.storylineIdfPower);

  // The best event the article may join.
  const measured = new Map(c.events.map((x) => [x.id, channels(vec, f.when, f.language, x, opts.event.windowDays)]));
  const ev = pick(
    c.events,
    (x) => measured.get(x.id)!,
    (ch) => eventScore(ch, opts.event),
    (ch) => combine(ch, opts.event.weights),
  );
  const event = ev.chosen;

  // Its storyline: the event's own, or the best one for a new event.
  let storyline: ClusterState | null;
  let storyReason: PlacementReason | null;
  if (event) {
    storyline = c.storylines.find((s) => s.id === event.parent) ?? null;
    const ch = storyline ? channels(svec, f.when, f.language, storyline) : null;
    storyReason = ch ? reason(ch, storylineRaw(ch, opts.storyline)) : null;
  } else {
    // Storylines a new event may join: those with an event it links to (specific cast and words).
    const linked = new Set<string>();
    for (const x of c.events) if (x.parent && eventLink(measured.get(x.id)!, opts.storyline) !== null) linked.add(x.parent);
    const st = pick(
      opts.storyline.link ? c.storylines.filter((s) => linked.has(s.id)) : c.storylines,
      (x) => channels(svec, f.when, f.language, x),
      (ch) => storylineScore(ch, opts.storyline),
      (ch) => storylineRaw(ch, opts.storyline),
    );
    storyline = st.chosen;
    storyReason = st.reason;
  }

  const newStoryline = !storyline;
  const storyBase = storyline ?? emptyCluster(clusterId('storyline', f.id), 'storyline', null, seq);
  const newEvent = !event;
  const eventBase = event ?? emptyCluster(clusterId('event', f.id), 'event', storyBase.id, seq);
  let eventState = withArticle(eventBase, vec, f, seq, opts.eventVector);
  let storyState = withArticle(storyBase, svec, f, seq, opts.storylineVector);

  // Events the article shows to be one with its own: merged, and their storylines with them.
  const merges: ClusterMerge[] = [];
  if (event && opts.merge) {
    const gone = new Map<string, string>();
    const live = (id: string) => gone.get(id) ?? id;
    for (const y of c.events) {
      if (y.id === event.id) continue;
      if (opts.merge.bothQualify && eventScore(measured.get(y.id)!, opts.event) === null) continue;
      if (eventScore(clusterChannels(eventState, y, opts.event.windowDays), opts.merge.event) === null) continue;
      const parent = y.parent ? live(y.parent) : null;
      const theirStory = parent === storyState.id ? null : c.storylines.find((s) => s.id === parent);
      if (theirStory === undefined) continue;
      // Events of two storylines merge only when the storylines, compared as wholes, are one story too.
      if (theirStory && storylineRaw(clusterChannels(storyState, theirStory, opts.event.windowDays), opts.storyline) < opts.merge.storylines) continue;
      if (theirStory) {
        const ms = mergedCluster(storyState, theirStory, seq, opts.storylineVector);
        const from = ms.id === storyState.id ? theirStory.id : storyState.id;
        merges.push({ level: 'storyline', from, into: ms.id, features: Object.keys(from === storyState.id ? storyState.vec : theirStory.vec) });
        gone.set(from, ms.id);
        storyState = ms;
      }
      const me = mergedCluster(eventState, y, seq, opts.eventVector);
      const absorbed = me.id === y.id ? eventState : y;
      merges.push({ level: 'event', from: absorbed.id, into: me.id, features: Object.keys(absorbed.vec) });
      eventState = { ...me, parent: storyState.id };
    }
  }
  if (eventState.parent !== storyState.id) eventState = { ...eventState, parent: storyState.id };

  return {
    articleId: f.id,
    seq,
    eventId: eventState.id,
    storylineId: storyState.id,
    newEvent,
    newStoryline,
    eventReason: ev.reason,
    storylineReason: storyReason,
    event: eventState,
    storyline: storyState,
    merges,
    features: [...f.features.keys()],
    postings: c.lookup,
    when: f.when,
    language: f.language,
    source: f.source,
  };
}

/** Places one article: gathers its candidates, decides its event and storyline, commits the decision to the index. */
export async function placeArticle(index: StoryIndex, f: ArticleFeatures, opts: ClusterOptions = DEFAULT_CLUSTER_OPTIONS): Promise<Placement> {
  const candidates = await gatherCandidates(index, f, opts);
  const placement = decidePlacement(f, candidates, index.nextSeq(), opts);
  await index.commit(placement);
  return placement;
}
