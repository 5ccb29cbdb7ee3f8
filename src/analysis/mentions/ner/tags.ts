// Tag schemes: entity spans <-> IOB1 (CoNLL-2003), IOB2/BIO (CoNLL-2002, our output) and BILOU
// (what the tagger predicts internally: Begin, Inside, Last, Unit, Outside).
import type { EntityType } from '../../../types.ts';

export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** An entity over token indices [start, end). */
export interface TokenSpan {
  start: number;
  end: number;
  type: string;
}

/** BILOU tag inventory: index 0 is O, then B,I,L,U for each type in ENTITY_TYPES order. */
export const BILOU_TAGS: readonly string[] = ['O', ...ENTITY_TYPES.flatMap((t) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${t}`))];
export const N_TAGS = BILOU_TAGS.length;

export const enum Pos {
  B = 0,
  I = 1,
  L = 2,
  U = 3,
}

/** Type index (0..3) of a BILOU tag index, -1 for O. */
export function tagType(tag: number): number {
  return tag === 0 ? -1 : (tag - 1) >> 2;
}
/** Position (B/I/L/U) of a BILOU tag index, -1 for O. */
export function tagPos(tag: number): number {
  return tag === 0 ? -1 : (tag - 1) & 3;
}
export function bilouIndex(type: number, pos: number): number {
  return 1 + type * 4 + pos;
}

/** Whether BILOU tag `b` may follow tag `a` (a = -1: sentence start). */
export function allowedTransition(a: number, b: number): boolean {
  const aInside = a > 0 && (tagPos(a) === Pos.B || tagPos(a) === Pos.I);
  const bContinues = b > 0 && (tagPos(b) === Pos.I || tagPos(b) === Pos.L);
  if (aInside) return bContinues && tagType(a) === tagType(b);
  return !bContinues;
}
/** Whether a sentence may end after tag `a`. */
export function allowedEnd(a: number): boolean {
  return !(a > 0 && (tagPos(a) === Pos.B || tagPos(a) === Pos.I));
}

/** Reads entity spans from IOB1 or IOB2 tags (both accepted: B- opens, I- continues or opens). */
export function spansFromBio(tags: readonly string[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let cur: TokenSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    const prefix = tag[0];
    const type = tag.length > 2 ? tag.slice(2) : '';
    if (prefix === 'B' || (prefix === 'I' && (!cur || cur.type !== type))) {
      if (cur) spans.push(cur);
      cur = { start: i, end: i + 1, type };
    } else if (prefix === 'I' && cur) {
      cur.end = i + 1;
    } else {
      if (cur) spans.push(cur);
      cur = null;
    }
  }
  if (cur) spans.push(cur);
  return spans;
}

/** Reads entity spans from BILOU tag indices (ill-formed sequences are read leniently). */
export function spansFromBilou(tags: ArrayLike<number>): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let start = -1;
  let type = -1;
  const close = (end: number) => {
    if (start >= 0) spans.push({ start, end, type: ENTITY_TYPES[type] });
    start = -1;
  };
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    if (t === 0) {
      close(i);
      continue;
    }
    const ty = tagType(t);
    const pos = tagPos(t);
    if (pos === Pos.B || pos === Pos.U || start < 0 || ty !== type) {
      close(i);
      start = i;
      type = ty;
    }
    if (pos === Pos.L || pos === Pos.U) close(i + 1);
  }
  close(tags.length);
  return spans;
}

/** BILOU tag indices for spans over `n` tokens. */
export function bilouFromSpans(spans: readonly TokenSpan[], n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (const s of spans) {
    const ty = ENTITY_TYPES.indexOf(s.type as EntityType);
    if (ty < 0) throw new Error(`unknown entity type ${s.type}`);
    if (s.end - s.start === 1) out[s.start] = bilouIndex(ty, Pos.U);
    else {
      out[s.start] = bilouIndex(ty, Pos.B);
      for (let i = s.start + 1; i < s.end - 1; i++) out[i] = bilouIndex(ty, Pos.I);
      out[s.end - 1] = bilouIndex(ty, Pos.L);
    }
  }
  return out;
}

/** IOB2 (BIO) tags for spans over `n` tokens. */
export function bioFromSpans(spans: readonly TokenSpan[], n: number): string[] {
  const out = new Array<string>(n).fill('O');
  for (const s of spans) {
    out[s.start] = `B-${s.type}`;
    for (let i = s.start + 1; i < s.end; i++) out[i] = `I-${s.type}`;
  }
  return out;
}
