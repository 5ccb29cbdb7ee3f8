// Full-text search in PostgreSQL with the words split and folded here, not by a text-search
// configuration: the stored tsvector and the tsquery are built from the same `fold` (case and
// diacritics removed) and the same word boundaries (runs of letters, digits and private-use
// characters, as FTS5's unicode61 and the query parser see them). So matching does not depend on
// the database's locale or parser ("57.500" is two words, "cease-fire" the phrase "cease fire"),
// and every word reaches PostgreSQL as a quoted lexeme, never as tsquery syntax.
import { foldForSearch } from '../../text/fold.ts';
import type { QueryNode } from '../query.ts';

/** PostgreSQL's limits: positions above 16383 are stored as 16383; at most 256 positions a lexeme. */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 256;
/** A lexeme must be shorter than 2 KiB (bytes); longer "words" are left out, as to_tsvector does. */
const MAX_LEXEME_BYTES = 2046;

const WORD = /[\p{L}\p{N}\p{Co}]+/gu;

/** The folded words of a text, in order. */
export function searchWords(text: string): string[] {
  return foldForSearch(text).match(WORD) ?? [];
}

/** A lexeme as a tsvector / tsquery literal: single-quoted, with quotes and backslashes escaped. */
const lexeme = (w: string) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * The tsvector (in its text form, for a `$n::tsvector` parameter) of an article: the words of the
 * title (weight A), dek (B) and text (D), numbered on through the three fields.
 */
export function articleVector(title: string | null, dek: string | null, text: string): string {
  const positions = new Map<string, string[]>();
  let pos = 0;
  for (const [field, weight] of [
    [title, 'A'],
    [dek, 'B'],
    [text, ''],
  ] as const) {
    if (!field) continue;
    for (const w of searchWords(field)) {
      pos = Math.min(pos + 1, MAX_POSITION);
      if (Buffer.byteLength(w) > MAX_LEXEME_BYTES) continue;
      let list = positions.get(w);
      if (!list) positions.set(w, (list = []));
      if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(`${pos}${weight}`);
    }
  }
  return [...positions].map(([w, ps]) => `${lexeme(w)}:${ps.join(',')}`).join(' ');
}

/** One word or phrase: its words joined by "followed by"; a prefix applies to the last word. */
function wordsQuery(text: string, prefix: boolean): string {
  const words = searchWords(text);
  // The query parser only lets through words and phrases that hold an indexed character.
  if (words.length === 0) throw new Error(`toTsquery: "${text}" has no word`);
  const parts = words.map(lexeme);
  if (prefix) parts[parts.length - 1] += ':*';
  return parts.length === 1 ? parts[0] : `(${parts.join(' <-> ')})`;
}

/** The tsquery (text form, for a `$n::tsquery` parameter) of a parsed user query. */
export function toTsquery(node: QueryNode): string {
  switch (node.type) {
    case 'term':
      // Other forms found by stem (../stems.ts): each a folded word already.
      if (node.variants) {
        const words = node.variants.filter((w) => Buffer.byteLength(w) <= MAX_LEXEME_BYTES);
        if (words.length > 1) return `(${words.map(lexeme).join(' | ')})`;
      }
      return wordsQuery(node.text, node.prefix);
    case 'phrase':
      return wordsQuery(node.text, node.prefix);
    case 'not':
      return `!${toTsquery(node.child)}`;
    case 'or':
      return `(${node.children.map(toTsquery).join(' | ')})`;
    case 'and':
      return `(${node.children.map(toTsquery).join(' & ')})`;
  }
}
