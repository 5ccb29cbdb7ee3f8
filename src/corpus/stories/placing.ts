// The placement loop, once for every store: articles are placed one after another in a single
// write transaction under the 'stories' lock, through the story index over the store's tables.
import type { Store, WriteTables } from '../../store/store.ts';
import type { StoryTables } from '../../store/story-tables.ts';
import type { AnalyzedArticle } from '../../types.ts';
import { placeArticle } from './cluster.ts';
import { articleFeatures } from './features.ts';
import { TableStoryIndex } from './table-index.ts';

/** Articles read per step when placing. */
const PAGE = 200;

export interface AttachSummary {
  /** Articles placed by this call. */
  attached: number;
  /** Articles skipped: already placed, or not stored. */
  skipped: number;
  /** Events and storylines started by this call. */
  newEvents: number;
  newStorylines: number;
  seconds: number;
}

/** Analysed articles the caller has at hand (the last batch added), with the entity generation their keys reflect (null: no entity tables). */
export interface Recent {
  articles: ReadonlyMap<string, AnalyzedArticle>;
  generation: number | null;
}

const emptySummary = (): AttachSummary => ({ attached: 0, skipped: 0, newEvents: 0, newStorylines: 0, seconds: 0 });

/** Places a store's articles in its story tables; keeps the index's caches from one call to the next. */
export class StoryPlacer {
  private readonly index = new TableStoryIndex();

  constructor(private readonly store: Store) {}

  /**
   * Places articles (in the order given) that are not placed yet. `recent` articles are placed as
   * they are, unless the entity index changed since (their keys may be out of date); the others are
   * read from the store.
   */
  async attach(articleIds: string[], recent: Recent = { articles: new Map(), generation: null }): Promise<AttachSummary> {
    // A schema without story tables (custom migrations) stores articles without placing them.
    if (!this.store.stories.available) return { ...emptySummary(), skipped: articleIds.length };
    return this.placing(async ({ stories: tables, entities }, summary) => {
      const current = recent.generation === null || recent.articles.size === 0 || (await entities.generation()) === recent.generation;
      const known = current ? recent.articles : new Map<string, AnalyzedArticle>();
      const placed = await tables.placed(articleIds);
      const todo = [...new Set(articleIds)].filter((id) => !placed.has(id));
      summary.skipped += articleIds.length - todo.length;
      await this.placeAll(tables, todo, known, summary);
    });
  }

  /** Forgets every event and storyline and places every stored article again, in ingest order. */
  async restory(opts: { onProgress?: (done: number, total: number) => void } = {}): Promise<AttachSummary> {
    // One transaction: readers see the old stories until the new ones are complete.
    return this.placing(async ({ stories: tables }, summary) => {
      await this.index.clear();
      const ids = await tables.articleIds();
      await this.placeAll(tables, ids, new Map(), summary, (n) => opts.onProgress?.(n, ids.length));
    });
  }

  private async placing(fn: (tables: WriteTables, summary: AttachSummary) => Promise<void>): Promise<AttachSummary> {
    const started = performance.now();
    const summary = emptySummary();
    try {
      await this.store.write('stories', (tables) => this.index.within(tables.stories, () => fn(tables, summary)));
    } catch (err) {
      this.index.abort(); // the transaction was rolled back after the index wrote its changes
      throw err;
    }
    summary.seconds = (performance.now() - started) / 1000;
    return summary;
  }

  private async placeAll(
    tables: StoryTables,
    ids: string[],
    known: ReadonlyMap<string, AnalyzedArticle>,
    summary: AttachSummary,
    progress?: (n: number) => void,
  ): Promise<void> {
    for (let i = 0; i < ids.length; i += PAGE) {
      const chunk = ids.slice(i, i + PAGE);
      const unknown = chunk.filter((id) => !known.has(id));
      const read = new Map((unknown.length > 0 ? await tables.articles(unknown) : []).map((a) => [a.id, a]));
      const docs = chunk.map((id) => known.get(id) ?? read.get(id)).filter((a): a is AnalyzedArticle => !!a);
      summary.skipped += chunk.length - docs.length;
      for (const d of docs) {
        const p = await placeArticle(this.index, articleFeatures(d));
        summary.attached++;
        if (p.newEvent) summary.newEvents++;
        if (p.newStoryline) summary.newStorylines++;
      }
      progress?.(Math.min(i + PAGE, ids.length));
    }
  }
}
