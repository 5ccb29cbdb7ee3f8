// Finds quoted stretches of text: pairs of quotation marks of every style listed in quotes.json
// (“…” ‘…’ "…" '…' „…“ «…» »…« ‹…›), within a paragraph, plus quotations that run on into the
// next paragraph (an opening mark left unclosed when the next paragraph opens with a mark again).
// Apostrophes (don’t, Hamas’s, States’) and marks glued inside words or markup (rel="nofollow")
// are not quotation marks.
import type { Lexicon } from './lexicon.ts';

export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Content start (after the opening mark). */
  start: number;
  /** Content end (before the closing mark, or the paragraph end when the quote runs on). */
  end: number;
  /** Offset just after the closing mark (=== end when there is none). */
  close: number;
  /** The quote continues in the next paragraph without a closing mark here. */
  runsOn: boolean;
}

const WORDISH = /[\p{L}\p{N}]/u;
const OPEN_CONTEXT = /[\s([{\[—–―\-/]/u;
const CLOSE_CONTEXT = /[\s)\]}.,;:!?—–―\-/…]/u;

/** Quoted spans in text[pStart, pEnd) (one paragraph), outermost only, in text order. */
export function findQuoteSpans(text: string, pStart: number, pEnd: number, lex: Lexicon, nextParagraphStart?: number): QuoteSpan[] {
  const found: QuoteSpan[] = [];
  const stack: { ch: string; pos: number; width: number }[] = [];
  for (let i = pStart; i < pEnd; i++) {
    let ch = text[i];
    if (!lex.markChars.has(ch)) continue;
    // two apostrophes typed for a double quotation mark: ''It has …,''
    const width = ch === "'" && text[i + 1] === "'" && lex.markChars.has('"') ? 2 : 1;
    if (width === 2) ch = '"';
    const prev = i > pStart ? text[i - 1] : ' ';
    const next = i + width < pEnd ? text[i + width] : ' ';
    // Apostrophe inside a word: don’t, Hamas’s, rock'n'roll.
    if (WORDISH.test(prev) && WORDISH.test(next) && (ch === '’' || ch === "'" || ch === '‘')) continue;
    // Spaced marks ("« Nous … »") may have space inside them.
    const spaced = lex.spacedMarks.has(ch);
    const canOpen = lex.marks.has(ch) && (OPEN_CONTEXT.test(prev) || lex.markChars.has(prev)) && (spaced || !/\s/.test(next));
    const canClose = i > pStart && (spaced || !/\s/.test(prev)) && (i + width >= pEnd || CLOSE_CONTEXT.test(next) || lex.markChars.has(next));
    // Close the innermost opener this mark can close (single quotes only close the top one,
    // so a plural possessive "States’" inside a double quotation stays an apostrophe).
    // "Hamas' leaders" inside '…': a plural possessive when the same mark closes again later
    const single = ch === '’' || ch === "'" || ch === '‘';
    if (canClose && single && prev === 's' && next === ' ' && laterCloser(text, i + 1, pEnd, ch)) continue;
    if (canClose) {
      let k = stack.length - 1;
      while (k >= 0 && !(lex.marks.get(stack[k].ch) ?? []).includes(ch)) {
        if (single) {
          k = -1;
          break;
        }
        k--;
      }
      if (k >= 0) {
        const o = stack[k];
        stack.length = k;
        let start = o.pos + o.width;
        let end = i;
        if (spaced) {
          while (start < end && /\s/.test(text[start])) start++;
          while (end > start && /\s/.test(text[end - 1])) end--;
        }
        found.push({ open: o.pos, start, end, close: i + width, runsOn: false });
        i += width - 1;
        continue;
      }
    }
    if (canOpen) stack.push({ ch, pos: i, width });
    i += width - 1;
  }
  // A quotation left open at the paragraph end runs on when the next paragraph opens with a mark.
  if (stack.length && nextParagraphStart !== undefined) {
    const o = stack[0];
    const nextCh = text[nextParagraphStart];
    if (nextCh === o.ch || (lex.marks.has(nextCh) && lex.marks.has(o.ch) && sameFamily(lex, o.ch, nextCh))) {
      found.push({ open: o.pos, start: o.pos + o.width, end: pEnd, close: pEnd, runsOn: true });
    }
  }
  found.sort((a, b) => a.open - b.open);
  // Outermost only.
  const outer: QuoteSpan[] = [];
  for (const q of found) {
    const last = outer[outer.length - 1];
    if (last && q.open < last.close) continue;
    outer.push(q);
  }
  return outer.filter((q) => q.end > q.start && /[\p{L}\p{N}]/u.test(text.slice(q.start, q.end)));
}

function laterCloser(text: string, from: number, pEnd: number, ch: string): boolean {
  for (let j = from; j < pEnd; j++) {
    if (text[j] !== ch) continue;
    const next = j + 1 < pEnd ? text[j + 1] : ' ';
    if (!/\s/.test(text[j - 1]) && (j + 1 >= pEnd || CLOSE_CONTEXT.test(next))) return true;
  }
  return false;
}

function sameFamily(lex: Lexicon, a: string, b: string): boolean {
  const ca = lex.marks.get(a) ?? [];
  const cb = lex.marks.get(b) ?? [];
  return ca.some((c) => cb.includes(c));
}
