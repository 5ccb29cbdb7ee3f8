// kill -9 at random moments of an ingest, then a re-run to completion: is everything still right?
// A corpus of distinct articles (BBC from the data folder, else the examples) is ingested by the real
// CLI as a child process (small batches), killed with SIGKILL after a seeded random delay, and
// ingested again to the end. After each trial: SQLite's integrity check (and FTS5's); the stored
// articles are exactly the inputs (by content hash: none lost, none twice); the full-text index holds
// every article; every article's layer rows match its analysis (quotes, figures, times, mentions,
// entity links); every article is placed in exactly one event; and the stories, the placements, the
// entities and every article's layer rows equal those of a clean ingest of the same inputs in the
// same order. Prints where the kills landed and the failures by kind; exits 1 on any failure.
//   npm run bench:crash -- [--trials 20] [--store sqlite|postgres|both] [--articles 60] [--seed 1]
//                          [--batch 5] [--workers 0] [--pg-trials 6] [--control]
// --control skips the re-run: the kills that left work undone must then show as failures.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { contentHash } from '../src/analyze.ts';
import { openCorpus } from '../src/corpus/index.ts';
import { readInputs } from '../src/readers/index.ts';
import { openPostgresStore } from '../src/store/postgres/index.ts';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import type { Store } from '../src/store/store.ts';
import { InputError } from '../src/types.ts';
import { dataPath, missingData } from '../support/data.ts';
import { startPostgres, type PgServer } from '../support/postgres-server.ts';
import { rng } from '../support/random.ts';

const { values } = parseArgs({
  options: {
    trials: { type: 'string', default: '20' },
    'pg-trials': { type: 'string' },
    store: { type: 'string', default: 'both' },
    articles: { type: 'string', default: '60' },
    seed: { type: 'string', default: '1' },
    batch: { type: 'string', default: '5' },
    workers: { type: 'string', default: '0' },
    // A check of the checks: no re-run after the kill, so every kill that left work undone must fail.
    control: { type: 'boolean', default: false },
  },
});
const TRIALS = Number(values.trials);
const PG_TRIALS = values['pg-trials'] !== undefined ? Number(values['pg-trials']) : TRIALS;
const ARTICLES = Number(values.articles);
const BATCH = Number(values.batch);
const WORKERS = Number(values.workers);
const SEED = Number(values.seed);
const STORES = values.store === 'both' ? ['sqlite', 'postgres'] : [values.store];
for (const s of STORES) if (s !== 'sqlite' && s !== 'postgres') throw new Error(`--store: sqlite, postgres or both, not "${s}"`);
for (const [name, v] of Object.entries({ trials: TRIALS, 'pg-trials': PG_TRIALS, articles: ARTICLES, batch: BATCH, workers: WORKERS, seed: SEED }))
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name}: a whole number, not "${v}"`);

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/dossier.js');
const work = mkdtempSync(join(tmpdir(), 'dossier-bench-crash-'));

// ---- the corpus: distinct articles in a fixed order -------------------------------------------

/** Copies up to `n` distinct articles into `dir` (one file each, named in ingest order); returns their content hashes. */
async function makeCorpus(dir: string, n: number): Promise<{ hashes: string[]; from: string }> {
  mkdirSync(dir);
  const sources: string[] = [];
  let from: string;
  const missing = missingData('bbc');
  if (!missing) {
    from = 'BBC News (../shared/data/bbc), round robin over its sections';
    const sections = readdirSync(dataPath('bbc'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    const files = sections.map((s) => readdirSync(dataPath('bbc', s)).filter((f) => f.endsWith('.txt')).sort().map((f) => dataPath('bbc', s, f)));
    for (let i = 0; sources.length < n * 2 && files.some((f) => i < f.length); i++) for (const f of files) if (i < f.length) sources.push(f[i]);
  } else {
    from = `the examples (${missing.what}; ${missing.how})`;
    const ex = join(ROOT, 'examples');
    for (const f of readdirSync(ex).sort()) sources.push(join(ex, f));
  }
  const seen = new Set<string>();
  const hashes: string[] = [];
  for (const src of sources) {
    if (hashes.length >= n) break;
    const name = `${String(hashes.length + 1).padStart(4, '0')}-${src.split('/').slice(-2).join('-')}`;
    const dest = join(dir, name);
    copyFileSync(src, dest);
    const got: string[] = [];
    for await (const raw of readInputs([dest])) if (!(raw instanceof InputError)) got.push(contentHash(raw));
    if (got.length === 0 || got.some((h) => seen.has(h))) {
      rmSync(dest);
      continue;
    }
    for (const h of got) seen.add(h), hashes.push(h);
  }
  return { hashes, from };
}

// ---- the CLI as a child process ----------------------------------------------------------------

interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  stderr: string;
}

/** `dossier ingest dir --db db` in its own process group; SIGKILLed after `killAfterMs` when given. */
function ingest(dir: string, db: string, killAfterMs?: number): Promise<CliRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'ingest', dir, '--db', db, '--batch', String(BATCH), '--workers', String(WORKERS), '--json'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const timer =
    killAfterMs === undefined
      ? undefined
      : setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            // already gone
          }
        }, killAfterMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ms: performance.now() - started, stderr });
    });
  });
}

// ---- the stores ----------------------------------------------------------------------------------

interface Target {
  kind: 'sqlite' | 'postgres';
  /** What the CLI's --db takes. */
  db: string;
}

/** Rows of a query, on either store (the SQL is the same on both here). */
async function query(t: Target, sql: string): Promise<Record<string, unknown>[]> {
  if (t.kind === 'sqlite') {
    const db = new Database(t.db, { readonly: true });
    try {
      return db.prepare(sql).all() as Record<string, unknown>[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: t.db });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

const openTarget = (t: Target): Store => (t.kind === 'sqlite' ? openSqliteStore(t.db) : openPostgresStore(t.db));

/** What a database holds, as far as the checks compare it. */
interface State {
  /** Content hashes of the stored articles (one per row). */
  hashes: string[];
  /** Per article id: its row counts in each layer table and derived table, as "quotes=2 figures=5 …". */
  rows: Map<string, string>;
  storylines: string;
  placements: string;
  entities: string;
  unplaced: number;
}

const PER_ARTICLE_TABLES = ['quotes', 'figures', 'times', 'entity_mentions', 'entity_links', 'entity_articles', 'story_articles'];

/** The problems found in a database by itself (beyond comparing it with the clean one). */
async function inspect(t: Target): Promise<{ state: State; problems: string[] }> {
  const problems: string[] = [];
  if (t.kind === 'sqlite') {
    const db = new Database(t.db);
    try {
      const ok = db.pragma('integrity_check', { simple: true });
      if (ok !== 'ok') problems.push(`integrity: PRAGMA integrity_check says ${String(ok)}`);
      try {
        db.exec(`INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)`);
      } catch (e) {
        problems.push(`search: FTS5 integrity-check: ${(e as Error).message}`);
      }
      const { n } = db.prepare('SELECT count(*) AS n FROM articles_fts_docsize d JOIN articles a ON a.seq = d.id').get() as { n: number };
      const { m } = db.prepare('SELECT count(*) AS m FROM articles').get() as { m: number };
      if (n !== m) problems.push(`search: ${n} of ${m} articles in the full-text index`);
    } finally {
      db.close();
    }
  } else {
    const [{ n }] = await query(t, `SELECT count(*)::int AS n FROM articles WHERE length(search) = 0 AND length(text) > 0`);
    if (Number(n) > 0) problems.push(`search: ${n} articles with text have an empty search vector`);
  }

  const articles = await query(t, 'SELECT id, content_hash, n_entities, n_mentions, n_quotes, n_figures, n_times, analysis FROM articles');
  const counts = new Map<string, Record<string, number>>();
  for (const a of articles) counts.set(String(a.id), {});
  for (const table of PER_ARTICLE_TABLES) {
    for (const r of await query(t, `SELECT article_id, count(*) AS n FROM ${table} GROUP BY article_id`)) {
      const c = counts.get(String(r.article_id));
      if (!c) problems.push(`orphan: ${table} has rows for ${r.article_id}, which is not stored`);
      else c[table] = Number(r.n);
    }
  }
  for (const a of articles) {
    const c = counts.get(String(a.id))!;
    const analysis = (typeof a.analysis === 'string' ? JSON.parse(a.analysis) : a.analysis) as Record<string, unknown[] | undefined>;
    const expect: [string, number, number][] = [
      ['quotes', c.quotes ?? 0, Number(a.n_quotes)],
      ['figures', c.figures ?? 0, Number(a.n_figures)],
      ['times', c.times ?? 0, Number(a.n_times)],
      ['entity_mentions', c.entity_mentions ?? 0, Number(a.n_mentions)],
      ['entity_links', c.entity_links ?? 0, Number(a.n_entities)],
      ['quotes in the analysis', analysis.quotes?.length ?? 0, Number(a.n_quotes)],
      ['times in the analysis', analysis.times?.length ?? 0, Number(a.n_times)],
      ['entities in the analysis', analysis.entities?.length ?? 0, Number(a.n_entities)],
      ['entity_articles', c.entity_articles ?? 0, 1],
      ['story_articles', c.story_articles ?? 0, 1],
    ];
    for (const [what, got, want] of expect) if (got !== want) problems.push(`layers: article ${a.id}: ${got} ${what}, expected ${want}`);
  }
  const rows = new Map([...counts].map(([id, c]) => [id, PER_ARTICLE_TABLES.map((t) => `${t}=${c[t] ?? 0}`).join(' ')]));

  const store = openTarget(t);
  try {
    const corpus = openCorpus(store);
    const list = await corpus.stories.list();
    if (list.unplaced > 0) problems.push(`stories: ${list.unplaced} stored articles in no event`);
    return {
      state: {
        hashes: articles.map((a) => String(a.content_hash)),
        rows,
        storylines: JSON.stringify(list.storylines),
        placements: JSON.stringify(await corpus.stories.placements()),
        entities: JSON.stringify(await corpus.entities({ limit: 1000 })),
        unplaced: list.unplaced,
      },
      problems,
    };
  } finally {
    await store.close();
  }
}

/** How a trial's end state differs from the inputs and from the clean ingest. */
function compare(got: State, inputs: string[], clean: State): string[] {
  const problems: string[] = [];
  const stored = new Set(got.hashes);
  if (stored.size !== got.hashes.length) problems.push(`duplicates: ${got.hashes.length - stored.size} articles stored twice`);
  const lost = inputs.filter((h) => !stored.has(h));
  if (lost.length) problems.push(`lost: ${lost.length} inputs not stored`);
  const want = new Set(inputs);
  const extra = [...stored].filter((h) => !want.has(h));
  if (extra.length) problems.push(`extra: ${extra.length} stored articles not among the inputs`);
  const rowDiff = [...clean.rows].filter(([id, r]) => got.rows.get(id) !== undefined && got.rows.get(id) !== r);
  if (rowDiff.length) problems.push(`layers vs clean: ${rowDiff.length} articles, e.g. ${rowDiff[0][0]}: ${got.rows.get(rowDiff[0][0])} vs ${rowDiff[0][1]}`);
  if (got.storylines !== clean.storylines) problems.push('stories vs clean: the storylines differ');
  if (got.placements !== clean.placements) problems.push('stories vs clean: the placements differ');
  if (got.entities !== clean.entities) problems.push('entities vs clean: the entity list differs');
  return problems;
}

// ---- the trials ----------------------------------------------------------------------------------

interface Tally {
  trials: number;
  landed: Record<string, number>;
  failures: Record<string, number>;
  examples: string[];
  cleanSeconds: number;
  killedSeconds: number[];
}

/** Where a kill landed, read from what the killed run left. */
async function landed(t: Target, inputs: number): Promise<string> {
  let articles: number;
  try {
    articles = Number((await query(t, 'SELECT count(*) AS n FROM articles'))[0].n);
  } catch {
    return 'before the schema';
  }
  if (articles === 0) return 'before any batch stored';
  const store = openTarget(t);
  try {
    const { unplaced } = await openCorpus(store).stories.list();
    if (unplaced > 0) return 'between storing and placing';
    return articles === inputs ? 'after the last batch placed' : 'after a batch placed';
  } finally {
    await store.close();
  }
}

async function runStore(kind: 'sqlite' | 'postgres', trials: number, dir: string, inputs: string[], random: () => number): Promise<Tally> {
  let server: PgServer | undefined;
  const newTarget = async (name: string): Promise<Target> =>
    kind === 'sqlite' ? { kind, db: join(work, `${kind}-${name}.db`) } : { kind, db: await server!.database() };
  if (kind === 'postgres') server = await startPostgres({ fast: true });
  try {
    const tally: Tally = { trials, landed: {}, failures: {}, examples: [], cleanSeconds: 0, killedSeconds: [] };
    const fail = (trial: string, problems: string[]) => {
      for (const p of problems) {
        const k = p.slice(0, p.indexOf(':'));
        tally.failures[k] = (tally.failures[k] ?? 0) + 1;
        if (tally.examples.length < 10) tally.examples.push(`${kind} ${trial}: ${p}`);
      }
    };
    const clean = await newTarget('clean');
    const run = await ingest(dir, clean.db);
    if (run.code !== 0) throw new Error(`the clean ingest failed (${run.code ?? run.signal}):\n${run.stderr}`);
    tally.cleanSeconds = run.ms / 1000;
    const reference = await inspect(clean);
    fail('clean ingest', [...reference.problems, ...compare(reference.state, inputs, reference.state)]);

    for (let i = 1; i <= trials; i++) {
      const t = await newTarget(`trial-${i}`);
      // the first ~30% of a run is mostly the process starting: most kills land after it
      const delay = Math.round((0.3 + 0.7 * random()) * run.ms);
      const killed = await ingest(dir, t.db, delay);
      let where: string;
      if (killed.signal === 'SIGKILL') {
        where = await landed(t, inputs.length);
        tally.killedSeconds.push(killed.ms / 1000);
        if (t.kind === 'sqlite' && where !== 'before the schema') {
          const db = new Database(t.db);
          const ok = db.pragma('integrity_check', { simple: true });
          db.close();
          if (ok !== 'ok') fail(`trial ${i} (after the kill)`, [`integrity: ${String(ok)}`]);
        }
      } else {
        where = 'missed (the run had finished)';
        if (killed.code !== 0) fail(`trial ${i}`, [`run: the ingest failed (${killed.code}): ${killed.stderr.trim().split('\n').at(-1)}`]);
      }
      tally.landed[where] = (tally.landed[where] ?? 0) + 1;
      const again = values.control ? { code: 0, signal: null, ms: 0, stderr: '' } : await ingest(dir, t.db);
      if (again.code !== 0) {
        fail(`trial ${i}`, [`run: the re-run failed (${again.code ?? again.signal}): ${again.stderr.trim().split('\n').at(-1)}`]);
        continue;
      }
      const got = await inspect(t);
      const problems = [...got.problems, ...compare(got.state, inputs, reference.state)];
      fail(`trial ${i} (killed at ${(delay / 1000).toFixed(1)} s, ${where})`, problems);
      process.stderr.write(`${kind} trial ${i}/${trials}: killed at ${(delay / 1000).toFixed(1)} s, ${where}: ${problems.length ? problems.join('; ') : 'ok'}\n`);
      if (t.kind === 'sqlite') for (const suffix of ['', '-wal', '-shm']) rmSync(t.db + suffix, { force: true });
    }
    return tally;
  } finally {
    await server?.stop();
  }
}

const random = rng(SEED);
const { hashes, from } = await makeCorpus(join(work, 'in'), ARTICLES);
console.log(`crash: ${hashes.length} distinct articles from ${from}; batches of ${BATCH}, ${WORKERS} workers, seed ${SEED}`);
let failed = false;
const rowsOut: string[] = [];
try {
  for (const kind of STORES as ('sqlite' | 'postgres')[]) {
    const n = kind === 'postgres' ? PG_TRIALS : TRIALS;
    const tally = await runStore(kind, n, join(work, 'in'), hashes, random);
    const failures = Object.values(tally.failures).reduce((a, b) => a + b, 0);
    if (failures) failed = true;
    rowsOut.push(
      `| ${kind} | ${tally.trials} | ${tally.cleanSeconds.toFixed(1)} s | ${Object.entries(tally.landed).sort().map(([k, v]) => `${v} ${k}`).join(', ')} | ${failures ? Object.entries(tally.failures).map(([k, v]) => `${v} ${k}`).join(', ') : '0'} |`,
    );
    for (const e of tally.examples) console.log(`  ${e}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log('| store | trials | clean ingest | where the kills landed | failures |');
console.log('|---|---|---|---|---|');
for (const r of rowsOut) console.log(r);
process.exit(failed ? 1 : 0);
