// How well an article fits an event or a storyline, channel by channel. A channel that cannot speak
// (words across languages, figures when either side has none, dates when either side is undated) is
// left out of the average rather than counted as a mismatch — that is what makes the comparison
// cross-lingual and robust to undated articles. Dates can also veto: two dated reports more than a few
// days apart are not one happening, however alike their participants.
import type { ArticleWhen, ClusterState } from './shapes.ts';
import { daysBetween, monthDayOf } from './when.ts';
import { kindCosines } from './vectors.ts';

/** Days between a dated article and an event's date range within which they may be one happening. */
export const EVENT_WINDOW_DAYS = 7;

export interface Channels {
  /** Entity cosine. */
  e: number;
  /** Entity cosine over participants only (people, organisations, named things; places left out:
   *  a country is a setting shared by many stories, not a participant). */
  p: number;
  /** Word cosine; null when the cluster has no article in the article's language. */
  t: number | null;
  /** Shared figures, 0..1; null when the article or the cluster has no figures. */
  f: number | null;
  /** Date agreement, 0..1; null when either side is undated. */
  d: number | null;
  /** True when both sides are dated and the dates cannot be one happening. */
  dateConflict: boolean;
  /** Whether time lets the cast decide: both sides dated and agreeing, neither side dated, or only one
   *  side dated and the other naming a day of it. False when one report is tied to a day the other
   *  does not know (the same people meeting again on another day). */
  timeAgrees: boolean;
}

export interface Weights {
  e: number;
  t: number;
  f: number;
  d: number;
}

export interface EventRule {
  weights: Weights;
  /** The weighted average over the channels that speak must reach this… */
  threshold: number;
  /** …with one specific piece of evidence: words this alike, shared figures, or agreeing dates together
   *  with entities this alike (the same day alone is not evidence: many things happen on one day).
   *  Entities alone never make an event: the same people meet again and again (see `cast`). */
  specific: { t: number; f: number; d: number; dWithE: number; tFiguresDiffer: number };
  /** The same specific cast (entity cosine at least `e`, rare names weighing most) with words at least
   *  `t` alike is one happening too — but only when time agrees (Channels.timeAgrees): a report tied
   *  to a day and one that does not know that day stay apart, however alike their cast. Learned on
   *  ECB+ dev and held by the examples (000 and 001: the same people at the White House, 001 tied
   *  to Feb. 4) and by BBC (undated: a looser cast rule makes "Blair and the Tories" one event). */
  cast: { e: number; t: number };
  /** Days between a dated article and the event's dates within which they may be one happening. */
  windowDays: number;
}

export interface StorylineRule {
  weights: Weights;
  threshold: number;
  /** A new event also needs a link to one event of the storyline (measured at the event level, with
   *  full idf, so famous names count little): participants (entities without places) at least `e`,
   *  words (when they speak) at least `t`, and a weighted score at least `score`. A storyline grows
   *  from happening to happening among the same participants, not from a topic's centroid or a
   *  shared country. */
  link: { e: number; t: number; score: number; weights: Weights } | null;
}

/** Event: entities and words alike, figures and dates as specific evidence. */
export const EVENT_RULE: EventRule = {
  weights: { e: 0.4, t: 0.4, f: 0.3, d: 0.3 },
  threshold: 0.2,
  specific: { t: 0.2, f: 0.5, d: 0.5, dWithE: 0.3, tFiguresDiffer: 0.2 },
  cast: { e: 0.5, t: 0.12 },
  windowDays: EVENT_WINDOW_DAYS,
};

/** Storyline: who and where (entities) weigh most, words help; figures and dates do not count. */
export const STORYLINE_RULE: StorylineRule = {
  weights: { e: 0.7, t: 0.3, f: 0, d: 0 },
  threshold: 0.3,
  link: { e: 0.15, t: 0.08, score: 0.18, weights: { e: 0.7, t: 0.3, f: 0, d: 0 } },
};

/** The link of a new event to an event of a storyline, or null when too weak (see StorylineRule.link). */
export function eventLink(ch: Channels, rule: StorylineRule = STORYLINE_RULE): number | null {
  const l = rule.link;
  if (!l) return 1;
  if (ch.p < l.e || (ch.t !== null && ch.t < l.t)) return null;
  const s = combine({ ...ch, e: ch.p, f: null, d: null }, l.weights);
  return s >= l.score ? s : null;
}

/** Value of one shared figure: a count of ten or more is specific, a small number less so; a figure
 *  matched only by its unit ("60 days") counts less than one matched by what it counts. */
function figureValue(feature: string): number {
  const bar = feature.indexOf('|');
  const value = Math.abs(Number(feature.slice(2, bar)));
  return (value >= 10 ? 1 : 0.4) * (feature[bar + 1] === '@' ? 0.6 : 1);
}

/** Shared figures as evidence: each distinct shared value adds its value, two specific ones are full evidence. */
export function figureEvidence(a: Map<string, number>, c: Pick<ClusterState, 'vec' | 'norms'>): number | null {
  if (!(c.norms.f > 0)) return null;
  let aHas = false;
  const byValue = new Map<string, number>();
  for (const f of a.keys()) {
    if (f.charCodeAt(0) !== 102 /* f */) continue;
    aHas = true;
    if (c.vec[f] === undefined) continue;
    const v = f.slice(2, f.indexOf('|'));
    byValue.set(v, Math.max(byValue.get(v) ?? 0, figureValue(f)));
  }
  if (!aHas) return null;
  let sum = 0;
  for (const x of byValue.values()) sum += x;
  return Math.min(1, sum / 2);
}

/** Date agreement of an article with a cluster's date range; conflict when they cannot be one happening. */
export function dateEvidence(w: ArticleWhen, c: Pick<ClusterState, 'first' | 'last' | 'monthDays'>, window = EVENT_WINDOW_DAYS): { d: number | null; conflict: boolean } {
  if (w.day && c.first && c.last) {
    const gap = w.day < c.first ? daysBetween(w.day, c.first) : w.day > c.last ? daysBetween(c.last, w.day) : 0;
    if (gap > window) return { d: null, conflict: true };
    return { d: gap <= 1 ? 1 : 0.6, conflict: false };
  }
  // Days without a year: compared as month-days (a year apart would need other evidence to join).
  const mine = w.day ? [monthDayOf(w.day)] : w.monthDay ? [w.monthDay] : [];
  const theirs = [...c.monthDays, ...(c.first ? [monthDayOf(c.first)] : []), ...(c.last ? [monthDayOf(c.last)] : [])];
  if (mine.length === 0 || theirs.length === 0) return { d: null, conflict: false };
  const near = (x: string, y: string) => Math.abs(daysBetween(`2000-${x}`, `2000-${y}`)) <= window;
  if (mine.some((x) => theirs.some((y) => near(x, y)))) return { d: 0.8, conflict: false };
  return { d: null, conflict: true };
}

/** Whether an entity feature is a place (a setting rather than a participant). */
export function isPlace(feature: string): boolean {
  return feature.startsWith('e:country:') || feature.startsWith('e:loc:');
}

/** Cosine of the participant (non-place) entity features of an article with a cluster's. */
export function participantCosine(a: Map<string, number>, c: Pick<ClusterState, 'vec'>): number {
  let dot = 0;
  let na = 0;
  for (const [f, x] of a) {
    if (f.charCodeAt(0) !== 101 /* e */ || isPlace(f)) continue;
    na += x * x;
    const v = c.vec[f];
    if (v !== undefined) dot += x * v;
  }
  if (dot === 0) return 0;
  let nc = 0;
  for (const f in c.vec) if (f.charCodeAt(0) === 101 && !isPlace(f)) nc += c.vec[f] * c.vec[f];
  return dot / Math.sqrt(na * nc);
}

export function channels(a: Map<string, number>, when: ArticleWhen, language: string, c: ClusterState, window = EVENT_WINDOW_DAYS): Channels {
  const cos = kindCosines(a, c.vec, c.norms);
  const { d, conflict } = dateEvidence(when, c, window);
  const mineDated = !!(when.day || when.monthDay);
  const theirsDated = !!(c.first || c.monthDays.length > 0);
  const timeAgrees = mineDated && theirsDated ? d !== null : mineDated === theirsDated || cos.d > 0;
  return {
    e: cos.e,
    p: participantCosine(a, c),
    t: c.languages[language] ? cos.t : null,
    f: figureEvidence(a, c),
    d,
    dateConflict: conflict,
    timeAgrees,
  };
}

/** Weighted average over the channels that speak. */
export function combine(ch: Channels, w: Weights): number {
  let sum = w.e * ch.e;
  let total = w.e;
  for (const k of ['t', 'f', 'd'] as const) {
    const x = ch[k];
    if (x === null || w[k] === 0) continue;
    sum += w[k] * x;
    total += w[k];
  }
  return total > 0 ? sum / total : 0;
}

/** The event score of an article, or null when it cannot join the event (date conflict, no specific evidence, too low). */
export function eventScore(ch: Channels, rule: EventRule = EVENT_RULE): number | null {
  if (ch.dateConflict) return null;
  const s = combine(ch, rule.weights);
  const sp = rule.specific;
  // Both sides give figures and none agree: words must be more alike to count.
  const t = ch.f === 0 ? sp.tFiguresDiffer : sp.t;
  // The same cast with a little shared wording, when time does not tell them apart.
  const cast = ch.timeAgrees && ch.e >= rule.cast.e && ch.t !== null && ch.t >= rule.cast.t;
  const specific = (ch.t ?? 0) >= t || (ch.f ?? 0) >= sp.f || ((ch.d ?? 0) >= sp.d && ch.e >= sp.dWithE) || cast;
  return specific && s >= rule.threshold ? s : null;
}

/** The storyline score: words and entities only. */
export function storylineRaw(ch: Channels, rule: StorylineRule = STORYLINE_RULE): number {
  return combine({ ...ch, f: null, d: null }, rule.weights);
}

/** The storyline score of an article, or null when below the threshold. */
export function storylineScore(ch: Channels, rule: StorylineRule = STORYLINE_RULE): number | null {
  const s = storylineRaw(ch, rule);
  return s >= rule.threshold ? s : null;
}
