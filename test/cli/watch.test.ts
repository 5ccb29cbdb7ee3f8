// `dossier watch --once` and `dossier sources` as a user runs them, against a local server.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { articlePage, serve, startWebServer, type WebServer } from '../helpers/web-server.ts';

vi.setConfig({ testTimeout: 120_000 });

const run = promisify(execFile);
const BIN = new URL('../../bin/dossier.js', import.meta.url).pathname;

async function dossier(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [BIN, ...args], { env: { ...process.env, DOSSIER_CONTACT: 'mailto:desk@example.org' } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const paragraphs = readFileSync(new URL('../../examples/001_4f95569abf96a48a.txt', import.meta.url), 'utf8').split('\n').filter((l) => l.trim());
let web: WebServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-watch-'));
  web = await startWebServer();
  web.route('/feed.xml', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(`<rss><channel><title>Desk</title><item><title>One</title><link>${web.url('/a/1')}</link></item></channel></rss>`);
  });
  web.route('/a/1', serve(articlePage({ title: 'One', paragraphs }), 'text/html; charset=utf-8'));
  web.route('/down.xml', (_req, res) => {
    res.writeHead(503);
    res.end();
  });
});

afterAll(async () => {
  await web.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('dossier watch / sources', () => {
  it('adds sources, polls them once, and lists their state with why one fails', async () => {
    const db = join(dir, 'w.db');
    const r = await dossier('watch', web.url('/feed.xml'), web.url('/down.xml'), '--once', '--db', db, '--delay', '0', '--workers', '0');
    expect(r.stdout).toContain(`following #1 ${web.url('/feed.xml')} (every 15m)`);
    expect(r.stdout).toMatch(new RegExp(`${web.url('/feed.xml').replace(/[.?]/g, '\\$&')}: 1 listed, 1 new; 1 stored, 0 duplicate\\(s\\)`));
    expect(r.stdout).toContain(`${web.url('/down.xml')}: FAILED: HTTP 503 Service Unavailable (after 3 attempts)`);
    expect(r.code).toBe(1);
    expect(web.requests.find((q) => q.path === '/a/1')?.headers['user-agent']).toMatch(/^Dossier\/\d+\.\d+\.\d+ \(\+mailto:desk@example\.org\)$/);

    const list = await dossier('sources', '--db', db);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/#1 feed {4}.*\/feed\.xml \(Desk\)\n {4}ok, polled .*; next poll .*; 1 item\(s\) seen, 1 article\(s\) added/);
    expect(list.stdout).toMatch(/#2 auto {4}.*\/down\.xml\n {4}FAILING \(1 poll\(s\) in a row\): HTTP 503 Service Unavailable \(after 3 attempts\)\n {4}retried .* \(in 5 min\); last success never/);
    const json = JSON.parse((await dossier('sources', '--db', db, '--json')).stdout);
    expect(json.map((s: { failures: number }) => s.failures)).toEqual([0, 1]);

    const again = await dossier('watch', '--once', '--db', db);
    expect(again.stdout).toContain('no source is due now (--all polls them anyway)');
    expect((await dossier('sources', 'remove', '2', '--db', db)).stdout).toBe('no longer following 2\n');
    const missing = await dossier('sources', 'remove', '9', '--db', db);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such source: 9');
    expect((await dossier('watch', '--once', '--every', '5s', web.url('/x'), '--db', db)).stderr).toContain('--every: interval "5s" is shorter than 60 s');
  });
});
