// Who reported: articles are grouped by their source (outlet) when it is known; an article without a
// source (a plain text file) counts as a source of its own, named after its title or file. Outputs say
// which of the two they did (`sourceBasis`), so "3 sources" is never mistaken for three outlets.
import { basename } from 'node:path';

export interface SourceRef {
  /** "source:<name>" for an outlet, "article:<id>" for an article standing in for one. */
  id: string;
  name: string;
  kind: 'source' | 'article';
}

/** 'source' when every article names its outlet, 'article' when none does, 'mixed' otherwise. */
export type SourceBasis = 'source' | 'article' | 'mixed';

export interface ArticleIdentity {
  id: string;
  source: string | null;
  title: string | null;
  file: string;
}

export function sourceOf(a: ArticleIdentity): SourceRef {
  if (a.source) return { id: `source:${a.source}`, name: a.source, kind: 'source' };
  return { id: `article:${a.id}`, name: a.title ?? basename(a.file), kind: 'article' };
}

export function sourceBasis(articles: ArticleIdentity[]): SourceBasis {
  const known = articles.filter((a) => a.source).length;
  return known === articles.length ? 'source' : known === 0 ? 'article' : 'mixed';
}

/** A sentence for output that says how sources were counted. */
export function basisNote(basis: SourceBasis): string {
  if (basis === 'source') return 'sources are outlets';
  if (basis === 'article') return 'no article names its outlet: each article counts as a source of its own';
  return 'articles without an outlet count as sources of their own';
}
