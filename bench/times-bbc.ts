// Dates on the BBC News corpus (2004-05): how many timeline or story dates fall outside 1990–2006
// without the text writing that year as a date (invented dates: "1600 GMT" read as a year, a
// background year charted as a happening). Pinned in bench/baseline.json (times.bbc.invented).
// Usage: npm run bench:times-bbc [-- --errors [--written]]  (--written also lists the allowed dates)   (reads ../shared/data/bbc; prints numbers, exits 0)
import { BBC_YEARS, measureBbcDates } from '../support/measure/times-bbc.ts';

const t0 = performance.now();
const s = measureBbcDates(process.argv.includes('--written'));
if (!s) {
  console.log('BBC corpus not found (../shared/data/bbc): nothing measured');
} else {
  if (process.argv.includes('--errors')) for (const e of s.errors) console.log(`  ${e}`);
  console.log(
    `times on BBC (${s.articles} articles): ${s.dates} happening and article dates; ${s.invented} outside ${BBC_YEARS.from}–${BBC_YEARS.to} without the year written (invented); ${s.writtenOutside} outside with the year written (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
}
