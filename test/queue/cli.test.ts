// The queue commands on a SQLite corpus, which has no queue: `dossier worker` refuses it with one
// line saying why, `dossier queue` says so (and answers the API's shape with --json).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { queueStatusSchema } from '../../src/api/queue.ts';

vi.setConfig({ testTimeout: 120_000 });

const run = promisify(execFile);
const BIN = new URL('../../bin/dossier.js', import.meta.url).pathname;

async function dossier(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [BIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('dossier worker and dossier queue on a SQLite corpus', () => {
  it('worker refuses a SQLite database with a usage error', async () => {
    const r = await dossier('worker', '--db', 'corpus.db');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/dossier worker needs a PostgreSQL database \(--db postgres:\/\/…\), got "corpus\.db"/);
  });

  it('queue says a SQLite corpus has no job queue, and --json gives the API shape with available false', async () => {
    const text = await dossier('queue', '--db', 'corpus.db');
    expect(text.code).toBe(0);
    expect(text.stdout).toBe('corpus.db is a SQLite corpus: it is ingested in one process and has no job queue (a postgres:// corpus has one)\n');
    const json = await dossier('queue', '--db', 'corpus.db', '--json');
    const status = queueStatusSchema.parse(JSON.parse(json.stdout));
    expect(status.available).toBe(false);
    expect(status.workers).toEqual([]);
  });
});
