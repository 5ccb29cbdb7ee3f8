// Benchmark of the quantities layer.
//   1. Recognizers-Text NumberModel (English, Dutch): the number recogniser (findNumbers) — span
//      precision / recall by overlap, exact spans, value accuracy.
//   2. Recognizers-Text CurrencyModel (English, Dutch): the quantities layer's money amounts — same, plus
//      currency accuracy where the gold unit maps to an ISO code.
//   3. Throughput of the whole layer (times exclusion included) on the BBC news corpus.
// Usage: npm run bench:quantities  [--errors]
import { extractQuantities } from '../src/analysis/quantities/extract.ts';
import { quantityGrammar } from '../src/analysis/quantities/grammar.ts';
import { findNumbers } from '../src/analysis/quantities/numbers.ts';
import { extractTimes } from '../src/analysis/times/extract.ts';
import { bbcArticles, overlaps, placeResult, printThroughput, recognizersCases } from './layer-bench.ts';

const verbose = process.argv.includes('--errors');

interface Case {
  Input: string;
  Results?: { Text: string; Start?: number; End?: number; Resolution?: { value?: string | null; unit?: string; isoCurrency?: string } }[];
}

interface Pred {
  start: number;
  end: number;
  value: number | null;
  unit?: string | null;
}

interface Score {
  pred: number;
  predOk: number;
  gold: number;
  found: number;
  exact: number;
  valued: number;
  valueOk: number;
  united: number;
  unitOk: number;
  /** Value accuracy on gold integers only (fractions and powers like "two thirds", "1e10" are out of scope). */
  valuedInt: number;
  valueOkInt: number;
}

/** Gold numbers are written in the language's format ("4,25" in Dutch). */
function goldNumber(v: string | null | undefined, lang: string): number | null {
  if (v === null || v === undefined || v === '') return null;
  const s = lang === 'nl' ? v.replace(/\./g, '').replace(',', '.') : v.replace(/,/g, '');
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

// Recognizers unit names -> ISO codes (only those our lang data knows; others are not scored on unit).
const UNIT_CODES: Record<string, string> = {
  Dollar: 'USD',
  'United States dollar': 'USD',
  Euro: 'EUR',
  Pound: 'GBP',
  'British pound': 'GBP',
  'Pound sterling': 'GBP',
  'Japanese yen': 'JPY',
  'Chinese yuan': 'CNY',
  'Canadian dollar': 'CAD',
  'Australian dollar': 'AUD',
  'Swiss franc': 'CHF',
  'Netherlands guilder': 'NLG',
  'Israeli new shekel': 'ILS',
  Rupee: 'INR',
  'Indian rupee': 'INR',
  'Russian ruble': 'RUB',
};

function score(cases: Case[], lang: string, predict: (text: string) => Pred[], withUnit: boolean, name: string): Score {
  const s: Score = { pred: 0, predOk: 0, gold: 0, found: 0, exact: 0, valued: 0, valueOk: 0, united: 0, unitOk: 0, valuedInt: 0, valueOkInt: 0 };
  for (const c of cases) {
    const text = c.Input;
    const gold = (c.Results ?? [])
      .map((r) => ({ ...placeResult(text, r), r }))
      .filter((g) => g.start >= 0 && g.r.Text);
    const preds = predict(text);
    s.pred += preds.length;
    for (const p of preds) {
      if (gold.some((g) => overlaps(p, g))) s.predOk++;
      else if (verbose) console.log(`  [${name}] EXTRA ${JSON.stringify(text.slice(p.start, p.end))} in ${JSON.stringify(text.slice(0, 120))}`);
    }
    for (const g of gold) {
      s.gold++;
      const p = preds.find((x) => overlaps(x, g));
      if (!p) {
        if (verbose) console.log(`  [${name}] MISS  ${JSON.stringify(g.r.Text)} in ${JSON.stringify(text.slice(0, 120))}`);
        continue;
      }
      s.found++;
      if (p.start === g.start && p.end === g.end) s.exact++;
      const gv = goldNumber(g.r.Resolution?.value, lang);
      if (gv !== null) {
        s.valued++;
        const ok = p.value !== null && Math.abs(p.value - gv) <= 1e-6 * Math.max(1, Math.abs(gv));
        if (Number.isInteger(gv)) {
          s.valuedInt++;
          if (ok) s.valueOkInt++;
        }
        if (ok) s.valueOk++;
        else if (verbose) console.log(`  [${name}] VALUE ${JSON.stringify(text.slice(p.start, p.end))} -> ${p.value} (gold ${gv})`);
      }
      const code = g.r.Resolution?.isoCurrency ?? UNIT_CODES[g.r.Resolution?.unit ?? ''];
      if (withUnit && code) {
        s.united++;
        if (p.unit === code) s.unitOk++;
      }
    }
  }
  return s;
}

function print(name: string, s: Score, withUnit: boolean): void {
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '-').padStart(5);
  const p = s.pred ? s.predOk / s.pred : 0;
  const r = s.gold ? s.found / s.gold : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  console.log(
    `${name.padEnd(26)} P ${pct(s.predOk, s.pred)}  R ${pct(s.found, s.gold)}  F1 ${(100 * f).toFixed(1).padStart(5)}  exact-span ${pct(s.exact, s.gold)}  value-acc ${pct(s.valueOk, s.valued)}` +
      (withUnit ? `  currency-acc ${pct(s.unitOk, s.united)}` : `  value-acc(integers) ${pct(s.valueOkInt, s.valuedInt)}`) +
      `  (pred ${s.pred}, gold ${s.gold})`,
  );
}

console.log('quantities — span P/R by overlap; value accuracy on found spans');
for (const [lang, prefix] of [
  ['en', 'English'],
  ['nl', 'Dutch'],
] as const) {
  const numbers = recognizersCases<Case>(`${prefix}-Number-NumberModel.json`);
  // The recogniser's own view of "a number": no lone "one", no ordinals, nothing glued to letters ("180ml").
  const predict = (t: string) => findNumbers(t, lang).filter((n) => !n.weak && !n.ordinal && !n.glued);
  print(`numbers ${lang}`, score(numbers, lang, predict, false, `numbers ${lang}`), false);
}
for (const [lang, prefix] of [
  ['en', 'English'],
  ['nl', 'Dutch'],
] as const) {
  const g = quantityGrammar(lang)!;
  const money = recognizersCases<Case>(`${prefix}-NumberWithUnit-CurrencyModel.json`);
  const predict = (t: string) => extractQuantities(t, lang, undefined, extractTimes(t, lang, null)).filter((q) => q.unit !== null && g.currencyCodes.has(q.unit));
  print(`currency ${lang}`, score(money, lang, predict, true, `currency ${lang}`), true);
}

// Throughput: the whole layer as the pipeline runs it (sentences given, times computed for exclusion).
const bbc = bbcArticles();
if (bbc) {
  const { texts, sentences } = bbc;
  const times = texts.map((t, i) => extractTimes(t, 'en', '2005-01-01', sentences[i]));
  printThroughput(
    texts,
    (i) => extractQuantities(texts[i], 'en', sentences[i], times[i]),
    (all) => `${all.flat().length} figures (${all.flat().filter((q) => q.counts).length} with counts)`,
  );
}
