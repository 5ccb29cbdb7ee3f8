// The user search syntax, parsed into an implementation-neutral tree that each store compiles to its
// own engine (FTS5 MATCH for SQLite, tsquery for PostgreSQL). User text never reaches an engine raw.
//
// Syntax (Google-like):
//   gaza ceasefire        both words (implicit AND; an explicit upper-case AND is accepted too)
//   "exact phrase"        the words next to each other, in this order
//   hamas OR hezbollah    either (OR must be upper case; lower-case "or" is a word)
//   NOT biden, -biden     without this word / phrase / group ("-" directly before a letter, digit, quote
//                         or parenthesis; inside a word, as in cease-fire, it is part of the word)
//   ceasefi*              any word starting with "ceasefi" (a phrase may end in * too)
//   (a OR b) c            grouping
// Precedence: NOT and - bind tightest, then AND, then OR: `a b OR c` is `(a AND b) OR c`.
// A word is any run of characters other than space, quote and parenthesis; letters, digits and
// marks are what the engine indexes, so "U.S." and "Israel-Gaza" act as phrases of their parts.
// A word made only of punctuation (a lone "-" or "&") is ignored. Case and diacritics never matter.

/** A malformed query; `position` is the 0-based offset in the query string of the problem. */
export class QueryError extends Error {
  readonly statusCode = 400;
  constructor(
    message: string,
    public query: string,
    public position: number,
  ) {
    super(message);
    this.name = 'QueryError';
  }
}

/** One word (`prefix`: ends with *). Its text may hold punctuation the engine splits on. */
export interface TermNode {
  type: 'term';
  text: string;
  prefix: boolean;
  position: number;
  /** The folded words the term matches, the word itself first, when a store found other forms of
   *  it by stem (./stems.ts); absent: the word alone. */
  variants?: string[];
}
/** A quoted phrase. */
export interface PhraseNode {
  type: 'phrase';
  text: string;
  prefix: boolean;
  position: number;
}
/** All children must match. At least one child is not a NotNode. */
export interface AndNode {
  type: 'and';
  children: QueryNode[];
}
/** Any child must match. No child is a NotNode. */
export interface OrNode {
  type: 'or';
  children: QueryNode[];
}
/** Excludes `child`; only ever appears as a child of an AndNode next to something positive. */
export interface NotNode {
  type: 'not';
  child: QueryNode;
  position: number;
}
export type QueryNode = TermNode | PhraseNode | AndNode | OrNode | NotNode;

/** Characters the search engines index (unicode61's default token classes: letters, numbers, private use). */
const INDEXED = /[\p{L}\p{N}\p{Co}]/u;

type Token =
  | { kind: 'word'; text: string; prefix: boolean; pos: number }
  | { kind: 'phrase'; text: string; prefix: boolean; pos: number }
  | { kind: 'or' | 'and' | 'not' | 'minus' | 'lparen' | 'rparen'; pos: number; text: string }
  | { kind: 'end'; pos: number; text: string };

const at = (pos: number) => `at character ${pos + 1}`;

function lex(query: string): Token[] {
  const tokens: Token[] = [];
  const n = query.length;
  let i = 0;
  while (i < n) {
    const c = query[i];
    if (/\s/u.test(c)) {
      i++;
    } else if (c === '(') {
      tokens.push({ kind: 'lparen', pos: i, text: c });
      i++;
    } else if (c === ')') {
      tokens.push({ kind: 'rparen', pos: i, text: c });
      i++;
    } else if (c === '"') {
      const close = query.indexOf('"', i + 1);
      if (close < 0) throw new QueryError(`unbalanced quote: the " ${at(i)} is never closed`, query, i);
      const text = query.slice(i + 1, close);
      if (!INDEXED.test(text)) {
        throw new QueryError(`the phrase ${at(i)} ("${text}") contains no word to search for`, query, i);
      }
      let prefix = false;
      let j = close + 1;
      if (query[j] === '*') {
        prefix = true;
        j++;
      }
      tokens.push({ kind: 'phrase', text, prefix, pos: i });
      i = j;
    } else if (c === '-' && i + 1 < n && /["(\p{L}\p{N}\p{Co}]/u.test(query[i + 1])) {
      tokens.push({ kind: 'minus', pos: i, text: c });
      i++;
    } else {
      let j = i;
      while (j < n && !/[\s"()]/u.test(query[j])) j++;
      const word = query.slice(i, j);
      if (word === 'OR' || word === 'AND' || word === 'NOT') {
        tokens.push({ kind: word.toLowerCase() as 'or' | 'and' | 'not', pos: i, text: word });
      } else {
        const prefix = word.endsWith('*');
        const body = prefix ? word.slice(0, -1) : word;
        const star = body.indexOf('*');
        if (star >= 0) {
          throw new QueryError(`"*" ${at(i + star)} is only allowed at the end of a word (as in ceasefi*)`, query, i + star);
        }
        if (INDEXED.test(body)) tokens.push({ kind: 'word', text: body, prefix, pos: i });
        else if (prefix) throw new QueryError(`"*" ${at(j - 1)} must follow a word directly (as in ceasefi*)`, query, j - 1);
        // else: punctuation only (a lone "-", "&", "…"): ignored.
      }
      i = j;
    }
  }
  tokens.push({ kind: 'end', pos: n, text: '' });
  checkParentheses(query, tokens);
  return tokens;
}

function checkParentheses(query: string, tokens: Token[]): void {
  const open: number[] = [];
  for (const t of tokens) {
    if (t.kind === 'lparen') open.push(t.pos);
    else if (t.kind === 'rparen' && open.pop() === undefined) {
      throw new QueryError(`unbalanced parenthesis: the ")" ${at(t.pos)} has no matching "("`, query, t.pos);
    }
  }
  if (open.length > 0) {
    const pos = open[open.length - 1];
    throw new QueryError(`unbalanced parenthesis: the "(" ${at(pos)} is never closed`, query, pos);
  }
}

class Parser {
  private i = 0;
  constructor(
    private query: string,
    private tokens: Token[],
  ) {}

  private peek(): Token {
    return this.tokens[this.i];
  }
  private next(): Token {
    return this.tokens[this.i++];
  }
  private fail(message: string, pos: number): never {
    throw new QueryError(message, this.query, pos);
  }
  private describe(t: Token): string {
    return t.kind === 'end' ? 'the end of the query' : `"${t.text}" ${at(t.pos)}`;
  }

  parseQuery(): QueryNode {
    const node = this.parseOr();
    const t = this.peek();
    if (t.kind === 'rparen') this.fail(`unbalanced parenthesis: the ")" ${at(t.pos)} has no matching "("`, t.pos);
    return node;
  }

  private parseOr(): QueryNode {
    const first = this.parseAnd();
    const children = [first];
    while (this.peek().kind === 'or') {
      const op = this.next();
      const after = this.peek();
      if (after.kind === 'end' || after.kind === 'rparen' || after.kind === 'or') {
        this.fail(`"OR" ${at(op.pos)} needs a word after it, found ${this.describe(after)}`, op.pos);
      }
      children.push(this.parseAnd());
    }
    return children.length === 1 ? first : { type: 'or', children };
  }

  private parseAnd(): QueryNode {
    const children: QueryNode[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'end' || t.kind === 'rparen' || t.kind === 'or') break;
      if (t.kind === 'and') {
        this.next();
        const after = this.peek();
        if (children.length === 0) this.fail(`"AND" ${at(t.pos)} needs a word before it`, t.pos);
        if (after.kind === 'end' || after.kind === 'rparen' || after.kind === 'or' || after.kind === 'and') {
          this.fail(`"AND" ${at(t.pos)} needs a word after it, found ${this.describe(after)}`, t.pos);
        }
        continue;
      }
      children.push(this.parseUnary());
    }
    if (children.length === 0) {
      const t = this.peek();
      if (t.kind === 'or') this.fail(`"OR" ${at(t.pos)} needs a word before it`, t.pos);
      if (t.kind === 'rparen') this.fail(`unbalanced parenthesis: the ")" ${at(t.pos)} has no matching "("`, t.pos);
      this.fail('the query has no word to search for', t.pos);
    }
    return children.length === 1 ? children[0] : { type: 'and', children };
  }

  private parseUnary(): QueryNode {
    const t = this.peek();
    if (t.kind === 'not' || t.kind === 'minus') {
      this.next();
      const after = this.peek();
      if (after.kind !== 'word' && after.kind !== 'phrase' && after.kind !== 'lparen') {
        const what = t.kind === 'not' ? '"NOT"' : '"-"';
        this.fail(`${what} ${at(t.pos)} must be followed by a word, phrase or group, found ${this.describe(after)}`, t.pos);
      }
      return { type: 'not', child: this.parsePrimary(), position: t.pos };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): QueryNode {
    const t = this.next();
    if (t.kind === 'word') return { type: 'term', text: t.text, prefix: t.prefix, position: t.pos };
    if (t.kind === 'phrase') return { type: 'phrase', text: t.text, prefix: t.prefix, position: t.pos };
    if (t.kind === 'lparen') {
      if (this.peek().kind === 'rparen') this.fail(`empty parentheses ${at(t.pos)}`, t.pos);
      const inner = this.parseOr();
      const close = this.next();
      if (close.kind !== 'rparen') this.fail(`unbalanced parenthesis: the "(" ${at(t.pos)} is never closed`, t.pos);
      return inner;
    }
    // parseAnd/parseUnary only call here on an operand token.
    return this.fail(`unexpected ${this.describe(t)}`, t.pos);
  }
}

/** Flattens nested ANDs / ORs and checks that every exclusion has something positive beside it. */
function normalise(node: QueryNode, query: string): QueryNode {
  if (node.type === 'term' || node.type === 'phrase') return node;
  if (node.type === 'not') return { ...node, child: normalise(node.child, query) };
  const children: QueryNode[] = [];
  for (const c of node.children.map((c) => normalise(c, query))) {
    if (c.type === node.type) children.push(...(c as AndNode | OrNode).children);
    else children.push(c);
  }
  if (node.type === 'or') {
    const neg = children.find((c): c is NotNode => c.type === 'not');
    if (neg) {
      throw new QueryError(
        `the exclusion ${at(neg.position)} cannot be one side of OR; write e.g. "a -b" or "(a OR b) -c"`,
        query,
        neg.position,
      );
    }
    return { type: 'or', children };
  }
  if (children.every((c) => c.type === 'not')) {
    const neg = children[0] as NotNode;
    throw new QueryError(
      `the query only excludes (${at(neg.position)}); add at least one word to search for`,
      query,
      neg.position,
    );
  }
  return { type: 'and', children };
}

/** Parses a user query; throws QueryError (message names the problem and its position). */
export function parseQuery(query: string): QueryNode {
  if (query.trim() === '') throw new QueryError('the query is empty', query, 0);
  const tokens = lex(query);
  if (tokens.length === 1) {
    throw new QueryError('the query has no word to search for (only punctuation)', query, 0);
  }
  const tree = new Parser(query, tokens).parseQuery();
  if (tree.type === 'not') {
    throw new QueryError(
      `the query only excludes (${at(tree.position)}); add at least one word to search for`,
      query,
      tree.position,
    );
  }
  return normalise(tree, query);
}

/** The words and phrases a query looks for (not the excluded ones), e.g. to highlight them elsewhere. */
export function positiveTerms(node: QueryNode): (TermNode | PhraseNode)[] {
  switch (node.type) {
    case 'term':
    case 'phrase':
      return [node];
    case 'not':
      return [];
    default:
      return node.children.flatMap(positiveTerms);
  }
}
