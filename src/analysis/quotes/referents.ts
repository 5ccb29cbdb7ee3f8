// Who a speaker phrase refers to. Primary source: the entities layer (doc.entities: one
// EntityLayer per person/organisation with all its mentions and roles). Fallback, for text the
// entities layer did not cover (or when it is empty): proper-name runs found in the article
// itself, where a surname alone ("Blinken", "Mr. Blinken") resolves to the longest full name in
// the article ending in that surname ("Antony Blinken"), and "TITLE Name" patterns ("US President
// Donald Trump", "de Israëlische premier Benjamin Netanyahu") record who holds which role, so that
// "the president" / "de premier" resolve to the holder. Fallback referents carry entity: null.
import type { EntityLayer, EntityType } from '../../types.ts';
import type { DocContext } from './context.ts';
import type { PronounInfo } from './lexicon.ts';
import type { Gender } from '../../text/gender.ts';
import type { Phrase } from './phrases.ts';
import { classify } from './phrases.ts';

export interface Referent {
  /** Stable key: the entity id, or "name:<full name>" / "src:<phrase>" for fallback referents. */
  key: string;
  name: string;
  entity: string | null;
  type: EntityType | null;
  gender?: Gender;
  plural?: boolean;
}

export interface Resolved {
  ref: Referent;
  /** Character span of the speaker as written (pronoun, mention, name, role or source phrase). */
  start: number;
  end: number;
  /** How the phrase was resolved (the evidence): an entity mention, a name, a pronoun to its
   *  antecedent, a role to its holder, an unnamed source, a transcript label, or the phrase as written. */
  via?: SpeakerVia;
  /** Pronouns: the subject they were resolved to (character span). */
  antecedent?: { start: number; end: number };
}

export type SpeakerVia = 'entity' | 'name' | 'pronoun' | 'role' | 'unnamed' | 'label' | 'phrase';

interface RoleEntry {
  role: string;
  qualifiers: Set<string>;
  former: boolean;
  ref: Referent;
  pos: number;
}

interface MentionRef {
  start: number;
  end: number;
  ref: Referent;
}

export class Referents {
  private readonly mentions: MentionRef[] = [];
  private readonly entityRefs: Referent[] = [];
  /** Fallback: lower-cased surname -> full names seen in the article, with how often each
   *  occurs (a longer run counts for its suffixes too: "Republican Donald Trump" is also one
   *  occurrence of "Donald Trump"). */
  private readonly fullNames = new Map<string, Map<string, number>>();
  private readonly fallback = new Map<string, Referent>();
  private readonly roles: RoleEntry[] = [];
  private readonly titledNames = new Map<string, Gender | null>();

  constructor(
    private readonly ctx: DocContext,
    entities: readonly EntityLayer[],
  ) {
    for (const e of entities) {
      const ref: Referent = { key: e.id, name: e.name, entity: e.id, type: e.type };
      this.entityRefs.push(ref);
      for (const m of e.mentions) this.mentions.push({ start: m.start, end: m.end, ref });
    }
    this.mentions.sort((a, b) => a.start - b.start);
    this.indexNames();
    for (const e of entities) {
      const ref = this.entityRefs.find((r) => r.key === e.id)!;
      for (const r of e.roles ?? []) this.addRoleFromText(r.role, ref, r.start);
    }
    this.indexTitledNames();
  }

  /** Full-name index for the fallback: capitalised runs of two or more name words. */
  private indexNames(): void {
    const { ctx } = this;
    for (let i = 0; i < ctx.toks.length; i++) {
      if (!ctx.isName(i) || ctx.isName(i - 1)) continue;
      let j = i;
      while ((ctx.isName(j + 1) || (ctx.isParticle(j + 1) && ctx.isName(j + 2))) && !this.lineBreakAfter(j)) j++;
      // strip titles and honorifics inside the run: keep the part after the last one
      let s = i;
      for (let k = i; k <= j; k++) {
        if (ctx.titleEndingAt(k, 0) || ctx.honorificAt(k, j + 1)) s = k + 1;
      }
      if (j - s >= 1 && !ctx.isPossessive(j - 1)) {
        const words = ctx.toks.slice(s, j + 1).map((t) => t.text.replace(/[’']s$/, ''));
        const last = words[words.length - 1].toLowerCase();
        const counts = this.fullNames.get(last) ?? new Map<string, number>();
        for (let k = 0; k + 1 < words.length; k++) {
          const full = words.slice(k).join(' ');
          counts.set(full, (counts.get(full) ?? 0) + 1);
        }
        this.fullNames.set(last, counts);
      }
      i = j;
    }
  }

  private lineBreakAfter(i: number): boolean {
    const { toks, text } = this.ctx;
    return i + 1 < toks.length && text.slice(toks[i].end, toks[i + 1].start).includes('\n');
  }

  /** "TITLE Name" patterns anywhere in the article: role entries and known-person names. */
  private indexTitledNames(): void {
    const { ctx } = this;
    for (let i = 0; i < ctx.toks.length; i++) {
      const t = ctx.titleStartingAt(i, ctx.toks.length);
      if (!t) continue;
      let n = t.end;
      // "le Premier ministre israélien Benyamin Netanyahou": nationality words after the title.
      const after: string[] = [];
      while (ctx.lex.qualifiersAfterTitle && ctx.word(n) && !ctx.toks[n].cap && ctx.lex.qualifierAliases.has(ctx.lower(n))) after.push(ctx.lower(n++));
      const hon = ctx.honorificAt(n, ctx.toks.length);
      if (hon) n = hon.end;
      if (!ctx.isName(n) || this.lineBreakAfter(n - 1)) continue;
      let e = n;
      while ((ctx.isName(e + 1) || (ctx.isParticle(e + 1) && ctx.isName(e + 2))) && !this.lineBreakAfter(e)) e++;
      if (ctx.isPossessive(e) && e > n) continue;
      // qualifiers: the words of the same phrase before the title ("Israeli", "de Amerikaanse", "former")
      let q = t.start;
      while (q - 1 >= 0 && t.start - q < 3 && ctx.word(q - 1) && !ctx.isDeterminer(q - 1) && (ctx.isName(q - 1) || ctx.lex.sourceModifiers.has(ctx.lower(q - 1)) || this.isFormer(ctx.lower(q - 1)))) q--;
      const phrase = classify(ctx, q, e + 1);
      if (!phrase || phrase.kind !== 'named') continue;
      const resolved = this.named(phrase);
      if (!resolved) continue;
      const gender = t.gender ?? hon?.gender;
      if (!resolved.ref.entity) {
        if (gender) resolved.ref.gender = gender;
        if (!resolved.ref.type) resolved.ref.type = 'PER';
      } else if (gender && !resolved.ref.gender) resolved.ref.gender = gender;
      const qualifiers = [...phrase.qualifiers, ...after.map((w) => ctx.lex.qualifierAliases.get(w) ?? w)];
      this.roles.push({ role: t.words, qualifiers: new Set(qualifiers), former: phrase.former, ref: resolved.ref, pos: ctx.toks[i].start });
      i = e;
    }
  }

  private isFormer(w: string): boolean {
    return this.ctx.lex.formerMarkers.some((f) => w === f || (f.endsWith('-') && w.startsWith(f)));
  }

  /** Role text from the entities layer ("US President") -> a role entry. */
  private addRoleFromText(role: string, ref: Referent, pos: number): void {
    const words = role.toLowerCase().split(/\s+/).filter(Boolean);
    for (let len = words.length; len >= 1; len--) {
      for (let s = 0; s + len <= words.length; s++) {
        const cand = words.slice(s, s + len);
        const last = cand[cand.length - 1];
        const hit = (this.ctx.lex.titlesByLast.get(last) ?? []).find((t) => t.tokens.join(' ') === cand.join(' '));
        if (!hit) continue;
        const before = words.slice(0, s);
        const quals = before.filter((w) => !this.isFormer(w)).map((w) => this.ctx.lex.qualifierAliases.get(w) ?? w);
        if (hit.gender && !ref.gender) ref.gender = hit.gender;
        this.roles.push({ role: cand.join(' '), qualifiers: new Set(quals), former: before.some((w) => this.isFormer(w)), ref, pos });
        return;
      }
    }
  }

  /** The entity mention overlapping char range [start, end) that ends last (the phrase head). */
  mentionIn(start: number, end: number): MentionRef | null {
    let best: MentionRef | null = null;
    for (const m of this.mentions) {
      if (m.start >= end) break;
      if (m.end <= start) continue;
      if (!best || m.end > best.end || (m.end === best.end && m.start < best.start)) best = m;
    }
    return best;
  }

  /** The referent of a named phrase: an entity mention on its head, else the fallback name. */
  named(p: Phrase): Resolved | null {
    const { ctx } = this;
    const headTok = ctx.toks[p.end - 1];
    const nameFrom = ctx.toks[p.nameStart].start;
    const m = this.mentionIn(nameFrom, ctx.toks[p.nameEnd - 1].end);
    if (m && m.end >= headTok.end - 2) {
      // "o Ministério da Saúde de Gaza": an organisation or person opening the name is the
      // speaker, not the place its last words name
      const lead = m.start > nameFrom ? this.mentions.find((x) => x.start === nameFrom && x.end < m.start) : undefined;
      if (lead && (lead.ref.type === 'ORG' || lead.ref.type === 'PER') && m.ref.type === 'LOC') return { ref: lead.ref, start: lead.start, end: lead.end };
      return { ref: m.ref, start: m.start, end: m.end };
    }
    const words = ctx.toks.slice(p.nameStart, p.nameEnd).map((t) => t.text.replace(/[’']s$/, ''));
    const ref = this.byName(words);
    if (p.gender && !ref.gender && !ref.entity) ref.gender = p.gender;
    // the span keeps an honorific written right before the name: "Mr. Blinken"
    let first = p.nameStart;
    for (let h = Math.max(p.start, p.nameStart - 2); h < p.nameStart; h++) {
      if (ctx.honorificAt(h, p.nameStart)?.end === p.nameStart) {
        first = h;
        break;
      }
    }
    const start = ctx.toks[first].start;
    const endTok = ctx.toks[p.nameEnd - 1];
    const end = ctx.isPossessive(p.nameEnd - 1) ? endTok.end - 2 : endTok.end;
    return { ref, start, end };
  }

  /** Fallback referent for a proper name: an entity with that surname, else the longest full name. */
  byName(words: string[]): Referent {
    const last = words[words.length - 1].toLowerCase();
    const full = words.join(' ');
    // an entity of the entities layer whose name ends in the same word (NER missed this mention)
    const ent = this.entityRefs.find((r) => {
      const ws = r.name.toLowerCase().split(/\s+/);
      return ws[ws.length - 1] === last && words.every((w) => ws.includes(w.toLowerCase()));
    });
    if (ent) return ent;
    // The most frequent full name containing these words (on a tie the shorter one); a shorter
    // ending of a long run only when it also occurs on its own ("Republican Donald Trump" ->
    // "Donald Trump").
    const counts = this.fullNames.get(last) ?? new Map<string, number>();
    const lw = words.map((w) => w.toLowerCase());
    let name = full;
    let best = counts.get(full) ?? 0;
    for (const [n, count] of counts) {
      const ws = n.toLowerCase().split(' ');
      const superset = lw.every((w) => ws.includes(w));
      const ending = ws.length < lw.length && lw.slice(lw.length - ws.length).join(' ') === ws.join(' ');
      if (superset && (count > best || (count === best && n.length < name.length))) {
        name = n;
        best = count;
      } else if (ending && count > best) {
        name = n;
        best = count;
      }
    }
    const key = `name:${name.toLowerCase()}`;
    let ref = this.fallback.get(key);
    if (!ref) {
      const ws = name.toLowerCase().split(' ');
      const org = ws.some((w) => this.ctx.lex.organizationWords.has(w));
      ref = { key, name, entity: null, type: org ? 'ORG' : ws.length >= 2 ? 'PER' : null };
      this.fallback.set(key, ref);
    }
    return ref;
  }

  /** An unnamed, typed source ("a senior administration official"): its own referent. */
  source(p: Phrase): Resolved {
    const { ctx } = this;
    const start = ctx.toks[p.start].start;
    const end = ctx.toks[p.end - 1].end;
    const name = ctx.text.slice(start, end);
    const key = `src:${name.toLowerCase()}`;
    let ref = this.fallback.get(key);
    if (!ref) {
      ref = { key, name, entity: null, type: null, plural: p.number === 'pl' };
      this.fallback.set(key, ref);
    }
    return { ref, start, end };
  }

  /** The holder of a role phrase ("the president", "de premier", "the Israeli leader") as of `pos`. */
  roleHolder(p: Phrase, pos: number): Referent | null {
    const role = p.title?.words;
    if (!role) return null;
    const group = this.ctx.lex.roleGroups.get(role);
    const fits = (r: RoleEntry) => r.pos < pos && r.former === p.former && p.qualifiers.every((q) => r.qualifiers.has(q));
    // the same role or one of its group ("leader" -> president, prime minister); else a role
    // ending in it ("the minister" -> "Defense Minister Anna Berg")
    let cands = this.roles.filter((r) => fits(r) && (r.role === role || group?.has(r.role)));
    if (!cands.length) cands = this.roles.filter((r) => fits(r) && r.role.endsWith(` ${role}`));
    if (!cands.length) return null;
    cands.sort((a, b) => b.pos - a.pos);
    return cands[0].ref;
  }
}

/** Whether a pronoun can refer to a referent. */
export function pronounFits(info: PronounInfo, ref: Referent): boolean {
  if (info.gender === 'm' || info.gender === 'f') {
    // a person; an untyped fallback name only when its gender is known ("Mr. X", "spokeswoman X")
    const person = (ref.type === 'PER' || (ref.type === null && !!ref.gender)) && !ref.plural && (!ref.gender || ref.gender === info.gender);
    if (person && info.number.includes('sg')) return true;
  }
  if (info.gender === 'n') return !ref.plural && ref.type !== 'PER' && !(ref.gender === 'm' || ref.gender === 'f');
  if (info.number.includes('pl')) return !!ref.plural || ref.type === 'ORG';
  return false;
}
