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
    // 1.9 million characters of prose take many times the 2 s budget; the small articles a fraction of it
    let long = '';
    while (long.length < MAX_ARTICLE_CHARS - prose.length - 2) long += prose + '\n\n';
    pool = new AnalysisPool(1, { budgetSeconds: 2 });
    const results = await Promise.allSettled([
      pool.analyze(article('small-1.txt', exampleText('001_4f95569abf96a48a.txt'))),
      pool.analyze({ ...article('huge.jsonl', long), position: 3 }),
      pool.analyze(article('small-2.txt', exampleText('002_74f363901181367a.txt'))),
      pool.analyze(article('small-3.txt', exampleText('004_ed9a467948e1cb24.txt'))),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason.message)).toMatch(/^analysis of huge\.jsonl:3 took longer than the 2 s budget per article/);
    expect((results[3] as PromiseFulfilledResult<{ text: string }>).value.text.length).toBeGreaterThan(100);
  }, 120_000);
});
