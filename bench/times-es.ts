// Benchmark of the Spanish times layer on the Spanish TimeBank (TempEval-3 Spanish, train split):
// TIMEX3 type DATE, anchored on each document's creation time — span P/R by overlap, value accuracy
// on found spans and value F1 (span F1 × value accuracy, as TempEval-3 scores attributes).
// Usage: npm run bench:times-es [-- --errors]  (reads ../shared/data or $DOSSIER_DATA)
import { timeRates } from '../support/measure/times.ts';
import { measureTimexEs } from '../support/measure/times-es.ts';
import { requireData } from '../support/data.ts';

requireData('timex-es');
const errors: string[] = [];
const s = measureTimexEs(errors);
if (process.argv.includes('--errors')) for (const e of errors) console.log(`  ${e}`);
const { p, r, f1, exactSpan, valueAcc, valueF1 } = timeRates(s);
const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
console.log(
  `timex-es DATE (Spanish TimeBank train)  P ${pct(p)}  R ${pct(r)}  F1 ${pct(f1)}  exact-span ${pct(exactSpan)}  value-acc ${pct(valueAcc)}  value-F1 ${pct(valueF1)}  (pred ${s.pred}, gold ${s.gold}, valued ${s.valued})`,
);
