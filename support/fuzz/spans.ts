// The span invariant every analysis layer keeps: each object with numeric `start` and `end` lies in
// the article text (0 ≤ start ≤ end ≤ text.length), and where it carries its `text`, that is exactly
// text.slice(start, end). `removed` holds what cleaning took out of the raw input, not spans of the text.
import type { AnalyzedArticle } from '../../src/types.ts';

export interface BadSpan {
  /** Where in the article: "quotes[3].speaker". */
  path: string;
  start: unknown;
  end: unknown;
  problem: string;
}

const NOT_SPANS = new Set(['removed', 'text', 'title', 'dek', 'byline', 'source', 'url', 'file']);

/** Every span of `doc` that breaks the invariant (an empty list when all hold). */
export function badSpans(doc: AnalyzedArticle): BadSpan[] {
  const out: BadSpan[] = [];
  const text = doc.text;
  const visit = (v: unknown, path: string) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => visit(x, `${path}[${i}]`));
      return;
    }
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if ('start' in o || 'end' in o) {
      const { start, end } = o;
      if (start !== undefined || end !== undefined) {
        const bad = (problem: string) => out.push({ path, start, end, problem });
        if (!Number.isInteger(start) || !Number.isInteger(end)) bad('start or end is not an integer');
        else if (!(0 <= (start as number) && (start as number) <= (end as number) && (end as number) <= text.length)) bad(`outside 0 ≤ start ≤ end ≤ ${text.length}`);
        else if (typeof o.text === 'string' && text.slice(start as number, end as number) !== o.text) bad(`text.slice(start, end) is not the span's text ${JSON.stringify(String(o.text).slice(0, 40))}`);
      }
    }
    for (const [k, x] of Object.entries(o)) if (!(path === '' && NOT_SPANS.has(k))) visit(x, path ? `${path}.${k}` : k);
  };
  visit(doc, '');
  return out;
}
