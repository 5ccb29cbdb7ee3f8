// Small helpers to build regular expressions from lists of words and phrases in the language data
// (the figures and times grammars, the cleaning step's dates).

/** Escapes a literal for use inside a RegExp. */
export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * An alternation of literal phrases, longest first (so "more than" wins over "more"); spaces in a phrase
 * match any run of whitespace. Returns a pattern that never matches when the list is empty.
 */
export function alternation(phrases: Iterable<string>): string {
  const list = [...new Set([...phrases].filter((p) => p.length > 0))].sort((a, b) => b.length - a.length);
  if (list.length === 0) return '(?!)';
  return list.map((p) => escapeRegex(p).replace(/ +/g, '\\s+')).join('|');
}

/** Lower-cases and collapses whitespace: the key under which phrases are looked up after a match. */
export function phraseKey(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ');
}

/** Characters that count as letters or digits for word boundaries (Unicode-aware). */
export const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}_])';
export const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}_])';
