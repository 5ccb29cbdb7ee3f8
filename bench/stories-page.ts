// How long a page of storylines takes to build and send, by page size: the measurement behind the
// limit of /api/stories (MAX_STORIES_PAGE in src/api/stories.ts). Each storyline comes with all its
// events, sources, languages and key entities, so a page weighs far more than a page of rows.
// Prints, for each limit: the median of 5 runs of the story view alone (openCorpus(store).stories.list);
// the HTTP route through Fastify (schema validation and serialisation included; only for limits the
// route accepts) on its first request (cold: the server's response cache is empty for that URL) and
// warm (answered from the cache until the store changes); the response size.
//
// Usage: node bin/run-ts.js bench/stories-page.ts --db <dossier.db>
//   (a database with storylines, e.g. `dossier ingest ../shared/data/bbc --db /tmp/bbc.db`: 2,225 articles)
import { buildServer } from '../src/server/app.ts';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import { openCorpus } from '../src/corpus/index.ts';
import { MAX_STORIES_PAGE } from '../src/api/stories.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--db');
if (at < 0 || !args[at + 1]) {
  console.error('usage: bench/stories-page.ts --db <dossier.db>');
  process.exit(2);
}
const store = openSqliteStore(args[at + 1]);
const stories = openCorpus(store).stories;
const app = await buildServer(store);
const RUNS = 5;

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm: prepared statements, caches
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

const total = (await stories.list({ limit: 1, offset: 0 })).total;
await app.inject({ url: '/api/stories?limit=1' }); // compiles the route's schemas once
console.log(`${args[at + 1]}: ${total} storylines; route limit now ${MAX_STORIES_PAGE}; median of ${RUNS} runs`);
console.log('limit  view ms  route cold ms  route warm ms  bytes      view ms per storyline');
for (const limit of [20, 50, 100, 200, 500, 1000].filter((l) => l <= Math.max(total, 20))) {
  const view = await median(() => stories.list({ limit, offset: 0 }));
  let cold = NaN;
  let warm = NaN;
  let bytes = JSON.stringify(await stories.list({ limit, offset: 0 })).length;
  if (limit <= MAX_STORIES_PAGE) {
    const get = async () => {
      const r = await app.inject({ url: `/api/stories?limit=${limit}` });
      if (r.statusCode !== 200) throw new Error(`/api/stories?limit=${limit}: ${r.statusCode} ${r.body.slice(0, 200)}`);
      bytes = r.body.length;
    };
    const t = performance.now();
    await get();
    cold = performance.now() - t;
    warm = await median(get);
  }
  const ms = (x: number, w: number) => (Number.isNaN(x) ? '—' : x.toFixed(0)).padStart(w);
  console.log(`${String(limit).padStart(5)}  ${ms(view, 7)}  ${ms(cold, 13)}  ${ms(warm, 13)}  ${String(bytes).padStart(9)}  ${(view / limit).toFixed(2)}`);
}
const last = Math.max(0, total - 200);
console.log(`last page (offset ${last}, limit 200): view ${(await median(() => stories.list({ limit: 200, offset: last }))).toFixed(0)} ms`);
await app.close();
await store.close();
