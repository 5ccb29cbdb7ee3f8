// `dossier entities` and `dossier entity`: the corpus-wide entity index — one global entity per
// real-world person, organisation or place across articles and languages, with its names, roles,
// mentions and quotes, and why its mentions were merged.
import type { Command } from 'commander';
import { formatExplanation } from '../../corpus/entities/explain.ts';
import type { EntityLayer } from '../../types.ts';
import { AmbiguousEntityError, ENTITY_TYPES, type EntityDetail, type EntitySummary, StoreInputError } from '../../store/store.ts';
import type { EntityType } from '../../types.ts';
import { DEFAULT_DB, UsageError, dbLabel, parseIntOption, printJson, withStore, corpusOf } from '../context.ts';
import { pageNote } from './paging.ts';

interface EntitiesOpts {
  db: string;
  type?: EntityType;
  name?: string;
  limit: number;
  offset: number;
  json?: boolean;
  explain?: string;
  rebuild?: boolean;
}

interface EntityOpts {
  db: string;
  limit: number;
  offset: number;
  json?: boolean;
}

const STALE_NOTE =
  'note: stored analyses changed since the entity index was built; run "dossier entities --rebuild" (or "dossier reanalyze") to bring it up to date\n';

function parseType(value: string): EntityType {
  const t = value.toUpperCase();
  if (!(ENTITY_TYPES as readonly string[]).includes(t)) throw new UsageError(`--type must be one of ${ENTITY_TYPES.join(', ')}, got "${value}"`);
  return t as EntityType;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function seen(e: EntitySummary): string {
  if (!e.firstSeen) return 'undated';
  return e.firstSeen === e.lastSeen ? e.firstSeen : `${e.firstSeen} – ${e.lastSeen}`;
}

/** "a (3), b (1)", at most `max` of them. */
function counted(list: { text: string; count: number }[], max = 8): string {
  const shown = list.slice(0, max).map((x) => `${x.text} (${x.count})`);
  return shown.join(', ') + (list.length > max ? `, … ${list.length - max} more` : '');
}

const names = (e: EntitySummary) => e.aliases.map((a) => ({ text: a.name, count: a.count }));
const roles = (e: EntitySummary) => e.roles.map((r) => ({ text: r.role, count: r.count }));

function notFound(name: string, db: string): string {
  return `no entity named "${name}" in ${dbLabel(db)} (names containing it: dossier entities --name ${JSON.stringify(name)})`;
}

function renderSummary(e: EntitySummary): string {
  const lines = [`${e.name}  [${e.key}] ${e.type} · ${plural(e.articleCount, 'article')} · ${plural(e.mentionCount, 'mention')} · ${seen(e)}`];
  const of = e.nationalityOf;
  if (of) lines.push(`    nationality of: ${of.name} [${of.key}]`);
  if (e.aliases.length) lines.push(`    names: ${counted(names(e))}`);
  if (e.roles.length) lines.push(`    roles: ${counted(roles(e))}`);
  return lines.join('\n');
}

function renderDetail(e: EntityDetail, offset: number): string {
  const out = [
    `${e.name}  [${e.key}] ${e.type}`,
    `${plural(e.articleCount, 'article')} · ${plural(e.mentionCount, 'mention')} · first seen ${e.firstSeen ?? '?'} · last seen ${e.lastSeen ?? '?'}`,
  ];
  const of = e.nationalityOf;
  if (of) out.push(`Nationality of: ${of.name} [${of.key}]`);
  out.push(`Names: ${counted(names(e), 50)}`);
  if (e.roles.length) out.push(`Roles: ${counted(roles(e), 50)}`);
  if (e.formerKeys.length) out.push(`Merged into it: ${e.formerKeys.join(', ')}`);
  out.push('', `Mentions (${e.mentions.total}):`);
  // One line per article, then its mentions as offsets and text.
  for (let i = 0; i < e.mentions.items.length; ) {
    const m = e.mentions.items[i];
    const same = e.mentions.items.slice(i).findIndex((x) => x.articleId !== m.articleId);
    const group = e.mentions.items.slice(i, same < 0 ? undefined : i + same);
    out.push(`  ${m.articleId} ${[m.publishedAt ?? 'undated', m.title].filter(Boolean).join(' · ')}`);
    out.push(`      ${group.map((x) => `@${x.start}-${x.end} "${x.text}"`).join(', ')}`);
    i += group.length;
  }
  const mentionsNote = pageNote(e.mentions.total, offset, e.mentions.items.length);
  if (mentionsNote) out.push(`  … ${mentionsNote}`);
  out.push('', `Quotes (${e.quotes.total}):`);
  for (const q of e.quotes.items) {
    const text = q.kind === 'direct' ? `“${q.text}”` : q.text;
    out.push(`  ${text}${q.cue ? ` — ${q.cue}` : ''}`, `    ${q.articleId} ${[q.title, q.source, q.publishedAt].filter(Boolean).join(' · ')} @${q.start}-${q.end}`);
  }
  const quotesNote = pageNote(e.quotes.total, offset, e.quotes.items.length);
  if (quotesNote) out.push(`  … ${quotesNote}`);
  return out.join('\n');
}

export function registerEntities(program: Command): void {
  program
    .command('entities')
    .description('People, organisations and places across the corpus (one entity across articles and languages)')
    .option('--db <file|url>', 'database: SQLite file or postgres:// URL', DEFAULT_DB)
    .option('--type <type>', `only entities of this type (${ENTITY_TYPES.join('|')})`, parseType)
    .option('--name <text>', 'only entities with a name containing this (case and accents ignored)')
    .option('--limit <n>', 'entities per page', parseIntOption('limit'), 50)
    .option('--offset <n>', 'skip this many entities', parseIntOption('offset'), 0)
    .option('--explain <name>', 'show why the mentions of the entity (or entities) of this name or key were merged')
    .option('--rebuild', 'rebuild the index from the stored entity layers first')
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExamples:\n  dossier entities --type PER\n  dossier entities --explain Netanyahu')
    .action(async (opts: EntitiesOpts) => {
      await withStore(opts.db, async (store) => {
        if (opts.rebuild) {
          const r = await (await corpusOf(store)).rebuildEntities();
          if (!opts.json) process.stderr.write(`rebuilt the entity index: ${plural(r.entities, 'entity', 'entities')} from ${plural(r.articles, 'article')}\n`);
        }
        if (opts.explain !== undefined) {
          const explanation = await (await corpusOf(store)).explainEntity(opts.explain);
          if (explanation.entities.length === 0) throw new UsageError(notFound(opts.explain, opts.db), 1);
          if (opts.json) return printJson(explanation);
          // within each article: every mention of the linked entity and why it joined it
          const layers = new Map<string, EntityLayer[]>();
          for (const id of new Set(explanation.entities.flatMap((e) => e.links.map((l) => l.articleId)))) {
            layers.set(id, (await store.get(id))?.entities ?? []);
          }
          process.stdout.write(formatExplanation(explanation, (articleId, localId) => layers.get(articleId)?.find((x) => x.id === localId)?.mentions));
          return;
        }
        let page;
        try {
          page = await (await corpusOf(store)).entities({ type: opts.type, name: opts.name, limit: opts.limit, offset: opts.offset });
        } catch (err) {
          if (err instanceof StoreInputError) throw new UsageError(err.message);
          throw err;
        }
        if (opts.json) return printJson(page);
        if (page.stale) process.stderr.write(STALE_NOTE);
        const what = [opts.type, opts.name ? `named like "${opts.name}"` : ''].filter(Boolean).join(' ');
        const note = pageNote(page.total, opts.offset, page.items.length);
        process.stdout.write(`${plural(page.total, 'entity', 'entities')}${what ? ` (${what})` : ''}${note ? `; ${note}` : ''}\n\n`);
        for (const e of page.items) process.stdout.write(renderSummary(e) + '\n\n');
      });
    });

  program
    .command('entity')
    .description('One entity: its names, roles, mentions in every article, and the quotes it said')
    .argument('<name>', 'a name, alias, surname or key (per:benjamin-netanyahu)')
    .option('--db <file|url>', 'database: SQLite file or postgres:// URL', DEFAULT_DB)
    .option('--limit <n>', 'mentions and quotes per page', parseIntOption('limit'), 20)
    .option('--offset <n>', 'skip this many mentions and quotes', parseIntOption('offset'), 0)
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExamples:\n  dossier entity Netanyahu\n  dossier entity "Internationaal Strafhof" --json\n  dossier entity per:benjamin-netanyahu')
    .action(async (name: string, opts: EntityOpts) => {
      const page = { limit: opts.limit, offset: opts.offset };
      const detail = await withStore(opts.db, async (store) => {
        try {
          return await (await corpusOf(store)).entity(name, { mentions: page, quotes: page });
        } catch (err) {
          if (err instanceof AmbiguousEntityError) {
            const list = err.candidates.map((c) => `${c.key} (${c.name}, ${c.type}, ${plural(c.articleCount, 'article')})`).join(', ');
            throw new UsageError(`"${name}" names ${err.candidates.length} entities: ${list}; pick one by its key, e.g. dossier entity ${err.candidates[0].key}`);
          }
          if (err instanceof StoreInputError) throw new UsageError(err.message);
          throw err;
        }
      });
      if (!detail) throw new UsageError(notFound(name, opts.db), 1);
      if (opts.json) return printJson(detail);
      process.stdout.write(renderDetail(detail, opts.offset) + '\n');
    });
}
