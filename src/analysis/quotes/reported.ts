// The reported content of a cue (indirect speech), as a token range of its unit:
//   that-clause   "X said/told Politico/zei Saar that|dat CONTENT"
//   bare clause   "X said CONTENT" (verbs with the 'bare' frame: say, suggest, maintain, …)
//   trailing      "CONTENT, X said." / "CONTENT, zei hij." / "CONTENT, according to X."
//   leading prep  "According to X, CONTENT" / "Volgens X CONTENT"
// The content runs to the end of the unit or to where the next cue's clause begins
// ("…, waarschuwde hij dat", "…, en schatten dat").
import type { DocContext } from './context.ts';
import type { CueInfo } from './speakers.ts';
import { countWords } from '../../text/tokens.ts';

export interface Region {
  /** Token range [s, e). */
  s: number;
  e: number;
  /** Content before the cue ("CONTENT, X said."): may be a quotation whose marks were lost. */
  trailing: boolean;
}

const THAT_WINDOW = 10;
const LEADING_PP_WINDOW = 15;

export function reportedContent(ctx: DocContext, c: CueInfo, cues: CueInfo[], first: number, last: number): Region | null {
  const { toks, lex } = ctx;
  const form = c.hit.form;
  if (!c.speaker) return null;
  if (form.prep) {
    if (!c.phrase) return null;
    const prev = c.hit.i0 - 1;
    const atClauseStart =
      c.hit.i0 === first || lex.clauseOpeners.has(ctx.lower(prev)) || (toks[prev].kind === 'punct' && !clauseComma(ctx, prev) && !lex.markChars.has(toks[prev].text));
    if (form.prep.leading && atClauseStart) {
      const s = leadingContentStart(ctx, c.phrase.end, last);
      if (s < 0) return null;
      if (cues.some((d) => d !== c && d.hit.i0 >= s && d.phrase && d.side !== 'inherit')) return null; // a nested attribution carries its own source
      return region(ctx, c, cues, s, last, false);
    }
    if (form.prep.trailing && c.hit.i0 - 1 > first && clauseComma(ctx, c.hit.i0 - 1) && restIsAdjunct(ctx, c.phrase.end, last, false)) {
      return trailingRegion(ctx, c, cues, c.hit.i0 - 1, first, false);
    }
    return null;
  }
  let after = c.side === 'right' ? c.phrase!.end : c.hit.i1;
  // A verb split around its subject ("a-t-il déclaré", "maakte hij duidelijk"): the clause starts
  // after the rest of the verb.
  const rest = form.tokens.slice(c.hit.i1 - c.hit.i0);
  if (c.side === 'right' && rest.length && rest.every((w, k) => ctx.lower(after + k) === w)) after += rest.length;
  if (form.frames.has('that')) {
    for (let k = after; k < last && k < after + THAT_WINDOW; k++) {
      const t = toks[k];
      if (t.inQuote >= 0 && countWords(ctx.text, ctx.spans[t.inQuote].start, ctx.spans[t.inQuote].end) <= 4) continue;
      if (t.kind === 'punct' && (lex.markChars.has(t.text) || /^[’',]s?$/.test(t.text))) continue;
      if (t.inQuote >= 0 || t.kind === 'punct') break;
      if (lex.complementizers.has(t.lower)) return form.noun ? nounClause(ctx, region(ctx, c, cues, k + 1, last, false)) : region(ctx, c, cues, k + 1, last, false);
      // a clause has begun ("insist they are … to discuss that matter"): no that-clause of this cue
      if ((lex.pronouns.has(t.lower) && lex.bareStarters.has(t.lower)) || lex.auxiliaries.has(t.lower) || cues.some((d) => d.hit.i0 === k)) break;
    }
  }
  if (form.frames.has('bare') && after < last && bareStart(ctx, after)) return region(ctx, c, cues, after, last, false);
  if (form.frames.has('trailing') && c.phrase) {
    const comma = c.side === 'left' ? c.phrase.start - 1 : c.hit.i0 - 1;
    if (comma > first && clauseComma(ctx, comma) && restIsAdjunct(ctx, after, last, form.frames.has('bare'))) {
      return trailingRegion(ctx, c, cues, comma, first, true);
    }
  }
  return null;
}

/** A noun's that-clause ends with the noun phrase: at the first clause comma ("Contrary to his
 *  claim that people would ''learn nothing,'' there would be …"). */
function nounClause(ctx: DocContext, r: Region | null): Region | null {
  if (!r) return null;
  for (let k = r.s + 1; k < r.e; k++) {
    if (ctx.toks[k].inQuote < 0 && clauseComma(ctx, k)) return { ...r, e: ctx.toks[k].text === ',' ? k : k + 1 };
  }
  return r;
}

/** "According to X[ from Y], CONTENT": after a comma; "Volgens X is er …": right after X. */
function leadingContentStart(ctx: DocContext, n: number, last: number): number {
  const t = ctx.toks[n];
  if (!t) return -1;
  if (t.text === ',') return n + 1;
  if (t.kind === 'word' && !t.cap && (!ctx.isFunctionWord(n) || ctx.lex.auxiliaries.has(t.lower))) return n;
  for (let k = n; k < last && k < n + LEADING_PP_WINDOW; k++) {
    if (ctx.toks[k].text === ',') return k + 1;
    if (ctx.toks[k].kind === 'punct' && ctx.toks[k].text !== '.') return -1;
  }
  return -1;
}

/** May a reported clause begin at token i right after the verb ("said the deal was near")? */
function bareStart(ctx: DocContext, i: number): boolean {
  const t = ctx.toks[i];
  if (t.kind !== 'word' || t.inQuote >= 0) return false;
  if (ctx.lex.complementizers.has(t.lower)) return false;
  if (ctx.isFunctionWord(i) && !ctx.lex.bareStarters.has(t.lower)) return false;
  // at least a three-word clause
  let words = 0;
  for (let k = i; k < ctx.toks.length && words < 3; k++) {
    if (ctx.toks[k].kind === 'punct' && /^[.;]$/.test(ctx.toks[k].text)) break;
    if (ctx.toks[k].kind === 'word') words++;
  }
  return words >= 3;
}

/** After a trailing cue only adjuncts may follow: nothing, punctuation, a prepositional phrase,
 *  or (verbs without a bare clause) an addressee ("told Politico."). */
function restIsAdjunct(ctx: DocContext, i: number, last: number, verbTakesBareClause: boolean): boolean {
  if (i >= last) return true;
  const t = ctx.toks[i];
  if (t.kind === 'punct') return t.text !== ':' && !ctx.lex.markChars.has(t.text);
  if (ctx.lex.complementizers.has(t.lower)) return false;
  if (ctx.isFunctionWord(i)) return !ctx.lex.bareStarters.has(t.lower);
  if (verbTakesBareClause) return false;
  // an addressee: a short name or noun phrase followed by punctuation or a preposition
  let k = i;
  while (k < last && k < i + 4 && ctx.toks[k].kind === 'word' && !ctx.isFunctionWord(k)) k++;
  return k >= last || ctx.toks[k].kind === 'punct' || ctx.isFunctionWord(k);
}

/** A comma ending a clause, or a closing mark with the comma inside it ("rails,” according to"). */
function clauseComma(ctx: DocContext, k: number): boolean {
  const t = ctx.toks[k];
  return t.text === ',' || incisoDash(ctx, k) || (ctx.lex.markChars.has(t.text) && t.inQuote < 0 && ctx.text[t.start - 1] === ',');
}

/** "histórica —aseguró X": a dash after a space and glued to the next word (quotes.json incisoDashes). */
function incisoDash(ctx: DocContext, k: number): boolean {
  const t = ctx.toks[k];
  return ctx.lex.incisoDashes.has(t.text) && /\s/.test(ctx.text[t.start - 1] ?? '') && /\p{L}/u.test(ctx.text[t.end] ?? '');
}

function trailingRegion(ctx: DocContext, c: CueInfo, cues: CueInfo[], comma: number, first: number, allowNested: boolean): Region | null {
  const end = ctx.toks[comma].text === ',' || incisoDash(ctx, comma) ? comma : comma + 1;
  let s = first;
  while (s < comma && ctx.toks[s].kind === 'punct' && !ctx.lex.markChars.has(ctx.toks[s].text)) s++;
  if (s >= comma) return null;
  const t = ctx.toks[s];
  if (t.kind === 'word' && ctx.isFunctionWord(s) && !ctx.lex.bareStarters.has(t.lower) && !ctx.lex.firstPerson.has(t.lower) && !ctx.lex.clauseOpeners.has(t.lower)) return null;
  // "“…,” X said, according to a statement": the source preposition adds nothing new
  if (!allowNested && cues.some((d) => d !== c && d.hit.i0 >= s && d.hit.i0 < comma)) return null;
  return { s, e: end, trailing: true };
}

/** Content from token s to the unit end or to the start of the next cue's clause. */
function region(ctx: DocContext, c: CueInfo, cues: CueInfo[], s: number, last: number, trailing: boolean): Region | null {
  let e = last;
  // a semicolon outside quotation marks joins the next independent clause, not the reported one;
  // a closing parenthesis opened before the content ends it: "(her campaign disclosed that …)"
  let depth = 0;
  for (let k = s; k < e; k++) {
    const t = ctx.toks[k];
    if (t.inQuote >= 0) continue;
    if (t.text === '(') depth++;
    else if (t.text === ')' && depth-- === 0) e = k;
    else if (t.text === ';' && k > s) e = k;
  }
  for (const d of cues) {
    if (d === c || d.hit.i0 < s) continue;
    const zone = d.side === 'left' && d.phrase ? d.phrase.start : d.hit.i0;
    if (zone <= s) continue;
    const prev = ctx.toks[zone - 1];
    const newClause = prev.text === ',' || prev.text === ';' || prev.text === '(' || ctx.lex.clauseOpeners.has(prev.lower);
    if (newClause && zone < e) e = zone;
  }
  while (e > s && (/^[,;(]$/.test(ctx.toks[e - 1].text) || (ctx.toks[e - 1].kind === 'word' && ctx.lex.clauseOpeners.has(ctx.toks[e - 1].lower)))) e--;
  if (e <= s) return null;
  return { s, e, trailing };
}
