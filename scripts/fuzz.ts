// The fuzz harness: `npm run fuzz -- --inputs N [--seed S] [--workers W] [--store]`. Feeds N seeded
// inputs (support/fuzz/inputs.ts: real articles mutated and wrapped in every format, and pathological
// ones) through every reader, cleaning, language detection and every analysis step (and, with
// --store, an in-memory SQLite store and a search built from each article), and reports:
//   crashes      any exception other than a reader's InputError or the size limit's refusal, and a
//                worker process that dies (out of memory, stack) on an input;
//   bad offsets  spans outside the text, or whose text is not text.slice(start, end) (support/fuzz/spans.ts);
//   slowest      time per 100 kB of input (inputs under 100 kB count as 100 kB), the ten worst, by wall
//                clock and by the worker process's CPU time (which a loaded machine does not inflate).
// The inputs are shared out over --workers child processes (input i to worker i mod W; default one
// per core, at most 4), each with its own analyzer, warmed on the examples before it starts. A
// progress line goes to stderr every --progress seconds (inputs done, rate, findings so far). Ctrl-C
// or SIGTERM stops the run and prints the report of the inputs done, marked PARTIAL.
// The profile: time and bytes per kind of input (which generators are slow per kB), and, for each
// input over a quarter of the limit in CPU time, the same input re-run layer by layer (reader, clean, detect and
// every analysis step) to say which layer took the time.
// Exits 1 when there is a crash, a bad offset, or an input slower than --max-ms-per-100kb (by the
// clock --clock names: wall, the default, or cpu).
import { fork, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { contentHash, createAnalyzer } from '../src/analyze.ts';
import { selectSteps } from '../src/analysis/pipeline.ts';
import { cleanArticle } from '../src/clean/index.ts';
import { languageDetector } from '../src/lang/detect.ts';
import { isSupported } from '../src/lang/registry.ts';
import { oversizeReason } from '../src/pipeline/analyse-stage.ts';
import { readBuffer } from '../src/readers/index.ts';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import type { IngestItem } from '../src/store/store.ts';
import { InputError, type AnalyzedArticle, type RawArticle } from '../src/types.ts';
import { fuzzInputs, seedFiles } from '../support/fuzz/inputs.ts';
import { badSpans, type BadSpan } from '../support/fuzz/spans.ts';

const { values } = parseArgs({
  options: {
    inputs: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string' },
    store: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    progress: { type: 'string', default: '5' },
    clock: { type: 'string', default: 'wall' },
    'max-ms-per-100kb': { type: 'string', default: '2000' },
    // internal: this process is worker --child of --workers, starting at input --from
    child: { type: 'string' },
    from: { type: 'string', default: '0' },
  },
});
const n = Number(values.inputs);
const seed = Number(values.seed);
const limit = Number(values['max-ms-per-100kb']);
const workers = values.workers === undefined ? Math.min(4, availableParallelism()) : Number(values.workers);
if (!Number.isInteger(n) || n < 1) throw new Error(`--inputs must be a whole number ≥ 1 (got ${values.inputs})`);
if (!Number.isInteger(workers) || workers < 1) throw new Error(`--workers must be a whole number ≥ 1 (got ${values.workers})`);
if (values.clock !== 'wall' && values.clock !== 'cpu') throw new Error(`--clock must be wall or cpu (got ${values.clock})`);

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** What a worker reports for one input. */
interface Done {
  t: 'done';
  index: number;
  kind: string;
  file: string;
  bytes: number;
  ms: number;
  cpuMs: number;
  articles: number;
  refused: number;
  readerErrors: string[];
  crashes: string[];
  bad: BadSpan[];
  /** Milliseconds per layer, for inputs re-run layer by layer. */
  layers?: Record<string, number>;
}
type Message = { t: 'start'; index: number; kind: string; file: string } | Done | { t: 'end' };

const per100kb = (ms: number, bytes: number) => (ms * 100_000) / Math.max(100_000, bytes);

if (values.child !== undefined) await child(Number(values.child));
else await parent();

// ---------------------------------------------------------------------------------------------
// A worker: analyses inputs index ≡ child (mod workers), from --from on, and reports each one.

async function child(me: number): Promise<void> {
  const send = (m: Message) => new Promise<void>((ok) => process.send!(m, () => ok()));
  const analyzer = await createAnalyzer();
  const detect = await languageDetector();
  const store = values.store ? openSqliteStore(':memory:') : null;
  const seeds = seedFiles();
  // warm up: load every language's models and compile the hot code before anything is timed
  for (const f of readdirSync(join(repo, 'examples')).sort()) {
    for await (const item of readBuffer(f, readFileSync(join(repo, 'examples', f)))) if (!(item instanceof InputError)) await analyzer.analyze(item);
  }

  /** The same analysis as analyzer.analyze, layer by layer, timed (for the profile of slow inputs). */
  const layerTimes = async (file: string, bytes: Buffer): Promise<Record<string, number>> => {
    const out: Record<string, number> = {};
    const add = (k: string, t0: number) => (out[k] = (out[k] ?? 0) + performance.now() - t0);
    let t0 = performance.now();
    for await (const item of readBuffer(file, bytes)) {
      add('read', t0);
      if (item instanceof InputError || oversizeReason(item)) {
        t0 = performance.now();
        continue;
      }
      t0 = performance.now();
      const clean = cleanArticle(item);
      add('clean', t0);
      t0 = performance.now();
      const guess = detect([clean.title ?? '', clean.text].join('\n'), item.meta.language);
      add('detect', t0);
      let doc = { ...clean, file: item.file, id: 'x', language: guess.language, sentences: [], entities: [], quotes: [], figures: [], times: [] } as unknown as AnalyzedArticle;
      for (const step of selectSteps(isSupported(guess.language) ? undefined : ['sentences'])) {
        t0 = performance.now();
        doc = { ...doc, ...step.run(doc, {}) };
        add(step.name, t0);
      }
      t0 = performance.now();
    }
    return out;
  };

  let pending: IngestItem[] = [];
  const flush = async (crashes: string[]) => {
    if (!store || pending.length === 0) return;
    const items = pending;
    pending = [];
    try {
      await store.ingest(items);
    } catch (e) {
      crashes.push(`store: ${(e as Error)?.stack ?? String(e)}`);
    }
  };

  const from = Number(values.from);
  for (const input of fuzzInputs(seed, n, seeds, (i) => i % workers === me && i >= from)) {
    const i = input.index;
    await send({ t: 'start', index: i, kind: input.kind, file: input.file });
    const done: Done = { t: 'done', index: i, kind: input.kind, file: input.file, bytes: input.bytes.length, ms: 0, cpuMs: 0, articles: 0, refused: 0, readerErrors: [], crashes: [], bad: [] };
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    try {
      for await (const item of readBuffer(input.file, input.bytes)) {
        if (item instanceof InputError) {
          done.readerErrors.push(item.reason.replace(/\d[\d.,]*/g, 'N').replace(/"[^"]*"/g, '"…"').slice(0, 70));
          continue;
        }
        if (oversizeReason(item)) {
          done.refused++;
          continue;
        }
        const doc: AnalyzedArticle = await analyzer.analyze(item as RawArticle);
        done.articles++;
        const spans = badSpans(doc);
        if (spans.length) done.bad.push(...spans.slice(0, 5));
        if (store) {
          pending.push({ contentHash: contentHash(item), raw: item, article: doc });
          const words = doc.text.split(/\s+/).filter((w) => /^\p{L}{3,}$/u.test(w));
          const q = [words[0], words.length > 3 ? `"${words[2]} ${words[3]}"` : '', i % 3 === 0 ? 'OR' : '', i % 7 === 0 ? '(' : ''].filter(Boolean).join(' ');
          if (pending.length >= 50) await flush(done.crashes);
          try {
            if (q) await store.search(q, { limit: 5 });
          } catch (e) {
            if ((e as Error)?.name !== 'QueryError') done.crashes.push(`search ${JSON.stringify(q)}: ${(e as Error)?.message}`);
          }
        }
      }
    } catch (e) {
      done.crashes.push((e as Error)?.stack?.split('\n').slice(0, 4).join(' | ') ?? String(e));
    }
    done.ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    done.cpuMs = (cpu.user + cpu.system) / 1000;
    // by CPU time: on a loaded machine the wall clock would send most inputs here
    if (per100kb(done.cpuMs, done.bytes) > limit / 4 && done.crashes.length === 0) {
      try {
        done.layers = await layerTimes(input.file, input.bytes);
      } catch {
        // the crash is reported by the timed run
      }
    }
    await send(done);
  }
  await flush([]);
  await store?.close();
  await analyzer.close();
  await send({ t: 'end' });
  process.disconnect();
}

// ---------------------------------------------------------------------------------------------
// The parent: starts the workers, gathers their reports, prints progress and the report.

async function parent(): Promise<void> {
  const kb = (b: number) => `${(b / 1000).toFixed(b < 10_000 ? 1 : 0)} kB`;
  const started = performance.now();
  const crashes: { kind: string; file: string; error: string }[] = [];
  const bad: { kind: string; file: string; spans: BadSpan[] }[] = [];
  const inputErrors = new Map<string, number>();
  /** Per kind of input (the generator, or the format and seed set of a real one). */
  const byKind = new Map<string, { count: number; bytes: number; ms: number; cpuMs: number; worst: number }>();
  /** Per layer, summed over the inputs that were re-run layer by layer. */
  const layers = new Map<string, number>();
  let profiled = 0;
  let slowest: Done[] = [];
  const slowWall: Done[] = [];
  const slowCpu: Done[] = [];
  let done = 0;
  let articles = 0;
  let refused = 0;
  let totalBytes = 0;

  const group = (kind: string) => kind.replace(/^((?:mutate|txt|html|jsonl|rss|atom):)(bbc|examples|test\/fixtures\/readers)\/.*$/, '$1$2').replace('test/fixtures/readers', 'fixtures');

  const record = (d: Done) => {
    done++;
    articles += d.articles;
    refused += d.refused;
    totalBytes += d.bytes;
    for (const r of d.readerErrors) inputErrors.set(r, (inputErrors.get(r) ?? 0) + 1);
    for (const e of d.crashes) crashes.push({ kind: d.kind, file: d.file, error: `input ${d.index}: ${e}` });
    if (d.bad.length) bad.push({ kind: d.kind, file: d.file, spans: d.bad });
    const wall = per100kb(d.ms, d.bytes);
    const g = byKind.get(group(d.kind)) ?? { count: 0, bytes: 0, ms: 0, cpuMs: 0, worst: 0 };
    g.count++;
    g.bytes += d.bytes;
    g.ms += d.ms;
    g.cpuMs += d.cpuMs;
    g.worst = Math.max(g.worst, wall);
    byKind.set(group(d.kind), g);
    if (d.layers) {
      profiled++;
      for (const [k, v] of Object.entries(d.layers)) layers.set(k, (layers.get(k) ?? 0) + v);
    }
    if (wall > limit) slowWall.push(d);
    if (per100kb(d.cpuMs, d.bytes) > limit) slowCpu.push(d);
    if (slowest.length < 10 || wall > per100kb(slowest[9].ms, slowest[9].bytes)) {
      slowest.push(d);
      slowest = slowest.sort((a, b) => per100kb(b.ms, b.bytes) - per100kb(a.ms, a.bytes)).slice(0, 10);
    }
    if (values.verbose) process.stderr.write(`${d.index} ${d.kind} ${kb(d.bytes)} ${d.ms.toFixed(0)} ms (cpu ${d.cpuMs.toFixed(0)} ms)\n`);
  };

  const children = new Set<ChildProcess>();
  let stopping = false;
  const start = (w: number, from: number): Promise<void> =>
    new Promise((ok) => {
      const args = [fileURLToPath(import.meta.url), '--child', String(w), '--workers', String(workers), '--inputs', String(n), '--seed', String(seed), '--from', String(from), '--max-ms-per-100kb', String(limit)];
      if (values.store) args.push('--store');
      const c = fork(join(repo, 'bin/run-ts.js'), args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
      children.add(c);
      let current: { index: number; kind: string; file: string } | null = null;
      let ended = false;
      c.on('message', (m: Message) => {
        if (m.t === 'start') current = m;
        else if (m.t === 'done') {
          current = null;
          record(m);
        } else ended = true;
      });
      c.on('exit', (code, signal) => {
        children.delete(c);
        if (ended || stopping) return ok();
        if (current) {
          // the process died on this input: a crash; go on from the worker's next input
          done++;
          crashes.push({ kind: current.kind, file: current.file, error: `input ${current.index}: worker process died (${signal ?? `exit code ${code}`})` });
          const next = current.index + workers;
          if (next < n) return void start(w, next).then(ok);
        } else crashes.push({ kind: 'worker', file: '-', error: `worker ${w} stopped between inputs (${signal ?? `exit code ${code}`})` });
        ok();
      });
    });

  const progress = setInterval(
    () => {
      const s = (performance.now() - started) / 1000;
      const rate = done / s;
      const eta = rate > 0 ? (n - done) / rate : Infinity;
      process.stderr.write(
        `fuzz: ${done}/${n} inputs in ${(s / 60).toFixed(1)} min, ${rate.toFixed(1)} inputs/s, ETA ${Number.isFinite(eta) ? `${(eta / 60).toFixed(0)} min` : '?'}; ` +
          `crashes ${crashes.length}, bad offsets ${bad.length}, slower than ${limit} ms/100 kB ${slowWall.length} (wall) ${slowCpu.length} (cpu)\n`,
      );
    },
    Number(values.progress) * 1000,
  );

  let partial = false;
  const report = () => {
    clearInterval(progress);
    const seconds = (performance.now() - started) / 1000;
    const gate = values.clock === 'cpu' ? slowCpu : slowWall;
    console.log(
      `fuzz: seed ${seed}, ${done} of ${n} inputs${partial ? ' (PARTIAL: stopped before the end)' : ''} (${kb(totalBytes)}) in ${seconds.toFixed(1)} s with ${workers} worker processes${values.store ? ', with the store and search' : ''}`,
    );
    console.log(`  articles analysed ${articles}; refused as over the size limit ${refused}; reader errors ${[...inputErrors.values()].reduce((a, b) => a + b, 0)}`);
    console.log(`  crashes ${crashes.length}; bad offsets ${bad.length}; inputs slower than ${limit} ms per 100 kB: ${slowWall.length} by wall clock, ${slowCpu.length} by CPU time`);
    console.log('  slowest per 100 kB (wall clock; CPU time of the worker process):');
    for (const t of slowest)
      console.log(`    ${per100kb(t.ms, t.bytes).toFixed(0).padStart(6)} ms/100 kB  ${t.ms.toFixed(0).padStart(6)} ms (cpu ${t.cpuMs.toFixed(0).padStart(6)} ms)  ${kb(t.bytes).padStart(9)}  ${t.kind}  #${t.index}`);
    console.log('  by kind of input (count, MB, ms per input, ms per 100 kB by wall clock and CPU, worst per 100 kB):');
    for (const [k, g] of [...byKind].sort((a, b) => b[1].ms - a[1].ms))
      console.log(
        `    ${k.padEnd(26)} ${String(g.count).padStart(6)} ${(g.bytes / 1e6).toFixed(1).padStart(7)} MB ${(g.ms / g.count).toFixed(0).padStart(6)} ms ${((g.ms * 100_000) / g.bytes).toFixed(0).padStart(6)} ${((g.cpuMs * 100_000) / g.bytes).toFixed(0).padStart(6)} ${g.worst.toFixed(0).padStart(6)}`,
      );
    if (profiled) {
      const total = [...layers.values()].reduce((a, b) => a + b, 0);
      console.log(`  where the time goes in the ${profiled} inputs over ${limit / 4} ms of CPU per 100 kB (re-run layer by layer):`);
      for (const [k, v] of [...layers].sort((a, b) => b[1] - a[1])) console.log(`    ${k.padEnd(12)} ${(v / 1000).toFixed(1).padStart(8)} s  ${((100 * v) / total).toFixed(0).padStart(3)} %`);
    }
    if (inputErrors.size) {
      console.log('  reader errors by reason:');
      for (const [r, c] of [...inputErrors].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`    ${String(c).padStart(5)}  ${r}`);
    }
    for (const c of crashes.slice(0, 10)) console.log(`  CRASH ${c.kind} (${c.file}): ${c.error}`);
    for (const b of bad.slice(0, 10)) console.log(`  BAD OFFSETS ${b.kind} (${b.file}): ${JSON.stringify(b.spans)}`);
    for (const t of gate.slice(0, 10)) console.log(`  SLOW ${t.kind} #${t.index} ${kb(t.bytes)}: ${t.ms.toFixed(0)} ms (cpu ${t.cpuMs.toFixed(0)} ms)${t.layers ? ` ${JSON.stringify(Object.fromEntries(Object.entries(t.layers).map(([k, v]) => [k, Math.round(v)])))}` : ''}`);
    process.exitCode = crashes.length || bad.length || gate.length || partial ? 1 : 0;
  };

  const stop = () => {
    if (stopping) return;
    stopping = true;
    partial = true;
    for (const c of children) c.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await Promise.all(Array.from({ length: Math.min(workers, n) }, (_, w) => start(w, 0)));
  report();
}
