// SQL conditions for the article filters, on the `articles` table aliased `a`, with numbered parameters.
import type { ResolvedFilter } from '../filter.ts';
import type { Params } from './db.ts';

/** The conditions for `f`, appended to `into`; list-valued filters bind one array parameter. */
export function articleConditions(f: ResolvedFilter, p: Params, into: string[] = []): string[] {
  const inList = (column: string, values: string[]) =>
    into.push(values.length === 1 ? `${column} = ${p.add(values[0])}` : `${column} = ANY(${p.add(values)}::text[])`);
  if (f.languages) inList('a.language', f.languages);
  if (f.sources) inList('a.source', f.sources);
  if (f.from) into.push(`a.published_at >= ${p.add(f.from)}`);
  // Inclusive of everything the prefix covers: "2024-05" keeps "2024-05-31T23:59:59Z".
  if (f.to) into.push(`a.published_at <= ${p.add(f.to + '\u{10FFFF}')}`);
  if (f.ids) into.push(`a.id = ANY(${p.add(f.ids)}::text[])`);
  if (f.entity) {
    // The articles linked to the entity (entity_links holds current keys; a former key redirects).
    const key = p.add(f.entity);
    into.push(`a.id IN (SELECT article_id FROM entity_links WHERE key = coalesce((SELECT to_key FROM entity_redirects WHERE from_key = ${key}), ${key}))`);
  }
  return into;
}

export function whereClause(conditions: string[]): string {
  return conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
}
