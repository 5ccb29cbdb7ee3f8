// Checks the `analyze --json` contract on one article: fields present, every span an exact slice.
import { expect } from 'vitest';
import type { AnalyzedArticle } from '../../src/types.ts';

export function expectContract(doc: AnalyzedArticle): void {
  for (const key of ['file', 'id', 'title', 'dek', 'byline', 'source', 'url', 'language', 'languageConfidence', 'publishedAt', 'publishedAtFrom', 'text', 'removed', 'headings', 'sentences', 'entities', 'quotes', 'figures', 'times']) {
    expect(doc, `field ${key}`).toHaveProperty(key);
  }
  expect(doc.id).toMatch(/^[0-9a-f]{16}$/);
  expect(['metadata', 'url', 'caption', 'text', 'none']).toContain(doc.publishedAtFrom);
  if (doc.publishedAt !== null) expect(doc.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const spans: { start: number; end: number; text?: string }[] = [
    ...doc.headings,
    ...doc.sentences,
    ...doc.entities.flatMap((e) => e.mentions),
    ...doc.quotes,
    ...doc.figures,
    ...doc.times,
  ];
  for (const s of spans) {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(doc.text.length);
    if (s.text !== undefined) expect(doc.text.slice(s.start, s.end)).toBe(s.text);
  }
}
