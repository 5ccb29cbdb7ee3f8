import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { InputError, type AnalyzedArticle, type EntityLayer, type TimeExpr } from '../../types.ts';
import { DEFAULT_DB, UsageError, dbLabel, printJson, withStore, corpusOf } from '../context.ts';
import { withEntityKeys } from '../../store/article-entity-keys.ts';

export function registerShow(program: Command): void {
  program
    .command('show')
    .description('Show one article: a stored one by id (or unique id prefix), or a file analysed on the fly')
    .argument('<id-or-path>', 'article id / id prefix (6+ characters), or a file path')
    .option('--db <file|url>', 'database: SQLite file or postgres:// URL', DEFAULT_DB)
    .option('--json', 'print the full analysed article as JSON')
    .addHelpText('after', '\nExamples:\n  dossier show 3a9e140460d1\n  dossier show examples/004_ed9a467948e1cb24.txt --json')
    .action(async (target: string, opts: { db: string; json?: boolean }) => {
      const docs: AnalyzedArticle[] = [];
      if (existsSync(target)) {
        const [{ readInputs }, { createAnalyzer }] = await Promise.all([import('../../readers/index.ts'), import('../../analyze.ts')]);
        const analyzer = await createAnalyzer();
        for await (const input of readInputs([target])) {
          if (input instanceof InputError) throw new UsageError(input.message, 1);
          docs.push(await analyzer.analyze(input));
        }
      } else {
        const doc = await withStore(opts.db, async (store) => {
          const stored = await store.get(target);
          return stored && withEntityKeys(stored, await (await corpusOf(store)).entityLinks(stored.id));
        });
        if (!doc) throw new UsageError(`no article with id "${target}" in ${dbLabel(opts.db)} (and no such file)`, 1);
        docs.push(doc);
      }
      for (const doc of docs) {
        if (opts.json) printJson(doc);
        else process.stdout.write(render(doc) + '\n');
      }
    });
}

function render(doc: AnalyzedArticle): string {
  const head = [
    doc.title ?? '(untitled)',
    [doc.source, doc.byline, doc.language, doc.publishedAt ? `${doc.publishedAt} (from ${doc.publishedAtFrom})` : 'date unknown']
      .filter(Boolean)
      .join(' · '),
    `id ${doc.id} · ${doc.file}`,
  ];
  if (doc.unsupported) head.push(`Not analysed: ${doc.unsupported.layers.join(', ')} — ${doc.unsupported.reason}`);
  if (doc.dek) head.push('', doc.dek);
  const parts = [head.join('\n'), '', doc.text];
  if (doc.entities.length) {
    parts.push('', 'Entities:');
    for (const e of doc.entities) parts.push(`  ${e.type.padEnd(4)} ${entityLine(e)}`);
  }
  if (doc.quotes.length) {
    parts.push('', 'Quotes:');
    for (const q of doc.quotes) parts.push(`  ${q.speaker?.name ?? '(unknown)'} ${q.cue ?? ''}: ${q.kind === 'direct' ? '“' + q.text + '”' : q.text}`);
  }
  if (doc.figures.length) {
    parts.push('', 'Figures:');
    for (const f of doc.figures) parts.push(`  ${f.text}  = ${f.value ?? '?'}${f.unit ? ' ' + f.unit : ''}${f.counts ? '  (' + f.counts + ')' : ''}`);
  }
  if (doc.times.length) {
    parts.push('', 'Dates:');
    for (const t of doc.times) parts.push(`  ${t.text}  = ${timeValue(t)}${t.relative ? '  (relative to the publication date)' : ''}`);
  }
  if (doc.removed.length) {
    parts.push('', 'Removed while cleaning:');
    for (const r of doc.removed) parts.push(`  [${r.reason}] ${r.text}`);
  }
  return parts.join('\n');
}

/** "Benjamin Netanyahu [per:benjamin-netanyahu] · Israeli Prime Minister · 12 mentions: Netanyahu, the Israeli leader, he" */
function entityLine(e: EntityLayer): string {
  const forms = [...new Set(e.mentions.map((m) => m.text.replace(/\s+/g, ' ')))].filter((t) => t !== e.name);
  const roles = [...new Set((e.roles ?? []).map((r) => r.role))];
  return [
    e.key ? `${e.name} [${e.key}]` : e.name,
    ...(roles.length ? [roles.join(', ')] : []),
    `${e.mentions.length} mention${e.mentions.length === 1 ? '' : 's'}${forms.length ? ': ' + forms.join(', ') : ''}`,
  ].join(' · ');
}

function timeValue(t: TimeExpr): string {
  if (t.value === null) return '? (not resolved)';
  const range = t.valueEnd ? `${t.value} … ${t.valueEnd}` : t.value;
  return `${t.mod ? t.mod + ' ' : ''}${range} (${t.granularity})`;
}
