import { describe, expect, it } from 'vitest';
import { parseQuery, positiveTerms, QueryError, type QueryNode } from '../../src/store/query.ts';
import { toFts5 } from '../../src/store/sqlite/fts5.ts';

/** A compact rendering of the tree: words as-is, phrases quoted, * for prefixes. */
function show(n: QueryNode): string {
  switch (n.type) {
    case 'term':
      return n.text + (n.prefix ? '*' : '');
    case 'phrase':
      return `"${n.text}"` + (n.prefix ? '*' : '');
    case 'not':
      return `-${show(n.child)}`;
    case 'and':
      return `and(${n.children.map(show).join(' ')})`;
    case 'or':
      return `or(${n.children.map(show).join(' ')})`;
  }
}

const parse = (q: string) => show(parseQuery(q));

function errorOf(q: string): QueryError {
  try {
    parseQuery(q);
  } catch (e) {
    if (e instanceof QueryError) return e;
    throw e;
  }
  throw new Error(`no error for ${q}`);
}

describe('search query parser', () => {
  it('reads words, phrases, prefixes and the operators with AND binding tighter than OR', () => {
    expect(parse('Gaza')).toBe('Gaza');
    expect(parse('Gaza ceasefire')).toBe('and(Gaza ceasefire)');
    expect(parse('Gaza AND ceasefire')).toBe('and(Gaza ceasefire)');
    expect(parse('Hamas Qatar OR Doha')).toBe('or(and(Hamas Qatar) Doha)');
    expect(parse('Hamas (Qatar OR Doha)')).toBe('and(Hamas or(Qatar Doha))');
    expect(parse('"peace through strength" Netanyahu')).toBe('and("peace through strength" Netanyahu)');
    expect(parse('ceasefi* "Gaza Str"*')).toBe('and(ceasefi* "Gaza Str"*)');
    expect(parse('Netanyahu -Trump NOT "White House"')).toBe('and(Netanyahu -Trump -"White House")');
    expect(parse('Rafah -(Biden OR Blinken)')).toBe('and(Rafah -or(Biden Blinken))');
    expect(parse('((a b) (c d))')).toBe('and(a b c d)');
    expect(parse('a OR (b OR c)')).toBe('or(a b c)');
    expect(parse('(-Trump) Netanyahu')).toBe('and(-Trump Netanyahu)');
  });

  it('keeps punctuation inside words (the engine splits them) and ignores words of punctuation only', () => {
    expect(parse('U.S. Israel-Gaza cease-fire')).toBe('and(U.S. Israel-Gaza cease-fire)');
    expect(parse('Trump - Netanyahu & Hamas')).toBe('and(Trump Netanyahu Hamas)');
    expect(parse('Israël coördinatie')).toBe('and(Israël coördinatie)');
    expect(parse('or and not')).toBe('and(or and not)');
    expect(parse('title:Gaza NEAR(a b)')).toBe('and(title:Gaza NEAR a b)');
  });

  it('records positions of words and exclusions and lists the positive terms', () => {
    const tree = parseQuery('Gaza -Rafah "cease fire"');
    expect(tree).toEqual({
      type: 'and',
      children: [
        { type: 'term', text: 'Gaza', prefix: false, position: 0 },
        { type: 'not', position: 5, child: { type: 'term', text: 'Rafah', prefix: false, position: 6 } },
        { type: 'phrase', text: 'cease fire', prefix: false, position: 12 },
      ],
    });
    expect(positiveTerms(tree).map((t) => t.text)).toEqual(['Gaza', 'cease fire']);
  });

  it('names the problem and its position in malformed queries', () => {
    const cases: [string, string, number][] = [
      ['', 'the query is empty', 0],
      ['Gaza "cease fire', 'unbalanced quote: the " at character 6 is never closed', 5],
      ['(Gaza OR Rafah', 'unbalanced parenthesis: the "(" at character 1 is never closed', 0],
      ['Gaza) (Rafah', 'unbalanced parenthesis: the ")" at character 5 has no matching "("', 4],
      ['Gaza OR OR Rafah', '"OR" at character 6 needs a word after it, found "OR" at character 9', 5],
      ['Gaza (OR Rafah)', '"OR" at character 7 needs a word before it', 6],
      ['Gaza AND', '"AND" at character 6 needs a word after it, found the end of the query', 5],
      ['NOT NOT Gaza', '"NOT" at character 1 must be followed by a word, phrase or group, found "NOT" at character 5', 0],
      ['Gaza (-Rafah OR Doha)', 'the exclusion at character 7 cannot be one side of OR; write e.g. "a -b" or "(a OR b) -c"', 6],
      ['-Gaza -Rafah', 'the query only excludes (at character 1); add at least one word to search for', 0],
      ['NOT (Gaza Rafah)', 'the query only excludes (at character 1); add at least one word to search for', 0],
      ['… — !!', 'the query has no word to search for (only punctuation)', 0],
      ['Gaza *', '"*" at character 6 must follow a word directly (as in ceasefi*)', 5],
      ['Ga*za', '"*" at character 3 is only allowed at the end of a word (as in ceasefi*)', 2],
      ['Gaza "--"', 'the phrase at character 6 ("--") contains no word to search for', 5],
    ];
    for (const [q, message, position] of cases) {
      const e = errorOf(q);
      expect(e.message, q).toBe(message);
      expect(e.position, q).toBe(position);
      expect(e.query).toBe(q);
    }
  });
});

describe('FTS5 compilation', () => {
  const fts = (q: string) => toFts5(parseQuery(q));

  it('quotes every word so no user character is FTS5 syntax', () => {
    expect(fts('Gaza')).toBe('"Gaza"');
    expect(fts('title:Gaza NEAR*')).toBe('("title:Gaza" AND "NEAR" *)');
    expect(fts("x'; DROP TABLE articles")).toBe(`("x';" AND "DROP" AND "TABLE" AND "articles")`);
  });

  it('renders exclusions as AND NOT of the positive part', () => {
    expect(fts('Netanyahu -Trump')).toBe('("Netanyahu" NOT "Trump")');
    expect(fts('a b -c NOT "d e"')).toBe('(("a" AND "b") NOT ("c" OR "d e"))');
    expect(fts('(a OR b) -(c d)')).toBe('(("a" OR "b") NOT ("c" AND "d"))');
    expect(fts('a OR b -c')).toBe('("a" OR ("b" NOT "c"))');
  });
});
