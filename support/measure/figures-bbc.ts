// Figures on news nobody tuned for: over the BBC News corpus (2004-05), figures that say they count
// something although they do not — a year read as a count ("2,004 counts rate", "in 2004 people"),
// a time or unit word as what is counted ("1600 GMT" counting "Gmt", "2 year deal" counting "year") —
// and the most frequent things counted. Each article goes through the real cleaning and the
// sentences, publishedAt, times and figures steps.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cleanArticle } from '../../src/clean/index.ts';
import { runSteps } from '../../src/analysis/pipeline.ts';
import { corpusLanguage } from '../../src/lang/registry.ts';
import { rowOf } from '../../src/corpus/stories/figures.ts';
import { analyzedDoc } from '../analyzed-doc.ts';
import { DATA, filesBelow } from './data-sets.ts';

/** Words that name a time or a unit, never who or what is counted (judged independently of the lang data). */
const TIME_OR_UNIT = new Set(
  'gmt utc bst est cet am pm hrs cent pence time times year years yr yrs month months week weeks day days hour hours minute minutes second seconds decade decades century centuries point points percent per cent pc km miles metres meters kg mph'.split(' '),
);

export interface BbcFigureScore {
  articles: number;
  figures: number;
  /** Figures with something counted. */
  counted: number;
  /** Counted figures written like a year: four digits 1900–2030 without separator or unit ("2004 sales"). */
  yearsAsCounts: number;
  /** Counted figures whose counted head is a time or unit word. */
  timeOrUnitCounted: number;
  /** Comparison rows (rowOf) named by a time or unit word: its head, or the first word of a bare count. */
  timeOrUnitRows: number;
  topCounts: [string, number][];
  topKeys: [string, number][];
  topRows: [string, number][];
  errors: string[];
}

const top = (m: Map<string, number>, n: number): [string, number][] => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n);
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const headOf = (s: string) => s.toLowerCase().trim().split(/\s+/).pop() ?? '';

/** One BBC file (path below bbc/) through cleaning and the sentences, publishedAt, times and figures steps. */
export function bbcFiguresDoc(file: string, language = corpusLanguage('bbc')) {
  const path = file.startsWith('/') ? file : join(DATA, 'bbc', file);
  const raw = readFileSync(path, 'utf8');
  const c = cleanArticle({ file: path, format: 'txt', raw, original: raw, meta: {} });
  return runSteps(analyzedDoc(c.text, language, { publishedAt: c.publishedAt, publishedAtFrom: c.publishedAtFrom, title: c.title }), [
    'sentences',
    'publishedAt',
    'times',
    'figures',
  ]);
}

/** Null when the BBC corpus is absent. */
export function measureBbcFigures(topN = 20): BbcFigureScore | null {
  const dir = join(DATA, 'bbc');
  if (!existsSync(dir)) return null;
  const language = corpusLanguage('bbc');
  const s: BbcFigureScore = { articles: 0, figures: 0, counted: 0, yearsAsCounts: 0, timeOrUnitCounted: 0, timeOrUnitRows: 0, topCounts: [], topKeys: [], topRows: [], errors: [] };
  const counts = new Map<string, number>();
  const keys = new Map<string, number>();
  const rows = new Map<string, number>();
  for (const file of filesBelow(dir, '.txt')) {
    const doc = bbcFiguresDoc(file, language);
    s.articles++;
    const name = relative(dir, file);
    for (const q of doc.figures) {
      s.figures++;
      if (!q.counts && !q.countsKey) continue;
      s.counted++;
      const where = `${name}: ${JSON.stringify(doc.text.slice(q.start, Math.min(doc.text.length, q.end + 30)).replace(/\s+/g, ' '))}`;
      if (q.counts) bump(counts, q.counts.toLowerCase());
      if (q.countsKey) bump(keys, q.countsKey);
      if (q.value !== null && !q.unit && q.value >= 1900 && q.value <= 2030 && q.valueMax === undefined && doc.text.slice(q.start, q.end).endsWith(String(q.value))) {
        s.yearsAsCounts++;
        s.errors.push(`year as count ${where} -> ${q.counts}`);
      }
      if (TIME_OR_UNIT.has(headOf(q.countsKey ?? q.counts ?? ''))) {
        s.timeOrUnitCounted++;
        s.errors.push(`time/unit counted ${where} -> ${q.counts}`);
      }
      const row = rowOf(doc, q);
      if (row) {
        bump(rows, row.label);
        const noun = row.key.replace(/ \(.*$| @ .*$/, '');
        if ((!row.unit && TIME_OR_UNIT.has(noun.split(' ')[0])) || TIME_OR_UNIT.has(headOf(noun))) {
          s.timeOrUnitRows++;
          s.errors.push(`time/unit row ${where} -> row ${row.label}`);
        }
      }
    }
  }
  s.topCounts = top(counts, topN);
  s.topKeys = top(keys, topN);
  s.topRows = top(rows, topN);
  return s;
}
