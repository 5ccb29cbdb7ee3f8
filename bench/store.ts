// Benchmark of a store: ingest 10,000 articles (BBC corpus texts, each in several paragraph orders
// to reach the count) in batches, then time search / list / layer queries.
// Layers are found with simple patterns so row counts are realistic (quotes, figures, names).
// Usage: node bin/run-ts.js bench/store.ts [count=10000] [batch=200] [db=.bench/store.db] [--store sqlite|postgres]
//   db may be a postgres:// URL of an empty database; --store postgres without one starts a throwaway
//   PostgreSQL server (support/postgres-server.ts, durable settings) for the run.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { mkdirSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { connectPostgresStore, isPostgresUrl } from '../src/store/postgres/index.ts';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import type { IngestItem, Store } from '../src/store/store.ts';
import { openCorpus } from '../src/corpus/index.ts';
import { startPostgres, type PgServer } from '../support/postgres-server.ts';
import type { AnalyzedArticle, EntityLayer, RawArticle } from '../src/types.ts';
import { corpusLanguage } from '../src/lang/registry.ts';
import { dataPath, requireData } from '../support/data.ts';

const flag = process.argv.indexOf('--store');
const kind = flag >= 0 ? process.argv[flag + 1] : undefined;
const args = process.argv.slice(2).filter((_, i, all) => all[i] !== '--store' && all[i - 1] !== '--store');
const count = Number(args[0] ?? 10_000);
const batchSize = Number(args[1] ?? 200);
const dbPath = args[2] ?? '.bench/store.db';
const postgres = kind === 'postgres' || isPostgresUrl(dbPath);
if (kind !== undefined && kind !== 'sqlite' && kind !== 'postgres') throw new Error(`--store must be sqlite or postgres, got "${kind}"`);
requireData('bbc');
const BBC = dataPath('bbc');

const texts: { file: string; body: string }[] = [];
for (const section of readdirSync(BBC, { withFileTypes: true }).filter((d) => d.isDirectory())) {
  for (const f of readdirSync(join(BBC, section.name)).sort()) {
    const buf = readFileSync(join(BBC, section.name, f));
    texts.push({ file: `bbc/${section.name}/${f}`, body: new TextDecoder('utf-8', { fatal: false }).decode(buf) });
  }
}

const matches = (text: string, re: RegExp) => [...text.matchAll(re)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, text: m[0] }));

function makeItem(n: number): IngestItem {
  const src = texts[n % texts.length];
  const edition = Math.floor(n / texts.length);
  const [headline, ...rest] = src.body.split('\n');
  const paras = rest.join('\n').split(/\n\s*\n/).filter((p) => p.trim());
  const k = paras.length ? edition % paras.length : 0;
  const text = [...paras.slice(k), ...paras.slice(0, k)].join('\n\n') + (edition >= paras.length ? `\n\nEdition ${edition}.` : '');
  const contentHash = createHash('sha256').update(headline + text).digest('hex');
  const id = contentHash.slice(0, 16);
  const names = new Map<string, EntityLayer>();
  for (const m of matches(text, /\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b/g)) {
    const e = names.get(m.text) ?? { id: `e${names.size + 1}`, name: m.text, type: 'PER' as const, mentions: [] };
    e.mentions.push(m);
    names.set(m.text, e);
  }
  const article: AnalyzedArticle = {
    file: src.file, id, title: headline.trim(), dek: null, byline: null, source: `BBC ${src.file.split('/')[1]}`, url: null,
    language: corpusLanguage('bbc'), languageConfidence: 0.99, languageSupported: true,
    publishedAt: `${2004 + (n % 2)}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`,
    publishedAtFrom: 'metadata', text, removed: [], headings: [],
    sentences: matches(text, /[^.!?]+[.!?]/g).map(({ start, end }) => ({ start, end })),
    entities: [...names.values()],
    quotes: matches(text, /"[^"\n]{10,}"/g).map((q) => ({ ...q, kind: 'direct' as const, speaker: { name: 'Tony Blair', entity: null }, cue: 'said' })),
    figures: matches(text, /\b\d[\d,.]*(?: (?:million|billion|bn|m))?\b/g).map((q) => ({ ...q, value: Number(q.text.replace(/,/g, '')) || null, unit: null, qualifier: null, counts: 'jobs' })),
    times: matches(text, /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|20\d\d)\b/g).map((t) => ({ ...t, value: '2004', granularity: 'year' as const })),
  };
  const raw: RawArticle = { file: src.file, format: 'txt', raw: src.body, original: src.body, meta: {} };
  return { contentHash, raw, article };
}

let server: PgServer | undefined;
let store: Store;
let url = dbPath;
if (postgres) {
  if (!isPostgresUrl(url)) {
    server = await startPostgres();
    url = await server.database();
  }
  store = await connectPostgresStore(url);
  if ((await store.stats()).articles > 0) throw new Error('bench/store.ts needs an empty PostgreSQL database');
  console.log(`store: PostgreSQL ${server ? '(throwaway server)' : url.replace(/:[^:@/]*@/, ':***@')}`);
} else {
  if (existsSync(dbPath)) for (const s of ['', '-wal', '-shm']) rmSync(dbPath + s, { force: true });
  mkdirSync(dirname(dbPath), { recursive: true });
  store = openSqliteStore(dbPath);
  console.log(`store: SQLite ${dbPath}`);
}
const t0 = performance.now();
const items = Array.from({ length: count }, (_, i) => makeItem(i));
const tBuild = performance.now() - t0;
const rows = items.reduce((n, i) => n + i.article.quotes.length + i.article.figures.length + i.article.times.length + i.article.entities.reduce((m, e) => m + e.mentions.length, 0), 0);
const bytes = items.reduce((n, i) => n + i.article.text.length, 0);

const t1 = performance.now();
let inserted = 0;
for (let i = 0; i < items.length; i += batchSize) inserted += (await openCorpus(store).add(items.slice(i, i + batchSize))).inserted;
const tIngest = performance.now() - t1;
const t2 = performance.now();
const again = await openCorpus(store).add(items.slice(0, 1000));
const tDup = performance.now() - t2;
if (postgres) {
  // Visibility map and planner statistics of the freshly loaded tables, as autovacuum makes them within a minute.
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const t = performance.now();
  await admin.query('VACUUM ANALYZE');
  console.log(`VACUUM ANALYZE after the load: ${(performance.now() - t).toFixed(0)} ms`);
  await admin.end();
}

const time = async (label: string, fn: () => Promise<unknown>, reps = 20) => {
  await fn();
  const s = performance.now();
  for (let i = 0; i < reps; i++) await fn();
  console.log(`${label.padEnd(46)} ${((performance.now() - s) / reps).toFixed(2)} ms`);
};
const stats = await store.stats();
console.log(`articles ${stats.articles}, layer rows ${rows}, text ${(bytes / 1e6).toFixed(1)} MB, db ${(stats.sizeBytes / 1e6).toFixed(1)} MB`);
console.log(`build items ${(tBuild / 1000).toFixed(2)} s`);
console.log(`ingest ${count} items (${inserted} new) in batches of ${batchSize}: ${(tIngest / 1000).toFixed(2)} s = ${(count / (tIngest / 1000)).toFixed(0)} articles/s`);
console.log(`re-ingest 1000 duplicates: ${tDup.toFixed(0)} ms (${again.duplicates} duplicates)`);
await time('search "government" (common) + facets', () => store.search('government'));
await time('search "Blair -Brown" limit 20', () => store.search('Blair -Brown'));
await time('search "econ*" prefix', () => store.search('econ*'));
await time('search "\\"interest rates\\"" lang+date filter', () => store.search('"interest rates"', { language: corpusLanguage('bbc'), from: '2004-03', to: '2004-09' }));
await time('list page 1 (total + 20)', () => store.list());
await time('list source filter, offset 500', () => store.list({ source: 'BBC tech', offset: 500 }));
await time('quotes speaker "blair" page', () => store.quotes({ speaker: 'blair' }));
await time('figures counts "jobs" page', () => store.figures({ counts: 'jobs' }));
await time('get by 8-char prefix', () => store.get(items[1234].article.id.slice(0, 8)), 200);
await time('stats', () => store.stats());
let n = 0;
const t3 = performance.now();
for await (const _ of store.allRaw()) n++;
console.log(`allRaw over ${n} articles: ${(performance.now() - t3).toFixed(0)} ms`);
await store.close();
await server?.stop();
