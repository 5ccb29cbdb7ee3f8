// Figures layer accuracy on the Recognizers-Text cases: the number recogniser (findNumbers) on the
// NumberModel cases and the layer's money amounts on the CurrencyModel cases (every language whose
// language.json names its Recognizers-Text specs) — span
// precision / recall by overlap, exact spans, value accuracy, currency accuracy where the gold unit
// maps to an ISO code.
import { extractFigures } from '../../src/analysis/figures/extract.ts';
import { figureGrammar } from '../../src/analysis/figures/grammar.ts';
import { findNumbers } from '../../src/analysis/figures/numbers.ts';
import { extractTimes } from '../../src/analysis/times/extract.ts';
import { overlaps, placeResult, recognizersCases } from './data-sets.ts';
import { langData, recognizersPrefix } from '../../src/lang/registry.ts';

interface Case {
  Input: string;
  /** Comma-separated ports that fail the case upstream ("dotnet, javascript"). */
  NotSupported?: string;
  NotSupportedByDesign?: string;
  Results?: { Text: string; Start?: number; End?: number; Resolution?: { value?: string | null; unit?: string; isoCurrency?: string } }[];
}

interface Pred {
  start: number;
  end: number;
  value: number | null;
  unit?: string | null;
}

/** Counts of one data set (overlap match; value and unit accuracy on found spans). */
export interface FigureScore {
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
  /** Gold results of the cases the reference implementation (dotnet) passes. */
  ref: number;
  /** Of those, resolved exactly: found with the right value (and the right currency where the gold names one). */
  resolved: number;
}

/** True when even the reference implementation of Recognizers-Text (dotnet) fails the case upstream. */
export function referenceMisses(c: { NotSupported?: string; NotSupportedByDesign?: string }): boolean {
  return /\bdotnet\b/i.test(`${c.NotSupported ?? ''},${c.NotSupportedByDesign ?? ''}`);
}

/** Gold numbers are written in the language's number format of figures.json ("4,25" in Dutch). */
function goldNumber(v: string | null | undefined, lang: string): number | null {
  if (v === null || v === undefined || v === '') return null;
  const { decimal, group } = langData(lang, 'figures')!.numberFormat;
  const s = v.split(group).join('').replace(decimal, '.');
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

function score(cases: Case[], lang: string, predict: (text: string) => Pred[], withUnit: boolean, errors?: string[]): FigureScore {
  const s: FigureScore = { pred: 0, predOk: 0, gold: 0, found: 0, exact: 0, valued: 0, valueOk: 0, united: 0, unitOk: 0, valuedInt: 0, valueOkInt: 0, ref: 0, resolved: 0 };
  for (const c of cases) {
    const text = c.Input;
    const gold = (c.Results ?? [])
      .map((r) => ({ ...placeResult(text, r), r }))
      .filter((g) => g.start >= 0 && g.r.Text);
    const preds = predict(text);
    s.pred += preds.length;
    for (const p of preds) {
      if (gold.some((g) => overlaps(p, g))) s.predOk++;
      else errors?.push(`EXTRA ${JSON.stringify(text.slice(p.start, p.end))} in ${JSON.stringify(text.slice(0, 120))}`);
    }
    const ref = !referenceMisses(c);
    for (const g of gold) {
      s.gold++;
      if (ref) s.ref++;
      const p = preds.find((x) => overlaps(x, g));
      const mark = ref ? '' : '(reference fails too) ';
      if (!p) {
        errors?.push(`${mark}MISS  ${JSON.stringify(g.r.Text)} in ${JSON.stringify(text.slice(0, 120))}`);
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
        else errors?.push(`${mark}VALUE ${JSON.stringify(text.slice(p.start, p.end))} -> ${p.value} (gold ${gv} ${JSON.stringify(g.r.Text)}) in ${JSON.stringify(text.slice(0, 120))}`);
      }
      const code = g.r.Resolution?.isoCurrency ?? UNIT_CODES[g.r.Resolution?.unit ?? ''];
      if (withUnit && code) {
        s.united++;
        if (p.unit === code) s.unitOk++;
      }
      const valueRight = gv === null || (p.value !== null && Math.abs(p.value - gv) <= 1e-6 * Math.max(1, Math.abs(gv)));
      if (ref && valueRight && (!withUnit || !code || p.unit === code)) s.resolved++;
      else if (ref && valueRight) errors?.push(`UNIT  ${JSON.stringify(text.slice(p.start, p.end))} -> ${p.unit} (gold ${code}) in ${JSON.stringify(text.slice(0, 120))}`);
    }
  }
  return s;
}


/** The number recogniser (findNumbers) on the Recognizers-Text NumberModel cases of `lang`. */
export function measureNumbers(lang: string, errors?: string[]): FigureScore {
  const numbers = recognizersCases<Case>(`${recognizersPrefix(lang)}-Number-NumberModel.json`);
  // The recogniser's own view of "a number": no lone "one", no ordinals, nothing glued to letters ("180ml").
  const predict = (t: string) => findNumbers(t, lang).filter((n) => !n.weak && !n.ordinal && !n.glued);
  return score(numbers, lang, predict, false, errors);
}

/** The figures layer's money amounts on the Recognizers-Text CurrencyModel cases of `lang`. */
export function measureCurrency(lang: string, errors?: string[]): FigureScore {
  const g = figureGrammar(lang)!;
  const money = recognizersCases<Case>(`${recognizersPrefix(lang)}-NumberWithUnit-CurrencyModel.json`);
  const predict = (t: string) => extractFigures(t, lang, undefined, extractTimes(t, lang, null)).filter((q) => q.unit !== null && g.currencyCodes.has(q.unit));
  return score(money, lang, predict, true, errors);
}

/** Share (0..1) of the gold results of the cases the reference passes that are resolved exactly. */
export const figureResolved = (s: FigureScore): number => (s.ref ? s.resolved / s.ref : 0);

/** Overlap F1 (0..1) of a score. */
export function figureF1(s: FigureScore): number {
  const p = s.pred ? s.predOk / s.pred : 0;
  const r = s.gold ? s.found / s.gold : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
}
