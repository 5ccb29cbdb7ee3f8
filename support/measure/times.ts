// Times layer accuracy: span precision / recall by overlap and value accuracy on found spans, on the
// Microsoft Recognizers-Text DateTimeModel cases (English, Dutch; date and date-range results, anchored
// on Context.ReferenceDateTime) and on TempEval-3 (TIMEX3 type DATE, anchored on the creation time).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractTimes } from '../../src/analysis/times/extract.ts';
import { segmentSentences } from '../../src/analysis/sentences/segment.ts';
import type { TimeExpr } from '../../src/types.ts';
import { DATA, decodeXml, filesBelow, overlaps, placeResult, recognizersCases } from './data-sets.ts';
import { corpusLanguage } from '../../src/lang/registry.ts';
import { referenceMisses } from './figures.ts';

export interface Gold {
  start: number;
  end: number;
  /** In scope: a date-ish expression our granularities can express. */
  inScope: boolean;
  /** Acceptable values (normalised). */
  values: string[];
}

/** Counts of one data set: predictions, those overlapping a gold span, in-scope gold spans, found, found exactly, with a value, value right. */
export interface TimeScore {
  pred: number;
  predOverlapping: number;
  gold: number;
  goldFound: number;
  goldExact: number;
  valued: number;
  valueRight: number;
  /** In-scope gold spans with a value, of the cases the reference implementation (dotnet) passes. */
  ref: number;
  /** Of those, found with a right value. */
  resolved: number;
}

export const newScore = (): TimeScore => ({ pred: 0, predOverlapping: 0, gold: 0, goldFound: 0, goldExact: 0, valued: 0, valueRight: 0, ref: 0, resolved: 0 });

/** Share (0..1) of the valued in-scope gold spans of the cases the reference passes that are resolved exactly. */
export const timeResolved = (s: TimeScore): number => (s.ref ? s.resolved / s.ref : 0);

export function scoreDoc(s: TimeScore, preds: TimeExpr[], gold: Gold[], allErrors?: string[], text?: string, ref?: boolean): void {
  // Errors of a case the reference implementation itself fails (ref === false) are marked "(ref fails)".
  const errors = allErrors && ref === false ? { push: (e: string) => allErrors.push(`(ref fails) ${e}`) } : allErrors;
  s.pred += preds.length;
  for (const p of preds) {
    if (gold.some((g) => overlaps(p, g))) s.predOverlapping++;
    else if (errors && text) errors.push(`EXTRA ${JSON.stringify(p.text)} -> ${p.value} in ${JSON.stringify(text.slice(Math.max(0, p.start - 40), p.end + 20).replace(/\s+/g, ' '))}`);
  }
  for (const g of gold) {
    if (!g.inScope) continue;
    s.gold++;
    if (ref && g.values.length) s.ref++;
    const p = preds.find((x) => overlaps(x, g));
    if (!p) {
      if (errors && text) errors.push(`MISS  ${JSON.stringify(text.slice(g.start, g.end))} in ${JSON.stringify(text.slice(Math.max(0, g.start - 40), g.end + 20))}`);
      continue;
    }
    s.goldFound++;
    if (p.start === g.start && p.end === g.end) s.goldExact++;
    if (g.values.length) {
      s.valued++;
      if (valueMatches(p, g.values)) {
        s.valueRight++;
        if (ref) s.resolved++;
      }
      else if (errors && text) {
        const around = text.slice(Math.max(0, p.start - 60), p.end + 40).replace(/\s+/g, ' ');
        errors.push(`VALUE ${JSON.stringify(p.text)} -> ${p.value} (gold ${g.values.join(' | ')}; anchor ${p.anchor?.date ?? '-'}) in ${JSON.stringify(around)}`);
      }
    }
  }
}

function valueMatches(p: TimeExpr, values: string[]): boolean {
  const ours = [p.value, p.valueEnd].filter((x): x is string => !!x);
  for (const raw of values) {
    const range = raw.startsWith('(');
    const v = normaliseTimex(range ? raw.slice(1).split(',')[0] : raw);
    // A decade in TimeML ("199") against our range of years 1990-1999.
    if (/^\d{3}$/.test(v) && p.value === `${v}0` && p.valueEnd === `${v}9`) return true;
    for (const o of ours) {
      if (o === v) return true;
      // A day without its month ("XXXX-XX-30") against our resolved "2021-07-30".
      if (/^XXXX-XX-\d{2}$/.test(v) && /^\d{4}-\d{2}-\d{2}$/.test(o) && o.slice(7) === v.slice(7)) return true;
      if (range) {
        // A quarter ("2017-Q1") or half ("2019-H2") against a range from its first day ("(2017-01-01,...").
        const q = /^(\d{4})-([QH])([1-4])$/.exec(o);
        if (q && v === `${q[1]}-${String((Number(q[3]) - 1) * (q[2] === 'Q' ? 3 : 6) + 1).padStart(2, '0')}-01`) return true;
        // A month range without a year ("(XXXX-03-01,XXXX-05-01,P2M)") against our resolved "2018-03".
        if (/^--\d{2}-01$/.test(v) && /^\d{4}-\d{2}$/.test(o) && o.slice(4) === v.slice(1, 4)) return true;
      }
      // Gold without a year ("--08", "--10-02") against our resolved "2016-08", "2016-10-02".
      if (v.startsWith('--') && o.length === v.length + 3 && o.endsWith(v.slice(1))) return true;
      // A range start given as a day ("2017-04-01") against our month or year ("2017-04").
      if (range && v.startsWith(o + '-')) return true;
    }
  }
  return false;
}

/** Recognizers timex / value to our notation: "XXXX-10-02" -> "--10-02", "XXXX-11" -> "--11". */
function normaliseTimex(t: string): string {
  return t.replace(/^XXXX-(\d\d(?:-\d\d)?)$/, '--$1');
}


/** Rates (0..1) of a score: overlap precision, recall, F1, exact-span rate, value accuracy on found spans, and value F1 (F1 × value accuracy). */
export function timeRates(s: TimeScore): { p: number; r: number; f1: number; exactSpan: number; valueAcc: number; valueF1: number } {
  const p = s.pred ? s.predOverlapping / s.pred : 0;
  const r = s.gold ? s.goldFound / s.gold : 0;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  const valueAcc = s.valued ? s.valueRight / s.valued : 0;
  // Value F1 as TempEval-3 reports attribute scores: span F1 times the accuracy of the value on found spans.
  return { p, r, f1, exactSpan: s.gold ? s.goldExact / s.gold : 0, valueAcc, valueF1: f1 * valueAcc };
}

const IN_SCOPE = new Set(['datetimeV2.date', 'datetimeV2.daterange']);

/** The date and date-range cases of a Recognizers-Text DateTimeModel file, anchored on their reference date. */
export function measureTimesRecognizers(file: string, lang: string, errors?: string[]): TimeScore {
  const cases = recognizersCases<{
    Input: string;
    NotSupported?: string;
    NotSupportedByDesign?: string;
    Context?: { ReferenceDateTime?: string };
    Results?: { Text: string; Start?: number; End?: number; TypeName?: string; Resolution?: { values?: { timex?: string; value?: string; start?: string }[] } }[];
  }>(file);
  const s = newScore();
  for (const c of cases) {
    const text = c.Input;
    const ref = c.Context?.ReferenceDateTime ?? null;
    const gold: Gold[] = [];
    for (const r of c.Results ?? []) {
      const { start, end } = placeResult(text, r);
      if (start < 0 || !r.Text) continue;
      const values: string[] = [];
      for (const v of r.Resolution?.values ?? []) {
        if (v.timex) values.push(normaliseTimex(v.timex));
        if (v.value && v.value !== 'not resolved') values.push(v.value);
      }
      gold.push({ start, end, inScope: IN_SCOPE.has(r.TypeName ?? ''), values });
    }
    const preds = extractTimes(text, lang, ref, segmentSentences(text, lang));
    scoreDoc(s, preds, gold, errors, text, !referenceMisses(c));
  }
  return s;
}

/** TempEval-3 (TimeBank + AQUAINT) TIMEX3 of type DATE, anchored on the document creation time. */
export function measureTimesTempeval(errors?: string[]): TimeScore {
  // The 256 documents of TimeBank and AQUAINT; testpipeline/ holds a second copy of one TimeBank file.
  const files = ['TimeBank', 'AQUAINT'].flatMap((part) => filesBelow(join(DATA, 'tempeval3', part), '.tml'));
  const s = newScore();
  for (const f of files) {
    const xml = readFileSync(f, 'utf8');
    const dct = /<DCT>\s*<TIMEX3[^>]*value="([^"]+)"/.exec(xml)?.[1] ?? null;
    const body = /<TEXT>([\s\S]*)<\/TEXT>/.exec(xml)?.[1] ?? '';
    // Strip tags, keeping offsets of TIMEX3 elements.
    let text = '';
    const gold: Gold[] = [];
    const tagRe = /<(\/?)(\w+)([^>]*)>/g;
    let last = 0;
    let open: { start: number; type: string; value: string } | null = null;
    for (let m: RegExpExecArray | null; (m = tagRe.exec(body)); ) {
      text += decodeXml(body.slice(last, m.index));
      last = m.index + m[0].length;
      if (m[2] !== 'TIMEX3') continue;
      if (!m[1]) {
        open = { start: text.length, type: /type="(\w+)"/.exec(m[3])?.[1] ?? '', value: /value="([^"]*)"/.exec(m[3])?.[1] ?? '' };
      } else if (open) {
        const inScope = open.type === 'DATE' && /^\d{4}/.test(open.value);
        gold.push({ start: open.start, end: text.length, inScope, values: inScope ? [tempevalValue(open.value)] : [] });
        open = null;
      }
    }
    text += decodeXml(body.slice(last));
    const language = corpusLanguage('tempeval3');
    const preds = extractTimes(text, language, dct, segmentSentences(text, language));
    scoreDoc(s, preds, gold, errors, text);
  }
  return s;
}

/** TimeML values to ours: drop time-of-day parts ("2000-04-05TNI" -> "2000-04-05"), "1999-W7" -> "1999-W07". */
function tempevalValue(v: string): string {
  return v.replace(/T.*$/, '').replace(/-W(\d)$/, '-W0$1');
}

