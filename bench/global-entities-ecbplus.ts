// Cross-document entity resolution measured on ECB+ (../shared/data/ecbplus, 772 English news
// articles in 35 topics, each topic two different events of one kind): B-cubed precision, recall and
// F1 of the resolver on the proper-name participant and location mentions, against two baselines
// (exact name match; no merging across articles). What is scored: support/measure/global-entities-ecbplus.ts.
// Usage: node bin/run-ts.js bench/global-entities-ecbplus.ts [path to ecbplus] [--errors [N]]
// --errors lists the N (default 40) costliest split gold entities and merged predicted ones.
import type { Scores } from '../support/measure/clusters.ts';
import { type ErrorCluster, measureEntityResolution } from '../support/measure/global-entities-ecbplus.ts';
import { requireData } from '../support/data.ts';

const args = process.argv.slice(2);
const e = args.indexOf('--errors');
const errors = e < 0 ? 0 : /^\d+$/.test(args[e + 1] ?? '') ? Number(args.splice(e + 1, 1)[0]) : 40;
if (e >= 0) args.splice(e, 1);
if (!args[0]) requireData('ecbplus');
const s = measureEntityResolution(args[0]);
const fmt = (x: Scores): string => `P ${(100 * x.p).toFixed(1)}  R ${(100 * x.r).toFixed(1)}  F1 ${(100 * x.f).toFixed(1)}`;
console.log(`ECB+: ${s.articles} articles, ${s.mentions} proper-name mentions in ${s.goldEntities} gold entities`);
console.log(`resolver   ${fmt(s.resolver)}   (${s.entities} entities, ${s.ms.toFixed(0)} ms, ${(s.ms / s.articles).toFixed(2)} ms/article)`);
console.log(`exact name ${fmt(s.exactName)}`);
console.log(`no merging ${fmt(s.noMerging)}`);
console.log('links by rule:', Object.fromEntries([...s.rules].sort((a, b) => b[1] - a[1])));
if (errors > 0) {
  const show = (c: ErrorCluster): string =>
    c.parts.map((p) => `[${p.id}] ${[...p.names].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t}×${n}`).join(', ')}`).join('\n      ');
  console.log(`\nsplit gold entities (${s.errors.split.length}), costliest ${Math.min(errors, s.errors.split.length)}:`);
  for (const c of s.errors.split.slice(0, errors)) console.log(`  ${c.id} (${c.mentions} mentions)\n      ${show(c)}`);
  console.log(`\nmerged predicted entities (${s.errors.merged.length}), costliest ${Math.min(errors, s.errors.merged.length)}:`);
  for (const c of s.errors.merged.slice(0, errors)) console.log(`  ${c.id} (${c.mentions} mentions)\n      ${show(c)}`);
}
