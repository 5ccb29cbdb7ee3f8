// Main-content extraction measured on two public benchmarks, with their own metrics:
//  - Zyte's article-extraction-benchmark (article-extraction-benchmark/): 4-gram shingles of \w+
//    tokens, tp/fp/fn per page normalised to sum 1, precision and recall averaged over pages, F1 of
//    the two averages (the repository's evaluate.py);
//  - trafilatura's evaluation set (trafilatura-eval/): whitespace-normalised substring match of the
//    `with` / `without` segments, counts summed over pages (tests/eval_common.py).
// Each page goes the product's way for a fetched page: bytes -> decode (declared charset) -> the HTML
// reader, told the URL it came from -> cleanArticle.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { cleanArticle } from '../../src/clean/index.ts';
import { decodeBytes, declaredCharset } from '../../src/readers/decode.ts';
import { htmlToArticle } from '../../src/readers/html.ts';
import { InputError } from '../../src/types.ts';
import { dataPath } from '../data.ts';

export const ZYTE = 'article-extraction-benchmark';
export const TRAF = 'trafilatura-eval';

export interface Extracted {
  body: string;
  title: string | null;
  date: string | null;
  /** Why nothing came out (the reader's error), when nothing did. */
  error?: string;
}

/** One page through the reader and the cleaner, as the product reads a fetched page. */
export async function extractPage(bytes: Buffer, name: string, url?: string): Promise<Extracted> {
  const file = /\.html?$/i.test(name) ? name : `${name}.html`;
  try {
    const { text, encoding } = decodeBytes(bytes, file, { declaredCharset: declaredCharset(bytes) });
    const { raw, meta } = htmlToArticle(text, file, undefined, { url });
    const c = cleanArticle({ file, format: 'html', raw, original: text, meta, encoding });
    return { body: c.text, title: c.title, date: c.publishedAt };
  } catch (e) {
    if (e instanceof InputError) return { body: '', title: null, date: null, error: e.message };
    throw e;
  }
}

// ------------------------------------------------------------------ Zyte: shingle metric

/** Python's re.findall(r"\w+") on text: runs of letters, digits and "_" (not combining marks). */
export const tokens = (text: string): string[] => text.match(/[\p{L}\p{N}_]+/gu) ?? [];

function shingles(text: string, n = 4): Map<string, number> {
  const t = tokens(text);
  const out = new Map<string, number>();
  for (let i = 0; i < Math.max(1, t.length - n + 1); i++) {
    const s = t.slice(i, i + n);
    if (s.length === 0) continue;
    const key = s.join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** tp, fp, fn over 4-gram shingles, normalised to sum 1 (all 0 when both texts are empty). */
export function shingleCounts(truth: string, pred: string): [number, number, number] {
  const a = shingles(truth);
  const b = shingles(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const t = a.get(key) ?? 0;
    const p = b.get(key) ?? 0;
    tp += Math.min(t, p);
    fp += Math.max(0, p - t);
    fn += Math.max(0, t - p);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [0, 0, 0];
}

const precisionOf = ([tp, fp, fn]: number[]) => (fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp));
const recallOf = ([tp, fp, fn]: number[]) => (fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn));
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export interface ShingleScore {
  f1: number;
  precision: number;
  recall: number;
  /** Share of pages whose token sequence equals the truth's. */
  accuracy: number;
}

/** evaluate.py: precision averaged over pages with output, recall over pages with a truth, F1 of the two. */
export function shingleScore(pairs: { truth: string; pred: string }[]): ShingleScore {
  const counts = pairs.map((p) => shingleCounts(p.truth, p.pred));
  const precision = mean(counts.filter(([tp, fp]) => tp + fp > 0).map(precisionOf));
  const recall = mean(counts.filter(([tp, , fn]) => tp + fn > 0).map(recallOf));
  const accuracy = mean(pairs.map((p) => Number(tokens(p.truth).join(' ') === tokens(p.pred).join(' '))));
  return { f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, precision, recall, accuracy };
}

export const pagePR = (truth: string, pred: string) => {
  const c = shingleCounts(truth, pred);
  return { precision: precisionOf(c), recall: recallOf(c) };
};

export interface ZytePage {
  id: string;
  url: string;
  truth: string;
  bytes: Buffer;
}

export function zytePages(): ZytePage[] {
  const dir = dataPath(ZYTE);
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  return Object.keys(truth)
    .sort()
    .map((id) => ({ id, url: truth[id].url, truth: truth[id].articleBody ?? '', bytes: gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))) }));
}

// ------------------------------------------------------------------ trafilatura-eval: segment metric

/** eval_common.py's norm: every whitespace run to one space, stripped. */
export const normSpace = (s: string): string => s.replace(/\s+/gu, ' ').trim();

export interface TrafPage {
  key: string;
  /** The page's URL (keys of hand-picked "hard::" pages name none). */
  url?: string;
  file: string;
  with: string[];
  without: string[];
  title?: string;
  /** YYYY-MM-DD, or "" when the annotators found none; undefined when not annotated. */
  date?: string;
  bytes: Buffer;
}

export function trafPages(): TrafPage[] {
  const dir = dataPath(TRAF);
  const data = JSON.parse(readFileSync(join(dir, 'evaldata.json'), 'utf8')) as Record<
    string,
    { file: string; with: string[]; without: string[]; title?: string; date?: string }
  >;
  return Object.keys(data)
    .sort()
    .flatMap((key) => {
      const d = data[key];
      const path = join(dir, 'html', `${d.file}.br`);
      if (!existsSync(path)) return [];
      return [
        {
          key,
          url: /^https?:\/\//.test(key) ? key : undefined,
          file: d.file,
          with: d.with ?? [],
          without: d.without ?? [],
          title: d.title,
          date: d.date,
          bytes: brotliDecompressSync(readFileSync(path)),
        },
      ];
    });
}

export interface SegmentCounts {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
}

export function segmentCounts(page: { with: string[]; without: string[] }, output: string): SegmentCounts {
  const out = normSpace(output);
  const c = { tp: 0, fn: 0, fp: 0, tn: 0 };
  for (const s of page.with) out.includes(normSpace(s)) ? c.tp++ : c.fn++;
  for (const s of page.without) out.includes(normSpace(s)) ? c.fp++ : c.tn++;
  return c;
}

export function segmentScore(all: SegmentCounts[]) {
  const s = all.reduce((a, c) => ({ tp: a.tp + c.tp, fn: a.fn + c.fn, fp: a.fp + c.fp, tn: a.tn + c.tn }), { tp: 0, fn: 0, fp: 0, tn: 0 });
  return {
    ...s,
    precision: s.tp / (s.tp + s.fp || 1),
    recall: s.tp / (s.tp + s.fn || 1),
    f1: (2 * s.tp) / (2 * s.tp + s.fp + s.fn || 1),
    accuracy: (s.tp + s.tn) / (s.tp + s.tn + s.fp + s.fn || 1),
  };
}

// ------------------------------------------------------------------ both, with titles and dates

export interface ZyteResult {
  page: ZytePage;
  out: Extracted;
  precision: number;
  recall: number;
  f1: number;
}

export interface TrafResult {
  page: TrafPage;
  out: Extracted;
  counts: SegmentCounts;
}

export interface ExtractionReport {
  zyte: { score: ShingleScore; pages: ZyteResult[] };
  traf: {
    score: ReturnType<typeof segmentScore>;
    pages: TrafResult[];
    /** Exact title match (whitespace normalised) over the pages with an annotated, non-empty title. */
    title: { right: number; of: number };
    /** Right day over the pages with an annotated date. */
    date: { right: number; of: number };
    /** Pages annotated as having no date that were given one. */
    dateWhereNone: { given: number; of: number };
  };
}

const f1Of = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

/** Runs the extractor over both benchmarks (`limit` pages of each, for quick looks). */
export async function measureExtraction(limit = Infinity): Promise<ExtractionReport> {
  const zyte: ZyteResult[] = [];
  for (const page of zytePages().slice(0, limit)) {
    const out = await extractPage(page.bytes, `${page.id}.html`, page.url);
    const { precision, recall } = pagePR(page.truth, out.body);
    zyte.push({ page, out, precision, recall, f1: f1Of(precision, recall) });
  }
  const traf: TrafResult[] = [];
  for (const page of trafPages().slice(0, limit)) {
    const out = await extractPage(page.bytes, page.file, page.url);
    traf.push({ page, out, counts: segmentCounts(page, out.body) });
  }
  const titled = traf.filter((t) => t.page.title && normSpace(t.page.title));
  const dated = traf.filter((t) => t.page.date);
  const undated = traf.filter((t) => t.page.date === '');
  return {
    zyte: { score: shingleScore(zyte.map((z) => ({ truth: z.page.truth, pred: z.out.body }))), pages: zyte },
    traf: {
      score: segmentScore(traf.map((t) => t.counts)),
      pages: traf,
      title: { right: titled.filter((t) => normSpace(t.out.title ?? '') === normSpace(t.page.title!)).length, of: titled.length },
      date: { right: dated.filter((t) => t.out.date?.slice(0, 10) === t.page.date).length, of: dated.length },
      dateWhereNone: { given: undated.filter((t) => t.out.date).length, of: undated.length },
    },
  };
}
