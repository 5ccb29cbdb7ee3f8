// The story index over a store's story tables (src/store/story-tables.ts), for every store alike.
// Document frequencies and cluster states are kept in memory across write transactions, checked
// against the stored generation so that a write by another process empties them; what placing
// changes is written once every FLUSH_EVERY articles, not once per article.
import type { ClusterRow, MemberColumns, PostingRow, StoryTables } from '../../store/story-tables.ts';
import type { ClusterLevel, ClusterMerge, ClusterState, Placement, StoryIndex } from './shapes.ts';
import { kindNorms } from './vectors.ts';

/** Cluster states kept in memory (the clusters touched most recently). */
const CLUSTER_CACHE = 8192;
/** Document frequencies kept in memory; the cache is dropped and refilled when it grows past this. */
const DF_CACHE = 500_000;
/** Articles placed between writes of the changed rows (within one transaction). */
export const FLUSH_EVERY = 250;

export function toCluster(r: ClusterRow): ClusterState {
  const s = JSON.parse(r.state) as Pick<ClusterState, 'vec' | 'names' | 'monthDays' | 'languages'> & { norms?: ClusterState['norms'] };
  return {
    id: r.id,
    level: r.level,
    parent: r.parent,
    size: r.size,
    first: r.first_day,
    last: r.last_day,
    created: r.created,
    touched: r.touched,
    ...s,
    norms: s.norms ?? kindNorms(s.vec),
  };
}

/** The story_clusters row of a cluster (the JSON state included). */
export function clusterRow(c: ClusterState): ClusterRow {
  return {
    id: c.id,
    level: c.level,
    parent: c.parent,
    size: c.size,
    first_day: c.first,
    last_day: c.last,
    created: c.created,
    touched: c.touched,
    state: JSON.stringify({ vec: c.vec, norms: c.norms, names: c.names, monthDays: c.monthDays, languages: c.languages }),
  };
}

/** The story_articles row of a placement. */
export function memberRow(p: Placement): MemberColumns {
  return {
    article_id: p.articleId,
    seq: p.seq,
    event_id: p.eventId,
    storyline_id: p.storylineId,
    day: p.when.day,
    month_day: p.when.monthDay,
    reason: JSON.stringify({ event: p.eventReason, storyline: p.storylineReason }),
  };
}

export class TableStoryIndex implements StoryIndex {
  private docs = 0;
  private seq = 0;
  /** Generation the caches reflect; -1 when they must be dropped. */
  private generation = -1;
  private readonly clusterCache = new Map<string, ClusterState>();
  private readonly dfCache = new Map<string, number>();
  /** Merges not written yet (pending rows already name the survivors). */
  private mergesPending: ClusterMerge[] = [];
  /** Placements not written yet. */
  private membersPending: MemberColumns[] = [];
  /** Document-frequency increments not written yet. */
  private readonly dfPending = new Map<string, number>();
  /** Clusters changed since the last write. */
  private readonly clustersPending = new Map<string, ClusterState>();
  /** Postings added since the last write ("level\0feature" -> cluster id -> touched). */
  private readonly postingsPending = new Map<string, Map<string, number>>();
  /** The tables of the transaction placing now; null outside one. */
  private tables: StoryTables | null = null;
  /** Articles placed since the last write. */
  private sinceFlush = 0;

  /**
   * Runs `fn` with the index ready to place over `tables` (those of an open write transaction) and
   * writes what it changed. When the transaction fails afterwards, call `abort`.
   */
  async within<T>(tables: StoryTables, fn: () => Promise<T>): Promise<T> {
    const generation = await tables.generation();
    if (generation !== this.generation) {
      this.clusterCache.clear();
      this.dfCache.clear();
      const r = await tables.placedCount();
      this.docs = r.n;
      this.seq = r.seq;
    }
    this.dropPending();
    this.tables = tables;
    try {
      const out = await fn();
      await this.flush();
      this.generation = await tables.nextGeneration();
      return out;
    } catch (err) {
      this.abort();
      throw err;
    } finally {
      this.tables = null;
    }
  }

  /** After a rolled-back transaction: the caches may hold what was rolled back. */
  abort(): void {
    this.generation = -1;
    this.dropPending();
  }

  /** Empties the story tables and forgets everything in memory; call inside `within`. */
  async clear(): Promise<void> {
    await this.open().clear();
    this.clusterCache.clear();
    this.dfCache.clear();
    this.dropPending();
    this.docs = 0;
    this.seq = 0;
  }

  private dropPending(): void {
    this.mergesPending = [];
    this.membersPending = [];
    this.dfPending.clear();
    this.clustersPending.clear();
    this.postingsPending.clear();
    this.sinceFlush = 0;
  }

  private open(): StoryTables {
    if (!this.tables) throw new Error('story index: place articles inside within()');
    return this.tables;
  }

  /** Writes what placing changed since the last flush. */
  private async flush(): Promise<void> {
    const postings: PostingRow[] = [];
    for (const [k, ids] of this.postingsPending) {
      const cut = k.indexOf('\0');
      const level = k.slice(0, cut) as ClusterLevel;
      const feature = k.slice(cut + 1);
      for (const [cluster_id, touched] of ids) postings.push({ feature, level, cluster_id, touched });
    }
    const writes = { merges: this.mergesPending, members: this.membersPending, df: new Map(this.dfPending), clusters: [...this.clustersPending.values()].map(clusterRow), postings };
    this.dropPending();
    await this.open().write(writes);
  }

  async df(features: string[]): Promise<{ docs: number; df: Map<string, number> }> {
    const tables = this.open();
    const missing = features.filter((f) => !this.dfCache.has(f));
    if (missing.length > 0) {
      const stored = await tables.df(missing);
      if (this.dfCache.size + missing.length > DF_CACHE) this.dfCache.clear();
      for (const f of missing) this.dfCache.set(f, (stored.get(f) ?? 0) + (this.dfPending.get(f) ?? 0));
    }
    const out = new Map<string, number>();
    for (const f of features) {
      const n = this.dfCache.get(f)!;
      if (n > 0) out.set(f, n);
    }
    return { docs: this.docs, df: out };
  }

  async postings(features: string[], perFeature: number): Promise<Record<ClusterLevel, Map<string, string[]>>> {
    const stored = new Map<string, PostingRow[]>();
    for (const r of await this.open().postings(features, perFeature)) {
      const k = `${r.level}\0${r.feature}`;
      const list = stored.get(k);
      if (list) list.push(r);
      else stored.set(k, [r]);
    }
    const level = (lv: ClusterLevel) => {
      const out = new Map<string, string[]>();
      for (const f of features) {
        const k = `${lv}\0${f}`;
        const rows = stored.get(k) ?? [];
        const pending = this.postingsPending.get(k);
        let ids: string[];
        if (!pending) ids = rows.map((r) => r.cluster_id);
        else {
          // This batch's postings are newer than any stored one.
          const merged = new Map(rows.map((r) => [r.cluster_id, r.touched]));
          for (const [id, t] of pending) merged.set(id, t);
          ids = [...merged].sort((a, b) => b[1] - a[1]).slice(0, perFeature).map(([id]) => id);
        }
        if (ids.length > 0) out.set(f, ids);
      }
      return out;
    };
    return { event: level('event'), storyline: level('storyline') };
  }

  async clusters(ids: string[]): Promise<ClusterState[]> {
    const tables = this.open();
    const known = (id: string) => this.clustersPending.get(id) ?? this.clusterCache.get(id);
    const wanted = [...new Set(ids)];
    // Unknown clusters, and the unknown storylines of known events; the read brings the storylines of the unknown ones.
    const missing = new Set(wanted.filter((id) => !known(id)));
    for (const id of wanted) {
      const parent = known(id)?.parent;
      if (parent && !known(parent)) missing.add(parent);
    }
    const fetched = new Map<string, ClusterState>();
    if (missing.size > 0) {
      for (const r of await tables.clustersWithParents([...missing])) {
        const c = toCluster(r);
        fetched.set(c.id, c);
        this.remember(c);
      }
    }
    const found = new Map<string, ClusterState>();
    const add = (id: string) => {
      const c = found.get(id) ?? this.clustersPending.get(id) ?? fetched.get(id) ?? this.clusterCache.get(id);
      if (c) found.set(id, c);
      return c;
    };
    for (const id of wanted) {
      const parent = add(id)?.parent;
      if (parent) add(parent);
    }
    return [...found.values()];
  }

  private remember(c: ClusterState): void {
    this.clusterCache.delete(c.id);
    this.clusterCache.set(c.id, c);
    if (this.clusterCache.size > CLUSTER_CACHE) this.clusterCache.delete(this.clusterCache.keys().next().value!);
  }

  nextSeq(): number {
    return this.seq + 1;
  }

  /** Moves what is pending and cached of `m.from` to `m.into`; the stored rows move when written. */
  private merge(m: ClusterMerge): void {
    this.mergesPending.push(m);
    this.clusterCache.delete(m.from);
    this.clustersPending.delete(m.from);
    if (m.level === 'storyline') {
      for (const cache of [this.clusterCache, this.clustersPending]) {
        for (const [id, c] of cache) if (c.parent === m.from) cache.set(id, { ...c, parent: m.into });
      }
    }
    for (const x of this.membersPending) {
      if (m.level === 'event' && x.event_id === m.from) x.event_id = m.into;
      if (m.level === 'storyline' && x.storyline_id === m.from) x.storyline_id = m.into;
    }
    for (const f of m.features) {
      const ids = this.postingsPending.get(`${m.level}\0${f}`);
      const t = ids?.get(m.from);
      if (!ids || t === undefined) continue;
      ids.delete(m.from);
      ids.set(m.into, Math.max(t, ids.get(m.into) ?? 0));
    }
  }

  async commit(p: Placement): Promise<void> {
    this.open();
    for (const m of p.merges) this.merge(m);
    this.seq = p.seq;
    this.docs++;
    this.membersPending.push(memberRow(p));
    for (const c of [p.event, p.storyline]) {
      this.remember(c);
      this.clustersPending.set(c.id, c);
    }
    for (const [level, id] of [['event', p.eventId], ['storyline', p.storylineId]] as const) {
      for (const f of p.postings) {
        const k = `${level}\0${f}`;
        let m = this.postingsPending.get(k);
        if (!m) this.postingsPending.set(k, (m = new Map()));
        m.set(id, p.seq);
      }
    }
    for (const f of p.features) {
      this.dfPending.set(f, (this.dfPending.get(f) ?? 0) + 1);
      if (this.dfCache.has(f)) this.dfCache.set(f, this.dfCache.get(f)! + 1);
    }
    if (++this.sinceFlush >= FLUSH_EVERY) await this.flush();
  }
}
