// Speaker finding for the cues of one unit, and the discourse memory that resolves pronouns to
// "the most recent compatible subject": every clause subject and every resolved speaker is
// remembered in text order; "he"/"hij" takes the latest one that fits (person, gender, number),
// not simply the nearest name.
import type { CueHit } from './cues.ts';
import type { DocContext } from './context.ts';
import { phraseEndingAt, phraseStartingAt, skipFillersLeft, type Phrase } from './phrases.ts';
import { pronounFits, type Referent, type Referents, type Resolved } from './referents.ts';

export interface CueInfo {
  hit: CueHit;
  /** The speaker phrase as written next to the cue, or null when the cue inherits its speaker
   *  (participles "saying", coordinated verbs "… and said", "…, en schatten dat"; side 'inherit')
   *  or when no speaker can be found (side 'none': such a cue attributes nothing). */
  phrase: Phrase | null;
  /** 'left': SPEAKER cue; 'right': cue SPEAKER (inverted, or after "according to"). */
  side: 'left' | 'right' | 'inherit' | 'none';
  speaker: Resolved | null;
  /** "X, who said": the relative pronoun's token. The speaker as written is the pronoun, its
   *  antecedent (the phrase) who that is, as for the model's relative-pronoun sources. */
  relative?: number;
}

export class Discourse {
  private readonly history: { pos: number; end: number; ref: Referent }[] = [];

  constructor(
    private readonly ctx: DocContext,
    readonly refs: Referents,
  ) {}

  /** Remembers that `ref` was the subject or speaker at char offsets [pos, end). */
  note(pos: number, ref: Referent, end = pos): void {
    let i = this.history.length;
    while (i > 0 && this.history[i - 1].pos > pos) i--;
    this.history.splice(i, 0, { pos, end, ref });
  }

  /** Resolves a speaker phrase; null for a pronoun with no fitting antecedent or no head. */
  resolve(p: Phrase): Resolved | null {
    const { ctx, refs } = this;
    const start = ctx.toks[p.start].start;
    const end = ctx.toks[p.end - 1].end;
    switch (p.kind) {
      case 'pronoun': {
        const w = ctx.lower(p.start);
        const info = ctx.lex.pronouns.get(w) ?? ctx.lex.possessivePronouns.get(w)!;
        for (let i = this.history.length - 1; i >= 0; i--) {
          const h = this.history[i];
          if (h.pos >= start) continue;
          if (pronounFits(info, h.ref)) return { ref: h.ref, start, end, via: 'pronoun', antecedent: { start: h.pos, end: h.end } };
        }
        return null;
      }
      case 'named': {
        const r = refs.named(p);
        return r && { ...r, via: r.ref.entity ? 'entity' : 'name' };
      }
      case 'role': {
        // a name ending the role phrase is its holder ("US President Trump"); a place or an
        // organisation there is what the role is of ("el ministro de Finanzas", "the head of the UN")
        const m = refs.mentionIn(start, end);
        if (m && m.end >= end - 2 && (m.ref.type === 'PER' || m.ref.type === null)) return { ref: m.ref, start, end, via: 'entity' };
        const holder = refs.roleHolder(p, start);
        if (holder) return { ref: holder, start, end, via: 'role' };
        return { ...refs.source(p), via: 'unnamed' };
      }
      case 'source': {
        const m = refs.mentionIn(start, end);
        if (m && m.end >= end - 2 && m.start <= start + 4) return { ref: m.ref, start, end, via: 'entity' };
        return { ...refs.source(p), via: 'unnamed' };
      }
    }
  }
}

/** True when a subject may start at token s: the unit start, after punctuation or a clause opener
 *  ("while", "hoewel"); for the speaker of a cue also after a complementizer ("that Trump told"). */
export function subjectBoundary(ctx: DocContext, s: number, first: number, embedded = false): boolean {
  if (s <= first) return true;
  const prev = ctx.toks[s - 1];
  if (prev.kind === 'punct') return true;
  return ctx.lex.clauseOpeners.has(prev.lower) || (embedded && (ctx.lex.complementizers.has(prev.lower) || ctx.lex.relativePronouns.has(prev.lower)));
}

/** Finds the speaker phrase of each cue of a unit (not yet resolved). */
export function locateSpeakers(ctx: DocContext, hits: CueHit[], first: number, last: number): CueInfo[] {
  return hits.map((hit) => {
    if (hit.form.noun) return nounSpeaker(ctx, hit, first, last);
    if (hit.form.prep) {
      const p = phraseStartingAt(ctx, hit.i1, last);
      return { hit, phrase: p, side: p ? 'right' : 'inherit', speaker: null } as CueInfo;
    }
    if (hit.form.tense !== 'gerund') {
      let e = skipFillersLeft(ctx, hit.i0, first);
      // "Rep. Trey Gowdy (R-S.C.) said": skip the parenthesis
      if (ctx.toks[e - 1]?.text === ')') {
        for (let k = e - 2; k > first && k >= e - 10; k--) {
          if (ctx.toks[k].text === '(') {
            e = skipFillersLeft(ctx, k, first);
            break;
          }
        }
      }
      // "X, who said" / "X, die zei": the antecedent before the relative pronoun
      if (e - 1 > first && ctx.lex.relativePronouns.has(ctx.lower(e - 1)) && ctx.toks[e - 2]?.text === ',') {
        const p = phraseEndingAt(ctx, e - 2, first);
        if (p) return { hit, phrase: p, side: 'left', speaker: null, relative: e - 1 } as CueInfo;
      }
      // "De hulporganisatie Project Hope, die de kliniek beheert, noemde", "Scott Pruitt, the
      // attorney general of Oklahoma, one of the states suing the EPA, said": skip relative
      // clauses and appositions back to a named subject
      if (ctx.toks[e - 1]?.text === ',') {
        const app = appositionHead(ctx, e - 1, first);
        if (app) return { hit, phrase: app, side: 'left', speaker: null } as CueInfo;
      }
      const left = phraseEndingAt(ctx, e, first);
      if (left && subjectBoundary(ctx, left.start, first, true) && !touchesQuote(ctx, left)) {
        return { hit, phrase: left, side: 'left', speaker: null } as CueInfo;
      }
      // "A spokeswoman for Hillary Clinton says" (a source with its prepositional phrase),
      // "Mr. Morgan of the Sierra Club said" (the person)
      if (left && left.start - 1 > first && ctx.lex.speakerPrepositions.has(ctx.lower(left.start - 1))) {
        const head = phraseEndingAt(ctx, left.start - 1, first);
        if (head && head.kind !== 'pronoun' && subjectBoundary(ctx, head.start, first, true)) {
          const phrase: Phrase = head.kind === 'named' ? head : { ...head, kind: 'source', end: left.end };
          return { hit, phrase, side: 'left', speaker: null } as CueInfo;
        }
      }
      const inverted = ctx.lex.subjectVerbInversion || hit.i0 === first || ctx.toks[hit.i0 - 1].kind === 'punct';
      const right = inverted ? phraseStartingAt(ctx, hit.i1, last) : null;
      if (right && !touchesQuote(ctx, right) && !ctx.lex.complementizers.has(ctx.lower(right.start))) {
        return { hit, phrase: right, side: 'right', speaker: null } as CueInfo;
      }
      // only a coordinated verb ("… and said", "…, en schatten dat") shares the clause's subject
      const before = ctx.toks[e - 1];
      const coordinated = e - 1 >= first && (before.text === ',' || ctx.lex.clauseOpeners.has(before.lower));
      if (!coordinated) return { hit, phrase: null, side: 'none', speaker: null } as CueInfo;
    }
    return { hit, phrase: null, side: 'inherit', speaker: null } as CueInfo;
  });
}

/** The source of a noun cue: its possessor ("Donald Trump’s claim", "his claim") or the phrase
 *  after a source preposition ("the claim by Trump that"). A noun cue opening its clause ("His
 *  claim that … was rejected") attributes nothing: where its that-clause ends is not known. */
function nounSpeaker(ctx: DocContext, hit: CueHit, first: number, last: number): CueInfo {
  const none: CueInfo = { hit, phrase: null, side: 'none', speaker: null };
  const k = hit.i0 - 1;
  if (k >= first && ctx.lex.possessivePronouns.has(ctx.lower(k))) {
    if (subjectBoundary(ctx, k, first)) return none;
    const info = ctx.lex.possessivePronouns.get(ctx.lower(k))!;
    const phrase: Phrase = { start: k, end: k + 1, kind: 'pronoun', det: null, nameStart: -1, nameEnd: -1, title: null, qualifiers: [], former: false, gender: info.gender, number: info.number.includes('sg') ? 'sg' : 'pl' };
    return { hit, phrase, side: 'left', speaker: null };
  }
  if (k >= first && ctx.isPossessive(k)) {
    const p = phraseEndingAt(ctx, hit.i0, first);
    if (!p || p.kind === 'pronoun') return none;
    const npStart = p.start > first && ctx.isDeterminer(p.start - 1) ? p.start - 1 : p.start;
    return subjectBoundary(ctx, npStart, first) ? none : { hit, phrase: p, side: 'left', speaker: null };
  }
  const npStart = k >= first && ctx.isDeterminer(k) ? k : hit.i0;
  if (subjectBoundary(ctx, npStart, first)) return none;
  const p = phraseStartingAt(ctx, hit.i1 + 1, last);
  return p ? { hit, phrase: p, side: 'right', speaker: null } : none;
}

const MAX_APPOSITION = 30;

/** The subject before one or more ", apposition," / ", who …," stretches ending at the comma `c`. */
function appositionHead(ctx: DocContext, c: number, first: number): Phrase | null {
  for (let k = c - 1; k > first && k >= c - MAX_APPOSITION; k--) {
    const t = ctx.toks[k];
    if (t.inQuote >= 0 || ctx.lex.markChars.has(t.text) || /^[.;:!?]$/.test(t.text)) return null;
    if (t.text !== ',') continue;
    const p = phraseEndingAt(ctx, k, first);
    if (p && (p.kind === 'named' || (p.kind !== 'pronoun' && p.det !== null)) && subjectBoundary(ctx, p.start, first, true)) return p;
  }
  return null;
}

function touchesQuote(ctx: DocContext, p: Phrase): boolean {
  for (let i = p.start; i < p.end; i++) if (ctx.toks[i].inQuote >= 0) return true;
  return false;
}

/** Subjects of the unit's clauses: a phrase at a clause start followed by a verb-like word. */
export function clauseSubjects(ctx: DocContext, first: number, last: number, cues: CueInfo[]): Phrase[] {
  const out: Phrase[] = [];
  const cueStarts = new Set(cues.map((c) => c.hit.i0));
  for (let s = first; s < last; s++) {
    const t = ctx.toks[s];
    if (t.kind !== 'word' || t.inQuote >= 0 || !subjectBoundary(ctx, s, first)) continue;
    const p = phraseStartingAt(ctx, s, last);
    if (!p || p.end >= last) continue;
    const n = p.end;
    const next = ctx.toks[n];
    const verbish =
      cueStarts.has(n) ||
      (next.kind === 'word' && !next.cap && (!ctx.isFunctionWord(n) || ctx.lex.auxiliaries.has(next.lower) || ctx.lex.fillers.has(next.lower))) ||
      (next.text === ',' && ctx.lex.relativePronouns.has(ctx.lower(n + 1)));
    if (verbish) out.push(p);
  }
  return out;
}
