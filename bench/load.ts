// Load on the read routes (issue 15): a server process over a database of --articles generated
// articles (support/measure/generated-articles.ts; built once under .bench/ and reused), and, from
// this process, --clients concurrent keep-alive clients for --seconds, each sending one request after
// another to the read routes in turn (articles, search, story, entity, stories, entities; each with a
// varying page, query, storyline or entity). Prints req/s, p50/p99 and errors per route, then the
// latency of a trivial request (/api/info) sent right after the run, and how long the server stays
// busy (the time until /api/info answers in under 100 ms) — the cost of work for clients that left.
// The client is Node's own http module (no load tool needed).
//   npm run bench:load -- [--articles 2000] [--clients 1000] [--seconds 20] [--db .bench/load-2000.db]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import { openCorpus } from '../src/corpus/index.ts';
import { generatedItem } from '../support/measure/generated-articles.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '2000' },
    clients: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '20' },
    db: { type: 'string' },
    serve: { type: 'string' },
    timeout: { type: 'string', default: '30000' },
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
  error?: string;
}

function request(agent: http.Agent, base: URL, path: string, timeoutMs: number): Promise<Result> {
  const t = performance.now();
  return new Promise((resolve) => {
    const req = http.get({ host: base.hostname, port: base.port, path, agent, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t }));
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

async function main(): Promise<void> {
  const articles = Number(values.articles);
  const clients = Number(values.clients);
  const seconds = Number(values.seconds);
  const timeoutMs = Number(values.timeout);
  const db = values.db ?? `.bench/load-${articles}.db`;
  const tBuild = performance.now();
  await buildDatabase(db, articles);
  console.log(`database ${db} (${articles} generated articles) ready in ${((performance.now() - tBuild) / 1000).toFixed(1)} s`);

  const server = spawn(process.execPath, [...(process.env.DOSSIER_LOAD_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.DOSSIER_LOAD_PROFILE}`] : []), 'bin/run-ts.js', 'bench/load.ts', '--serve', db], { stdio: ['ignore', 'pipe', 'inherit'] });
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
    const started = Math.min(...all.map((r) => r.at!));
    for (const [from, to] of [[0, 2], [2, 5], [5, seconds]]) {
      const ok = all.filter((r) => r.status === 200 && r.at! - started >= from * 1000 && r.at! - started < to * 1000).map((r) => r.ms);
      console.log(`sent ${from}-${to} s: ${ok.length} answers, p50 ${pct(ok, 50).toFixed(0)} ms, p99 ${pct(ok, 99).toFixed(0)} ms`);
    }
    console.log('route      req/s    p50 ms    p99 ms   errors');
    for (const [route, rs] of results) {
      const ok = rs.filter((r) => r.status === 200).map((r) => r.ms);
      const errors = rs.length - ok.length;
      const kinds = [...new Set(rs.filter((r) => r.status !== 200).map((r) => r.error ?? `HTTP ${r.status}`))].slice(0, 3).join(', ');
      console.log(
        `${route.padEnd(9)} ${(rs.length / elapsed).toFixed(1).padStart(6)} ${pct(ok, 50).toFixed(0).padStart(9)} ${pct(ok, 99).toFixed(0).padStart(9)} ${String(errors).padStart(8)}${kinds ? `  (${kinds})` : ''}`,
      );
    }
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
  } finally {
    server.kill('SIGTERM');
  }
}

// ---------------------------------------------------------------- the server process, or the run

if (values.serve) {
  const { buildServer } = await import('../src/server/app.ts');
  const store = openSqliteStore(values.serve);
  const app = await buildServer(store, { logger: false });
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

