// Cross-document entity resolution measured on ECB+ (../shared/data/ecbplus, 772 English news
// articles in 35 topics, each topic two different events of one kind): B-cubed precision, recall and
// F1 of the resolver on the proper-name participant and location mentions, against two baselines
// (exact name match; no merging across articles). What is scored: support/measure/global-entities-ecbplus.ts.
// Usage: node bin/run-ts.js bench/global-entities-ecbplus.ts [path to ecbplus]
import type { Scores } from '../support/measure/clusters.ts';
import { measureEntityResolution } from '../support/measure/global-entities-ecbplus.ts';
import { requireData } from '../support/data.ts';

if (!process.argv[2]) requireData('ecbplus');
const s = measureEntityResolution(process.argv[2]);
const fmt = (x: Scores): string => `P ${(100 * x.p).toFixed(1)}  R ${(100 * x.r).toFixed(1)}  F1 ${(100 * x.f).toFixed(1)}`;
console.log(`ECB+: ${s.articles} articles, ${s.mentions} proper-name mentions in ${s.goldEntities} gold entities`);
console.log(`resolver   ${fmt(s.resolver)}   (${s.entities} entities, ${s.ms.toFixed(0)} ms, ${(s.ms / s.articles).toFixed(2)} ms/article)`);
console.log(`exact name ${fmt(s.exactName)}`);
console.log(`no merging ${fmt(s.noMerging)}`);
console.log('links by rule:', Object.fromEntries([...s.rules].sort((a, b) => b[1] - a[1])));
