// SQL conditions for the article filters, on the `articles` table aliased `a`.
import type { ResolvedFilter } from '../filter.ts';

export interface Conditions {
  sql: string[];
  params: unknown[];
}

/** Appends to `into` the conditions for `f`; list-valued filters bind one JSON array parameter. */
export function articleConditions(f: ResolvedFilter, into: Conditions = { sql: [], params: [] }): Conditions {
  const inList = (column: string, values: string[]) => {
    if (values.length === 1) {
      into.sql.push(`${column} = ?`);
      into.params.push(values[0]);
    } else {
      into.sql.push(`${column} IN (SELECT value FROM json_each(?))`);
      into.params.push(JSON.stringify(values));
    }
  };
  if (f.languages) inList('a.language', f.languages);
  if (f.sources) inList('a.source', f.sources);
  if (f.from) {
    into.sql.push('a.published_at >= ?');
    into.params.push(f.from);
  }
  if (f.to) {
    // Inclusive of everything the prefix covers: "2024-05" keeps "2024-05-31T23:59:59Z".
    into.sql.push('a.published_at <= ?');
    into.params.push(f.to + '\u{10FFFF}');
  }
  if (f.ids) {
    into.sql.push('a.id IN (SELECT value FROM json_each(?))');
    into.params.push(JSON.stringify(f.ids));
  }
  if (f.entity) {
    // The articles linked to the entity (entity_links holds current keys; a former key redirects).
    into.sql.push('a.id IN (SELECT article_id FROM entity_links WHERE key = coalesce((SELECT to_key FROM entity_redirects WHERE from_key = ?), ?))');
    into.params.push(f.entity, f.entity);
  }
  return into;
}

export function whereClause(c: Conditions): string {
  return c.sql.length ? `WHERE ${c.sql.join(' AND ')}` : '';
}
