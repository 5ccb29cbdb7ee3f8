// An interrupted ingest keeps every finished batch; re-running it stores the rest, with no duplicates.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ingestStream } from '../../src/pipeline/ingest.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { RawArticle } from '../../src/types.ts';
import { SEED_EXAMPLES } from '../helpers/examples.ts';

const bodies = SEED_EXAMPLES.map((f) => readFileSync(f, 'utf8'));

/** 60 distinct articles made from the examples (each with its own closing sentence). */
function corpus(): RawArticle[] {
  return Array.from({ length: 60 }, (_, i) => {
    const raw = `${bodies[i % bodies.length]}\n\nThis is dispatch number ${i}.\n`;
    return { file: `corpus/${i}.txt`, format: 'txt', raw, original: raw, meta: {} };
  });
}

async function* upTo(items: RawArticle[], crashAfter?: number): AsyncGenerator<RawArticle> {
  for (const [i, item] of items.entries()) {
    if (crashAfter !== undefined && i === crashAfter) throw new Error('simulated crash (power cut)');
    yield item;
  }
}

describe('interrupted ingest', () => {
  it('keeps finished batches and completes on re-run without duplicates or loss', async () => {
    const store = openSqliteStore(':memory:');
    const items = corpus();
    await expect(ingestStream(store, upTo(items, 45), { batchSize: 20 })).rejects.toThrow(/simulated crash/);
    // Two batches of 20 were committed before the crash; the partial third batch was not.
    expect((await store.stats()).articles).toBe(40);

    const rerun = await ingestStream(store, upTo(items), { batchSize: 20 });
    expect(rerun).toMatchObject({ read: 60, inserted: 20, duplicates: 40, failures: [] });
    expect((await store.stats()).articles).toBe(60);
    const hits = await store.search('"dispatch number"', { limit: 100 });
    expect(hits.total).toBe(60);
    await store.close();
  }, 120_000); // about 10 s on a busy 2-core machine: a hang guard, not a speed goal
});
