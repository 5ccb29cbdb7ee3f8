// Benchmark of the times layer.
//   1. Microsoft Recognizers-Text DateTimeModel cases (English, Dutch): precision / recall of spans and
//      value accuracy on the date and date-range cases, anchored on Context.ReferenceDateTime.
//   2. TempEval-3 (TimeBank + AQUAINT): same on TIMEX3 type DATE, anchored on the document creation time.
//   3. Throughput on the BBC news corpus (times detection and resolution per article).
// Usage: npm run bench:times  (reads ../shared/data; prints numbers, exits 0)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractTimes } from '../src/analysis/times/extract.ts';
import { segmentSentences } from '../src/analysis/sentences/segment.ts';
import type { TimeExpr } from '../src/types.ts';
import { bbcArticles, DATA, filesBelow, overlaps, placeResult, printThroughput, recognizersCases } from './layer-bench.ts';

interface Gold {
  start: number;
  end: number;
  /** In scope: a date-ish expression our granularities can express. */
  inScope: boolean;
  /** Acceptable values (normalised). */
  values: string[];
}

interface Score {
  pred: number;
  predOverlapping: number;
  gold: number;
  goldFound: number;
  goldExact: number;
  valued: number;
  valueRight: number;
}

const newScore = (): Score => ({ pred: 0, predOverlapping: 0, gold: 0, goldFound: 0, goldExact: 0, valued: 0, valueRight: 0 });

function scoreDoc(s: Score, preds: TimeExpr[], gold: Gold[], errors?: string[], text?: string): void {
  s.pred += preds.length;
  for (const p of preds) if (gold.some((g) => overlaps(p, g))) s.predOverlapping++;
  for (const g of gold) {
    if (!g.inScope) continue;
    s.gold++;
    const p = preds.find((x) => overlaps(x, g));
    if (!p) {
      if (errors && text) errors.push(`MISS  ${JSON.stringify(text.slice(g.start, g.end))} in ${JSON.stringify(text.slice(Math.max(0, g.start - 40), g.end + 20))}`);
      continue;
    }
    s.goldFound++;
    if (p.start === g.start && p.end === g.end) s.goldExact++;
    if (g.values.length) {
      s.valued++;
      if (valueMatches(p, g.values)) s.valueRight++;
      else if (errors && text) errors.push(`VALUE ${JSON.stringify(p.text)} -> ${p.value} (gold ${g.values.join(' | ')})`);
    }
  }
}

function valueMatches(p: TimeExpr, values: string[]): boolean {
  const ours = [p.value, p.valueEnd].filter((x): x is string => !!x);
  for (const raw of values) {
    const range = raw.startsWith('(');
    const v = normaliseTimex(range ? raw.slice(1).split(',')[0] : raw);
    for (const o of ours) {
      if (o === v) return true;
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

function printScore(name: string, s: Score): void {
  const p = s.pred ? s.predOverlapping / s.pred : 0;
  const r = s.gold ? s.goldFound / s.gold : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  console.log(
    `${name.padEnd(28)} P ${pct(p)}  R ${pct(r)}  F1 ${pct(f)}  exact-span ${pct(s.gold ? s.goldExact / s.gold : 0)}  value-acc ${pct(s.valued ? s.valueRight / s.valued : 0)}  (pred ${s.pred}, gold ${s.gold}, valued ${s.valued})`,
  );
}

// ---------------------------------------------------------------- Recognizers-Text
const IN_SCOPE = new Set(['datetimeV2.date', 'datetimeV2.daterange']);

function recognizers(file: string, lang: string, errors: string[]): Score {
  const cases = recognizersCases<{
    Input: string;
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
    scoreDoc(s, preds, gold, errors, text);
  }
  return s;
}

// ---------------------------------------------------------------- TempEval-3
function tempeval(errors: string[]): Score {
  const files = filesBelow(join(DATA, 'tempeval3'), '.tml');
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
      text += decode(body.slice(last, m.index));
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
    text += decode(body.slice(last));
    const preds = extractTimes(text, 'en', dct, segmentSentences(text, 'en'));
    scoreDoc(s, preds, gold, errors, text);
  }
  return s;
}

function decode(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
}

/** TimeML values to ours: drop time-of-day parts ("2000-04-05TNI" -> "2000-04-05"), "1999-W7" -> "1999-W07". */
function tempevalValue(v: string): string {
  return v.replace(/T.*$/, '').replace(/-W(\d)$/, '-W0$1');
}

// ---------------------------------------------------------------- throughput
function throughput(): void {
  const bbc = bbcArticles();
  if (!bbc) return;
  const { texts, sentences } = bbc;
  printThroughput(
    texts,
    (i) => extractTimes(texts[i], 'en', '2005-01-01', sentences[i]),
    (all) => `${all.flat().length} expressions`,
  );
}

const verbose = process.argv.includes('--errors');
const show = (name: string, errs: string[]) => {
  if (verbose) for (const e of errs) console.log(`  [${name}] ${e}`);
};
console.log('times — span P/R by overlap on date/daterange (Recognizers) or DATE (TempEval-3); value accuracy on found spans');
for (const [file, lang] of [
  ['English-DateTime-DateTimeModel.json', 'en'],
  ['Dutch-DateTime-DateTimeModel.json', 'nl'],
] as const) {
  const errs: string[] = [];
  const s = recognizers(file, lang, errs);
  show(lang, errs);
  printScore(`recognizers ${lang}`, s);
}
{
  const errs: string[] = [];
  const s = tempeval(errs);
  show('tempeval', errs);
  printScore('tempeval3 DATE (en)', s);
}
throughput();
