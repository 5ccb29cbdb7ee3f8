// Benchmark of the times layer.
//   resolved: of the valued gold dates of the Recognizers-Text cases the reference (dotnet) passes, the
//   share found with a right value (every language with datasets.recognizers in its language.json).
//   1. Microsoft Recognizers-Text DateTimeModel cases (English, Dutch): precision / recall of spans and
//      value accuracy on the date and date-range cases, anchored on Context.ReferenceDateTime.
//   2. TempEval-3 (TimeBank + AQUAINT): same on TIMEX3 type DATE, anchored on the document creation time.
//   3. Throughput on the BBC news corpus (times detection and resolution per article).
// Usage: npm run bench:times  (reads ../shared/data or $DOSSIER_DATA; prints numbers, exits 0)
import { extractTimes } from '../src/analysis/times/extract.ts';
import { bbcArticles, printThroughput } from '../support/measure/data-sets.ts';
import { measureTimesTempeval, timeRates, timeResolved, type TimeScore } from '../support/measure/times.ts';
import { languagesWithDataset } from '../src/lang/registry.ts';
import { measureRecognizersDates } from '../support/measure/times-parser.ts';
import { requireData } from '../support/data.ts';

requireData('recognizers-text', 'tempeval3');

function printScore(name: string, s: TimeScore): void {
  const { p, r, f1: f, exactSpan, valueAcc, valueF1 } = timeRates(s);
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  console.log(
    `${name.padEnd(28)} P ${pct(p)}  R ${pct(r)}  F1 ${pct(f)}  exact-span ${pct(exactSpan)}  value-acc ${pct(valueAcc)}  value-F1 ${pct(valueF1)}${s.ref ? `  resolved ${pct(timeResolved(s))} of ${s.ref}` : ''}  (pred ${s.pred}, gold ${s.gold}, valued ${s.valued})`,
  );
}

// ---------------------------------------------------------------- throughput
function throughput(): void {
  const bbc = bbcArticles();
  if (!bbc) return;
  const { texts, sentences, language } = bbc;
  printThroughput(
    texts,
    (i) => extractTimes(texts[i], language, '2005-01-01', sentences[i]),
    (all) => `${all.flat().length} expressions`,
  );
}

const verbose = process.argv.includes('--errors');
const show = (name: string, errs: string[]) => {
  if (verbose) for (const e of errs) console.log(`  [${name}] ${e}`);
};
console.log('times — span P/R by overlap on date/daterange (Recognizers) or DATE (TempEval-3); value accuracy on found spans');
for (const lang of languagesWithDataset('recognizers')) {
  const errs: string[] = [];
  const s = measureRecognizersDates(lang, errs);
  show(lang, errs);
  printScore(`recognizers ${lang}`, s);
}
{
  const errs: string[] = [];
  const s = measureTimesTempeval(errs);
  show('tempeval', errs);
  printScore('tempeval3 DATE (en)', s);
}
throughput();
