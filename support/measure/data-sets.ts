// What the layer benchmarks (times, figures) share: the public data in ../shared/data ($DOSSIER_DATA), the
// Recognizers-Text cases with their results placed in the input, span overlap, and the throughput
// run over the BBC News corpus.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmentSentences } from '../../src/analysis/sentences/segment.ts';
import type { Sentence } from '../../src/types.ts';
import { corpusLanguage } from '../../src/lang/registry.ts';
import { dataRoot } from '../data.ts';

/** The data folder ($DOSSIER_DATA, else ../shared/data: support/data.ts), with a trailing slash. */
export const DATA = `${dataRoot()}/`;

/** Every file below `dir` whose name ends with `ending`, folder by folder in directory order. */
export function filesBelow(dir: string, ending: string): string[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith(ending)) files.push(join(d, e.name));
    }
  };
  walk(dir);
  return files;
}

/** The cases of one Recognizers-Text spec file (recognizers-text/<file>; the files start with a BOM). */
export const recognizersCases = <T>(file: string): T[] => JSON.parse(readFileSync(join(DATA, 'recognizers-text', file), 'utf8').replace(/^\uFEFF/, '')) as T[];

/** Where a Recognizers-Text result stands in its input: its own offsets (End is inclusive) when they
 *  hold its text, else its first case-insensitive occurrence; start -1 when it is not there. */
export function placeResult(input: string, r: { Text: string; Start?: number; End?: number }): { start: number; end: number } {
  let start = r.Start ?? -1;
  let end = r.End !== undefined ? r.End + 1 : -1;
  if (start < 0 || input.slice(start, end).toLowerCase() !== r.Text.toLowerCase()) {
    start = input.toLowerCase().indexOf(r.Text.toLowerCase());
    end = start + r.Text.length;
  }
  return { start, end };
}

/** The five predefined XML entities decoded. */
export function decodeXml(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
}

export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

/** The BBC News articles (bbc/), each with its sentences as the pipeline gives them; null when the corpus is absent. */
export function bbcArticles(): { texts: string[]; sentences: Sentence[][]; language: string } | null {
  const dir = join(DATA, 'bbc');
  if (!existsSync(dir)) return null;
  const texts = filesBelow(dir, '.txt').map((f) => readFileSync(f, 'utf8'));
  const language = corpusLanguage('bbc');
  return { texts, sentences: texts.map((t) => segmentSentences(t, language)), language };
}

/**
 * Times `run` over every text, after a warm-up on the first 200, and prints a line: time per article,
 * MB/s, then what `found` says of the results.
 */
export function printThroughput<T>(texts: string[], run: (i: number) => T, found: (results: T[]) => string): void {
  for (let i = 0; i < 200 && i < texts.length; i++) run(i); // warm-up
  const results: T[] = [];
  const t0 = performance.now();
  for (let i = 0; i < texts.length; i++) results.push(run(i));
  const ms = performance.now() - t0;
  const chars = texts.reduce((a, t) => a + t.length, 0);
  console.log(
    `throughput (BBC, ${texts.length} articles, ${(chars / 1e6).toFixed(1)} MB): ${(ms / texts.length).toFixed(3)} ms/article, ${(chars / 1e6 / (ms / 1000)).toFixed(1)} MB/s, ${found(results)}`,
  );
}
