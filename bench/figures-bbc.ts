// Figures on the BBC News corpus (2004-05, untuned): years read as counts, time and unit words as
// what is counted, and the most frequent things counted. Pinned in bench/baseline.json
// (figures.bbc.yearsAsCounts, figures.bbc.timeOrUnit).
// Usage: npm run bench:figures-bbc [-- --errors] [--top N]   (reads ../shared/data/bbc; prints numbers, exits 0)
import { measureBbcFigures } from '../support/measure/figures-bbc.ts';

const t0 = performance.now();
const topArg = process.argv.indexOf('--top');
const s = measureBbcFigures(topArg > 0 ? Number(process.argv[topArg + 1]) : 20);
if (!s) {
  console.log('BBC corpus not found (../shared/data/bbc): nothing measured');
} else {
  if (process.argv.includes('--errors')) for (const e of s.errors) console.log(`  ${e}`);
  const list = (title: string, l: [string, number][]) => console.log(`${title}:\n${l.map(([k, n]) => `  ${String(n).padStart(5)}  ${k}`).join('\n')}`);
  list('most frequent counts', s.topCounts);
  list('most frequent countsKey', s.topKeys);
  list('most frequent comparison rows', s.topRows);
  console.log(
    `figures on BBC (${s.articles} articles): ${s.figures} figures, ${s.counted} counting something; ${s.yearsAsCounts} years (1900–2030, no unit) as counts; ${s.timeOrUnitCounted} counting a time/unit word; ${s.timeOrUnitRows} comparison rows named by a time/unit word (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
}
