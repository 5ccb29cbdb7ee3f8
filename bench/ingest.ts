// Ingest speed: generates a corpus of N articles by repeating and varying the example articles
// (shuffled paragraphs, changed figures and days, one distinct sentence each, so no two are
// duplicates), then ingests it into a fresh SQLite file and prints articles/s and MB/s.
//   npm run bench:ingest -- [--articles 10000] [--format txt|jsonl] [--workers N (default: one per core; 0: main thread only)]
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import { ingestPaths } from '../src/pipeline/ingest.ts';

const { values } = parseArgs({
  options: { articles: { type: 'string', default: '10000' }, format: { type: 'string', default: 'txt' }, workers: { type: 'string' } },
});
const count = Number(values.articles);
const format = values.format === 'jsonl' ? 'jsonl' : 'txt';
const root = join(process.cwd(), '.bench', `ingest-${count}-${format}`);
const examplesDir = join(process.cwd(), 'examples');
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(examplesDir, f), 'utf8'));

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function variant(i: number): string {
  const rand = rng(i + 1);
  const base = examples[i % examples.length];
  const [head, ...rest] = base.split('\n');
  const paras = rest.filter((p) => p.trim());
  // shuffle the body paragraphs after the first two, keep the lead
  for (let k = paras.length - 1; k > 2; k--) {
    const j = 2 + Math.floor(rand() * (k - 1));
    [paras[k], paras[j]] = [paras[j], paras[k]];
  }
  const body = paras
    .join('\n\n')
    .replace(/\b\d{2,3}(,\d{3})?\b/g, (m) => String(Math.max(1, Math.round(Number(m.replace(/,/g, '')) * (0.8 + rand() * 0.4)))))
    .replace(/\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g, () => DAYS[Math.floor(rand() * 7)]);
  return `${head}\n\n${body}\n\nThis is report number ${i} in the series.\n`;
}

rmSync(root, { recursive: true, force: true });
mkdirSync(root, { recursive: true });
const t0 = performance.now();
let input: string;
if (format === 'jsonl') {
  input = join(root, 'corpus.jsonl');
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(JSON.stringify({ text: variant(i), source: `outlet-${i % 7}` }));
  writeFileSync(input, lines.join('\n') + '\n');
} else {
  input = join(root, 'corpus');
  for (let d = 0; d < Math.ceil(count / 1000); d++) mkdirSync(join(input, String(d)), { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(input, String(Math.floor(i / 1000)), `${i}.txt`), variant(i));
}
const genSeconds = (performance.now() - t0) / 1000;

const dbFile = join(root, 'bench.db');
const store = openSqliteStore(dbFile);
const workers = values.workers === undefined ? undefined : Number(values.workers);
const summary = await ingestPaths(store, [input], { workers });
const stats = await store.stats();
await store.close();

const mb = summary.bytes / 1e6;
console.log(`corpus: ${count} articles (${format}), ${mb.toFixed(1)} MB, generated in ${genSeconds.toFixed(1)} s`);
console.log(`ingest: ${summary.inserted} stored, ${summary.duplicates} duplicates, ${summary.failures.length} failures`);
console.log(`time:   ${summary.seconds.toFixed(1)} s (analysis workers: ${workers ?? 'one per core'})`);
console.log(`speed:  ${(summary.read / summary.seconds).toFixed(0)} articles/s, ${(mb / summary.seconds).toFixed(2)} MB/s`);
console.log(`db:     ${(statSync(dbFile).size / 1e6).toFixed(1)} MB, ${stats.articles} articles`);
