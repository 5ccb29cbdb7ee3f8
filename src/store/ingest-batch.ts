// Storing an ingest batch, the same way in every store: duplicates (by content hash, stored before
// or earlier in the batch) are skipped, each new article is stored and handed to the corpus stage,
// and a failing item is named while the whole batch rolls back. A store supplies the transaction
// and the SQL that stores one article.
import { IngestTally, itemError } from './rows.ts';
import type { IngestItem, IngestResult, IngestStage, WriteTables } from './store.ts';

/** How a store writes articles, inside its ingest transaction. */
export interface ArticleWrites {
  /** Content hash -> id of the stored articles among these hashes. */
  storedIds(hashes: string[]): Promise<Map<string, string>>;
  /** Stores one article with its raw input and layers; its `seq`, or undefined when another writer stored its hash meanwhile. */
  insert(item: IngestItem, now: string): Promise<number | undefined>;
  /** The id of the article stored under a content hash. */
  idOf(contentHash: string): Promise<string>;
}

/** Stores `batch` in one transaction (`transact`, under the 'ingest' lock), running `stage` on each stored article. */
export async function ingestBatch(
  batch: IngestItem[],
  stage: IngestStage | undefined,
  transact: (fn: (articles: ArticleWrites, tables: WriteTables) => Promise<IngestResult>) => Promise<IngestResult>,
): Promise<IngestResult> {
  const now = new Date().toISOString();
  try {
    return await transact(async (articles, tables) => {
      const tally = new IngestTally();
      for (const [hash, id] of await articles.storedIds(batch.map((i) => i.contentHash))) tally.stored.set(hash, id);
      // The stage (entity resolution) runs in the same transaction: a batch that fails leaves its tables as they were.
      const staged = await stage?.begin(tables);
      for (const [i, item] of batch.entries()) {
        const existing = tally.stored.get(item.contentHash);
        if (existing !== undefined) {
          tally.duplicate(item.contentHash, existing);
          continue;
        }
        let seq: number | undefined;
        try {
          seq = await articles.insert(item, now);
          if (seq !== undefined) await staged?.stored(item.article, seq);
        } catch (err) {
          throw itemError(item, i, batch.length, err);
        }
        if (seq === undefined) tally.duplicate(item.contentHash, await articles.idOf(item.contentHash));
        else tally.inserted(item);
      }
      await staged?.finish();
      return tally.result;
    });
  } catch (err) {
    stage?.abort();
    throw err;
  }
}
