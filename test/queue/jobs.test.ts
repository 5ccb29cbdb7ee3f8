// What a job carries and how it is named: a malformed job fails with the field named; job ids sort
// by run, then by the article's number, as pg-boss hands them out.
import { describe, expect, it } from 'vitest';
import { deadJobPlace, jobId, parseAnalyseJob } from '../../src/queue/jobs.ts';
import { outputMessage } from '../../src/queue/writer.ts';

const raw = { file: 'a.txt', format: 'txt', raw: 'Text.', original: 'Text.', meta: {} };

describe('queue jobs', () => {
  it('ids are UUIDs that sort by run, then seq, and differ between an analysis and its write job', () => {
    const ids = [jobId('analyse', 1, 0), jobId('analyse', 1, 9), jobId('analyse', 1, 10), jobId('analyse', 1, 4095), jobId('analyse', 2, 0)];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(jobId('write', 1, 0)).not.toBe(jobId('analyse', 1, 0));
  });

  it('a malformed analysis job is refused naming the field; a dead letter is placed leniently', () => {
    expect(parseAnalyseJob({ run: 1, seq: 0, hash: 'ab'.repeat(16), raw }).raw.file).toBe('a.txt');
    expect(() => parseAnalyseJob({ run: 1, seq: 0, hash: 'ab'.repeat(16), raw: { ...raw, format: 'pdf' } })).toThrow(/^malformed analysis job: raw\.format: /);
    expect(() => parseAnalyseJob({ run: 1, seq: -1, hash: 'ab'.repeat(16), raw })).toThrow(/^malformed analysis job: seq: /);
    expect(deadJobPlace({ run: 3, seq: 7, raw: { file: 'b.txt', position: 2 } })).toEqual({ run: 3, seq: 7, file: 'b.txt', position: 2 });
    expect(deadJobPlace({ run: 3, seq: 7 })).toEqual({ run: 3, seq: 7, file: '(unknown file)' });
    expect(deadJobPlace({ seq: 7 })).toBeNull();
  });

  it('reads the error pg-boss stored as a failed job output', () => {
    expect(outputMessage({ message: 'analysis failed' })).toBe('analysis failed');
    expect(outputMessage({ value: { message: 'job failed by timeout in active state' } })).toBe('job failed by timeout in active state');
    expect(outputMessage(null)).toBe('no error recorded');
  });
});
