// Compiles a parsed user query (../query.ts) into an FTS5 MATCH expression. Every word and phrase
// becomes an FTS5 string ("..." with " doubled), so no user character can act as FTS5 syntax;
// FTS5 then tokenizes each string with the table's tokenizer (case and diacritics folded). A word
// with other forms found by stem (../stems.ts) becomes an OR of them.
import type { QueryNode } from '../query.ts';

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

export function toFts5(node: QueryNode): string {
  switch (node.type) {
    case 'term':
      if (node.variants) return `(${node.variants.map(quote).join(' OR ')})`;
      return quote(node.text) + (node.prefix ? ' *' : '');
    case 'phrase':
      return quote(node.text) + (node.prefix ? ' *' : '');
    case 'not':
      // Only reachable through an AndNode, which renders its exclusions itself.
      throw new Error('toFts5: a NOT node must sit inside an AND node');
    case 'or':
      return `(${node.children.map(toFts5).join(' OR ')})`;
    case 'and': {
      const include = node.children.filter((c) => c.type !== 'not').map(toFts5);
      const exclude = node.children.flatMap((c) => (c.type === 'not' ? [toFts5(c.child)] : []));
      const positive = include.length === 1 ? include[0] : `(${include.join(' AND ')})`;
      if (exclude.length === 0) return positive;
      const negative = exclude.length === 1 ? exclude[0] : `(${exclude.join(' OR ')})`;
      return `(${positive} NOT ${negative})`;
    }
  }
}
