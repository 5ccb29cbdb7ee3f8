// The analysis threads run below the thread that starts them (issue 15: with a CLI ingest beside
// the server, its analysis took both cores and reads waited): each worker lowers its own thread's
// priority (on Linux, nice is per thread), and the starting thread keeps its own.
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { AnalysisPool, analysisNice } from '../../src/pipeline/analysis-pool.ts';
import type { RawArticle } from '../../src/types.ts';
import { exampleText } from '../readers/helpers.ts';

/** The nice value of every thread of this process (Linux /proc). */
const threadNices = () =>
  readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });

describe('analysis thread priority', () => {
  it('reads DOSSIER_ANALYSIS_NICE (default 10) and refuses values outside 0–19', () => {
    expect(analysisNice({})).toBe(10);
    expect(analysisNice({ DOSSIER_ANALYSIS_NICE: '0' })).toBe(0);
    expect(() => analysisNice({ DOSSIER_ANALYSIS_NICE: '25' })).toThrow(/DOSSIER_ANALYSIS_NICE must be a whole number from 0 to 19, got "25"/);
  });

  const pools: AnalysisPool[] = [];
  afterAll(() => Promise.all(pools.map((p) => p.close())));

  it.skipIf(process.platform !== 'linux')('a worker thread runs `nice` steps lower; the thread that started it keeps its priority', async () => {
    const mine = getPriority();
    const step = Math.min(5, 19 - mine);
    expect(threadNices().filter((n) => n === mine + step)).toHaveLength(0);
    const pool = new AnalysisPool(1, { nice: step, budgetSeconds: 600 });
    pools.push(pool);
    const text = exampleText('000_3a9e140460d11d4b.txt');
    const raw: RawArticle = { file: 'a.txt', format: 'txt', raw: text, original: text, meta: {} };
    expect((await pool.analyze(raw)).text.length).toBeGreaterThan(100);
    expect(threadNices().filter((n) => n === mine + step)).toHaveLength(1);
    expect(getPriority()).toBe(mine);
  }, 120_000);
});
