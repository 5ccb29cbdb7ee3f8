// Main-content extraction of the HTML reader on two public benchmarks (../shared/data):
//   Zyte article-extraction-benchmark (91 pages): F1 / P / R of 4-gram shingles (evaluate.py);
//   trafilatura-eval (495 pages): F1 / P / R of the with/without segments (eval_common.py), plus the
//   title (exact, whitespace normalised) and publication date (right day) against its annotations.
// Prints the 10 worst pages of each benchmark. Pinned in bench/baseline.json (extract.*).
// Usage: npm run bench:extract [-- --worst N] [--titles] [--dates] [--limit N] [--page KEY]
//        npm run bench:extract -- --peer output.json   scores a published Zyte output file (the
//        repository's output/<tool>.json) with the same code, to check the metric against the README.
import { readFileSync } from 'node:fs';
import { requireData } from '../support/data.ts';
import {
  extractPage,
  measureExtraction,
  normSpace,
  shingleScore,
  TRAF,
  trafPages,
  ZYTE,
  zytePages,
} from '../support/measure/extract.ts';

requireData(ZYTE, TRAF);

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const pct = (x: number) => x.toFixed(3);

const peer = arg('--peer');
if (peer) {
  const data = JSON.parse(readFileSync(peer, 'utf8')) as Record<string, unknown>;
  const output = (data.output && typeof data.output === 'object' ? data.output : data) as Record<string, { articleBody?: string }>;
  const pages = zytePages();
  const missing = pages.filter((p) => !(p.id in output));
  if (missing.length) throw new Error(`${peer}: no output for ${missing.length} of the ${pages.length} pages (first ${missing[0].id})`);
  const s = shingleScore(pages.map((p) => ({ truth: p.truth, pred: output[p.id].articleBody ?? '' })));
  console.log(`${peer} on the ${pages.length} Zyte pages: F1 ${pct(s.f1)}  P ${pct(s.precision)}  R ${pct(s.recall)}  accuracy ${pct(s.accuracy)}`);
  process.exit(0);
}

const one = arg('--page');
if (one) {
  const z = zytePages().find((p) => p.id.startsWith(one));
  const t = trafPages().find((p) => p.key === one || p.file === one);
  const page = z ?? t;
  if (!page) throw new Error(`--page ${one}: no such Zyte id or trafilatura-eval key/file`);
  const out = await extractPage(page.bytes, z ? `${z.id}.html` : t!.file, z ? z.url : t!.url);
  console.log(`title: ${out.title}\ndate: ${out.date}\n${out.error ?? ''}\n---\n${out.body}`);
  if (z) console.log(`--- truth\n${z.truth}`);
  if (t) console.log(`--- with\n${t.with.join('\n')}\n--- without\n${t.without.join('\n')}\n--- title ${t.title}  date ${t.date}`);
  process.exit(0);
}

const worst = Number(arg('--worst') ?? 10);
const t0 = performance.now();
const r = await measureExtraction(Number(arg('--limit') ?? Infinity));
const secs = ((performance.now() - t0) / 1000).toFixed(1);

const z = r.zyte.score;
console.log(`Zyte article-extraction-benchmark (${r.zyte.pages.length} pages): F1 ${pct(z.f1)}  P ${pct(z.precision)}  R ${pct(z.recall)}  exact ${pct(z.accuracy)}`);
console.log(`  worst ${worst} (per-page F1 of shingle P/R):`);
for (const p of [...r.zyte.pages].sort((a, b) => a.f1 - b.f1).slice(0, worst)) {
  console.log(`    F1 ${pct(p.f1)}  P ${pct(p.precision)}  R ${pct(p.recall)}  ${p.page.id.slice(0, 12)}  ${p.page.url}${p.out.error ? `  (${p.out.error})` : ''}`);
}

const t = r.traf.score;
console.log(
  `trafilatura-eval (${r.traf.pages.length} pages): F1 ${pct(t.f1)}  P ${pct(t.precision)}  R ${pct(t.recall)}  accuracy ${pct(t.accuracy)}  (tp ${t.tp} fn ${t.fn} fp ${t.fp} tn ${t.tn})`,
);
console.log(`  worst ${worst} (segments missed + kept wrongly):`);
const bad = (x: (typeof r.traf.pages)[number]) => x.counts.fn + x.counts.fp;
for (const p of [...r.traf.pages].sort((a, b) => bad(b) - bad(a) || a.page.key.localeCompare(b.page.key)).slice(0, worst)) {
  const out = normSpace(p.out.body);
  const missed = p.page.with.filter((s) => !out.includes(normSpace(s)));
  const kept = p.page.without.filter((s) => out.includes(normSpace(s)));
  console.log(`    missed ${p.counts.fn}/${p.page.with.length}  kept ${p.counts.fp}/${p.page.without.length}  ${p.page.key}${p.out.error ? `  (${p.out.error})` : ''}`);
  for (const s of missed.slice(0, 2)) console.log(`        - missed: ${normSpace(s).slice(0, 100)}`);
  for (const s of kept.slice(0, 2)) console.log(`        + kept:   ${normSpace(s).slice(0, 100)}`);
}

const { title, date, dateWhereNone } = r.traf;
console.log(`titles (trafilatura-eval annotations, exact after whitespace normalisation): ${pct(title.right / title.of)} (${title.right} of ${title.of})`);
console.log(
  `publication dates (trafilatura-eval annotations, right day): ${pct(date.right / date.of)} (${date.right} of ${date.of}); pages annotated without a date given one: ${dateWhereNone.given} of ${dateWhereNone.of}`,
);
if (process.argv.includes('--titles')) {
  for (const p of r.traf.pages) {
    if (p.page.title && normSpace(p.page.title) && normSpace(p.out.title ?? '') !== normSpace(p.page.title)) {
      console.log(`  title  want ${JSON.stringify(normSpace(p.page.title))}\n         got  ${JSON.stringify(p.out.title)}   ${p.page.key}`);
    }
  }
}
if (process.argv.includes('--dates')) {
  for (const p of r.traf.pages) {
    if (p.page.date !== undefined && (p.out.date?.slice(0, 10) ?? '') !== p.page.date) {
      console.log(`  date  want ${p.page.date || '(none)'}  got ${p.out.date ?? '(none)'}   ${p.page.key}`);
    }
  }
}
console.log(`(${secs} s)`);
