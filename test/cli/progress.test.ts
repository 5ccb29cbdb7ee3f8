// Progress off a terminal: a line every few seconds, the rate only once it means something. The
// clock and the timers are vitest's fake ones: nothing here depends on how fast the machine is.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Writable } from 'node:stream';
import { formatRate, progressBar } from '../../src/cli/progress.ts';

function sink(): { stream: Writable & { isTTY?: boolean }; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, lines };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('progress lines (stderr not a terminal)', () => {
  it('writes one line every interval, with the rate once an article is done and a second has passed', async () => {
    const { stream, lines } = sink();
    const bar = progressBar('ingest', null, { stream, intervalSeconds: 5, now: () => Date.now() });
    await vi.advanceTimersByTimeAsync(4999);
    expect(lines).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(lines).toEqual(['ingest: 0 articles, 0 errors, 5 s']);
    bar.update(30, { errors: 1, note: 'bbc/tech/001.txt' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(lines[1]).toBe('ingest: 30 articles, 1 error, 3.0 articles/s, 10 s — bbc/tech/001.txt');
    bar.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(lines).toHaveLength(2);
  });

  it('counts against the total when there is one', async () => {
    const { stream, lines } = sink();
    const bar = progressBar('reanalyze', 2126, { stream, intervalSeconds: 2, now: () => Date.now() });
    bar.update(850, { errors: 0 });
    await vi.advanceTimersByTimeAsync(2000);
    bar.stop();
    expect(lines).toEqual(['reanalyze: 850 of 2126 articles, 0 errors, 425 articles/s, 2 s']);
  });
});

describe('formatRate', () => {
  it('is absent before it is measurable, and never rounds a slow rate to 0', () => {
    expect(formatRate(0, 30)).toBeNull();
    expect(formatRate(12, 0.4)).toBeNull();
    expect(formatRate(3, 10)).toBe('0.30 articles/s');
    expect(formatRate(7, 2)).toBe('3.5 articles/s');
    expect(formatRate(2126, 48.3)).toBe('44 articles/s');
  });
});
