// Units of attribution, made from the sentences layer (which the quotes step needs; nothing is
// segmented again here): a sentence is cut where scraping glued two sentences together ("very
// well.He also claimed", which the sentences layer keeps whole), and sentences are joined where a
// quotation runs across their boundary, so that every quotation lies inside one unit with the text
// that attributes it.
import type { Sentence } from '../../types.ts';
import type { QuoteSpan } from './marks.ts';

export interface Unit {
  start: number;
  end: number;
  /** Index of the paragraph (line) holding the unit. */
  para: number;
}

export interface Paragraph {
  start: number;
  end: number;
}

/** Non-empty lines of `text`, trimmed. */
export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    let s = m.index;
    let e = s + m[0].length;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
  }
  return out;
}

const GLUED = /\p{Ll}{2}[.!?](?=\p{Lu}\p{Ll})/gu;

function inside(spans: readonly QuoteSpan[], pos: number): boolean {
  return spans.some((q) => q.open < pos && pos < q.close);
}

/** `attributionDashes`: a piece that starts with one of them ("― Sonya Herridge") belongs to the
 *  quotation before it. */
export function buildUnits(text: string, sentences: readonly Sentence[], paragraphs: readonly Paragraph[], spans: readonly QuoteSpan[], attributionDashes: ReadonlySet<string>): Unit[] {
  // 1. split glued sentences (outside quotations)
  const pieces: { start: number; end: number }[] = [];
  for (const s of sentences) {
    let start = s.start;
    const body = text.slice(s.start, s.end);
    GLUED.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = GLUED.exec(body))) {
      const cut = s.start + m.index + m[0].length;
      if (inside(spans, cut)) continue;
      pieces.push({ start, end: cut });
      start = cut;
    }
    pieces.push({ start, end: s.end });
  }
  // 2. join pieces bridged by a quotation, within a paragraph
  let p = 0;
  const out: Unit[] = [];
  for (const piece of pieces) {
    while (p < paragraphs.length - 1 && paragraphs[p].end <= piece.start) p++;
    const last = out[out.length - 1];
    const bridged = !!last && spans.some((q) => q.open < last.end && q.end > last.end && q.open >= last.start);
    if (last && last.para === p && (bridged || attributionDashes.has(text[piece.start]))) {
      last.end = piece.end;
    } else {
      out.push({ start: piece.start, end: piece.end, para: p });
    }
  }
  return out;
}
