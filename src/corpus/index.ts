// The corpus stages, as the pipeline sees them: after an analysed batch is stored, its entities are
// linked to the corpus-wide entities (in the same transaction as the articles), then the stored
// articles are placed in events and storylines. The pipeline (ingest, reanalyze, upload, workers)
// calls these and nothing else of the corpus.
import type { AttachSummary } from './stories/story-store.ts';
import type { EntityRebuildResult, IngestItem, IngestResult, Store } from '../store/store.ts';
import type { AnalyzedArticle } from '../types.ts';

export interface Corpus {
  /** Stores a batch of analysed articles and links their entities to the corpus entities, all or
   *  nothing; items already stored (by content hash) are skipped. */
  add(items: IngestItem[]): Promise<IngestResult>;
  /** Places stored articles, in the order given, in events and storylines; placed ones are skipped. */
  place(articleIds: string[]): Promise<AttachSummary>;
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

/** The corpus stages over a store. */
export function openCorpus(store: Store): Corpus {
  return {
    add: (items) => store.ingest(items),
    place: (ids) => store.stories.attach(ids),
    replace: (id, article) => store.replaceAnalysis(id, article),
    async rebuild() {
      // Corpus entities depend on every article's entities layer, in ingest order; stories are placed
      // from entities, figures and dates: both are recomputed from the new layers.
      const entities = await store.rebuildEntities();
      return { entities, stories: await store.stories.restory() };
    },
  };
}
