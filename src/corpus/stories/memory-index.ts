// The story index in memory: for tests, benchmarks and anything that clusters a batch without a store.
// Postings keep, per feature and level, only the most recent POSTINGS_KEPT clusters — lookups read at
// most that many, so memory and time per article stay flat however common a feature gets.
import type { ClusterLevel, ClusterMerge, ClusterState, Placement, StoryIndex } from './shapes.ts';

export const POSTINGS_KEPT = 64;

export interface Membership {
  articleId: string;
  seq: number;
  eventId: string;
  storylineId: string;
}

export class MemoryStoryIndex implements StoryIndex {
  private docs = 0;
  private seq = 0;
  private readonly dfs = new Map<string, number>();
  /** Per level, feature -> cluster ids, least recent first (at most POSTINGS_KEPT). */
  private readonly lists: Record<ClusterLevel, Map<string, string[]>> = { event: new Map(), storyline: new Map() };
  private readonly states = new Map<string, ClusterState>();
  readonly members: Membership[] = [];

  df(features: string[]): { docs: number; df: Map<string, number> } {
    const df = new Map<string, number>();
    for (const f of features) {
      const n = this.dfs.get(f);
      if (n) df.set(f, n);
    }
    return { docs: this.docs, df };
  }

  postings(features: string[], perFeature: number): Record<ClusterLevel, Map<string, string[]>> {
    const level = (lv: ClusterLevel) => {
      const out = new Map<string, string[]>();
      for (const f of features) {
        const list = this.lists[lv].get(f);
        if (list) out.set(f, list.slice(-perFeature).reverse());
      }
      return out;
    };
    return { event: level('event'), storyline: level('storyline') };
  }

  clusters(ids: string[]): ClusterState[] {
    const found = new Map<string, ClusterState>();
    for (const id of ids) {
      const c = this.states.get(id);
      if (!c) continue;
      found.set(id, c);
      const parent = c.parent ? this.states.get(c.parent) : undefined;
      if (parent) found.set(parent.id, parent);
    }
    return [...found.values()];
  }

  nextSeq(): number {
    return this.seq + 1;
  }

  commit(p: Placement): void {
    for (const m of p.merges) this.merge(m);
    this.seq = p.seq;
    this.docs++;
    for (const f of p.features) this.dfs.set(f, (this.dfs.get(f) ?? 0) + 1);
    this.states.set(p.event.id, p.event);
    this.states.set(p.storyline.id, p.storyline);
    for (const [level, id] of [['event', p.eventId], ['storyline', p.storylineId]] as const) {
      for (const f of p.postings) {
        const list = this.lists[level].get(f);
        if (!list) {
          this.lists[level].set(f, [id]);
          continue;
        }
        const at = list.lastIndexOf(id);
        if (at === list.length - 1) continue;
        if (at >= 0) list.splice(at, 1);
        list.push(id);
        if (list.length > POSTINGS_KEPT) list.shift();
      }
    }
    this.members.push({ articleId: p.articleId, seq: p.seq, eventId: p.eventId, storylineId: p.storylineId });
  }

  /** Moves everything of `m.from` to `m.into` and forgets `m.from`. */
  private merge(m: ClusterMerge): void {
    this.states.delete(m.from);
    if (m.level === 'storyline') {
      for (const [id, c] of this.states) if (c.parent === m.from) this.states.set(id, { ...c, parent: m.into });
    }
    for (const x of this.members) {
      if (m.level === 'event' && x.eventId === m.from) x.eventId = m.into;
      if (m.level === 'storyline' && x.storylineId === m.from) x.storylineId = m.into;
    }
    // The survivor's posting under a feature is the more recent of the two.
    for (const f of m.features) {
      const list = this.lists[m.level].get(f);
      if (!list) continue;
      const at = list.indexOf(m.from);
      if (at < 0) continue;
      const mine = list.indexOf(m.into);
      if (mine > at) list.splice(at, 1);
      else {
        list[at] = m.into;
        if (mine >= 0) list.splice(mine, 1);
      }
    }
  }

  cluster(id: string): ClusterState | undefined {
    return this.states.get(id);
  }

  allClusters(): ClusterState[] {
    return [...this.states.values()];
  }
}
