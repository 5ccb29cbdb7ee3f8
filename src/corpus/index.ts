// The corpus stages, as the pipeline sees them: after an analysed batch is stored, its entities are
// linked to the corpus-wide entities (in the same transaction as the articles), then the stored
// articles are placed in events and storylines. The pipeline (ingest, reanalyze, upload, workers)
// calls these and nothing else of the corpus.
import type { AttachSummary } from './stories/story-store.ts';
import type { IngestItem, IngestResult, Store } from '../store/store.ts';

export interface Corpus {
  /** Stores a batch of analysed articles and links their entities to the corpus entities, all or
   *  nothing; items already stored (by content hash) are skipped. */
  add(items: IngestItem[]): Promise<IngestResult>;
  /** Places stored articles, in the order given, in events and storylines; placed ones are skipped. */
  place(articleIds: string[]): Promise<AttachSummary>;
}

/** The corpus stages over a store. */
export function openCorpus(store: Store): Corpus {
  return {
    add: (items) => store.ingest(items),
    place: (ids) => store.stories.attach(ids),
  };
}
