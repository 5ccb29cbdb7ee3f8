// Story commands: stories, story, timeline, compare, export, restory. Each prints the JSON of the
// matching story view ((await corpusOf(store)).stories) with --json (the same JSON the API serves), or a readable rendering.
import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { ComparisonView, StoriesList, StoryDetail, TimelineView } from '../../corpus/stories/api.ts';
import type { FigureRowView } from '../../corpus/stories/figures.ts';
import type { TimelineItem } from '../../corpus/stories/timeline.ts';
import { StoreInputError, type Store } from '../../store/store.ts';
import { DEFAULT_DB, UsageError, parseIntOption, printJson, withStore, corpusOf } from '../context.ts';
import { pageNote } from './paging.ts';
import { progressBar } from '../progress.ts';

const out = (s = '') => process.stdout.write(`${s}\n`);

/** Store input errors (bad or ambiguous id) are the user's: exit 2 with the message. */
async function userErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof StoreInputError) throw new UsageError(err.message);
    throw err;
  }
}

const num = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 3 });
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const languages = (l: Record<string, number>) => Object.entries(l).map(([k, v]) => `${k} ${v}`).join(', ');

function renderList(list: StoriesList, offset: number): void {
  if (list.unplaced > 0) out(`${list.unplaced} stored article(s) are not in any story yet: run "dossier restory" to place them`);
  if (list.total === 0) {
    if (list.unplaced === 0) out('no stories yet: ingest articles with "dossier ingest"');
    return;
  }
  const page = pageNote(list.total, offset, list.storylines.length);
  out(`${list.total} storyline(s); ${list.note}${page ? `\n${page}` : ''}`);
  for (const s of list.storylines) {
    out();
    out(`${s.id}  ${s.label}`);
    if (s.title) out(`  “${clip(s.title, 100)}”`);
    out(`  ${s.articles} article(s) · ${s.sources.length} source(s) · ${languages(s.languages)} · ${s.events.length} event(s)`);
    for (const e of s.events) {
      out(`  ${e.id}  ${clip(e.label, 90)}  (${e.articles} article(s): ${Object.keys(e.languages).join(', ')})`);
    }
  }
}

function renderTimeline(items: TimelineItem[], indent = ''): void {
  for (const i of items) {
    const who = i.kind === 'statement' ? `${i.speaker?.name ?? 'unnamed'}: ` : '';
    const srcs = i.sources.length > 1 ? `  [${i.sources.length} sources]` : '';
    out(`${indent}${i.date.padEnd(10)}  ${i.kind === 'statement' ? 'said' : '    '}  ${clip(who + i.text, 110)}${srcs}`);
  }
}

function renderDetail(d: StoryDetail): void {
  out(`${d.id}  ${d.label}  (${d.level})`);
  if (d.title) out(`  “${d.title}”`);
  if (d.storyline) out(`  storyline: ${d.storyline.id}  ${d.storyline.label}`);
  out(`  ${d.articles.length} article(s) · ${languages(d.languages)} · ${d.note}`);
  out(`  key entities: ${d.entities.map((e) => e.name).join(', ')}`);
  out();
  out(`Events (${d.events.length})`);
  for (const e of d.events) {
    out(`  ${e.id}  ${e.label}`);
    for (const a of d.articles.filter((x) => x.eventId === e.id)) {
      out(`      ${a.id}  ${a.language}  ${(a.day ?? 'undated').padEnd(10)}  ${clip(a.source ?? a.title ?? a.file, 80)}`);
    }
  }
  out();
  out(`Sources (${d.sources.length})`);
  for (const s of d.sources) out(`  ${clip(s.source.name, 80)}  ${s.articles} article(s), ${s.languages.join(', ')}`);
  out();
  out(`Timeline (${d.timeline.length})`);
  renderTimeline(d.timeline, '  ');
}

/** A bar chart of a figure's dated values, one line per point. */
function chart(row: FigureRowView): string[] {
  if (row.series.length < 2) return [];
  const max = Math.max(...row.series.map((p) => p.value));
  return row.series.map((p) => `      ${p.asOf}  ${'█'.repeat(Math.max(1, Math.round((p.value / max) * 30))).padEnd(30)}  ${num(p.value)} (${p.language}, ${clip(p.source, 30)})`);
}

const QUALIFIER: Record<string, string> = { 'more-than': '>', 'at-least': '≥', nearly: '≈<', approximately: '~', estimated: '~', 'up-to': '≤', 'at-most': '≤', 'less-than': '<' };

/** "telling 5 (adds 2, disputes 1, own-voice terms 2; reports 9 of 30 facts)" */
function tellingText(t: ComparisonView['sources'][number]['telling'], facts: number): string {
  const parts = [`adds ${t.adds}`, `disputes ${t.disputes}`, `own-voice terms ${t.ownVoiceTerms}`];
  return `telling ${t.score} (${parts.join(', ')}; reports ${t.reports} of ${facts} facts)`;
}

/**
 * The comparison, one page of sources at a time: the sources most telling first (with how telling and
 * their syndicated copies), then figures, voice and coverage of the sources on the page only.
 */
function renderCompare(c: ComparisonView, offset: number, limit: number): void {
  const page = c.sources.slice(offset, offset + limit);
  const onPage = new Set(page.map((s) => s.source.id));
  const note = pageNote(c.sources.length, offset, page.length);
  out(`${c.id}  ${c.label}  (${c.level}) — ${c.sources.length} source(s); ${c.note}`);
  out(`${c.ranking}`);
  if (note) out(note);
  out();
  out('Sources, most telling first');
  const facts = c.coverage.facts.length;
  for (const s of page) {
    const copies = s.copies.length ? ` · and ${s.copies.length} ${s.copies.length === 1 ? 'copy' : 'copies'}` : '';
    out(`  ${String(s.telling.rank).padStart(3)}. ${clip(s.source.name, 60)}  ${tellingText(s.telling, facts)} · ${s.articles.length} article(s) · ${s.languages.join(', ')}${copies}`);
  }
  if (page.length === 0) return;
  out();
  out('Figures (value, as of, language, source, voice)');
  let rows = 0;
  for (const r of c.figures) {
    const claims = r.claims.filter((cl) => onPage.has(cl.source.id));
    if (claims.length === 0) continue;
    rows++;
    const elsewhere = r.claims.length - claims.length;
    out(`  ${r.label}${r.sources > 1 ? `  — ${r.sources} sources` : ''}${elsewhere ? ` (${elsewhere} claim(s) from sources on other pages)` : ''}`);
    for (const cl of claims) {
      const q = cl.qualifier ? `${QUALIFIER[cl.qualifier] ?? cl.qualifier} ` : '';
      const v = `${q}${num(cl.value)}${cl.valueMax !== null ? `–${num(cl.valueMax)}` : ''}`;
      const how = [cl.voice.by, cl.voice.cue ? `“${cl.voice.cue}”` : null].filter(Boolean).join(', ');
      const voice = cl.voice.voice === 'asserted' ? 'asserted' : `${cl.voice.voice}${how ? ` (${how})` : ''}`;
      out(`    ${v.padEnd(16)} ${(cl.asOf ?? 'date unknown').padEnd(12)} ${cl.language}  ${clip(cl.source.name, 40).padEnd(40)}  ${voice}`);
    }
    for (const line of chart(r)) out(line);
  }
  if (rows === 0) out('  none from the sources on this page');
  out();
  out('Voice');
  const voices = new Map(c.voice.map((v) => [v.source.id, v]));
  for (const s of page) {
    const v = voices.get(s.source.id);
    if (!v) continue;
    out(`  ${clip(v.source.name, 90)} (${v.languages.join(', ')})`);
    const own = v.loadedTerms.filter((t) => t.own > 0).map((t) => `${t.term} ×${t.own}`);
    const other = v.loadedTerms.filter((t) => t.attributed + t.quoted > 0).map((t) => `${t.term} ×${t.attributed + t.quoted}`);
    out(`    loaded terms in its own voice: ${own.join(', ') || 'none'}`);
    if (other.length) out(`    loaded terms attributed or quoted: ${other.join(', ')}`);
    const quoted = v.quoted.map((q) => `${q.name}${q.side ? ` [${q.side}]` : ''} ${q.quotes}`);
    out(`    quotes: ${clip(quoted.join('; ') || 'none', 300)}`);
    if (v.sides.length) out(`    by side: ${v.sides.map((x) => `${x.side ?? 'unknown'} ${x.quotes}`).join(', ')}`);
  }
  out();
  out('Coverage (facts others report that this source leaves out)');
  const coverage = new Map(c.coverage.bySource.map((b) => [b.source.id, b]));
  for (const p of page) {
    const s = coverage.get(p.source.id);
    if (!s) continue;
    out(`  ${clip(s.source.name, 90)}: reports ${s.reports} of ${facts} facts`);
    const omits = s.omitted.map((i) => c.coverage.facts[i]).map((o) => `${o.kind} “${clip(o.label, 50)}”`);
    if (omits.length) out(`    leaves out: ${clip(omits.join('; '), 400)}`);
  }
  if (note) {
    out();
    out(note);
  }
}

async function writeExport(store: Store, opts: { format: string; table: string; story?: string; out?: string; minWeight: number }): Promise<void> {
  const sink = opts.out ? createWriteStream(opts.out) : process.stdout;
  const write = async (s: string) => {
    if (!sink.write(s)) await once(sink, 'drain');
  };
  const { CooccurrenceGraph, FIGURE_COLUMNS, QUOTE_COLUMNS, csvLine, figureCsvLines, quoteCsvLines } = await import('../../corpus/stories/export.ts');
  const stories = (await corpusOf(store)).stories;
  const placements = new Map((await stories.placements()).map((m) => [m.articleId, m]));
  if (opts.format === 'json') {
    const first = await stories.list({ limit: 1000 });
    const storylines = [...first.storylines];
    for (let offset = 1000; offset < first.total; offset += 1000) storylines.push(...(await stories.list({ limit: 1000, offset })).storylines);
    const chosen = opts.story ? storylines.filter((s) => s.id.startsWith(opts.story!) || s.events.some((e) => e.id.startsWith(opts.story!))) : storylines;
    await write(JSON.stringify({ sourceBasis: first.sourceBasis, note: first.note, storylines: chosen, placements: [...placements.values()] }) + '\n');
  } else if (opts.format === 'csv') {
    await write(csvLine(opts.table === 'quotes' ? QUOTE_COLUMNS : FIGURE_COLUMNS));
    for await (const a of stories.articlesOf(opts.story)) {
      const lines = opts.table === 'quotes' ? quoteCsvLines(a, placements.get(a.id)) : figureCsvLines(a, placements.get(a.id));
      for (const l of lines) await write(l);
    }
  } else {
    const g = new CooccurrenceGraph();
    for await (const a of stories.articlesOf(opts.story)) g.add(a);
    await write(g.toGexf(opts.minWeight));
  }
  if (opts.out) {
    (sink as ReturnType<typeof createWriteStream>).end();
    await once(sink, 'finish');
  }
}

export function registerStories(program: Command): void {
  program
    .command('stories')
    .description('Storylines and their events, most recently active first')
    .option('--db <file|url>', 'database: SQLite file or postgres:// URL', DEFAULT_DB)
    .option('--limit <n>', 'storylines per page', parseIntOption('limit'), 20)
    .option('--offset <n>', 'skip this many storylines', parseIntOption('offset'), 0)
    .option('--json', 'print as JSON')
    .action(async (opts: { db: string; limit: number; offset: number; json?: boolean }) => {
      await withStore(opts.db, async (store) => {
        const list = await userErrors(async () => (await corpusOf(store)).stories.list({ limit: opts.limit, offset: opts.offset }));
        if (opts.json) printJson(list);
        else renderList(list, opts.offset);
      });
    });

  program
    .command('story')
    .description('One storyline or event: its events, sources, articles and timeline')
    .argument('<id>', 'storyline (s-…) or event (e-…) id, or a unique prefix of one')
    .option('--db <file|url>', 'database: SQLite file or postgres:// URL', DEFAULT_DB)
    .option('--json', 'print as JSON')
    .action(async (id: string, opts: { db: string; json?: boolean }) => {
      await withStore(opts.db, async (store) => {
        const d = await userErrors(async () => (await corpusOf(store)).stories.detail(id));
        if (!d) throw new UsageError(`no story with id "${id}" (see dossier stories)`, 1);
        if (opts.json) printJson(d);
        else renderDetail(d);
      });
    });

  program
    .command('timeline')
    .description('Dated happenings and statements of a story or an entity, in date order, each once with all its sources')
    .option('--story <id>', 'storyline or event id (or unique prefix)')
    .option('--entity <name>', 'entity name ("Netanyahu", "Israël") or key ("country:IL")')
    .option('--limit <n>', 'most recent articles read for an entity', parseIntOption('limit'), 300)
    .option('--db <file|url>', 'database: SQLite file or postgres:// URL', DEFAULT_DB)
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExamples:\n  dossier timeline --story s-1228e333\n  dossier timeline --entity Netanyahu --json')
    .action(async (opts: { story?: string; entity?: string; limit: number; db: string; json?: boolean }) => {
      if (!opts.story === !opts.entity) throw new UsageError('give exactly one of --story ID or --entity NAME');
      await withStore(opts.db, async (store) => {
        const t: TimelineView | null = await userErrors(async () => (await corpusOf(store)).stories.timeline({ story: opts.story, entity: opts.entity, limit: opts.limit }));
        if (!t) throw new UsageError(`no story with id "${opts.story}" (see dossier stories)`, 1);
        if (opts.json) return printJson(t);
        const scope = 'story' in t.scope ? `${t.scope.story.id}  ${t.scope.story.label}` : `entity ${t.scope.entity.query} (${t.scope.entity.names.join(', ') || 'matched as text'})`;
        out(`${scope} — ${t.items.length} item(s) from ${t.articles} article(s); ${t.note}`);
        if (t.undatedStatements) out(`(${t.undatedStatements} quote(s) left out: no date in them or their article)`);
        renderTimeline(t.items);
      });
    });

  program
    .command('compare')
    .description('How each source covers a story: figures side by side, voice (loaded terms, who is quoted), coverage')
    .argument('<id>', 'storyline (s-…) or event (e-…) id, or a unique prefix of one')
    .option('--db <file|url>', 'database: SQLite file or postgres:// URL', DEFAULT_DB)
    .option('--limit <n>', 'sources per page, most telling first', parseIntOption('limit'), 10)
    .option('--offset <n>', 'skip this many sources', parseIntOption('offset'), 0)
    .option('--json', 'print the whole comparison as JSON (what GET /api/stories/{id}/compare answers; not paged)')
    .addHelpText('after', '\nExamples:\n  dossier compare s-1228e333\n  dossier compare s-1228e333 --offset 10')
    .action(async (id: string, opts: { db: string; json?: boolean; limit: number; offset: number }) => {
      await withStore(opts.db, async (store) => {
        const c = await userErrors(async () => (await corpusOf(store)).stories.compare(id));
        if (!c) throw new UsageError(`no story with id "${id}" (see dossier stories)`, 1);
        if (opts.json) printJson(c);
        else renderCompare(c, opts.offset, opts.limit);
      });
    });

  program
    .command('export')
    .description('Export stories as JSON, figures or quotes as CSV, or the entity co-occurrence graph as GEXF (Gephi)')
    .requiredOption('--format <format>', 'json | csv | gexf')
    .option('--table <table>', 'for csv: figures | quotes', 'figures')
    .option('--story <id>', 'only this storyline or event')
    .option('--min-weight <n>', 'for gexf: leave out edges seen in fewer articles', parseIntOption('min-weight'), 1)
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--db <file|url>', 'database: SQLite file or postgres:// URL', DEFAULT_DB)
    .addHelpText('after', '\nExamples:\n  dossier export --format gexf --out entities.gexf\n  dossier export --format csv --table quotes --story s-1228e333')
    .action(async (opts: { format: string; table: string; story?: string; minWeight: number; out?: string; db: string }) => {
      if (!['json', 'csv', 'gexf'].includes(opts.format)) throw new UsageError(`--format must be json, csv or gexf, got "${opts.format}"`);
      if (!['figures', 'quotes'].includes(opts.table)) throw new UsageError(`--table must be figures or quotes, got "${opts.table}"`);
      await withStore(opts.db, (store) => userErrors(() => writeExport(store, opts)));
    });

  program
    .command('restory')
    .description('Rebuild every event and storyline from the stored articles, in ingest order (same result as incremental placement)')
    .option('--db <file|url>', 'database: SQLite file or postgres:// URL', DEFAULT_DB)
    .option('--json', 'print the summary as JSON')
    .action(async (opts: { db: string; json?: boolean }) => {
      await withStore(opts.db, async (store) => {
        const bar = progressBar('restory', (await store.stats()).articles);
        let summary;
        try {
          summary = await userErrors(async () => (await corpusOf(store)).restory({ onProgress: (n) => bar.update(n, { errors: 0 }) }));
        } finally {
          bar.stop();
        }
        if (opts.json) printJson(summary);
        else {
          out(
            `placed ${summary.attached} article(s) in ${summary.newEvents} event(s) and ${summary.newStorylines} storyline(s) in ${summary.seconds.toFixed(1)} s`,
          );
        }
      });
    });
}
