// The fuzz harness: `npm run fuzz -- --inputs N [--seed S] [--store]`. Feeds N seeded inputs
// (support/fuzz/inputs.ts: real articles mutated and wrapped in every format, and pathological
// ones) through every reader, cleaning, language detection and every analysis step (and, with
// --store, an in-memory SQLite store and a search built from each article), and reports:
//   crashes      any exception other than a reader's InputError or the size limit's refusal;
//   bad offsets  spans outside the text, or whose text is not text.slice(start, end) (support/fuzz/spans.ts);
//   slowest      time per 100 kB of input (inputs under 100 kB count as 100 kB), the ten worst.
// Exits 1 when there is a crash, a bad offset, or an input slower than 2 s per 100 kB.
import { parseArgs } from 'node:util';
import { contentHash, createAnalyzer } from '../src/analyze.ts';
import { oversizeReason } from '../src/pipeline/analyse-stage.ts';
import { readBuffer } from '../src/readers/index.ts';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import type { IngestItem } from '../src/store/store.ts';
import { InputError, type AnalyzedArticle } from '../src/types.ts';
import { fuzzInputs, seedFiles } from '../support/fuzz/inputs.ts';
import { badSpans } from '../support/fuzz/spans.ts';

const { values } = parseArgs({
  options: {
    inputs: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    store: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    'max-ms-per-100kb': { type: 'string', default: '2000' },
  },
});
const n = Number(values.inputs);
const seed = Number(values.seed);
const limit = Number(values['max-ms-per-100kb']);
if (!Number.isInteger(n) || n < 1) throw new Error(`--inputs must be a whole number ≥ 1 (got ${values.inputs})`);

const analyzer = await createAnalyzer();
const store = values.store ? openSqliteStore(':memory:') : null;
const seeds = seedFiles();

const kb = (b: number) => `${(b / 1000).toFixed(b < 10_000 ? 1 : 0)} kB`;

interface Timed {
  kind: string;
  file: string;
  bytes: number;
  ms: number;
  perHundredKb: number;
}

const crashes: { kind: string; file: string; error: string }[] = [];
const bad: { kind: string; file: string; spans: ReturnType<typeof badSpans> }[] = [];
const timed: Timed[] = [];
const inputErrors = new Map<string, number>();
let articles = 0;
let refused = 0;
let totalBytes = 0;
const started = performance.now();
let pending: IngestItem[] = [];

const flushStore = async (kind: string, file: string) => {
  if (!store || pending.length === 0) return;
  const items = pending;
  pending = [];
  try {
    await store.ingest(items);
  } catch (e) {
    crashes.push({ kind, file, error: `store: ${(e as Error)?.stack ?? String(e)}` });
  }
};

let i = 0;
for (const input of fuzzInputs(seed, n, seeds)) {
  i++;
  totalBytes += input.bytes.length;
  const t0 = performance.now();
  try {
    for await (const item of readBuffer(input.file, input.bytes)) {
      if (item instanceof InputError) {
        const reason = item.reason.replace(/\d[\d.,]*/g, 'N').replace(/"[^"]*"/g, '"…"').slice(0, 70);
        inputErrors.set(reason, (inputErrors.get(reason) ?? 0) + 1);
        continue;
      }
      if (oversizeReason(item)) {
        refused++;
        continue;
      }
      const doc: AnalyzedArticle = await analyzer.analyze(item);
      articles++;
      const spans = badSpans(doc);
      if (spans.length) bad.push({ kind: input.kind, file: input.file, spans: spans.slice(0, 5) });
      if (store) {
        pending.push({ contentHash: contentHash(item), raw: item, article: doc });
        const words = doc.text.split(/\s+/).filter((w) => /^\p{L}{3,}$/u.test(w));
        const q = [words[0], words.length > 3 ? `"${words[2]} ${words[3]}"` : '', i % 3 === 0 ? 'OR' : '', i % 7 === 0 ? '(' : ''].filter(Boolean).join(' ');
        if (pending.length >= 50) await flushStore(input.kind, input.file);
        try {
          if (q) await store.search(q, { limit: 5 });
        } catch (e) {
          if ((e as Error)?.name !== 'QueryError') crashes.push({ kind: input.kind, file: input.file, error: `search ${JSON.stringify(q)}: ${(e as Error)?.message}` });
        }
      }
    }
  } catch (e) {
    crashes.push({ kind: input.kind, file: input.file, error: (e as Error)?.stack?.split('\n').slice(0, 4).join(' | ') ?? String(e) });
  }
  const ms = performance.now() - t0;
  timed.push({ kind: input.kind, file: input.file, bytes: input.bytes.length, ms, perHundredKb: (ms * 100_000) / Math.max(100_000, input.bytes.length) });
  if (values.verbose) process.stderr.write(`${i} ${input.kind} ${kb(input.bytes.length)} ${ms.toFixed(0)} ms\n`);
  else if (process.stderr.isTTY && i % 50 === 0) process.stderr.write(`\r${i}/${n} inputs, ${crashes.length} crashes, ${bad.length} bad offsets`);
}
await flushStore('end', 'end');
await store?.close();
await analyzer.close();
if (process.stderr.isTTY) process.stderr.write('\n');

const seconds = (performance.now() - started) / 1000;
const slowest = [...timed].sort((a, b) => b.perHundredKb - a.perHundredKb).slice(0, 10);
const slow = timed.filter((t) => t.perHundredKb > limit);

console.log(`fuzz: seed ${seed}, ${n} inputs (${kb(totalBytes)}, ${seeds.length} real seed files) in ${seconds.toFixed(1)} s${store ? ', with the store and search' : ''}`);
console.log(`  articles analysed ${articles}; refused as over the size limit ${refused}; reader errors ${[...inputErrors.values()].reduce((a, b) => a + b, 0)}`);
console.log(`  crashes ${crashes.length}; bad offsets ${bad.length}; inputs slower than ${limit} ms per 100 kB: ${slow.length}`);
console.log('  slowest per 100 kB:');
for (const t of slowest) console.log(`    ${t.perHundredKb.toFixed(0).padStart(6)} ms/100 kB  ${t.ms.toFixed(0).padStart(6)} ms  ${kb(t.bytes).padStart(9)}  ${t.kind}`);
if (inputErrors.size) {
  console.log('  reader errors by reason:');
  for (const [r, c] of [...inputErrors].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`    ${String(c).padStart(5)}  ${r}`);
}
for (const c of crashes.slice(0, 10)) console.log(`  CRASH ${c.kind} (${c.file}): ${c.error}`);
for (const b of bad.slice(0, 10)) console.log(`  BAD OFFSETS ${b.kind} (${b.file}): ${JSON.stringify(b.spans)}`);
process.exitCode = crashes.length || bad.length || slow.length ? 1 : 0;
