// What every store's StoryStore shares: the views (list, detail, timeline, compare: the plain
// functions of src/corpus/stories/api.ts over the store's StorySource) and the export of a story's articles.
// A store extends this with its StorySource reads and its placing.
import { compare, storiesList, storyDetail, timeline, type MemberRecord, type StorySource, type TimelineQuery } from '../corpus/stories/api.ts';
import type { ClusterState } from '../corpus/stories/model.ts';
import type { AttachSummary, StoryStore } from '../corpus/stories/story-store.ts';
import type { AnalyzedArticle } from '../types.ts';
import { StoreInputError } from './store.ts';

type Awaitable<T> = T | Promise<T>;

/** Articles read per step when exporting. */
const PAGE = 200;

export abstract class StoryViews implements StoryStore, StorySource {
  abstract storylines(page: { limit: number; offset: number }): Awaitable<{ total: number; items: ClusterState[] }>;
  abstract findCluster(idOrPrefix: string): Awaitable<ClusterState | null>;
  abstract clusters(ids: string[]): Awaitable<ClusterState[]>;
  abstract eventsOf(storylineIds: string[]): Awaitable<ClusterState[]>;
  abstract members(clusterIds: string[]): Awaitable<MemberRecord[]>;
  abstract articles(ids: string[]): Awaitable<AnalyzedArticle[]>;
  abstract articlesNaming(name: string, limit: number): Awaitable<string[]>;
  abstract unplaced(): Awaitable<number>;
  abstract attach(articleIds: string[]): Promise<AttachSummary>;
  abstract restory(opts?: { onProgress?: (done: number, total: number) => void }): Promise<AttachSummary>;
  abstract placements(articleIds?: string[]): Promise<MemberRecord[]>;
  /** Every stored article id in ingest order. */
  protected abstract allArticleIds(): Awaitable<string[]>;

  list(page: { limit?: number; offset?: number } = {}) {
    return storiesList(this, page);
  }

  detail(id: string) {
    return storyDetail(this, id);
  }

  timeline(q: TimelineQuery) {
    return timeline(this, q);
  }

  compare(id: string) {
    return compare(this, id);
  }

  async *articlesOf(story?: string): AsyncIterable<AnalyzedArticle> {
    let ids: string[];
    if (story) {
      const c = await this.findCluster(story);
      if (!c) throw new StoreInputError(`no story with id "${story}"`);
      ids = (await this.members([c.id])).map((m) => m.articleId);
    } else {
      ids = await this.allArticleIds();
    }
    for (let i = 0; i < ids.length; i += PAGE) for (const d of await this.articles(ids.slice(i, i + PAGE))) yield d;
  }
}
