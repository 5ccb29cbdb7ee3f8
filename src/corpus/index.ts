// The corpus stages, as the pipeline sees them: after an analysed batch is stored, its entities are
// linked to the corpus-wide entities (in the same transaction as the articles), then the stored
// articles are placed in events and storylines. The pipeline (ingest, reanalyze, upload, workers)
// calls these and nothing else of the corpus; the CLI and the API read the story views here.
import type { IngestItem, IngestResult, Store } from '../store/store.ts';
import { StoryPlacer, type AttachSummary } from './stories/placing.ts';
import { StoryViews } from './stories/views.ts';

export type { AttachSummary } from './stories/placing.ts';

export interface Corpus {
  /** Stores a batch of analysed articles and links their entities to the corpus entities, all or
   *  nothing; items already stored (by content hash) are skipped. */
  add(items: IngestItem[]): Promise<IngestResult>;
  /** Places stored articles, in the order given, in events and storylines; placed ones are skipped. */
  place(articleIds: string[]): Promise<AttachSummary>;
  /** Forgets every event and storyline and places every stored article again, in ingest order. */
  restory(opts?: { onProgress?: (done: number, total: number) => void }): Promise<AttachSummary>;
  /** The story views: list, detail, timeline, compare, placements, export. */
  readonly stories: StoryViews;
}

/** One corpus per store: placing keeps its caches of the story tables from one call to the next. */
const corpora = new WeakMap<Store, Corpus>();

/** The corpus stages over a store. */
export function openCorpus(store: Store): Corpus {
  let corpus = corpora.get(store);
  if (!corpus) {
    const placer = new StoryPlacer(store);
    corpus = {
      add: (items) => store.ingest(items),
      place: (ids) => placer.attach(ids),
      restory: (opts) => placer.restory(opts),
      stories: new StoryViews(store.stories),
    };
    corpora.set(store, corpus);
  }
  return corpus;
}
