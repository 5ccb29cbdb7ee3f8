// The story views over a store's story tables (list, detail, timeline, compare: the plain functions
// of api.ts) and the export of a story's articles: what `dossier stories|story|timeline|compare`
// print and the API serves.
import type { ClusterRow, MemberRecord, StoryReads } from '../../store/story-tables.ts';
import { StoreInputError } from '../../store/store.ts';
import type { AnalyzedArticle } from '../../types.ts';
import { compare, storiesList, storyDetail, timeline, type StorySource, type TimelineQuery } from './api.ts';
import type { ClusterState } from './shapes.ts';
import { toCluster } from './table-index.ts';

/** Articles read per step when exporting. */
const PAGE = 200;

/** The StorySource of the views: the store's rows as cluster states. */
function storySource(tables: StoryReads, entityKeys: (name: string) => Promise<string[]>, copies: CopyReads): StorySource {
  const states = async (rows: Promise<ClusterRow[]>): Promise<ClusterState[]> => (await rows).map(toCluster);
  return {
    storylines: async (page) => {
      const { total, items } = await tables.storylines(page);
      return { total, items: items.map(toCluster) };
    },
    findCluster: async (id) => {
      const r = await tables.findCluster(id);
      return r ? toCluster(r) : null;
    },
    clusters: (ids) => states(tables.clusters(ids)),
    eventsOf: (ids) => states(tables.eventsOf(ids)),
    members: (ids) => tables.members(ids),
    articles: (ids) => tables.articles(ids),
    articlesNaming: async (name, limit) => tables.articlesNaming(name, await entityKeys(name), limit),
    unplaced: () => tables.unplaced(),
    copies: (ids) => copies(ids),
  };
}

/** The syndicated copies recorded among articles (the source tables'); none without those tables. */
export type CopyReads = (articleIds: string[]) => Promise<{ article_id: string; copy_of: string }[]>;

export class StoryViews {
  private readonly source: StorySource;

  constructor(
    private readonly tables: StoryReads,
    /** Global entity keys a name or key stands for (the entity views' `find`). */
    entityKeys: (name: string) => Promise<string[]>,
    copies: CopyReads = async () => [],
  ) {
    this.source = storySource(tables, entityKeys, copies);
  }

  /** Storylines, most recently active first, with their events and sources (`dossier stories --json`). */
  list(page: { limit?: number; offset?: number } = {}) {
    return storiesList(this.source, page);
  }

  /** One event or storyline (id or unique prefix): events, sources, articles, timeline (`dossier story`). */
  detail(id: string) {
    return storyDetail(this.source, id);
  }

  /** Timeline of a story or an entity (`dossier timeline`). */
  timeline(q: TimelineQuery) {
    return timeline(this.source, q);
  }

  /** Source comparison of a story: figures, voice, coverage (`dossier compare`). */
  compare(id: string) {
    return compare(this.source, id);
  }

  /** The placement of each given article (every placed article when omitted), in placement order. */
  placements(articleIds?: string[]): Promise<MemberRecord[]> {
    return this.tables.placements(articleIds);
  }

  /** The stored articles of a story (every stored article when omitted), in ingest order, for export. */
  async *articlesOf(story?: string): AsyncIterable<AnalyzedArticle> {
    let ids: string[];
    if (story) {
      const c = await this.tables.findCluster(story);
      if (!c) throw new StoreInputError(`no story with id "${story}"`);
      ids = (await this.tables.members([c.id])).map((m) => m.articleId);
    } else {
      ids = await this.tables.articleIds();
    }
    for (let i = 0; i < ids.length; i += PAGE) for (const d of await this.tables.articles(ids.slice(i, i + PAGE))) yield d;
  }
}
