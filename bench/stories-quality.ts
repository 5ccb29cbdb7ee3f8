// Event and storyline clustering measured on ECB+ (../shared/data/ecbplus): every article analysed,
// then clustered incrementally in three shuffled orders, with the pipeline's entity layers and with
// the gold proper names as entity layers (support/measure/stories-quality.ts says what is measured).
// Prints pairwise and B-cubed precision/recall/F1 for events and for storylines per order and their
// mean, and two baselines: every article alone, and all articles in one cluster (the gold is the same
// for events and storylines: ECB+ subtopics).
// Usage: node bin/run-ts.js bench/stories-quality.ts [path to ecbplus]
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scores } from '../support/measure/clusters.ts';
import { measureStories } from '../support/measure/stories-quality.ts';
import { requireData } from '../support/data.ts';

// For tuning scripts and bench/stories-scale.ts.
export { bcubed, pairwise } from '../support/measure/clusters.ts';
export { goldLayers, readCorpus, shuffled } from '../support/measure/stories-quality.ts';

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
const fmt = (s: Scores) => `P ${pct(s.p)} R ${pct(s.r)} F1 ${pct(s.f)}`;

async function main(): Promise<void> {
  if (!process.argv[2]) requireData('ecbplus');
  const s = await measureStories({ dir: process.argv[2] });
  console.log(
    `ECB+: ${s.articles} articles, ${s.subtopics} subtopics (gold events) in ${s.topics} topics; ` +
      `analysed in ${(s.analyseMs / 1000).toFixed(1)} s; ${s.withDate} with a publication date`,
  );
  console.log(`baseline, every article alone:  pairwise ${fmt(s.singletons.pairwise)}  B3 ${fmt(s.singletons.bcubed)}`);
  console.log(`baseline, all in one cluster:   pairwise ${fmt(s.allInOne.pairwise)}  B3 ${fmt(s.allInOne.bcubed)}`);
  for (const mode of s.modes) {
    console.log(`\n${mode.label}`);
    for (const o of mode.orders) {
      console.log(
        `  order ${o.seed}: events ${String(o.events).padStart(3)}  pairwise ${fmt(o.ep)}  B3 ${fmt(o.eb)} | storylines ${String(o.storylines).padStart(3)}  pairwise ${fmt(o.sp)}  B3 ${fmt(o.sb)}`,
      );
    }
    const m = mode.mean;
    console.log(`  mean:     events      pairwise ${fmt(m.ep)}  B3 ${fmt(m.eb)} | storylines      pairwise ${fmt(m.sp)}  B3 ${fmt(m.sb)}`);
    console.log(`  clustering ${mode.msPerArticle.toFixed(2)} ms/article (features + placement)`);
  }
}

// Runs when started as a script (bin/run-ts.js puts the script's path in argv[1]); importable for tuning.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
