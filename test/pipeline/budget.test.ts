// Limits per article: the text size cap (refused before analysis, naming the article) and the time
// budget on worker threads (the article over it fails alone; the articles queued behind it on the
// same worker are analysed by its replacement).
import { afterAll, describe, expect, it } from 'vitest';
import { AnalysisPool, articleBudgetSeconds, DEFAULT_ARTICLE_SECONDS } from '../../src/pipeline/analysis-pool.ts';
import { MAX_ARTICLE_CHARS, oversizeReason } from '../../src/pipeline/analyse-stage.ts';
import { ingestStream } from '../../src/pipeline/ingest.ts';
import { readBuffer } from '../../src/readers/index.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { RawArticle } from '../../src/types.ts';
import { exampleText } from '../readers/helpers.ts';

const article = (file: string, text: string): RawArticle => ({ file, format: 'txt', raw: text, original: text, meta: {} });
const prose = ['000_3a9e140460d11d4b.txt', '003_1d174a4085385254.txt'].map(exampleText).join('\n\n');

describe('the size cap', () => {
  it(`refuses an article over ${MAX_ARTICLE_CHARS} characters, naming it and its line`, () => {
    const big = { ...article('dump.jsonl', 'x'.repeat(MAX_ARTICLE_CHARS + 1)), position: 7 };
    expect(oversizeReason(big)).toMatch(/^dump\.jsonl:7: .*2000001 characters, over the limit of 2000000/);
    expect(oversizeReason(article('a.txt', 'x'.repeat(MAX_ARTICLE_CHARS)))).toBeNull();
  });

  it('an ingest fails that article alone and stores the rest', async () => {
    const store = openSqliteStore(':memory:');
    const lines = [JSON.stringify({ text: prose }), JSON.stringify({ text: 'y '.repeat(MAX_ARTICLE_CHARS) }), JSON.stringify({ text: exampleText('001_4f95569abf96a48a.txt') })];
    const s = await ingestStream(store, readBuffer('up.jsonl', Buffer.from(lines.join('\n'))), { workers: 0 });
    expect(s.inserted).toBe(2);
    expect(s.failures).toHaveLength(1);
    expect(s.failures[0]).toMatchObject({ file: 'up.jsonl', position: 2 });
    expect(s.failures[0].reason).toMatch(/over the limit of 2000000 per article/);
    await store.close();
  }, 60_000);
});

describe('the time budget', () => {
  it('is 20 s unless DOSSIER_ARTICLE_SECONDS says otherwise, and refuses nonsense', () => {
    expect(articleBudgetSeconds({})).toBe(DEFAULT_ARTICLE_SECONDS);
    expect(articleBudgetSeconds({ DOSSIER_ARTICLE_SECONDS: '2.5' })).toBe(2.5);
    expect(() => articleBudgetSeconds({ DOSSIER_ARTICLE_SECONDS: 'soon' })).toThrow(/DOSSIER_ARTICLE_SECONDS/);
  });

  let pool: AnalysisPool | undefined;
  afterAll(() => pool?.close());

  it('fails the article over it, naming it, and analyses those queued behind it on a new worker', async () => {
    // a stand-in worker that never finishes "stuck…" articles and answers the others at once: the
    // outcome does not depend on how fast or how loaded the machine is
    pool = new AnalysisPool(1, { budgetSeconds: 0.5, workerScript: new URL('./fixtures/stand-in-worker.js', import.meta.url) });
    const results = await Promise.allSettled([
      pool.analyze(article('small-1.txt', 'one')),
      pool.analyze({ ...article('stuck.jsonl', 'never done'), position: 3 }),
      pool.analyze(article('small-2.txt', 'two')),
      pool.analyze(article('small-3.txt', 'three')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason.message)).toBe(
      'analysis of stuck.jsonl:3 took longer than the 0.5 s budget per article (10 characters); stopped',
    );
    type Answer = { text: string; worker: number };
    const [first, , second, third] = results.map((r) => (r.status === 'fulfilled' ? (r.value as unknown as Answer) : null));
    expect([first?.text, second?.text, third?.text]).toEqual(['one', 'two', 'three']);
    // the stuck worker was replaced: the articles queued behind it were answered by another thread
    expect(second?.worker).not.toBe(first?.worker);
    expect(third?.worker).toBe(second?.worker);
  }, 60_000);

  it('runs the real analysis worker by default, which answers with an analysed article', async () => {
    const real = new AnalysisPool(1, { budgetSeconds: 600 });
    try {
      const a = await real.analyze(article('small.txt', exampleText('001_4f95569abf96a48a.txt')));
      expect(a.language).toBe('en');
      expect(a.text.length).toBeGreaterThan(100);
    } finally {
      await real.close();
    }
  }, 120_000);
});
