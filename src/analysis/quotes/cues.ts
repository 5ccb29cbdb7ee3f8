// Cue finding: speech and reporting verbs ("said", "zei", "voegde eraan toe") and source
// prepositions ("according to", "volgens", "aldus") outside quotations, with negation.
import type { DocContext } from './context.ts';
import type { CueForm } from './lexicon.ts';
import { phraseStartingAt } from './phrases.ts';

export interface CueHit {
  /** Token range [i0, i1) of the cue as written. */
  i0: number;
  i1: number;
  form: CueForm;
  /** "did not say", "niet bevestigd": never attributes anything. */
  negated: boolean;
}

const NEGATION_WINDOW = 3;

/** "“…” ― Sonya Herridge": a dash right after a closing mark, before a name, names the speaker. */
const DASH_FORM: CueForm = { tokens: ['―'], lemma: 'dash', tense: null, frames: new Set(), prep: { leading: false, trailing: false } };

function isAttributionDash(ctx: DocContext, i: number, first: number): boolean {
  const t = ctx.toks[i];
  if (!ctx.lex.attributionDashes.has(t.text) || i <= first) return false;
  let p = i - 1;
  while (p > first && /^[,.]$/.test(ctx.toks[p].text)) p--;
  const prev = ctx.toks[p];
  return prev.kind === 'punct' && ctx.lex.markChars.has(prev.text) && prev.inQuote < 0 && prev.end <= t.start && ctx.isName(i + 1);
}

/** Cues among tokens [first, last) of one unit, in text order. */
export function findCues(ctx: DocContext, first: number, last: number): CueHit[] {
  const out: CueHit[] = [];
  for (let i = first; i < last; i++) {
    const t = ctx.toks[i];
    if (t.kind === 'punct' && isAttributionDash(ctx, i, first)) {
      out.push({ i0: i, i1: i + 1, form: DASH_FORM, negated: false });
      continue;
    }
    if (t.kind !== 'word' || t.inQuote >= 0) continue;
    const noun = nounCueAt(ctx, i, first, last);
    if (noun) {
      out.push(noun);
      continue;
    }
    const forms = ctx.lex.cues.get(t.lower);
    if (!forms) continue;
    const form = forms.find((f) => f.tokens.every((w, k) => i + k < last && ctx.toks[i + k].lower === w && ctx.toks[i + k].inQuote < 0));
    if (!form) {
      const split = splitForm(ctx, i, forms, last);
      if (split && !negated(ctx, i, first)) out.push({ i0: i, i1: i + 1, form: split, negated: false });
      continue;
    }
    // A capitalised cue word inside a sentence is part of a name or title ("Fox News Reports",
    // "State Department spokesman").
    if (t.cap && i !== first) continue;
    // After a determiner or a possessive it is a noun: "the report", "his statement".
    if (!form.prep && i > first && ((ctx.isDeterminer(i - 1) && !ctx.isPronoun(i - 1) && !ctx.lex.relativePronouns.has(ctx.lower(i - 1))) || ctx.isPossessive(i - 1))) continue;
    // The end of a title: "secretary of state", "head of state".
    const title = ctx.titleEndingAt(i, first);
    if (title && title.end - title.start > 1) continue;
    const i1 = i + form.tokens.length;
    out.push({ i0: i, i1, form, negated: negated(ctx, i, first) });
    i = i1 - 1;
  }
  return out;
}

/** A separable verb with its subject in between (V2 inversion: "Later maakte hij duidelijk dat",
 *  "wees Rutte erop dat"): the verb is the cue, the subject is found after it as usual. */
function splitForm(ctx: DocContext, i: number, forms: CueForm[], last: number): CueForm | null {
  if (!ctx.lex.subjectVerbInversion) return null;
  for (const f of forms) {
    if (f.tokens.length < 2) continue;
    const p = phraseStartingAt(ctx, i + 1, last);
    if (!p) continue;
    if (f.tokens.slice(1).every((w, k) => p.end + k < last && ctx.toks[p.end + k].lower === w && ctx.toks[p.end + k].inQuote < 0)) return f;
  }
  return null;
}

/** A noun of speech with a source and a that-clause: "Trump’s claim that", "his assertion that",
 *  "the statement by the ministry that", "de bewering van Trump dat". */
function nounCueAt(ctx: DocContext, i: number, first: number, last: number): CueHit | null {
  const { lex, toks } = ctx;
  const form = lex.nounCues.get(toks[i].lower);
  if (!form || (toks[i].cap && i !== first) || i + 1 >= last) return null;
  const isThat = (k: number) => k < last && ctx.word(k) && toks[k].inQuote < 0 && lex.complementizers.has(toks[k].lower);
  const possessor = i > first && toks[i - 1].inQuote < 0 && (ctx.isPossessive(i - 1) || lex.possessivePronouns.has(ctx.lower(i - 1)));
  if (possessor && isThat(i + 1)) return { i0: i, i1: i + 1, form, negated: false };
  if (lex.nounSourcePrepositions.has(ctx.lower(i + 1))) {
    const p = phraseStartingAt(ctx, i + 2, last);
    if (p && isThat(p.end)) return { i0: i, i1: i + 1, form, negated: false };
  }
  return null;
}

function negated(ctx: DocContext, i: number, first: number): boolean {
  for (let k = i - 1; k >= first && k >= i - NEGATION_WINDOW; k--) {
    const t = ctx.toks[k];
    if (t.kind === 'punct') return false;
    if (ctx.lex.negations.has(t.lower) || /n[’']t$/.test(t.lower)) return true;
  }
  return false;
}
