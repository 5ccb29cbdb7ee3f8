// The write routes: upload (JSON and multipart, through the CLI's readers) and re-analysis.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildServer } from '../../src/server/app.ts';
import { ReanalysisJob } from '../../src/server/reanalysis.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { Store } from '../../src/store/store.ts';

const example = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url));

function multipart(parts: { name: string; filename?: string; body: Buffer | string }[]) {
  const boundary = 'dossier-test-boundary';
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`), Buffer.from(p.body), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let store: Store;
let app: FastifyInstance;
beforeAll(async () => {
  store = openSqliteStore(':memory:');
  app = await buildServer(store, { upload: { bytes: 100_000, files: 3, articles: 5 } });
});
afterAll(async () => {
  await app.close();
  await store.close();
});

describe('POST /api/articles', () => {
  const article = {
    title: 'Ceasefire talks resume in Doha',
    text: 'Negotiators returned to Doha on Monday. "We are close," a mediator said.\n\nMore than 50 trucks waited at the crossing.',
    source: 'Test Wire',
    publishedAt: '2025-07-07',
  };

  it('stores JSON articles, analysed like `dossier ingest`, and says what became of each', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/articles', payload: { articles: [article] } });
    expect(r.statusCode).toBe(201);
    const body = r.json();
    expect(body).toMatchObject({ read: 1, inserted: 1, duplicates: 0, failures: [] });
    expect(body.articles[0]).toMatchObject({ status: 'inserted', title: 'Ceasefire talks resume in Doha', position: 1 });
    const stored = (await app.inject({ url: `/api/articles/${body.articles[0].id}` })).json();
    expect(stored).toMatchObject({ source: 'Test Wire', publishedAt: '2025-07-07', language: 'en' });
    expect(stored.text).toContain('Negotiators returned to Doha');
    expect(stored.sentences.length).toBeGreaterThan(1);
  });

  it('keeps the note of an article whose language has no full support (the layers it lacks and why)', async () => {
    // Polish: a language without a folder (German, Spanish … are supported now)
    const polish = {
      title: 'Zawieszenie broni w Strefie Gazy',
      text:
        'Premier Donald Tusk rozmawiał w poniedziałek w Warszawie z prezydentem Francji o sytuacji na Bliskim Wschodzie. ' +
        'Obaj politycy wezwali do natychmiastowego zawieszenia broni i większej pomocy humanitarnej dla mieszkańców Strefy Gazy. ' +
        'Według Organizacji Narodów Zjednoczonych ponad dwa miliony ludzi potrzebuje pomocy.',
    };
    const r = await app.inject({ method: 'POST', url: '/api/articles', payload: { articles: [polish] } });
    expect(r.statusCode).toBe(201);
    const stored = (await app.inject({ url: `/api/articles/${r.json().articles[0].id}` })).json();
    expect(stored).toMatchObject({ language: 'pl', languageSupported: false });
    expect(stored.unsupported.layers).toEqual(expect.arrayContaining(['entities', 'quotes', 'figures', 'times']));
    expect(stored.unsupported.reason).toContain('pl');
  });

  it('reports a re-upload as a duplicate, with the id of the stored article', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/articles', payload: { articles: [article, article] } });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({ read: 2, inserted: 0, duplicates: 2 });
    expect(body.articles.map((a: { status: string }) => a.status)).toEqual(['duplicate', 'duplicate']);
  });

  it('reads uploaded files with the CLI readers; a bad file is named and the rest stored', async () => {
    const form = multipart([
      { name: 'source', body: 'The Epoch Times' },
      { name: 'file', filename: '004.txt', body: example('004_ed9a467948e1cb24.txt') },
      { name: 'file', filename: 'empty.txt', body: '' },
    ]);
    const r = await app.inject({ method: 'POST', url: '/api/articles', ...form });
    expect(r.statusCode).toBe(201);
    const body = r.json();
    expect(body.articles).toHaveLength(1);
    expect(body.articles[0]).toMatchObject({ status: 'inserted', file: '004.txt' });
    expect(body.articles[0].title).toMatch(/^Blinken Meets With Netanyahu/);
    expect(body.failures).toEqual([{ file: 'empty.txt', reason: 'empty file (0 bytes)' }]);
    const stored = (await app.inject({ url: `/api/articles/${body.articles[0].id}` })).json();
    expect(stored.source).toBe('The Epoch Times');
    const feed = multipart([{ name: 'file', filename: 'two.jsonl', body: '{"text":"First article about Gaza aid."}\n{"nope":1}\n' }]);
    const jsonl = (await app.inject({ method: 'POST', url: '/api/articles', ...feed })).json();
    expect(jsonl.inserted).toBe(1);
    expect(jsonl.failures).toEqual([{ file: 'two.jsonl', position: 2, reason: 'no "text" or "html" field (fields: nope)' }]);
  });

  it('refuses what it cannot read with a 4xx naming the problem', async () => {
    const cases: [InjectOptions, number, RegExp][] = [
      [{ method: 'POST', url: '/api/articles', payload: { articles: [{ text: '   ' }] } }, 400, /no article could be read: upload-.*\.jsonl:1: empty "text" field/],
      [{ method: 'POST', url: '/api/articles', payload: { articles: [{ title: 'no body' }] } }, 400, /body\/articles\/0 needs one of the fields "text" or "html"/],
      [{ method: 'POST', url: '/api/articles', payload: { articles: [] } }, 400, /body\/articles must NOT have fewer than 1 items/],
      [{ method: 'POST', url: '/api/articles', payload: { articles: Array(6).fill({ text: 'x' }) } }, 400, /must NOT have more than 5 items/],
      [{ method: 'POST', url: '/api/articles', payload: '{"articles": [', headers: { 'content-type': 'application/json' } }, 400, /not valid JSON/],
      [{ method: 'POST', url: '/api/articles', payload: 'plain words', headers: { 'content-type': 'text/plain' } }, 415, /application\/json.*multipart/],
      [{ method: 'POST', url: '/api/articles', payload: { articles: [{ text: 'a'.repeat(120_000) }] } }, 413, /too large/],
      [{ method: 'POST', url: '/api/articles', ...multipart([{ name: 'file', filename: 'big.txt', body: 'a'.repeat(120_000) }]) }, 413, /too large/],
      [{ method: 'POST', url: '/api/articles', ...multipart([{ name: 'other', body: 'x' }]) }, 400, /unknown form field "other"/],
      [{ method: 'POST', url: '/api/articles', ...multipart([{ name: 'source', body: 'x' }]) }, 400, /no file in the upload/],
    ];
    for (const [req, status, message] of cases) {
      const r = await app.inject(req);
      expect(r.statusCode, JSON.stringify(req).slice(0, 120)).toBe(status);
      expect(r.json().message).toMatch(message);
    }
  });
});

describe('re-analysis', () => {
  it('rebuilds every stored article in the background and reports progress', async () => {
    const stored = (await store.stats()).articles;
    expect(stored).toBeGreaterThan(1);
    const start = await app.inject({ method: 'POST', url: '/api/reanalyze' });
    expect(start.statusCode).toBe(202);
    expect(start.json().state).toBe('running');
    let status = start.json();
    // polled until it ends, however long the machine takes (analysis runs on nice'd worker threads,
    // so on a loaded machine it waits for the CPU); the test's timeout is the only clock
    while (status.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      status = (await app.inject({ url: '/api/reanalyze' })).json();
    }
    expect(status).toMatchObject({ state: 'done', total: stored, done: stored, reanalyzed: stored, failures: [] });
    const list = (await app.inject({ url: '/api/articles?limit=1' })).json();
    const a = (await app.inject({ url: `/api/articles/${list.items[0].id}` })).json();
    expect(a.analyzedAt > a.ingestedAt).toBe(true);
  }, 180_000);

  it('re-analyses chosen articles and 404s an unknown one', async () => {
    const id = (await app.inject({ url: '/api/articles?limit=1' })).json().items[0].id;
    const r = await app.inject({ method: 'POST', url: '/api/reanalyze', payload: { ids: [id.slice(0, 8)] } });
    expect(r.statusCode).toBe(202);
    expect(r.json().total).toBe(1);
    const missing = await app.inject({ method: 'POST', url: '/api/reanalyze', payload: { ids: ['0123456789abcdef'] } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toBe("no article 0123456789abcdef");
  });

  it('runs one job at a time', async () => {
    const job = new ReanalysisJob(store);
    expect(job.start()).toBe(true);
    expect(job.start()).toBe(false);
    expect(job.isRunning).toBe(true);
    await job.settled();
    expect(job.current.state).toBe('done');
    expect(job.start()).toBe(true);
    await job.stop();
  });
});
