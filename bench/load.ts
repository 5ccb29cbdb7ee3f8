// Load on the read routes (issue 15): a server process over a database of --articles generated
// articles (support/measure/generated-articles.ts; built once under .bench/ and reused), and, from
// this process, --clients concurrent keep-alive clients for --seconds, each sending one request after
// another to the read routes in turn (articles, search, story, entity, stories, entities; each with a
// varying page, query, storyline or entity). Prints req/s, p50/p99 and errors per route, then the
// latency of a trivial request (/api/info) sent right after the run, and how long the server stays
// busy (the time until /api/info answers in under 100 ms) — the cost of work for clients that left.
// The client is Node's own http module (no load tool needed).
//   npm run bench:load -- [--articles 2000] [--clients 1000] [--seconds 20] [--db .bench/load-2000.db] [--stale-seconds 0]
// --stale-seconds N serves with ServerOptions.staleSeconds (a read may be answered from before a write
// for at most N s, marked stale; the run prints how many were).
//
// --mixed adds writes to the same run, on a copy of the database: one upload a second to
// POST /api/articles and a CLI `dossier ingest` of --ingest generated articles started with the
// clients. It prints the reads over 1 s per route, the uploads' latency, and checks afterwards that no
// write was lost: the database holds the articles it had, plus every upload answered 201, plus what
// the CLI reported inserted, each upload findable by its id, and SQLite's integrity check passes.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import { openCorpus } from '../src/corpus/index.ts';
import { generatedItem, generatedText } from '../support/measure/generated-articles.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '2000' },
    clients: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '20' },
    db: { type: 'string' },
    serve: { type: 'string' },
    timeout: { type: 'string', default: '30000' },
    mixed: { type: 'boolean', default: false },
    ingest: { type: 'string', default: '200' },
    'stale-seconds': { type: 'string', default: '0' },
  },
});



async function buildDatabase(path: string, count: number): Promise<void> {
  if (existsSync(path)) return;
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.building`;
  for (const s of ['', '-wal', '-shm']) rmSync(tmp + s, { force: true });
  const store = openSqliteStore(tmp);
  const corpus = openCorpus(store);
  for (let n = 0; n < count; n += 200) {
    const r = await corpus.add(Array.from({ length: Math.min(200, count - n) }, (_, i) => generatedItem(n + i)));
    await corpus.place(r.items.filter((x) => x.status === 'inserted').map((x) => x.id));
  }
  await store.close();
  const { renameSync } = await import('node:fs');
  for (const s of ['-wal', '-shm']) rmSync(tmp + s, { force: true });
  renameSync(tmp, path);
}

interface Result {
  status: number;
  ms: number;
  /** When it was sent (performance.now()). */
  at?: number;
  /** Served from before the last write (x-dossier-cache: stale). */
  stale?: boolean;
  error?: string;
}

function request(agent: http.Agent, base: URL, path: string, timeoutMs: number): Promise<Result> {
  const t = performance.now();
  return new Promise((resolve) => {
    const req = http.get({ host: base.hostname, port: base.port, path, agent, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t, stale: res.headers['x-dossier-cache'] === 'stale' }));
      res.on('error', (e) => resolve({ status: 0, ms: performance.now() - t, error: e.message }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, ms: performance.now() - t, error: e.message }));
  });
}

async function json<T>(base: URL, path: string): Promise<T> {
  const r = await fetch(new URL(path, base));
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return (await r.json()) as T;
}

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

interface Upload {
  status: number;
  ms: number;
  ids: string[];
  error?: string;
}

/** One generated article as a JSON upload; the ids it was stored under. */
async function upload(base: URL, n: number): Promise<Upload> {
  const g = generatedText(n);
  const t = performance.now();
  try {
    const r = await fetch(new URL('/api/articles', base), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ articles: [{ text: g.text, title: g.headline, source: 'Load upload' }] }),
    });
    const body = (await r.json()) as { articles?: { id?: string; status?: string }[] };
    const ids = (body.articles ?? []).filter((i) => i.status === 'inserted' && i.id).map((i) => i.id!);
    return { status: r.status, ms: performance.now() - t, ids };
  } catch (e) {
    return { status: 0, ms: performance.now() - t, ids: [], error: e instanceof Error ? e.message : String(e) };
  }
}

/** The writes of a --mixed run: a CLI ingest of `count` generated articles into `db`, and one upload a
 *  second until `end`. */
function startWrites(base: URL, db: string, count: number, from: number, end: number) {
  const file = join(tmpdir(), `dossier-load-ingest-${process.pid}.jsonl`);
  writeFileSync(
    file,
    Array.from({ length: count }, (_, i) => {
      const g = generatedText(from + i);
      return JSON.stringify({ text: g.text, title: g.headline, source: 'Load ingest' });
    }).join('\n'),
  );
  const t = performance.now();
  const cli = spawn(process.execPath, ['bin/dossier.js', 'ingest', file, '--db', db, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  cli.stdout.on('data', (d: Buffer) => (out += d.toString()));
  cli.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const ingest = new Promise<{ code: number | null; inserted: number; seconds: number; stderr: string }>((resolve) =>
    cli.on('exit', (code) => {
      rmSync(file, { force: true });
      let inserted = NaN;
      try {
        inserted = (JSON.parse(out) as { inserted: number }).inserted;
      } catch {
        /* reported below as NaN with the exit code and stderr */
      }
      const lines = err.trim().split('\n');
      // the errors the ingest named (an article over its time budget, …), else its last lines
      const named = lines.filter((l) => /budget|error:|failed/i.test(l) && !/^ingest: \d+ articles/.test(l)).slice(0, 3);
      resolve({ code, inserted, seconds: (performance.now() - t) / 1000, stderr: (named.length ? named : lines.slice(-3)).join(' | ') });
    }),
  );
  const uploads = (async () => {
    const done: Upload[] = [];
    for (let k = 0; performance.now() < end; k++) {
      const next = performance.now() + 1000;
      done.push(await upload(base, from + count + k));
      const wait = next - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    return done;
  })();
  return { ingest, uploads };
}

async function main(): Promise<void> {
  const articles = Number(values.articles);
  const clients = Number(values.clients);
  const seconds = Number(values.seconds);
  const timeoutMs = Number(values.timeout);
  const db = values.db ?? `.bench/load-${articles}.db`;
  const tBuild = performance.now();
  await buildDatabase(db, articles);
  console.log(`database ${db} (${articles} generated articles) ready in ${((performance.now() - tBuild) / 1000).toFixed(1)} s`);
  // a mixed run writes: it works on a copy, so the built database stays as it was
  const served = values.mixed ? `${db}.mixed` : db;
  if (values.mixed) {
    for (const s of ['', '-wal', '-shm']) rmSync(served + s, { force: true });
    copyFileSync(db, served);
  }

  const server = spawn(process.execPath, [...(process.env.DOSSIER_LOAD_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.DOSSIER_LOAD_PROFILE}`] : []), 'bin/run-ts.js', 'bench/load.ts', '--serve', served, '--stale-seconds', String(values['stale-seconds'])], { stdio: ['ignore', 'pipe', 'inherit'] });
  const address = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n')) resolve(line.trim());
    });
    server.on('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
  const base = new URL(address);
  try {
    // What to ask for: real storyline and entity ids, and pages.
    const stories = await json<{ items: { id: string }[] }>(base, '/api/stories?limit=100');
    const entities = await json<{ items: { key: string }[] }>(base, '/api/entities?limit=100');
    const words = ['government', 'said', 'Blair', 'economy', 'film', 'music', 'court', 'election', 'phone', 'growth', 'England', 'oil', 'minister', 'company', 'game'];
    let i = 0;
    const next = () => i++;
    const routes: Record<string, () => string> = {
      articles: () => `/api/articles?limit=20&offset=${(next() * 20) % articles}`,
      search: () => `/api/search?q=${encodeURIComponent(words[next() % words.length])}&offset=${(next() % 3) * 20}`,
      story: () => `/api/stories/${stories.items[next() % stories.items.length].id}`,
      entity: () => `/api/entities/${encodeURIComponent(entities.items[next() % entities.items.length].key)}`,
      stories: () => `/api/stories?limit=20&offset=${(next() % 5) * 20}`,
      entities: () => `/api/entities?limit=20&offset=${(next() % 20) * 20}`,
    };
    const names = Object.keys(routes);
    const results = new Map<string, Result[]>(names.map((n) => [n, []]));
    const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
    const end = performance.now() + seconds * 1000;
    // At the end the clients hang up, their requests in flight left unanswered (as a load tool or
    // impatient users do): what the server does for them afterwards is work for nobody.
    let cut = 0;
    const hangUp = setTimeout(() => agent.destroy(), seconds * 1000);
    console.log(`${clients} clients × ${seconds} s on ${names.join(', ')} (machine: ${cpus().length} cores, load ${loadavg()[0].toFixed(2)})`);
    const writes = values.mixed ? startWrites(base, served, Number(values.ingest), 1_000_000, end) : undefined;
    if (writes) console.log(`with writes: one upload a second, and a CLI ingest of ${values.ingest} articles`);
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        for (let k = c; performance.now() < end; k++) {
          const route = names[k % names.length];
          const at = performance.now();
          const r = await request(agent, base, routes[route](), timeoutMs);
          if (r.status !== 200 && performance.now() >= end) cut++;
          else results.get(route)!.push({ ...r, at });
        }
      }),
    );
    clearTimeout(hangUp);
    agent.destroy();
    console.log(`requests in flight at the end, cut: ${cut}`);
    const elapsed = seconds + (performance.now() - end) / 1000;
    const all = [...results.values()].flat();
    const started = all.reduce((m, r) => Math.min(m, r.at!), Infinity);
    for (const [from, to] of [[0, 2], [2, 5], [5, seconds]]) {
      const ok = all.filter((r) => r.status === 200 && r.at! - started >= from * 1000 && r.at! - started < to * 1000).map((r) => r.ms);
      console.log(`sent ${from}-${to} s: ${ok.length} answers, p50 ${pct(ok, 50).toFixed(0)} ms, p99 ${pct(ok, 99).toFixed(0)} ms`);
    }
    const stale = all.filter((r) => r.stale).length;
    if (Number(values['stale-seconds']) > 0) console.log(`answers from before the last write (stale, at most ${values['stale-seconds']} s): ${stale} of ${all.length}`);
    console.log('route      req/s    p50 ms    p99 ms   max ms   over 1 s   errors');
    for (const [route, rs] of results) {
      const ok = rs.filter((r) => r.status === 200).map((r) => r.ms);
      const errors = rs.length - ok.length;
      const kinds = [...new Set(rs.filter((r) => r.status !== 200).map((r) => r.error ?? `HTTP ${r.status}`))].slice(0, 3).join(', ');
      console.log(
        `${route.padEnd(9)} ${(rs.length / elapsed).toFixed(1).padStart(6)} ${pct(ok, 50).toFixed(0).padStart(9)} ${pct(ok, 99).toFixed(0).padStart(9)} ` +
          `${ok.reduce((m, x) => Math.max(m, x), 0).toFixed(0).padStart(8)} ${String(ok.filter((ms) => ms > 1000).length).padStart(10)} ${String(errors).padStart(8)}${kinds ? `  (${kinds})` : ''}`,
      );
    }
    if (writes) await checkWrites(base, served, articles, writes);
    // A trivial request right after, then until the server answers one quickly.
    const fresh = new http.Agent({ keepAlive: false });
    const first = await request(fresh, base, '/api/info', timeoutMs);
    console.log(`/api/info right after the run: ${first.ms.toFixed(0)} ms (HTTP ${first.status})`);
    const t = performance.now();
    for (;;) {
      const r = await request(fresh, base, '/api/info', timeoutMs);
      if (r.status === 200 && r.ms < 100) break;
      if (performance.now() - t > 120_000) break;
    }
    console.log(`server busy after the run: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    console.log(`machine load average at the end: ${loadavg()[0].toFixed(2)} (1 min), ${loadavg()[1].toFixed(2)} (5 min)`);
  } finally {
    server.kill('SIGTERM');
  }
}

/** After a --mixed run: the uploads' latency, the CLI ingest's outcome, and no lost write. */
async function checkWrites(base: URL, db: string, before: number, writes: ReturnType<typeof startWrites>): Promise<void> {
  const uploads = await writes.uploads;
  const ok = uploads.filter((u) => u.status === 201);
  const failed = uploads.filter((u) => u.status !== 201);
  const ms = uploads.map((u) => u.ms);
  console.log(
    `uploads: ${uploads.length} sent, ${ok.length} stored (201), ${failed.length} not` +
      `${failed.length ? ` (${[...new Set(failed.map((u) => u.error ?? `HTTP ${u.status}`))].slice(0, 3).join(', ')})` : ''}; ` +
      `p50 ${pct(ms, 50).toFixed(0)} ms, max ${ms.reduce((m, x) => Math.max(m, x), 0).toFixed(0)} ms`,
  );
  const ingest = await writes.ingest;
  console.log(`CLI ingest: exit ${ingest.code}, ${ingest.inserted} inserted in ${ingest.seconds.toFixed(1)} s${ingest.code ? ` — ${ingest.stderr}` : ''}`);
  const missing: string[] = [];
  for (const id of ok.flatMap((u) => u.ids)) {
    const r = await fetch(new URL(`/api/articles/${id}`, base));
    if (r.status !== 200) missing.push(id);
  }
  const store = openSqliteStore(db);
  try {
    const stats = await store.stats();
    const expected = before + ok.reduce((n, u) => n + u.ids.length, 0) + (Number.isFinite(ingest.inserted) ? ingest.inserted : 0);
    const { default: Database } = await import('better-sqlite3');
    const raw = new Database(db, { readonly: true });
    const integrity = raw.pragma('integrity_check', { simple: true });
    raw.close();
    console.log(
      `writes: ${stats.articles} articles stored, ${expected} expected; uploads not found by id: ${missing.length}; integrity_check: ${integrity}` +
        (stats.articles === expected && missing.length === 0 && integrity === 'ok' ? ' — no write lost' : ' — WRITES LOST OR DAMAGED'),
    );
  } finally {
    await store.close();
  }
}

// ---------------------------------------------------------------- the server process, or the run

if (values.serve) {
  const { buildServer } = await import('../src/server/app.ts');
  const store = openSqliteStore(values.serve);
  const app = await buildServer(store, { logger: false, staleSeconds: Number(values['stale-seconds']) });
  const address = await app.listen({ port: 0, host: '127.0.0.1', backlog: 4096 });
  process.stdout.write(`${address}\n`);
  process.on('SIGTERM', async () => {
    await app.close();
    await store.close();
    process.exit(0);
  });
} else {
  await main();
}

