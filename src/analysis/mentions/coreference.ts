// Within-article entity resolution: tagged names, titles, role references and pronouns become
// entities. Rules, in order:
//  1. person names (text order): a full name joins the person with the same surname and a
//     compatible first name ("Benjamin Netanyahu" <- "Netanyahu" seen earlier); a bare surname joins
//     the most recently mentioned person with that surname, or one whose surname it misspells
//     ("Kusher" -> Jared Kushner) when that person is the only candidate; two full names with
//     different first names are never merged, nor names of another gender (told by an honorific,
//     "Mrs Howard", or a given name, "Michael Howard": firstNameGender of names.json). Honorifics
//     ("Mr.") are stripped; the title right before a name becomes one of the person's roles.
//  2. other names join an entity with the same normalised name, a person whose surname or full name
//     it is (the tagger may call "Netanyahu" in "the Netanyahu government" an organisation), or
//     the multi-word name it abbreviates ("ICC", "U.S."); the entity's type is the majority vote.
//     A word built on a name ("Hamas-leiders", "Hamas-run"; languages with `hyphenCompounds`) is a
//     mention of the entity of that name when the article names it, wherever it comes.
//  3. role references ("the president", "the Israeli leader") resolve to the person holding a
//     matching role in this article: mentioned before (a bare reference only within the last few
//     sentences), with no other modifiers and no other office ("the prime minister" is not the
//     deputy prime minister); a reference in apposition to a newly named person ("the Palestinian
//     leader, Mahmoud Abbas") is that person's, not a reference (roles.ts).
//  4. third-person pronouns outside quotations resolve when exactly one compatible person is
//     mentioned before them in the sentence (or, failing that, the previous sentence); a person's
//     gender is the honorific's, else the majority of those pronouns; only entities the tagger's
//     votes call people take pronouns or roles. Plural pronouns are not in the language data and
//     never join.
import type { EntityLayer, EntityType, Mention } from '../../types.ts';
import { firstNameGender, norm, type EntityLanguage } from './language.ts';
import type { PersonGender } from '../../text/gender.ts';
import type { NameSpan, TaggedArticle } from './tag-article.ts';
import { type RolePhrase, nameIndex, roleReferences, titleBefore } from './roles.ts';
import { similarNames } from './fuzzy.ts';

/** compound: a word built on a name ("Hamas-leiders", "US-backed"); a mention, not a name. */
type MentionKind = 'name' | 'role' | 'pronoun' | 'compound';

/** Why a mention joined its entity (rendered as Mention.how). */
type Rule = 'first' | 'same-name' | 'surname' | 'first-name' | 'misspelling' | 'acronym' | 'genitive' | 'person-name' | 'role' | 'pronoun' | 'compound';

interface EntMention {
  first: number;
  end: number;
  kind: MentionKind;
  rule: Rule;
}

interface Ent {
  person: boolean;
  votes: Map<EntityType, number>;
  mentions: EntMention[];
  /** Normalised name keys (token lists) of the name mentions. */
  keys: string[][];
  lasts: Set<string>;
  firsts: Set<string>;
  titles: RolePhrase[];
  gender: PersonGender | null;
  /** Token index of the latest mention so far (for recency). */
  lastPos: number;
}

const undot = (s: string) => s.replace(/\./g, '');

export function resolveEntities(text: string, art: TaggedArticle, el: EntityLanguage): EntityLayer[] {
  const toks = art.tokens;
  const names = art.names;
  const at = nameIndex(art);
  const ents: Ent[] = [];
  const newEnt = (person: boolean): Ent => {
    const e: Ent = { person, votes: new Map(), mentions: [], keys: [], lasts: new Set(), firsts: new Set(), titles: [], gender: null, lastPos: -1 };
    ents.push(e);
    return e;
  };
  const addName = (e: Ent, n: { first: number; end: number }, key: string[], type: EntityType, rule: Rule) => {
    e.mentions.push({ first: n.first, end: n.end, kind: 'name', rule: e.mentions.length === 0 ? 'first' : rule });
    e.votes.set(type, (e.votes.get(type) ?? 0) + 1);
    // each distinct key once: the keys are searched at every name, so one per mention made an
    // article naming one person thousands of times quadratic
    const joinedKey = key.join(' ');
    if (!e.keys.some((k) => k.join(' ') === joinedKey)) e.keys.push(key);
    e.lastPos = Math.max(e.lastPos, n.first);
    if (e.person) {
      e.lasts.add(key[key.length - 1]);
      if (key.length > 1) e.firsts.add(key[0]);
    }
  };

  // 1. persons
  const personOf = new Map<number, Ent>();
  names.forEach((n, ni) => {
    if (n.type !== 'PER' || n.end <= n.first) return;
    const key = nameKey(art, n);
    const hon = n.first > 0 ? el.honorifics.get(toks[n.first - 1].norm) : undefined;
    // a given name tells the gender too ("Michael Howard", "Sandra Howard")
    const sex = hon ?? (key.length > 1 ? firstNameGender(key[0]) : null);
    // "Mrs Howard" is not the Michael Howard that "Mr Howard" named
    const match = matchPerson(ents.filter((e) => !sex || !e.gender || e.gender === sex), key);
    const e = match?.e ?? newEnt(true);
    addName(e, n, key, 'PER', match?.rule ?? 'first');
    personOf.set(ni, e);
    if (sex) e.gender = sex;
    const title = titleBefore(art, el, at, n.first - (hon !== undefined ? 1 : 0));
    if (title) e.titles.push(title);
  });

  // 2. other names
  const others: Ent[] = [];
  const compounds: { n: NameSpan; key: string[]; head: string }[] = [];
  names.forEach((n, ni) => {
    if (personOf.has(ni) || n.end <= n.first) return;
    const written = nameKey(art, n);
    const key = genitiveKey(written, names, art, el);
    const joined = key.join(' ');
    const person = ents.find((e) => e.person && (e.keys.some((k) => k.join(' ') === joined) || (key.length === 1 && e.lasts.has(key[0]))));
    const same = person ?? others.find((e) => e.keys.some((k) => k.join(' ') === joined || isAcronym(k, key) || isAcronym(key, k)));
    const rule: Rule = person
      ? 'person-name'
      : key !== written
        ? 'genitive'
        : same && !same.keys.some((k) => k.join(' ') === joined)
          ? 'acronym'
          : 'same-name';
    const head = same ? null : compoundHead(art, n, el);
    if (head) {
      compounds.push({ n, key, head });
      return;
    }
    const e = same ?? newEnt(false);
    if (!same) others.push(e);
    addName(e, n, key, n.type, rule);
  });
  // a word built on a name the article names ("Hamas-leiders", "US-backed") mentions that entity;
  // otherwise it is a name of its own
  for (const { n, key, head } of compounds) {
    const named = ents.find((e) => e.keys.some((k) => k.length === 1 && k[0] === head) || (e.person && e.lasts.has(head)));
    if (named) {
      named.mentions.push({ first: n.first, end: n.end, kind: 'compound', rule: 'compound' });
      continue;
    }
    const joined = key.join(' ');
    const e = others.find((x) => x.keys.some((k) => k.join(' ') === joined)) ?? newEnt(false);
    if (!others.includes(e)) others.push(e);
    addName(e, n, key, n.type, 'same-name');
  }

  // 3. role references: only to people the article's votes call people (a "person" named
  // "Labour" once by the tagger and an organisation everywhere else takes no "he" and no role)
  const persons = ents.filter((e) => e.person && isMostlyPerson(e));
  for (const ref of roleReferences(art, el, at)) {
    const e = resolveRole(ref, persons, art, el.otherOffice);
    if (e) e.mentions.push({ first: ref.first, end: ref.end, kind: 'role', rule: 'role' });
  }

  // 4. pronouns
  resolvePronouns(text, art, el, persons);

  return ents
    .filter((e) => e.mentions.some((m) => m.kind === 'name'))
    .map((e) => toLayer(text, art, e))
    .sort((a, b) => a.mentions[0].start - b.mentions[0].start)
    .map((e, i) => ({ ...e, id: `e${i + 1}` }));
}


function nameKey(art: TaggedArticle, n: { first: number; end: number }): string[] {
  const out: string[] = [];
  for (let k = n.first; k < n.end; k++) {
    const w = undot(art.tokens[k].norm);
    if (w) out.push(w);
  }
  return out.length ? out : [art.tokens[n.first].norm];
}

/** Dutch-style genitive ("Israëls" -> "israël") when the bare form is also named in the article. */
function genitiveKey(key: string[], names: NameSpan[], art: TaggedArticle, el: EntityLanguage): string[] {
  if (key.length !== 1 || !el.genitiveSuffixes.length) return key;
  const w = key[0];
  for (const suf of el.genitiveSuffixes) {
    if (w.length > suf.length + 2 && w.endsWith(suf)) {
      const base = w.slice(0, -suf.length);
      if (names.some((n) => n.end - n.first === 1 && undot(art.tokens[n.first].norm) === base)) return [base];
    }
  }
  return key;
}

/** The name a one-word compound is built on, when the language writes such words with a hyphen and
 *  a lower-case rest: "Hamas-leiders" -> "hamas", "US-backed" -> "us". */
function compoundHead(art: TaggedArticle, n: NameSpan, el: EntityLanguage): string | null {
  if (!el.hyphenCompounds || n.end - n.first !== 1) return null;
  const m = /^(\p{Lu}[\p{L}\p{N}.]*)-\p{Ll}[\p{Ll}-]*$/u.exec(art.tokens[n.first].text);
  return m ? undot(norm(m[1])) : null;
}

function firstCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  // an initial matches the full first name: "j" ~ "jared"
  return (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));
}

function mostRecent(cands: Ent[]): Ent | null {
  let best: Ent | null = null;
  for (const c of cands) if (!best || c.lastPos > best.lastPos) best = c;
  return best;
}

/** The person a name refers to, among those seen so far, and why (null: a new person). */
function matchPerson(ents: Ent[], key: string[]): { e: Ent; rule: Rule } | null {
  const persons = ents.filter((e) => e.person);
  const joined = key.join(' ');
  const found = (e: Ent | null, rule: Rule) => (e ? { e, rule } : null);
  const exact = persons.filter((e) => e.keys.some((k) => k.length > 1 && k.join(' ') === joined));
  if (exact.length) return found(mostRecent(exact), 'same-name');
  const last = key[key.length - 1];
  if (key.length > 1) {
    const first = key[0];
    const compatible = (e: Ent) => e.firsts.size === 0 || [...e.firsts].some((f) => firstCompatible(f, first));
    const same = persons.filter((e) => e.lasts.has(last) && compatible(e));
    if (same.length) return found(mostRecent(same), 'same-name');
    // misspelt surname with the same first name
    const fuzzy = persons.filter((e) => e.firsts.size > 0 && compatible(e) && [...e.lasts].some((l) => similarNames(l, last)));
    return fuzzy.length === 1 ? found(fuzzy[0], 'misspelling') : null;
  }
  const bySurname = persons.filter((e) => e.lasts.has(last));
  if (bySurname.length) return found(mostRecent(bySurname), 'surname');
  const byFirst = persons.filter((e) => e.firsts.has(last));
  if (byFirst.length === 1) return found(byFirst[0], 'first-name');
  const fuzzy = persons.filter((e) => [...e.lasts].some((l) => similarNames(l, last)));
  return fuzzy.length === 1 ? found(fuzzy[0], 'misspelling') : null;
}

/** Whether `short` (one token, e.g. "icc", "us") abbreviates the multi-word name `long`. */
function isAcronym(short: string[], long: string[]): boolean {
  if (short.length !== 1 || long.length < 2) return false;
  const initials = long.filter((w) => w.length > 0).map((w) => w[0]).join('');
  const content = long.filter((w) => w.length > 3 || long.length <= 2).map((w) => w[0]).join('');
  return short[0].length >= 2 && (short[0] === initials || short[0] === content);
}

/** The person holding the role a reference names; null when none or no way to choose. */
function resolveRole(ref: RolePhrase, persons: Ent[], art: TaggedArticle, otherOffice: Set<string>): Ent | null {
  const refHead = ref.head.split(' ');
  const holds = (e: Ent) =>
    e.titles.some((t) => {
      if (ref.leader) return t.leader;
      const h = t.head.split(' ');
      // "secretary" ~ "secretary of state", "minister" ~ "defense minister"
      for (let i = 0; i + refHead.length <= h.length; i++) if (refHead.every((w, j) => h[i + j] === w)) return true;
      return false;
    });
  const cands = persons.filter(holds);
  if (!cands.length) return null;
  const mods = ref.modifiers;
  const modScore = (e: Ent) => {
    const all = e.titles.flatMap((t) => t.modifiers);
    // "the prime minister" is not the deputy prime minister, "the chancellor" not the shadow chancellor
    if (all.some((m) => otherOffice.has(m) && !mods.includes(m))) return -1;
    if (!mods.length) return 0;
    const hits = mods.filter((m) => all.includes(m)).length;
    if (hits === 0 && all.length > 0) return -1; // a title with other modifiers: someone else
    return hits;
  };
  const scored = cands.map((e) => ({ e, s: modScore(e) })).filter((x) => x.s >= 0);
  if (!scored.length) return null;
  const top = Math.max(...scored.map((x) => x.s));
  const best = scored.filter((x) => x.s === top).map((x) => x.e);
  // mentioned before; a bare reference ("the president", "the leader") only recently: in its
  // sentence or the few before it (one whose modifiers match, "the Israeli Prime Minister", may look further)
  const sentOf = (k: number) => art.tokens[k].sent;
  const recent = (m: EntMention) => m.first < ref.first && (top > 0 || sentOf(ref.first) - sentOf(m.first) <= ROLE_WINDOW);
  const before = best.filter((e) => e.mentions.some(recent));
  if (before.length) {
    // the most recently mentioned before the reference
    let pick: Ent | null = null;
    let pos = -1;
    for (const e of before) {
      const p = Math.max(...e.mentions.filter(recent).map((m) => m.first));
      if (p > pos) {
        pos = p;
        pick = e;
      }
    }
    return pick;
  }
  // named only later (a reference that introduces the person): the one candidate, if it is the only one
  return best.length === 1 && !best[0].mentions.some((m) => m.first < ref.first) ? best[0] : null;
}

/** How many sentences back a role reference ("the president") may look for the person it names. */
const ROLE_WINDOW = 3;

/** True when the tagger's votes for the entity's names make it a person at least as often as anything else. */
function isMostlyPerson(e: Ent): boolean {
  const per = e.votes.get('PER') ?? 0;
  for (const [t, n] of e.votes) if (t !== 'PER' && n > per) return false;
  return true;
}

/**
 * Pronouns ("he", "her") join the one compatible person named just before them. A person's gender
 * comes from an honorific ("Mr.", "Mrs.") or else from the majority of the pronouns that would join
 * them with no gender known; so one "her" about an unnamed woman after "Tony Blair" does not make
 * Blair a woman, and pronouns against the gender so found are not joined. Pronouns of the other
 * gender, and plural pronouns (which the language data does not list), never join.
 */
function resolvePronouns(text: string, art: TaggedArticle, el: EntityLanguage, persons: Ent[]): void {
  if (!el.pronouns.size || !persons.length) return;
  const inQuote = quoteMask(text);
  const toks = art.tokens;
  const named = new Map<number, Ent>();
  for (const e of persons) for (const m of e.mentions) if (m.kind !== 'pronoun') named.set(m.first, e);
  // genderOf: null = any pronoun may join; 'none' = none may (pronouns split evenly)
  const pass = (genderOf: (e: Ent) => PersonGender | 'none' | null): { i: number; e: Ent; g: PersonGender }[] => {
    const out: { i: number; e: Ent; g: PersonGender }[] = [];
    const mentionAt = new Map(named);
    for (let i = 0; i < toks.length; i++) {
      const g = el.pronouns.get(toks[i].norm);
      if (!g || inQuote[toks[i].start]) continue;
      const sent = art.sentences[toks[i].sent];
      const window = (from: number, to: number) => {
        const found = new Set<Ent>();
        for (let k = from; k < to; k++) {
          const e = mentionAt.get(k);
          const eg = e ? genderOf(e) : null;
          if (e && (eg === null || eg === g)) found.add(e);
        }
        return found;
      };
      let cands = window(sent.start, i);
      if (!cands.size && toks[i].sent > 0) cands = window(art.sentences[toks[i].sent - 1].start, sent.start);
      if (cands.size !== 1) continue;
      const e = [...cands][0];
      out.push({ i, e, g });
      mentionAt.set(i, e);
    }
    return out;
  };
  // the gender the pronouns tell, by majority, for people no honorific tells
  const votes = new Map<Ent, { m: number; f: number }>();
  for (const { e, g } of pass((e) => e.gender)) {
    if (e.gender !== null) continue;
    const v = votes.get(e) ?? { m: 0, f: 0 };
    v[g]++;
    votes.set(e, v);
  }
  for (const [e, v] of votes) if (v.m !== v.f) e.gender = v.m > v.f ? 'm' : 'f';
  for (const { i, e } of pass((e) => (e.gender === null && votes.has(e) ? 'none' : e.gender))) {
    e.mentions.push({ first: i, end: i + 1, kind: 'pronoun', rule: 'pronoun' });
  }
}


/** For each character: inside a quotation (straight or curly double quotes; reset per line). */
function quoteMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length + 1);
  let open = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') open = false;
    else if (c === '“' || c === '„') open = true;
    else if (c === '”') open = false;
    else if (c === '"') open = !open;
    mask[i] = open ? 1 : 0;
  }
  return mask;
}

function toLayer(text: string, art: TaggedArticle, e: Ent): Omit<EntityLayer, 'id'> {
  const toks = art.tokens;
  const span = (first: number, end: number): Mention => {
    const start = toks[first].start;
    const stop = toks[end - 1].end;
    return { start, end: stop, text: text.slice(start, stop) };
  };
  const seen = new Set<string>();
  const mentionsRaw = e.mentions
    .map((m) => ({ ...span(m.first, m.end), rule: m.rule }))
    .filter((m) => (seen.has(`${m.start}:${m.end}`) ? false : (seen.add(`${m.start}:${m.end}`), true)))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  // the fullest name: most tokens, then the longest text, then the earliest
  let best: EntMention | null = null;
  for (const m of e.mentions) {
    if (m.kind !== 'name') continue;
    if (!best || m.end - m.first > best.end - best.first) best = m;
  }
  const name = span(best!.first, best!.end).text;
  let type: EntityType = e.person ? 'PER' : 'ORG';
  let top = -1;
  for (const [t, n] of e.votes) {
    if (n > top || (n === top && t === 'PER')) {
      top = n;
      type = t;
    }
  }
  const roles = e.titles.map((t) => {
    const r = span(t.first, t.end);
    return { role: r.text.replace(/\s+/g, ' '), start: r.start, end: r.end, text: r.text };
  });
  const mentions = mentionsRaw.map(({ rule, ...m }) => ({ ...m, how: howText(rule, name, roles[0]?.role) }));
  return { name, type, mentions, ...(roles.length ? { roles } : {}) };
}

/** Why a mention belongs to the entity named `name`, in words (Mention.how). */
function howText(rule: Rule, name: string, role: string | undefined): string {
  switch (rule) {
    case 'first':
      return 'first mention';
    case 'same-name':
      return `same name as ${name}`;
    case 'surname':
      return `surname of ${name}, the last person of that name mentioned`;
    case 'first-name':
      return `first name of ${name}, the only person with that first name`;
    case 'misspelling':
      return `misspelling of ${name}, the only person with a name this close`;
    case 'acronym':
      return `abbreviation of ${name}`;
    case 'genitive':
      return `genitive of ${name}`;
    case 'person-name':
      return `name of the person ${name} (tagged as another type here)`;
    case 'role':
      return role ? `refers to the ${role}, ${name}` : `refers to ${name} by role`;
    case 'pronoun':
      return `pronoun: ${name} is the one matching person named just before`;
    case 'compound':
      return `word built on the name ${name}`;
  }
}
