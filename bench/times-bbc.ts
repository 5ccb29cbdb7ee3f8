// Dates on the BBC News corpus (2004-05): how many timeline or story dates fall outside 1990–2006
// without the text writing that year as a date (invented dates: "1600 GMT" read as a year, a
// background year charted as a happening). Pinned in bench/baseline.json (times.bbc.invented).
// Also counts the dates after the corpus's own period (after 2005-12-31: deadlines and plans taken for
// happenings); --after lists them.
// Usage: npm run bench:times-bbc [-- --errors [--written] [--after]]  (--written also lists the allowed dates)   (reads ../shared/data/bbc; prints numbers, exits 0)
import { BBC_PERIOD_END, BBC_YEARS, measureBbcDates } from '../support/measure/times-bbc.ts';

const t0 = performance.now();
const s = measureBbcDates(process.argv.includes('--written'));
if (!s) {
  console.log('BBC corpus not found (../shared/data/bbc): nothing measured');
} else {
  if (process.argv.includes('--errors')) for (const e of s.errors) console.log(`  ${e}`);
  if (process.argv.includes('--after')) for (const e of s.after) console.log(`  after ${BBC_PERIOD_END}: ${e}`);
  console.log(
    `times on BBC (${s.articles} articles): ${s.dates} happening and article dates; ${s.invented} outside ${BBC_YEARS.from}–${BBC_YEARS.to} without the year written (invented); ${s.writtenOutside} outside with the year written; ${s.afterPeriod} after ${BBC_PERIOD_END} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
}
