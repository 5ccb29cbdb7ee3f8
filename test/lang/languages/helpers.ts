// Shared helpers of the per-language example tests (test/lang/languages/<code>.test.ts): the example
// article of a language (examples/0NN_<code>_….txt) read and analysed like any input, and the same
// file ingested into an in-memory store for search.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnalyzer } from '../../../src/analyze.ts';
import { ingestPaths } from '../../../src/pipeline/ingest.ts';
import { openSqliteStore } from '../../../src/store/sqlite/index.ts';
import type { AnalyzedArticle, RawArticle } from '../../../src/types.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples');

/** The example article of a language: examples/0NN_<code>_<story>.txt. */
export function exampleFile(code: string): string {
  const name = readdirSync(EXAMPLES).find((f) => new RegExp(`^\\d{3}_${code}_.+\\.txt$`).test(f));
  if (!name) throw new Error(`no example article for "${code}" in examples/`);
  return join(EXAMPLES, name);
}

/** The example article of a language, analysed (no model is needed for any layer but names). */
export async function analyseExample(code: string): Promise<AnalyzedArticle> {
  const file = exampleFile(code);
  const raw = readFileSync(file, 'utf8');
  const input: RawArticle = { file, format: 'txt', raw, original: raw, meta: {}, encoding: 'utf-8' };
  const analyzer = await createAnalyzer();
  try {
    return await analyzer.analyze(input);
  } finally {
    await analyzer.close();
  }
}

/** Total hits of each query on a store holding only the example article. */
export async function searchExample(code: string, queries: string[]): Promise<number[]> {
  const store = openSqliteStore(':memory:');
  try {
    const summary = await ingestPaths(store, [exampleFile(code)]);
    if (summary.failures.length) throw new Error(`ingest failed: ${JSON.stringify(summary.failures)}`);
    const out: number[] = [];
    for (const q of queries) out.push((await store.search(q)).total);
    return out;
  } finally {
    await store.close();
  }
}

/** The text of each time expression with its resolved value. */
export const timeValues = (doc: AnalyzedArticle): Record<string, string | null> => Object.fromEntries(doc.times.map((t) => [t.text, t.value]));

/** The speaker's name of the quotation whose text holds `part`; undefined when there is none. */
export function speakerOf(doc: AnalyzedArticle, part: string): string | null | undefined {
  const q = doc.quotes.find((x) => x.text.includes(part));
  return q ? (q.speaker?.name ?? null) : undefined;
}
