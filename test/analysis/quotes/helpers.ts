// Test helpers for the quotes layer: documents built from real text, entities written with real
// offsets (found by searching the text), and lookups of quotes by their words.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { extractQuotes } from '../../../src/analysis/quotes/index.ts';
import type { AnalyzedArticle, EntityLayer, EntityType, Quote } from '../../../src/types.ts';
import { analyzedDoc } from '../../../support/analyzed-doc.ts';

/** An example article as the pipeline would see it: a first line without sentence punctuation
 *  is the headline (cleaning removes it; here it is kept in the text and marked as a heading). */
export function exampleDoc(name: string, lang: string, entities: (text: string) => EntityLayer[] = () => []): AnalyzedArticle {
  const text = readFileSync(new URL(`../../../examples/${name}`, import.meta.url), 'utf8');
  const nl = text.indexOf('\n');
  const first = text.slice(0, nl);
  const headings = /[.!?”"]\s*$/.test(first) ? [] : [{ start: 0, end: nl, text: first }];
  return analyzedDoc(text, lang, { entities: entities(text), headings });
}

export function quotesOf(text: string, lang: string, entities: EntityLayer[] = []): Quote[] {
  return extractQuotes(analyzedDoc(text, lang, { entities }));
}

/** The quote whose text starts with `words` (exactly one). */
export function quote(quotes: Quote[], words: string, kind?: Quote['kind']): Quote {
  const hits = quotes.filter((q) => q.text.startsWith(words) && (!kind || q.kind === kind));
  expect(hits.map((q) => q.text), `quote starting with "${words}"`).toHaveLength(1);
  return hits[0];
}

export function noQuote(quotes: Quote[], words: string): void {
  expect(quotes.filter((q) => q.text.includes(words)).map((q) => q.text)).toEqual([]);
}

/** Every span of every quote is an exact slice of the text. */
export function expectExactSlices(text: string, quotes: Quote[]): void {
  for (const q of quotes) {
    expect(text.slice(q.start, q.end)).toBe(q.text);
    if (q.cue !== null) expect(text.slice(q.cueStart!, q.cueEnd!)).toBe(q.cue);
    if (q.speaker?.start !== undefined) expect(q.speaker.end).toBeGreaterThan(q.speaker.start);
  }
}

/** An entity with a mention at every occurrence of each surface form (longer forms first, no
 *  overlaps), and roles at every occurrence of each role text. */
export function entity(text: string, id: string, name: string, type: EntityType, surfaces: string[], roles: string[] = []): EntityLayer {
  const mentions: { start: number; end: number; text: string }[] = [];
  for (const s of [...surfaces].sort((a, b) => b.length - a.length)) {
    for (const i of occurrences(text, s)) {
      if (mentions.some((m) => i < m.end && m.start < i + s.length)) continue;
      mentions.push({ start: i, end: i + s.length, text: s });
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  expect(mentions.length, `mentions of ${name}`).toBeGreaterThan(0);
  const roleSpans = roles.flatMap((r) => occurrences(text, r).map((i) => ({ role: r, start: i, end: i + r.length, text: r })));
  return { id, name, type, mentions, roles: roleSpans };
}

function occurrences(text: string, s: string): number[] {
  const out: number[] = [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push(m.index);
  return out;
}
