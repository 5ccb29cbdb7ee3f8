// Storylines on BBC News 2004–05 (../shared/data/bbc, 2,225 articles nobody tuned for), read as a
// journalist would: ingests the articles through the pipeline into a SQLite store (ingest places them
// in events and storylines, as it always does), then prints the ten largest storylines with the titles
// of their articles, the share of single-article storylines, and the head of the "most recently active
// first" list, so that a topic bucket ("anything about Microsoft") is seen at a glance. A storyline is
// one developing story: see src/corpus/stories/README.md ("What a storyline is").
// With --db PATH the store is kept: a first run ingests into it, later runs only place the stored
// articles again (`restory`, the same placement as ingest) — for trying clustering changes quickly.
// Usage: node bin/run-ts.js bench/storylines-bbc.ts [--dir ../shared/data/bbc] [--db PATH] [--top 10] [--titles 12] [--workers N]
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openCorpus } from '../src/corpus/index.ts';
import { spanText } from '../src/corpus/stories/labels.ts';
import { ingestPaths } from '../src/pipeline/ingest.ts';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import type { MemberRecord } from '../src/store/story-tables.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: join(process.cwd(), '..', 'shared', 'data', 'bbc') },
    db: { type: 'string' },
    top: { type: 'string', default: '10' },
    titles: { type: 'string', default: '12' },
    workers: { type: 'string' },
  },
});
if (!existsSync(values.dir)) throw new Error(`no BBC corpus at ${values.dir} (see ../shared/data/README)`);
const top = Number(values.top);
const shown = Number(values.titles);

const root = values.db ? null : mkdtempSync(join(tmpdir(), 'dossier-storylines-bbc-'));
try {
  const store = openSqliteStore(values.db ?? join(root!, 'bbc.db'));
  const corpus = openCorpus(store);
  const stored = (await store.stories.articleIds()).length;
  if (stored === 0) {
    const s = await ingestPaths(store, [values.dir], { workers: values.workers === undefined ? undefined : Number(values.workers) });
    console.log(`BBC: ${s.inserted} articles ingested and placed in ${s.seconds.toFixed(0)} s (${s.failures.length} failures)`);
  } else {
    const t = performance.now();
    const s = await corpus.restory();
    const ms = performance.now() - t;
    console.log(`BBC: ${s.attached} stored articles placed again (restory) in ${(ms / 1000).toFixed(1)} s, ${(ms / s.attached).toFixed(2)} ms/article`);
  }

  const placed = await corpus.stories.placements();
  const byStory = new Map<string, MemberRecord[]>();
  const events = new Set<string>();
  for (const m of placed) {
    const list = byStory.get(m.storylineId);
    if (list) list.push(m);
    else byStory.set(m.storylineId, [m]);
    events.add(m.eventId);
  }
  const sizes = [...byStory.values()].map((l) => l.length);
  const single = sizes.filter((n) => n === 1).length;
  const pct = (x: number) => `${((100 * x) / Math.max(1, sizes.length)).toFixed(1)}%`;
  console.log(
    `${placed.length} articles in ${events.size} events and ${byStory.size} storylines; ` +
      `${single} single-article storylines (${pct(single)}), ${sizes.filter((n) => n >= 5).length} with 5 or more articles; largest ${Math.max(...sizes)}`,
  );

  const section = (m: MemberRecord) => m.file.split('/').slice(-2, -1)[0] ?? '';
  const largest = [...byStory.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1)).slice(0, top);
  console.log(`\nthe ${largest.length} largest storylines (articles, events, sections, dates; titles in placement order):`);
  for (const [i, [id, ms]] of largest.entries()) {
    const evs = new Set(ms.map((m) => m.eventId)).size;
    const sections = [...new Set(ms.map(section))].join(', ');
    const days = ms.map((m) => m.day).filter((d): d is string => !!d).sort();
    const span = days.length ? `${days[0]} … ${days[days.length - 1]} (${days.length} dated)` : 'undated';
    console.log(`${String(i + 1).padStart(2)}. ${id}  ${ms.length} articles, ${evs} events, ${sections}; ${span}`);
    for (const m of ms.slice(0, shown)) console.log(`      ${m.title ?? m.file}`);
    if (ms.length > shown) console.log(`      … and ${ms.length - shown} more`);
  }

  const recent = await corpus.stories.list({ limit: top });
  console.log(`\nmost recently active first (the head of \`dossier stories\`):`);
  for (const s of recent.storylines) {
    const span = spanText(s.span);
    console.log(`  ${span.padEnd(26)} ${String(s.articles).padStart(3)} article(s)  ${s.title ?? s.label}`);
  }
  await store.close();
} finally {
  if (root) rmSync(root, { recursive: true, force: true });
}
