// The corpus entities of BBC News 2004–05 (../shared/data/bbc, 2,225 articles nobody tuned for),
// read as a user would: ingests the articles through the pipeline into a temporary SQLite store,
// then prints the most-mentioned entities with their type, key, names (the mention texts, pronouns
// and role phrases included) and roles, so that wrong merges ("her" in a man's names, a party
// split into three entities, an organisation typed as a person) are seen at a glance.
// Usage: node bin/run-ts.js bench/entities-bbc.ts [--dir ../shared/data/bbc] [--top 30] [--names 12] [--workers N]
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openCorpus } from '../src/corpus/index.ts';
import { ingestPaths } from '../src/pipeline/ingest.ts';
import { openSqliteStore } from '../src/store/sqlite/index.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: join(process.cwd(), '..', 'shared', 'data', 'bbc') },
    top: { type: 'string', default: '30' },
    names: { type: 'string', default: '12' },
    workers: { type: 'string' },
  },
});
if (!existsSync(values.dir)) throw new Error(`no BBC corpus at ${values.dir} (see ../shared/data/README)`);
const top = Number(values.top);
const shown = Number(values.names);

const root = mkdtempSync(join(tmpdir(), 'dossier-entities-bbc-'));
try {
  const store = openSqliteStore(join(root, 'bbc.db'));
  const summary = await ingestPaths(store, [values.dir], { workers: values.workers === undefined ? undefined : Number(values.workers) });
  console.log(`BBC: ${summary.inserted} articles stored in ${summary.seconds.toFixed(0)} s (${summary.failures.length} failures)`);
  const corpus = openCorpus(store);
  // the list is ordered by articles; the most mentioned are among the first few hundred
  const { total, items } = await corpus.entities({ limit: 500 });
  const byMentions = [...items].sort((a, b) => b.mentionCount - a.mentionCount || a.key.localeCompare(b.key)).slice(0, top);
  console.log(`${total} entities; the ${byMentions.length} most mentioned:`);
  for (const [i, e] of byMentions.entries()) {
    const names = e.aliases.slice(0, shown).map((a) => `${a.name}×${a.count}`).join(', ');
    const more = e.aliases.length > shown ? ` (+${e.aliases.length - shown} more)` : '';
    const roles = e.roles.slice(0, 4).map((r) => r.role).join('; ');
    console.log(`${String(i + 1).padStart(2)}. ${e.type.padEnd(4)} ${e.key}  ${e.mentionCount} mentions in ${e.articleCount} articles`);
    console.log(`      names: ${names}${more}`);
    if (roles) console.log(`      roles: ${roles}`);
  }
  // names that were split or mistyped before: where they land now
  console.log('\nwhere the names of issue 11 land:');
  for (const name of ['Labour', 'Tory', 'Tories', 'Conservatives', 'Lib Dems', 'Liberal Democrats', 'Xbox', 'Tony Blair']) {
    const found = await corpus.entities({ name, limit: 5 });
    console.log(`  ${name}: ${found.items.map((e) => `${e.key} (${e.type}, ${e.mentionCount})`).join(', ') || '-'}`);
  }
  await store.close();
} finally {
  rmSync(root, { recursive: true, force: true });
}
