// A run stopped between storing a batch (entities linked, one transaction) and placing it in stories
// leaves stored articles that no story holds. The next ingest places them first, in ingest order, so
// the stories end exactly as if the run had not been stopped — even when it stores nothing new.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash, createAnalyzer } from '../../src/analyze.ts';
import { openCorpus } from '../../src/corpus/index.ts';
import { ingestPaths } from '../../src/pipeline/ingest.ts';
import { readInputs } from '../../src/readers/index.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { IngestItem } from '../../src/store/store.ts';
import { InputError } from '../../src/types.ts';
import { SEED_EXAMPLES } from '../helpers/examples.ts';

const dir = mkdtempSync(join(tmpdir(), 'dossier-leftover-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The examples, read and analysed as ingest does, in ingest order. */
async function analysedExamples(): Promise<IngestItem[]> {
  const analyzer = await createAnalyzer();
  const items: IngestItem[] = [];
  for await (const raw of readInputs(SEED_EXAMPLES)) {
    if (raw instanceof InputError) throw new Error(raw.reason);
    items.push({ contentHash: contentHash(raw), raw, article: await analyzer.analyze(raw) });
  }
  await analyzer.close();
  return items;
}

describe('articles stored but not placed by a stopped run', () => {
  it('are placed by the next ingest, first and in ingest order: the stories equal an uninterrupted run', async () => {
    // The stopped run: the batch is stored with its entities, then the process dies before placing it.
    const file = join(dir, 'stopped.db');
    const stopped = openSqliteStore(file);
    const added = await openCorpus(stopped).add(await analysedExamples());
    expect(added.inserted).toBe(5);
    expect(await openCorpus(stopped).stories.list()).toMatchObject({ total: 0, unplaced: 5 });
    await stopped.close();

    // The next run, in a new process, finds every input stored already.
    const resumed = openSqliteStore(file);
    const summary = await ingestPaths(resumed, SEED_EXAMPLES, { workers: 0 });
    expect(summary).toMatchObject({ inserted: 0, duplicates: 5, placedLeftover: 5 });
    const after = await openCorpus(resumed).stories.list();
    expect(after.unplaced).toBe(0);

    // An ingest that was never stopped.
    const clean = openSqliteStore(join(dir, 'clean.db'));
    expect((await ingestPaths(clean, SEED_EXAMPLES, { workers: 0 })).placedLeftover).toBeUndefined();
    const expected = await openCorpus(clean).stories.list();
    expect(after.storylines).toEqual(expected.storylines);
    expect(await openCorpus(resumed).stories.placements()).toEqual(await openCorpus(clean).stories.placements());
    await resumed.close();
    await clean.close();
  });
});
