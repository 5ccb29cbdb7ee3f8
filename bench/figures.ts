// Benchmark of the figures layer (every language with datasets.recognizers in its language.json).
//   resolved: of the gold results of the cases the reference (dotnet) passes, the share found with the
//   right value (and currency where the gold names one).
//   1. Recognizers-Text NumberModel (every language with its specs): the number recogniser (findNumbers) —
//      span precision / recall by overlap, exact spans, value accuracy.
//   2. Recognizers-Text CurrencyModel (the same languages): the figures layer's money amounts — same, plus
//      currency accuracy where the gold unit maps to an ISO code.
//   3. Throughput of the whole layer (times exclusion included) on the BBC news corpus.
// Usage: npm run bench:figures  [--errors]   (--errors lists each miss; "(reference fails too)" marks the
//   cases the reference implementation fails as well, which do not count in `resolved`)
import { extractFigures } from '../src/analysis/figures/extract.ts';
import { extractTimes } from '../src/analysis/times/extract.ts';
import { bbcArticles, printThroughput } from '../support/measure/data-sets.ts';
import { measureCurrency, measureNumbers, figureF1, figureResolved, type FigureScore } from '../support/measure/figures.ts';
import { languagesWithDataset } from '../src/lang/registry.ts';
import { requireData } from '../support/data.ts';

requireData('recognizers-text');

const verbose = process.argv.includes('--errors');

function print(name: string, s: FigureScore, withUnit: boolean): void {
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '-').padStart(5);
  const f = figureF1(s);
  console.log(
    `${name.padEnd(26)} P ${pct(s.predOk, s.pred)}  R ${pct(s.found, s.gold)}  F1 ${(100 * f).toFixed(1).padStart(5)}  exact-span ${pct(s.exact, s.gold)}  value-acc ${pct(s.valueOk, s.valued)}` +
      (withUnit ? `  currency-acc ${pct(s.unitOk, s.united)}` : `  value-acc(integers) ${pct(s.valueOkInt, s.valuedInt)}`) +
      `  resolved ${(100 * figureResolved(s)).toFixed(1).padStart(5)} of ${s.ref}  (pred ${s.pred}, gold ${s.gold})`,
  );
}

console.log('figures — span P/R by overlap; value accuracy on found spans');
for (const [kind, measure] of [
  ['numbers', measureNumbers],
  ['currency', measureCurrency],
] as const) {
  for (const lang of languagesWithDataset('recognizers')) {
    const name = `${kind} ${lang}`;
    const errors: string[] = [];
    const s = measure(lang, errors);
    if (verbose) for (const e of errors) console.log(`  [${name}] ${e}`);
    print(name, s, kind === 'currency');
  }
}

// Throughput: the whole layer as the pipeline runs it (sentences given, times computed for exclusion).
const bbc = bbcArticles();
if (bbc) {
  const { texts, sentences, language } = bbc;
  const times = texts.map((t, i) => extractTimes(t, language, '2005-01-01', sentences[i]));
  printThroughput(
    texts,
    (i) => extractFigures(texts[i], language, sentences[i], times[i]),
    (all) => `${all.flat().length} figures (${all.flat().filter((q) => q.counts).length} with counts)`,
  );
}
