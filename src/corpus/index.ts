// The corpus stages, as the pipeline sees them: after an analysed batch is stored, its entities are
// linked to the corpus-wide entities (in the same transaction as the articles), then the stored
// articles are placed in events and storylines. The pipeline (ingest, reanalyze, upload, workers)
// calls these and nothing else of the corpus; the CLI and the API read the story views here.
import type { EntityRebuildResult, IngestItem, IngestResult, IngestStage, Store } from '../store/store.ts';
import { withLinkedKeys } from '../store/story-tables.ts';
import type { AnalyzedArticle } from '../types.ts';
import { EntityIndexWriter, articleEntities } from './entities/index-writer.ts';
import type { EntityLink } from './entities/shapes.ts';
import { EntityViews } from './entities/views.ts';
import { StoryPlacer, type AttachSummary, type Recent } from './stories/placing.ts';
import { StoryViews } from './stories/views.ts';

export type { AttachSummary } from './stories/placing.ts';

/** The entity views (global entities, one entity, explanations, an article's links, co-occurrence). */
type EntityViewMethods = Pick<EntityViews, 'entities' | 'entity' | 'explainEntity' | 'entityLinks' | 'entityCooccurrence'>;

export interface Corpus extends EntityViewMethods {
  /** Stores a batch of analysed articles and links their entities to the corpus entities, all or
   *  nothing; items already stored (by content hash) are skipped. */
  add(items: IngestItem[]): Promise<IngestResult>;
  /** Places stored articles, in the order given, in events and storylines; placed ones are skipped. */
  place(articleIds: string[]): Promise<AttachSummary>;
  /** Places the stored articles no story holds yet, in ingest order: those of a run stopped between
   *  storing a batch and placing it. The pipeline calls it before adding new articles, so the
   *  stories end as if the run had not been stopped. */
  placeUnplaced(): Promise<AttachSummary>;
  /** Forgets every event and storyline and places every stored article again, in ingest order. */
  restory(opts?: { onProgress?: (done: number, total: number) => void }): Promise<AttachSummary>;
  /** Re-resolves every stored entity layer in ingest order, replacing the entity index in one transaction. */
  rebuildEntities(): Promise<EntityRebuildResult>;
  /** The story views: list, detail, timeline, compare, placements, export. */
  readonly stories: StoryViews;
  /** Replaces every layer of a stored article (reanalysis); its links to the corpus entities and its
   *  place in stories are brought up to date by `rebuild`. */
  replace(articleId: string, article: AnalyzedArticle): Promise<void>;
  /** Links the entities of every stored article again, in ingest order, then places every article in
   *  events and storylines again (after a reanalysis). */
  rebuild(): Promise<CorpusRebuild>;
}

export interface CorpusRebuild {
  entities: EntityRebuildResult;
  stories: AttachSummary;
}

/** One corpus per store: the entity resolver and the story index keep their state from one call to the next. */
const corpora = new WeakMap<Store, Corpus>();

/** The corpus stages over a store. */
export function openCorpus(store: Store): Corpus {
  let corpus = corpora.get(store);
  if (!corpus) {
    const placer = new StoryPlacer(store);
    const entities = new EntityIndexWriter();
    const entityViews = new EntityViews(store.entityIndex);
    /** The articles the batch being added stored, with their links. */
    let linked: { article: AnalyzedArticle; links: EntityLink[] }[] = [];
    /** The articles of the last batch added, with their entities' global keys, and the entity generation they reflect. */
    let recent: Recent = { articles: new Map(), generation: null };
    // Each stored article's entities are linked to the corpus entities in the ingest's transaction.
    const linkEntities: IngestStage = {
      async begin({ entities: tables }) {
        linked = [];
        // A schema without entity tables (custom migrations) stores articles without linking them.
        const batch = tables.available ? await entities.batch(tables) : undefined;
        return {
          stored: async (article, seq) => {
            linked.push({ article, links: batch ? await batch.add(articleEntities(article), seq) : [] });
          },
          finish: async () => batch?.finish(),
        };
      },
      abort: () => entities.discard(), // its resolver holds the rolled-back articles
    };
    corpus = {
      add: async (items) => {
        const result = await store.ingest(items, linkEntities);
        // Placing takes these as they are, with the keys their links have after the batch's merges.
        const keys = (links: EntityLink[]) => new Map(links.map((l) => [l.localId, entities.currentKey(l.key)]));
        recent = {
          articles: new Map(linked.map(({ article, links }) => [article.id, withLinkedKeys(article, keys(links))])),
          generation: entities.committed,
        };
        linked = [];
        return result;
      },
      rebuildEntities: async () => {
        try {
          return await store.write('ingest', (tables) => entities.rebuild(tables.entities));
        } catch (err) {
          entities.discard();
          throw err;
        }
      },
      place: (ids) => placer.attach(ids, recent),
      placeUnplaced: async () => placer.attach(store.stories.available ? await store.stories.unplacedIds() : []),
      restory: (opts) => placer.restory(opts),
      replace: (id, article) => store.replaceAnalysis(id, article),
      async rebuild() {
        // Corpus entities depend on every article's entities layer, in ingest order; stories are placed
        // from entities, figures and dates: both are recomputed from the new layers.
        const linkedEntities = await corpus!.rebuildEntities();
        return { entities: linkedEntities, stories: await corpus!.restory() };
      },
      stories: new StoryViews(store.stories, (name) => entityViews.find(name), async (ids) => (store.sources.available ? store.sources.copies(ids) : [])),
      entities: (filter) => entityViews.entities(filter),
      entity: (nameOrKey, opts) => entityViews.entity(nameOrKey, opts),
      explainEntity: (nameOrKey) => entityViews.explainEntity(nameOrKey),
      entityLinks: (articleId) => entityViews.entityLinks(articleId),
      entityCooccurrence: (key, page) => entityViews.entityCooccurrence(key, page),
    };
    corpora.set(store, corpus);
  }
  return corpus;
}
