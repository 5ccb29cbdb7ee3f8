// Search cost at scale, without the corpus stages: generated articles (support/measure/
// generated-articles.ts, ~2.3 KB each) go straight into a SQLite store (store.ingest: articles,
// layers, full-text index, search stems), then each query of bench/scale.ts's list runs with facets
// and its CPU milliseconds are printed (median of 5), with the parts of a search measured alone:
// the full-text count, the facets and the ranked page. --keep reuses the database at --db.
//   npm run bench:search-scale -- [--size 50000] [--db .bench/search-scale.db] [--keep]
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import { generatedItem } from '../support/measure/generated-articles.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '50000' },
    db: { type: 'string', default: '.bench/search-scale.db' },
    keep: { type: 'boolean', default: false },
  },
});
const size = Number(values.size);
const dbPath = values.db;
if (!values.keep) for (const s of ['', '-wal', '-shm']) rmSync(dbPath + s, { force: true });
mkdirSync(dirname(dbPath), { recursive: true });
const store = openSqliteStore(dbPath);
let n = (await store.stats()).articles;
const t0 = performance.now();
while (n < size) {
  const count = Math.min(500, size - n);
  await store.ingest(Array.from({ length: count }, (_, i) => generatedItem(n + i)));
  n += count;
}
const built = performance.now() - t0;
const bytes = statSync(dbPath).size + (existsSync(`${dbPath}-wal`) ? statSync(`${dbPath}-wal`).size : 0);
console.log(`${n} articles (${(built / 1000).toFixed(0)} s to add now), ${(bytes / n / 1024).toFixed(1)} KB/article without the corpus tables`);

const QUERIES = ['government', 'said', 'Blair', 'economy growth', '"interest rates"', 'film award', 'econ*', 'Blair -Brown', 'mobile phone', 'England rugby', 'chelsea', 'oil prices', 'election', 'music', 'court'];
const cpu = async (fn: () => Promise<unknown>): Promise<number> => {
  await fn();
  const xs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const c = process.cpuUsage();
    await fn();
    const d = process.cpuUsage(c);
    xs.push((d.user + d.system) / 1000);
  }
  return xs.sort((a, b) => a - b)[2];
};
const all: number[] = [];
for (const q of QUERIES) {
  const r = await store.search(q);
  const ms = await cpu(() => store.search(q));
  all.push(ms);
  console.log(`${q.padEnd(18)} ${String(r.total).padStart(7)} matches  ${ms.toFixed(1).padStart(6)} ms CPU${r.facetsFrom !== undefined ? `  (facets from ${r.facetsFrom})` : ''}${r.rankedFrom !== undefined ? ` (ranked among ${r.rankedFrom})` : ''}`);
}
all.sort((a, b) => a - b);
console.log(`search CPU p50 ${all[Math.floor(all.length / 2)].toFixed(1)} ms, p95 ${all[Math.min(all.length - 1, Math.floor(all.length * 0.95))].toFixed(1)} ms, max ${all[all.length - 1].toFixed(1)} ms`);
await store.close();
