// Per-article cost of the store and the corpus stages as the corpus grows, on generated articles
// (support/measure/generated-articles.ts: BBC paragraphs recombined, ~2.3 KB each, layers found by
// patterns, so no analysis runs). The corpus grows in batches of 200 through openCorpus(store).add
// (store.ingest with entity linking) and .place (stories.attach); for each size it prints the
// per-article milliseconds of both over the last --window articles before that size, then, on the
// database of that size: the start-up of a new process (open the store, add and place 10 articles),
// database bytes per article, search p50/p95 with facets, the list routes' latency (articles,
// storylines, entities, one storyline, one entity) and this process's peak RSS.
// Per-article times are wall clock and CPU time of this process (the CPU figure is the one to read on
// a machine shared with other jobs). --keep continues on the database at --db instead of starting
// anew (articles are numbered on from its count), so a large database is built once and reused.
//   npm run bench:scale -- [--sizes 1000,10000,50000] [--window 1000] [--db .bench/scale.db] [--keep]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import { openCorpus } from '../src/corpus/index.ts';
import { generatedItem } from '../support/measure/generated-articles.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,50000' },
    window: { type: 'string', default: '1000' },
    db: { type: 'string', default: '.bench/scale.db' },
    batch: { type: 'string', default: '200' },
    'child-startup': { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const BATCH = Number(values.batch);

/** The child process of the start-up measure: open, add and place 10 articles, print JSON. */
async function childStartup(path: string): Promise<void> {
  const t0 = performance.now();
  const store = openSqliteStore(path);
  const corpus = openCorpus(store);
  const tOpen = performance.now() - t0;
  const first = (await store.stats()).articles;
  const items = Array.from({ length: 10 }, (_, i) => generatedItem(10_000_000 + first + i));
  const t1 = performance.now();
  const r = await corpus.add(items);
  const tAdd = performance.now() - t1;
  const t2 = performance.now();
  await corpus.place(r.items.filter((x) => x.status === 'inserted').map((x) => x.id));
  const tPlace = performance.now() - t2;
  const reads = store.entityIndex.pointReads?.reads ?? null;
  await store.close();
  const cpu = process.cpuUsage();
  console.log(JSON.stringify({ open: tOpen, add: tAdd, place: tPlace, total: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, entityReads: reads, rssMB: process.resourceUsage().maxRSS / 1024 }));
}

if (values['child-startup']) {
  await childStartup(values['child-startup']);
  process.exit(0);
}

const sizes = values.sizes.split(',').map(Number).sort((a, b) => a - b);
const WINDOW = Number(values.window);
const dbPath = values.db;
if (!values.keep) for (const s of ['', '-wal', '-shm']) rmSync(dbPath + s, { force: true });
mkdirSync(dirname(dbPath), { recursive: true });
const store = openSqliteStore(dbPath);
const corpus = openCorpus(store);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x: number) => x.toFixed(x < 10 ? 2 : 1);

/** CPU milliseconds of this process per call of the last `timed` calls (wall clock is noisy on a shared machine). */
let cpuTimes: number[] = [];

async function timed(fn: () => Promise<unknown>, reps: number): Promise<number[]> {
  await fn();
  const out: number[] = [];
  cpuTimes = [];
  for (let i = 0; i < reps; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpuTimes.push((d.user + d.system) / 1000);
  }
  return out;
}

const QUERIES = ['government', 'said', 'Blair', 'economy growth', '"interest rates"', 'film award', 'econ*', 'Blair -Brown', 'mobile phone', 'England rugby', 'chelsea', 'oil prices', 'election', 'music', 'court'];

let n = (await store.stats()).articles;
const rows: string[] = [];
console.log(`machine: ${(await import('node:os')).cpus().length} cores, load ${(await import('node:os')).loadavg()[0].toFixed(2)}; db ${dbPath}`);
for (const size of sizes) {
  if (n >= size) continue;
  let addMs = 0;
  let placeMs = 0;
  let addCpu = 0;
  let placeCpu = 0;
  let timedN = 0;
  while (n < size) {
    const count = Math.min(BATCH, size - n);
    const items = Array.from({ length: count }, (_, i) => generatedItem(n + i));
    const inWindow = n + count > size - WINDOW;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await corpus.add(items);
    const t1 = performance.now();
    const c1 = process.cpuUsage(c0);
    await corpus.place(r.items.filter((x) => x.status === 'inserted').map((x) => x.id));
    const t2 = performance.now();
    const c2 = process.cpuUsage(c0);
    if (inWindow) {
      addMs += t1 - t0;
      placeMs += t2 - t1;
      addCpu += (c1.user + c1.system) / 1000;
      placeCpu += (c2.user + c2.system - c1.user - c1.system) / 1000;
      timedN += count;
    }
    n += count;
  }
  const bytes = statSync(dbPath).size + (existsSync(`${dbPath}-wal`) ? statSync(`${dbPath}-wal`).size : 0);
  const child = spawnSync(process.execPath, ['bin/run-ts.js', 'bench/scale.ts', '--child-startup', dbPath], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`start-up child failed: ${child.stderr}`);
  const start = JSON.parse(child.stdout.trim().split('\n').pop()!) as { open: number; add: number; place: number; total: number; cpuMs: number; entityReads: number | null; rssMB: number };
  n = (await store.stats()).articles; // the child added 10
  const search: number[] = [];
  const searchCpu: number[] = [];
  const slowest: [number, string][] = [];
  for (const q of QUERIES) {
    search.push(...(await timed(() => store.search(q), 5)));
    searchCpu.push(...cpuTimes);
    slowest.push([pct(cpuTimes, 50), q]);
  }
  slowest.sort((a, b) => b[0] - a[0]);
  const list = await timed(() => store.list(), 10);
  const storylines = await timed(() => corpus.stories.list({ limit: 20, offset: 0 }), 10);
  const entities = await timed(() => corpus.entities({ limit: 20 }), 10);
  const top = (await corpus.stories.list({ limit: 1, offset: 0 })).storylines[0];
  const story = top ? await timed(() => corpus.stories.detail(top.id), 5) : [NaN];
  const topEntity = (await corpus.entities({ limit: 1 })).items[0];
  const entity = topEntity ? await timed(() => corpus.entity(topEntity.key), 5) : [NaN];
  const line =
    `${String(size).padStart(7)} | add ${ms(addMs / timedN)} ms/article (CPU ${ms(addCpu / timedN)}) | place ${ms(placeMs / timedN)} ms/article (CPU ${ms(placeCpu / timedN)}) | ` +
    `start-up: open ${ms(start.open)} ms, add 10 ${ms(start.add)} ms, place 10 ${ms(start.place)} ms, process CPU ${ms(start.cpuMs)} ms, ${start.entityReads ?? '-'} entity reads, RSS ${start.rssMB.toFixed(0)} MB | ` +
    `db ${(bytes / size / 1024).toFixed(1)} KB/article | search p50 ${ms(pct(search, 50))} p95 ${ms(pct(search, 95))} ms, CPU p50 ${ms(pct(searchCpu, 50))} p95 ${ms(pct(searchCpu, 95))} ms (slowest "${slowest[0][1]}" ${ms(slowest[0][0])}) | ` +
    `list ${ms(pct(list, 50))}, stories ${ms(pct(storylines, 50))}, entities ${ms(pct(entities, 50))}, story ${ms(pct(story, 50))}, entity ${ms(pct(entity, 50))} ms | ` +
    `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`;
  console.log(line);
  rows.push(line);
}
await store.close();
