// Cross-article, cross-language entity resolution. Each article's entity layer (people,
// organisations, places already merged within the article) is linked, entity by entity, to global
// entities: by alias tables (countries, organisations, regions), by normalised name, by surname
// (only with evidence: the only person of that surname, one named in the same article or story, or
// one whose role or company matches), and by one-letter typos inside the same article or story.
// Every link and every merge records its reason, so `explain` can show why mentions were merged.
// The resolver is incremental (one article at a time) and uses only maps keyed by folded names,
// surnames and one-deletion variants: adding an article never compares it with every entity.
import type { EntityLayer, EntityType } from '../../types.ts';
import { type AliasHit, type AliasTables, defaultAliasTables, lookupAlias } from './aliases.ts';
import { EntityIndex, type Rec, TYPO_ACROSS_MIN_LENGTH, TYPO_MIN_LENGTH, displayName, fullestName, otherGender, surnamesOf, thingType } from './entity-index.ts';
import type { ArticleEntities, EntityLink, EntityMerge, EntityRow, Explanation, GlobalEntity, LinkRule, ResolvedArticle, ResolverState } from './shapes.ts';
import {
  acronymsOf,
  cleanName,
  companyCore,
  facilityCore,
  firstNamesMatch,
  foldedTokens,
  genitiveVariants,
  initialsOf,
  isAllCaps,
  nameKey,
  personName,
  spellingKey,
  singularVariants,
} from './normalise.ts';
import type { PersonGender } from '../../text/gender.ts';
import { entityLanguage, firstNameGender } from '../../analysis/mentions/language.ts';
import { foldName } from '../../text/fold.ts';
import { withinOneEdit } from '../../text/edit-distance.ts';

export type * from './shapes.ts';

/** One local entity being resolved. */
interface Item {
  layer: EntityLayer;
  type: EntityType;
  display: string;
  folded: string;
  tokens: string[];
  allCaps: boolean;
  roles: string[];
  /** PersonGender told by the titles of the name or mentions, else its given name, else the pronouns joined to it; null when none tells or they disagree. */
  gender: PersonGender | null;
  /** True when only pronouns tell the gender (a mistagged "Tory ... he" is still the party). */
  genderFromPronouns: boolean;
}

interface Decision {
  key: string;
  rule: LinkRule;
  reason: string;
  /** Another known entity the item shows to be the same as `key` ("Creighton Bluejays" joins "Creighton" and "Bluejays"): merged into it. */
  absorb?: { key: string; reason: string };
}

/**
 * Surnames at least this long may differ by one edit in a person's full name across articles (with the
 * same given name): "Campell" / "Campbell"; shorter ones are too often two people ("Davies" / "Davis",
 * "Peston" / "Preston" on BBC).
 */
const TYPO_ACROSS_LENGTH = 7;

/** Acronyms at least this long are matched across articles ("AMPAS", "CEC"; not "CU"). */
const ACRONYM_MIN_LENGTH = 3;

/** English prepositions that a headline's capitals put in front of a place's name ("Of Betty Ford Treatment Center", "In Queens"): never its first word. */
const LEADING_PREPOSITIONS = new Set(['of', 'in', 'at', 'from', 'into', 'to']);

/** Words after which a country is part of a name, not a company's market ("Bank of England"). */
const LINK_WORDS = new Set(['of', 'the', 'for', 'and', 'de', 'van', 'von', 'du', 'des', 'der']);

/** A mention that writes the entity's name, not a pronoun or role phrase the article joined to it (Mention.how of the mentions layer). */
function isNameMention(m: { how?: string }): boolean {
  return !m.how || !(m.how.startsWith('pronoun:') || m.how.startsWith('refers to '));
}

function q(s: string): string {
  return `'${s}'`;
}

/** Role words that carry meaning (not "of", "de", "us"). */
function roleWords(role: string): string[] {
  return foldedTokens(foldName(role)).filter((w) => w.length >= 4);
}

/**
 * The initials by which a longer organisation name is matched across articles: of every word, or of
 * the words that are not small words, three letters or more; none for a name with a word in capitals
 * ("IRB Rugby Aid" is not the IRA) or of fewer than two words.
 */
function crossArticleAcronyms(display: string, folded: string, withThe = true): string[] {
  if (!display || display.split(/[\s-]+/).some((w) => w.replace(/[^\p{L}]/gu, '').length >= 2 && isAllCaps(w))) return [];
  const t = foldedTokens(companyCore(folded) ?? folded);
  if (t.length < 2) return [];
  // with a T for a leading "The", which names drop ("THR" for "The Hollywood Reporter")
  const initials = initialsOf(t);
  return [...initials, ...(withThe ? initials.map((a) => `t${a}`) : [])].filter((a) => a.length >= ACRONYM_MIN_LENGTH);
}

function middlesCompatible(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  if (a.length !== b.length) return false;
  return a.every((x, i) => x === b[i] || (x.length === 1 && b[i].startsWith(x)) || (b[i].length === 1 && x.startsWith(b[i])));
}

const NUMBER_WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS_WORDS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/**
 * A nickname, a given name alone or a facility's short name joins a known entity only when it was named
 * before with at least this many entities of the article (none from the alias tables): one shared
 * name ("Europe", "Jude Law") let "Greens" be Greensleeves and "Troy" a trophy on BBC.
 */
const NICKNAME_CONTEXT = 2;

/** A given name alone is weighed against at most this many people of that given name (else it tells too little). */
const GIVEN_NAME_CANDIDATES = 8;

/** Clipped forms are indexed by the first 3 to 5 letters of a word of at least this many letters. */
const CLIP_WORD_LENGTH = 6;

/**
 * The part terms a word of an organisation's name is found by through a nickname: its number read
 * out to the last word ("76ers" -> "#sixers", "49ers" -> "#niners") and its first three to five
 * letters ("philadelphia" -> "~phi", "~phil", "~phila").
 */
function nicknameTerms(word: string): string[] {
  const out: string[] = [];
  const n = /^(\d{1,2})([a-z]+)$/.exec(word);
  if (n) {
    const v = Number(n[1]);
    const spoken = v < 20 ? NUMBER_WORDS[v] : v % 10 === 0 ? TENS_WORDS[v / 10] : NUMBER_WORDS[v % 10];
    if (spoken) out.push(`#${spoken.replace(/e$/, '')}${n[2]}`, `#${spoken}${n[2]}`);
  }
  if (/^\p{L}+$/u.test(word) && word.length >= CLIP_WORD_LENGTH) for (let k = 3; k <= 5; k++) out.push(`~${word.slice(0, k)}`);
  return [...new Set(out)];
}

/** The part terms a written nickname word is looked up by (see nicknameTerms): "sixers" -> "#sixers"; "philly" -> "~phill", "~phil". */
function nicknameQueries(word: string): string[] {
  if (!/^\p{L}{3,}$/u.test(word)) return [];
  const out = new Set<string>([`#${word}`]);
  for (const ending of ['ies', 'ie', 'ly', 'y', 's']) {
    if (!word.endsWith(ending)) continue;
    let stem = word.slice(0, -ending.length);
    if (/(\p{L})\1$/u.test(stem)) stem = stem.slice(0, -1);
    if (stem.length >= 3 && stem.length <= 5) out.add(`~${stem}`);
  }
  return [...out];
}

export interface ResolverOptions {
  aliases?: AliasTables;
}

export class EntityResolver {
  private readonly tables: AliasTables;
  private readonly index: EntityIndex;
  /** The context of the article being resolved (contextKeys), computed when a rule first asks. */
  private context: (() => string[]) | null = null;

  constructor(options: ResolverOptions = {}, index: EntityIndex = new EntityIndex()) {
    this.tables = options.aliases ?? defaultAliasTables();
    this.index = index;
    // The index finds organisations by the cores of their names ("intel" for "Intel Corp", "t-mobile"
    // for "T-Mobile USA"), by the first and last words of their longer names ("saints", "new orleans"
    // for "New Orleans Saints") and by the acronyms of their longer names ("ampas" for "Academy of
    // Motion Picture Arts and Sciences"), by these rules; people by the spelling-tolerant key of their
    // surnames and non-person entities by their names in one English spelling (entity-index.ts).
    index.useCompanyTerms((folded) => this.companyTerms(folded));
    index.useAcronyms(crossArticleAcronyms);
    for (const r of index.all()) {
      for (const name of r.names.keys()) {
        if (!r.isPerson) {
          this.indexCores(r.key, foldName(name), (r.types.get('ORG') ?? 0) > 0, name);
          this.indexSpelling(r.key, foldName(name));
        }
        else this.indexLastName(r.key, foldedTokens(foldName(name)));
      }
    }
  }

  /** A resolver over a store's entity tables, reading entities as it needs them (`EntityIndex.over`). */
  static over(index: EntityIndex, options: ResolverOptions = {}): EntityResolver {
    return new EntityResolver(options, index);
  }

  /** Entities in memory (the cache, over a store). */
  get cached(): number {
    return this.index.size;
  }

  /** The store has applied every merge so far. */
  settled(): void {
    this.index.settled();
  }

  /** The name parts of these entities a store keeps for lookups (over a store). */
  termRows(keys: string[]): ReturnType<EntityIndex['termRows']> {
    return this.index.termRows(keys);
  }

  /** A resolver that continues from a saved state (`state()`); indexes are rebuilt from the rows. */
  static fromState(state: ResolverState, options: ResolverOptions = {}): EntityResolver {
    return new EntityResolver(options, EntityIndex.fromState(state));
  }

  /** Every entity, link, merge and article so far, as rows a store can persist and `fromState` can load. */
  state(): ResolverState {
    return this.index.toState();
  }

  /**
   * Rows of the given entities (current keys; merged-away keys are skipped): what a store upserts
   * after `add`, for the keys in `ResolvedArticle.changed`.
   */
  entityRows(keys: string[]): EntityRow[] {
    const recs = [...new Set(keys.map((k) => this.index.current(k)))].map((k) => this.index.get(k)).filter((r): r is Rec => !!r);
    return recs.map((r) => this.index.row(r));
  }

  /** Resolves one article's entities and adds them to the global entities. Adding the same article id again changes nothing. */
  add(article: ArticleEntities): ResolvedArticle {
    const known = this.index.articleLinks(article.id);
    if (known) {
      const keyOf = new Map(known.map((l) => [l.localId, l.key]));
      return {
        articleId: article.id,
        entities: article.entities.map((e) => (keyOf.has(e.id) ? { ...e, key: keyOf.get(e.id) } : { ...e })),
        links: known,
        merges: [],
        changed: [],
      };
    }
    const storyId = article.storyId ?? null;
    const items = article.entities.map((e) => this.item(e, article.language)).filter((i): i is Item => i !== null);
    const assigned = new Map<Item, string>();
    const articleKeys = new Set<string>();
    const links: EntityLink[] = [];
    const merges: EntityMerge[] = [];
    const changed = new Set<string>();
    let context: string[] | null = null;
    this.context = () => (context ??= this.contextKeys(items, articleKeys));

    const link = (item: Item, d: Decision): void => {
      const l: EntityLink = {
        articleId: article.id,
        localId: item.layer.id,
        name: item.layer.name,
        type: item.type,
        key: d.key,
        rule: d.rule,
        reason: d.reason,
      };
      // a person-tagged name linked to an organisation brings its names, not the pronouns and
      // role phrases the article joined to it as to a person
      const own = item.type === 'PER' && !this.rec(d.key).isPerson ? item.layer.mentions.filter(isNameMention) : item.layer.mentions;
      const mentions = own.length > 0 ? own.map((m) => m.text) : [item.layer.name];
      this.index.attach(this.rec(d.key), {
        type: item.type,
        display: item.display,
        mentions,
        roles: item.roles,
        gender: item.gender,
        language: article.language,
        articleId: article.id,
        storyId,
      });
      if (item.type === 'ORG' && !this.rec(d.key).isPerson) this.indexCores(d.key, item.folded, true, item.display);
      else if (item.type === 'LOC' && !this.rec(d.key).isPerson) this.index.addCores(d.key, item.folded);
      if (item.type === 'PER' && this.rec(d.key).isPerson) this.indexLastName(d.key, item.tokens);
      if (!this.rec(d.key).isPerson) this.indexSpelling(d.key, item.folded);
      assigned.set(item, d.key);
      articleKeys.add(d.key);
      links.push(l);
      changed.add(d.key);
    };

    // Organisations and places first, longer names before shorter, so that short forms ("Colts",
    // "USGS") find them in the article; then people's full names, then single names.
    const others = items.filter((i) => i.type !== 'PER').sort((a, b) => b.tokens.length - a.tokens.length);
    // A person-tagged plural nationality ("Qataris", "Palestijnen") names a people, not a person.
    const peoples = new Map<Item, Decision>();
    // So does a person-tagged name of an organisation the corpus knows ("Labour", "Tories").
    for (const i of items) {
      const d = i.type === 'PER' ? (this.pluralNationality(i, article.language) ?? this.organisationTaggedAsPerson(i, article.language)) : null;
      if (d) peoples.set(i, d);
    }
    const people = items.filter((i) => i.type === 'PER' && !peoples.has(i));
    const fullNames = people.filter((i) => i.tokens.length > 1);
    const singles = people.filter((i) => i.tokens.length === 1);
    for (const item of others) {
      const d = this.resolveOther(item, article.language, assigned);
      link(item, d);
      const from = d.absorb ? this.index.get(this.index.current(d.absorb.key)) : undefined;
      const to = this.rec(this.index.current(d.key));
      if (d.absorb && from && from !== to) {
        const m: EntityMerge = { from: from.key, to: to.key, articleId: article.id, reason: d.absorb.reason };
        this.index.merge(from, to, m);
        merges.push(m);
        changed.add(m.to);
        for (const l of links) if (l.key === m.from) l.key = m.to;
        for (const [i, k] of assigned) if (k === m.from) assigned.set(i, m.to);
        articleKeys.delete(m.from);
      }
    }
    for (const [item, d] of peoples) link(item, d);
    for (const item of fullNames) {
      const d = this.resolveFullName(item, article.id, storyId, assigned, articleKeys);
      link(item, d);
      if (d.rule === 'new') {
        for (const m of this.absorbSurnameEntities(this.rec(d.key), article.id)) {
          merges.push(m);
          changed.add(m.to);
          for (const l of links) if (l.key === m.from) l.key = m.to;
          for (const [i, k] of assigned) if (k === m.from) assigned.set(i, m.to);
          articleKeys.delete(m.from);
        }
      }
    }
    // Single names: surnames of known people first; evidence (roles, company) is weighed only once
    // the unambiguous names are in place; then typos, first names and the rest.
    let rest: Item[] = [];
    for (const weigh of [false, true]) {
      const pending = weigh ? rest : singles;
      rest = [];
      for (const item of pending) {
        const d = this.surnameDecision(item, storyId, articleKeys, weigh);
        if (d) link(item, d);
        else rest.push(item);
      }
    }
    for (const item of rest) link(item, this.resolveSingleName(item, article.id, storyId, assigned, articleKeys));

    const order = new Map(article.entities.map((e, i) => [e.id, i]));
    links.sort((a, b) => (order.get(a.localId) ?? 0) - (order.get(b.localId) ?? 0));
    this.index.recordArticle(article.id, article.language, article.publishedAt, storyId, links, articleKeys);

    const keyOf = new Map<string, string>();
    for (const [item, key] of assigned) keyOf.set(item.layer.id, this.index.current(key));
    return {
      articleId: article.id,
      entities: article.entities.map((e) => (keyOf.has(e.id) ? { ...e, key: keyOf.get(e.id) } : { ...e })),
      links: links.map((l) => ({ ...l, key: this.index.current(l.key) })),
      merges,
      changed: [...new Set([...changed].map((k) => this.index.current(k)))],
    };
  }

  /** All global entities, most mentioned first. */
  entities(): GlobalEntity[] {
    return [...this.index.all()].map((r) => this.index.view(r)).sort((a, b) => b.mentionCount - a.mentionCount || a.key.localeCompare(b.key));
  }

  /** One global entity by key (former keys are followed) or, failing that, the most mentioned one a name stands for. */
  entity(nameOrKey: string): GlobalEntity | undefined {
    const [key] = this.find(nameOrKey);
    return key ? this.index.view(this.rec(key)) : undefined;
  }

  /** The current key of a key that may have been merged away. */
  current(key: string): string {
    return this.index.current(key);
  }

  /** Why the mentions of the entity (or entities) a name or key stands for were merged. */
  explain(nameOrKey: string): Explanation {
    return {
      query: nameOrKey,
      entities: this.find(nameOrKey).map((k) => {
        const r = this.rec(k);
        const v = this.index.view(r);
        return { key: r.key, name: v.name, type: v.type, links: r.links.map((l) => ({ ...l })), merges: r.merges.map((m) => ({ ...m })) };
      }),
    };
  }

  /** Keys of the entities a key or name stands for (names, mention texts, surnames, aliases), most mentioned first. */
  find(nameOrKey: string): string[] {
    const direct = this.index.current(nameOrKey);
    if (this.index.get(direct)) return [direct];
    const found = new Set<string>();
    const folded = foldName(nameOrKey);
    const asPerson = cleanName(nameOrKey, { type: 'PER' }).folded;
    for (const f of [folded, asPerson]) {
      for (const k of this.index.byFoldedName(f)) found.add(k);
      for (const k of this.index.bySurfaceOf(f)) found.add(k);
    }
    for (const k of this.index.bySurnameOf(asPerson)) found.add(k);
    if (found.size === 0) {
      const r = lookupAlias(this.tables, folded, { language: '*', allCaps: isAllCaps(nameOrKey) });
      const hits = r.status === 'found' ? [r.hit] : r.status === 'ambiguous' ? r.candidates : [];
      for (const h of hits) if (this.index.get(h.entity.key)) found.add(h.entity.key);
    }
    return [...found].sort((a, b) => this.rec(b).mentionCount - this.rec(a).mentionCount || a.localeCompare(b));
  }

  // ---- resolution -------------------------------------------------------------------------

  private rec(key: string): Rec {
    const rec = this.index.get(key);
    if (!rec) throw new Error(`no entity ${key}`);
    return rec;
  }

  private label(key: string): string {
    return q(fullestName(this.rec(key)));
  }

  private item(layer: EntityLayer, language: string): Item | null {
    let clean = cleanName(layer.name, { language, type: layer.type });
    let allCaps = isAllCaps(layer.name);
    if (!clean.folded) {
      const m = layer.mentions.find((x) => cleanName(x.text, { language, type: layer.type }).folded);
      if (!m) return null;
      clean = cleanName(m.text, { language, type: layer.type });
      allCaps = isAllCaps(m.text);
    }
    if (layer.type !== 'PER') {
      // a web address stands for its name ("People.com", "TMZ.com"), and a capitalised preposition
      // before a place's name is a headline's ("Of Betty Ford Treatment Center", "In Queens"; titles
      // and organisations may start with one: "In Good Company", "To Vima")
      const web = /^(.*\p{L}.*)\.(?:com|net|org|co\.uk)$/iu.exec(clean.display);
      if (web) clean = { ...clean, display: web[1], folded: foldName(web[1]) };
      const lead = /^(\p{Lu}\p{Ll}+)\s+(?=\p{Lu})/u.exec(clean.display);
      if (lead && layer.type === 'LOC' && LEADING_PREPOSITIONS.has(lead[1].toLowerCase())) {
        const rest = clean.display.slice(lead[0].length);
        clean = { ...clean, display: rest, folded: foldName(rest) };
      }
    }
    const genders = new Set<PersonGender>();
    let fromPronouns = false;
    if (layer.type === 'PER') {
      for (const text of [layer.name, ...layer.mentions.filter(isNameMention).map((m) => m.text)]) {
        const c = cleanName(text, { language, type: 'PER' });
        // a title tells the gender ("Mr.", "Miss"), else a given name ("Katie Jenkin")
        const t = foldedTokens(c.folded);
        const g = c.gender ?? (t.length > 1 ? firstNameGender(personName(t).core[0] ?? '') : null);
        if (g) genders.add(g);
      }
      // else the pronouns the article joined to it, by majority ("Mrs Howard ... her")
      if (genders.size === 0) {
        const pronouns = entityLanguage(language).pronouns;
        const votes = { m: 0, f: 0 };
        for (const m of layer.mentions) {
          const g = m.how?.startsWith('pronoun:') ? pronouns.get(m.text.toLowerCase()) : undefined;
          if (g) votes[g] += 1;
        }
        if (votes.m !== votes.f) {
          genders.add(votes.m > votes.f ? 'm' : 'f');
          fromPronouns = true;
        }
      }
    }
    return {
      layer,
      type: layer.type,
      gender: genders.size === 1 ? [...genders][0] : null,
      genderFromPronouns: fromPronouns,
      display: clean.display,
      folded: clean.folded,
      tokens: foldedTokens(clean.folded),
      allCaps,
      roles: (layer.roles ?? []).map((r) => r.role.replace(/\s+/g, ' ').trim()).filter(Boolean),
    };
  }

  /**
   * The cores an organisation's name is matched by: without its legal form and company words
   * ("intel corp" -> "intel"), and without a country written after them ("t-mobile usa" ->
   * "t-mobile"). Empty for a name that has neither.
   */
  private companyCores(folded: string): { legal: string | null; country: string | null } {
    const legal = companyCore(folded);
    const base = legal ?? folded;
    const tokens = base.split(' ');
    let country: string | null = null;
    if (tokens.length >= 2 && !LINK_WORDS.has(tokens[tokens.length - 2])) {
      const r = lookupAlias(this.tables, tokens[tokens.length - 1], { language: '*', allCaps: true });
      if (r.status === 'found' && r.hit.entity.kind === 'country') country = companyCore(tokens.slice(0, -1).join(' ')) ?? tokens.slice(0, -1).join(' ');
    }
    return { legal, country };
  }

  private indexSpelling(key: string, folded: string): void {
    this.index.addSpelling(key, folded);
  }

  private indexLastName(key: string, tokens: string[]): void {
    this.index.addLastName(key, tokens);
  }

  private indexCores(key: string, folded: string, organisation = false, display = ''): void {
    if (organisation) this.index.addAcronyms(key, display, folded);
    this.index.addCompanyName(key, folded);
  }

  /** The cores and parts an organisation's folded name is indexed by (see indexCores). */
  private companyTerms(folded: string): { cores: string[]; parts: string[] } {
    const { legal, country } = this.companyCores(folded);
    // a facility's name without its facility words, marked apart: only facilityOfKnown reads them
    const facility = facilityCore(folded);
    const cores = [legal, country, facility === null ? null : `+${facility}`].filter((c): c is string => !!c);
    const parts: string[] = [];
    const t = foldedTokens(legal ?? folded);
    for (let n = 1; n < t.length; n++) {
      for (const part of [t.slice(0, n), t.slice(t.length - n)]) {
        if (LINK_WORDS.has(part[0]) || LINK_WORDS.has(part[part.length - 1])) continue;
        parts.push(part.join(' '));
      }
    }
    // the words a nickname can stand for: the first and last word of the name ("Philly" for
    // "Philadelphia", "Sixers" for "76ers")
    const ends = t.length === 1 ? t : [t[0], t[t.length - 1]];
    for (const w of new Set(ends)) if (!LINK_WORDS.has(w)) parts.push(...nicknameTerms(w));
    return { cores, parts };
  }

  /**
   * The article's context for the rules that need it: the known entities its names stand for by
   * their exact names (before they are linked), and those linked so far; never countries or
   * nationalities, nor any entity of the alias tables (parties, institutions, regions), which too
   * many stories share.
   */
  private contextKeys(items: Item[], articleKeys: Set<string>): string[] {
    const out = new Set<string>(articleKeys);
    for (const i of items) {
      let keys = [...new Set(this.index.byFoldedName(i.folded).map((k) => this.index.current(k)))];
      // a surname alone: the one person known by it ("Cheeks")
      if (keys.length === 0 && i.type === 'PER' && i.tokens.length === 1) keys = this.index.people(this.index.bySurnameOf(i.folded));
      if (keys.length === 1) out.add(keys[0]);
    }
    return [...out].filter((k) => {
      const r = this.index.get(this.index.current(k));
      return r !== undefined && r.canonicalType === null;
    });
  }

  /** Entities of the context that `key` was named with in an article before (the company it keeps). */
  private sharedContext(key: string): string[] {
    const context = this.context?.().filter((k) => k !== key) ?? [];
    return context.length === 0 ? [] : this.index.namedWith(this.rec(key), context);
  }

  /**
   * The one place or organisation of the same type this facility name is, with or without its
   * facility words ("Morningside", "Morningside Recovery" and "Morningside Recovery Center"; "Betty
   * Ford Rehab" and "Betty Ford Center"), named with an entity of this article before ("Lincoln
   * Center" is not the city of Lincoln).
   */
  private facilityOfKnown(item: Item): Decision | null {
    if (item.type !== 'ORG' && item.type !== 'LOC') return null;
    const folded = spellingKey(item.folded);
    const core = facilityCore(folded);
    const keys = this.organisations([
      ...this.index.byCoreOf(`+${folded}`),
      ...(core === null ? [] : [...this.index.byFoldedName(core), ...this.index.byCoreOf(`+${core}`)]),
    ]).filter((k) => {
      const r = this.rec(k);
      return !r.canonicalType && (r.types.get(item.type) ?? 0) > 0;
    });
    if (keys.length !== 1) return null;
    const [key] = keys;
    const shared = this.sharedContext(key);
    if (shared.length === 0) return null;
    return {
      key,
      rule: 'same-name',
      reason: `${q(item.display)} and ${this.label(key)} name one facility (${q(core ?? folded)}), named before with ${shared.slice(0, 3).map((k) => this.label(k)).join(', ')}`,
    };
  }

  /**
   * The one organisation a nickname stands for, word by word: a clipped word ("Philly", "Jags",
   * "Indy": the first letters of a word of the name and a pet-name ending) or a number read out
   * ("Sixers" for "76ers", "Niners" for "49ers"), the other words as written ("Philly Sixers" for
   * "Philadelphia 76ers"). Only when the organisation was named with an entity of this article
   * before: a clipped word alone tells little.
   */
  private nicknameOfKnown(item: Item): Decision | null {
    if (item.type !== 'ORG' || item.tokens.length > 3) return null;
    let common = null as Set<string> | null;
    let nicknamed = false;
    let shortClip = false;
    for (const t of item.tokens) {
      const exact = new Set(this.organisations([...this.index.byPartOf(t), ...(item.tokens.length > 1 ? this.index.byFoldedName(t) : [])]));
      const byNick = new Set<string>();
      for (const query of nicknameQueries(t)) {
        const keys = this.organisations(this.index.byPartOf(query));
        for (const k of keys) byNick.add(k);
        // a clip of three letters ("Troy" as "tro…") says little: it needs more company
        if (keys.length > 0 && query.length === 4 && query.startsWith('~')) shortClip = true;
      }
      for (const k of exact) byNick.delete(k);
      const keys = new Set([...exact, ...byNick]);
      const before: Set<string> | null = common;
      if (byNick.size > 0 && (!before || [...byNick].some((k) => before.has(k)))) nicknamed = true;
      common = before ? new Set([...before].filter((k) => keys.has(k))) : keys;
      if (common.size === 0) return null;
    }
    if (!nicknamed || !common || common.size !== 1) return null;
    const [key] = common;
    if (this.rec(key).canonicalType) return null;
    const shared = this.sharedContext(key);
    if (shared.length < (shortClip ? 2 : 1)) return null;
    return {
      key,
      rule: 'same-name',
      reason: `${q(item.display)} is a nickname of ${this.label(key)}, the only organisation so named, named before with ${shared.slice(0, 3).map((k) => this.label(k)).join(', ')}`,
    };
  }

  /**
   * The one organisation whose longer name starts or ends with this one, anywhere in the corpus
   * ("Saints" and "New Orleans" for "New Orleans Saints", "Chargers" for "San Diego Chargers");
   * null when none or several ("United": Manchester United, Newcastle United), or when the name is
   * an organisation of its own already (tried before) or a place's or country's alias.
   */
  private partOfKnownName(item: Item): Decision | null {
    if (item.type !== 'ORG') return null;
    const keys = [...new Set(this.index.byPartOf(item.folded).map((k) => this.index.current(k)))].filter((k) => {
      const r = this.index.get(k);
      return r && !r.isPerson;
    });
    if (keys.length !== 1) return null;
    return { key: keys[0], rule: 'same-name', reason: `${q(item.display)} is the start or end of the name of ${this.label(keys[0])}, the only organisation so named` };
  }

  /**
   * The one organisation known by this company name with or without its legal form, company words
   * or country ("Intel" = "Intel Corp", "ATI" = "ATI Technologies Inc.", "T-Mobile" = "T-Mobile
   * USA"); null when none or several. Two names that differ only in their countries ("Team GB",
   * "Team USA") are not matched: a country core matches only a name written exactly so.
   */
  private companyVariant(item: Item): Decision | null {
    if (item.type !== 'ORG') return null;
    const { legal, country } = this.companyCores(item.folded);
    const found = new Map<string, string>();
    const add = (keys: Iterable<string>, how: string) => {
      for (const k of keys) {
        const key = this.index.current(k);
        const r = this.index.get(key);
        if (r && !r.isPerson && !found.has(key)) found.set(key, how);
      }
    };
    for (const c of [legal, country]) if (c) add(this.index.byFoldedName(c), `${q(item.display)} is ${q(c)} with its ${c === legal ? 'legal form or company words' : 'country'}`);
    add(this.index.byCoreOf(item.folded), `${q(item.display)} is a company name written elsewhere with its legal form, company words or country`);
    if (legal) {
      const sameLegal = this.index.byCoreOf(legal).filter((k) => [...this.rec(this.index.current(k)).names.keys()].some((n) => companyCore(foldName(n)) === legal));
      add(sameLegal, `${q(item.display)} and a known name share the company name ${q(legal)}`);
    }
    if (found.size !== 1) return null;
    const [[key, how]] = [...found];
    return { key, rule: 'same-name', reason: `${how}, as ${this.label(key)}` };
  }

  /** Non-person entities, current keys, of a set of possibly merged-away keys. */
  private organisations(keys: Iterable<string> | undefined): string[] {
    return [...new Set([...(keys ?? [])].map((k) => this.index.current(k)))].filter((k) => {
      const r = this.index.get(k);
      return r && !r.isPerson;
    });
  }

  /** The one organisation whose longer name has these initials, anywhere in the corpus ("AMPAS", "CEC"); written in capitals, three letters or more. */
  private acronymOfKnown(item: Item): Decision | null {
    if (item.type !== 'ORG' || !item.allCaps || item.tokens.length !== 1 || item.folded.length < ACRONYM_MIN_LENGTH) return null;
    // every longer name of the organisation has these initials ("RFL" is not BBC Radio, once named "Radio Five Live")
    const keys = this.organisations(this.index.byAcronymOf(item.folded)).filter((k) => {
      const r = this.rec(k);
      return !r.canonicalType && [...r.names.keys()].every((n) => (isAllCaps(n) && !n.includes(' ')) || crossArticleAcronyms(n, foldName(n)).includes(item.folded));
    });
    if (keys.length !== 1) return null;
    // with a T for "The" only when named with an entity of this article before ("TUC" is not a "Unity Coalition")
    const plain = [...this.rec(keys[0]).names.keys()].some((n) => crossArticleAcronyms(n, foldName(n), false).includes(item.folded));
    if (!plain && this.sharedContext(keys[0]).length === 0) return null;
    return { key: keys[0], rule: 'same-name', reason: `${q(item.display)} is the acronym of ${this.label(keys[0])}${plain ? '' : ' with "The"'}, the only organisation so named` };
  }

  /** The one organisation known only by the initials of this longer name, written in capitals ("CEC" for "Central Election Commission"). */
  private expansionOfKnown(item: Item): Decision | null {
    if (item.type !== 'ORG' || item.tokens.length < 2) return null;
    const found = new Set<string>();
    for (const a of crossArticleAcronyms(item.display, item.folded)) {
      for (const k of this.organisations(this.index.byFoldedName(a))) {
        const r = this.rec(k);
        // not a curated entity: they have their own acronyms ("US Airways" is not "USA"); and only one
        // known by that acronym alone ("NIA", once the Northern Ireland Assembly, is not the National
        // Indoor Arena)
        const names = [...r.names.keys()];
        if (!r.canonicalType && (r.types.get('ORG') ?? 0) > 0 && names.some(isAllCaps) && names.every((n) => isAllCaps(n) && !n.includes(' '))) found.add(k);
      }
    }
    if (found.size !== 1) return null;
    const [key] = found;
    // with a T for "The" only when named with an entity of this article before
    const plainForms = crossArticleAcronyms(item.display, item.folded, false);
    const plain = [...this.rec(key).names.keys()].some((n) => plainForms.includes(foldName(n)));
    if (!plain && this.sharedContext(key).length === 0) return null;
    return { key, rule: 'same-name', reason: `${this.label(key)} is the acronym of ${q(item.display)}, the only organisation so named` };
  }

  /**
   * The known organisations named by the first or last words of this longer name ("Chargers" for
   * "San Diego Chargers", "Creighton" and "Bluejays" for "Creighton Bluejays"): one, or one by its
   * first words and one by its last, which the name shows to be the same (the second is merged
   * into the first). Places and countries do not count: "New York" in "New York Police" is where.
   */
  private knownPartsOfName(item: Item): Decision | null {
    if ((item.type !== 'ORG' && item.type !== 'LOC') || item.tokens.length < 2) return null;
    const t = foldedTokens(companyCore(item.folded) ?? item.folded);
    const whole = t.join(' ');
    // every name of the entity must be a part of this one: "Police", once joined to "Oregon State
    // Police", is no longer a part of "New York Police"
    const parts = new Set<string>();
    for (let n = 1; n < t.length; n++) parts.add(t.slice(0, n).join(' ')).add(t.slice(t.length - n).join(' '));
    const fits = (r: Rec): boolean => [...r.names.keys()].every((name) => {
      const f = foldName(name);
      const c = companyCore(f) ?? f;
      return c === whole || parts.has(c);
    });
    const heads = new Set<string>();
    const tails = new Set<string>();
    for (let n = 1; n < t.length; n++) {
      for (const [part, into, head] of [[t.slice(0, n), heads, true], [t.slice(t.length - n), tails, false]] as const) {
        if (LINK_WORDS.has(part[0]) || LINK_WORDS.has(part[part.length - 1])) continue;
        // a place is named by its last two words or more ("Mount Cook" in "Aoraki Mount Cook"), never
        // by its first words or last word alone ("New York", "Jersey")
        if (item.type === 'LOC' && (head || part.length < 2)) continue;
        if (part.length === 1 && !this.distinctiveWord(part[0])) continue;
        for (const k of this.organisations(this.index.byFoldedName(part.join(' ')))) {
          const r = this.rec(k);
          const own = r.types.get(item.type) ?? 0;
          if (own > 0 && [...r.types.values()].every((c) => c <= own) && !r.canonicalType && fits(r)) into.add(k);
        }
      }
    }
    const all = new Set([...heads, ...tails]);
    if (all.size === 1) {
      const [key] = all;
      return { key, rule: 'same-name', reason: `${this.label(key)} is the start or end of ${q(item.display)}, the only ${item.type === 'LOC' ? 'place' : 'organisation'} so named` };
    }
    // two known organisations, one by the first words and one by the last, that the name shows to be
    // one ("Creighton Bluejays"), only when they have been named together before (not "Attorney
    // General" and "Lord", nor "Northampton" and the Saints of Southampton)
    if (item.type === 'ORG' && all.size === 2 && heads.size === 1 && tails.size === 1 && this.index.namedWith(this.rec([...heads][0]), [...tails]).length > 0) {
      const [a] = heads;
      const [b] = tails;
      const [key, other] = this.rec(a).mentionCount >= this.rec(b).mentionCount ? [a, b] : [b, a];
      return {
        key,
        rule: 'same-name',
        reason: `${this.label(a)} and ${this.label(b)} start and end ${q(item.display)}`,
        absorb: { key: other, reason: `${q(item.display)} names ${this.label(a)} and ${this.label(b)} together` },
      };
    }
    return null;
  }

  /**
   * A single word that may stand for an organisation whose longer name it starts or ends: not a
   * place's name ("Cardiff" in "Cardiff Bay", "Norwich" in "Norwich Union"), and the first or last
   * word of at most one other known organisation's name ("Chargers"; not "Police", "Party",
   * "Union", "Commission", words that many organisations' names end with).
   */
  private distinctiveWord(word: string): boolean {
    if (this.index.byPartOf(word).length > 1) return false;
    if (lookupAlias(this.tables, word, { language: '*', allCaps: false }).status !== 'none') return false;
    return !this.index.byFoldedName(word).some((k) => {
      const r = this.index.get(this.index.current(k));
      return r && !r.isPerson && thingType(r.types) === 'LOC';
    });
  }

  /** The one known non-person entity whose name is this one in the other English spelling ("Centre" / "Center", "Organisation" / "Organization"). */
  private spellingVariant(item: Item): Decision | null {
    if (item.type === 'PER') return null;
    const k = spellingKey(item.folded);
    const keys = this.organisations([...this.index.bySpellingOf(k), ...(k === item.folded ? [] : this.index.byFoldedName(k))]).filter(
      (key) => (this.rec(key).types.get(item.type) ?? 0) > 0,
    );
    if (keys.length !== 1) return null;
    return { key: keys[0], rule: 'same-name', reason: `${q(item.display)} is ${this.label(keys[0])} in another spelling` };
  }

  /** Organisations, places and other non-person names: alias tables, a longer name in the article, then the same name. */
  private resolveOther(item: Item, language: string, assigned: Map<Item, string>): Decision {
    const variants = [item.folded, ...genitiveVariants(item.folded, language)];
    let ambiguity = '';
    // plurals are tried in the alias tables only ("Tories" -> "Tory"): "Times" is not "Time"
    for (const folded of [...variants, ...singularVariants(item.folded, language)]) {
      const r = lookupAlias(this.tables, folded, { language, allCaps: item.allCaps, type: item.type });
      if (r.status === 'found') return this.knownEntity(r.hit, item, variants.includes(folded) && folded !== item.folded);
      if (r.status === 'ambiguous' && !ambiguity) {
        const names = r.candidates.map((c) => (c.entity.of ? `${c.entity.name} (${c.entity.of.name})` : c.entity.name));
        ambiguity = `; ${q(item.display)} is an alias of ${names.join(', ')}, so none was chosen`;
      }
    }
    const inArticle = this.shortNameInArticle(item, assigned);
    if (inArticle) return inArticle;
    for (const folded of variants) {
      const keys = this.index.byFoldedName(folded).filter((k) => !this.rec(k).isPerson);
      if (keys.length > 0) {
        const key = this.index.mostMentioned(keys);
        const how = folded === item.folded ? `same normalised name ${q(folded)}` : `${q(item.display)} is the genitive of ${q(folded)} (${language})`;
        return { key, rule: 'same-name', reason: how };
      }
    }
    const company = this.spellingVariant(item) ?? this.companyVariant(item) ?? this.partOfKnownName(item) ?? this.acronymOfKnown(item) ?? this.nicknameOfKnown(item) ?? this.facilityOfKnown(item);
    if (company) return company;
    // a longer name: initials of a known acronym, known parts of it, or both ("Academy of Motion
    // Picture Arts and Sciences" joins "AMPAS" and "Academy")
    const expansion = this.expansionOfKnown(item);
    const parts = this.knownPartsOfName(item);
    if (expansion && parts && !parts.absorb && this.index.current(parts.key) !== this.index.current(expansion.key)) {
      return { ...parts, absorb: { key: expansion.key, reason: expansion.reason } };
    }
    if (expansion ?? parts) return (expansion ?? parts)!;
    const key = this.index.newKey(item.type.toLowerCase(), item.folded);
    this.index.create(key, 'name', null, false);
    return { key, rule: 'new', reason: `first mention of ${q(item.display)}${ambiguity}` };
  }

  /**
   * A short form of exactly one longer name of the same type in the same article: its first or last
   * words ("Colts" for "Indianapolis Colts", "Microsoft" for "Microsoft Corp.") or, written in
   * capitals, its initials ("USGS" for "U.S. Geological Survey").
   */
  private shortNameInArticle(item: Item, assigned: Map<Item, string>): Decision | null {
    const short = new Map<string, string>();
    const acronym = new Map<string, string>();
    const n = item.tokens.length;
    for (const [other, key] of assigned) {
      if (other.type !== item.type || other.tokens.length <= n) continue;
      const t = other.tokens;
      const head = t.slice(0, n).join(' ');
      const tail = t.slice(t.length - n).join(' ');
      if (head === item.folded || tail === item.folded) short.set(key, other.display);
      if (n === 1 && item.allCaps && acronymsOf(t).includes(item.folded)) acronym.set(key, other.display);
    }
    if (acronym.size === 1) {
      const [[key, other]] = [...acronym];
      return { key, rule: 'acronym-in-article', reason: `initials of ${q(other)}, named in the same article` };
    }
    if (short.size === 1 && acronym.size === 0) {
      const [[key, other]] = [...short];
      return { key, rule: 'short-name-in-article', reason: `short form of ${q(other)}, named in the same article` };
    }
    return null;
  }

  /** A person-tagged mention written as the plural of a nationality ("Qataris", "Palestijnen"), or null. */
  private pluralNationality(item: Item, language: string): Decision | null {
    const asName = cleanName(item.layer.name, { language, type: 'MISC' }).folded;
    for (const folded of new Set([item.folded, asName])) {
      const r = this.tables.demonyms.lookup(folded, { language, allCaps: item.allCaps, forms: ['plural'] });
      if (r.status === 'found') return this.knownEntity(r.hit, item, false);
    }
    return null;
  }

  /**
   * A name the tagger called a person that the alias tables or the corpus know as an organisation
   * (or another non-person): "Labour", "Tories", "Xbox". Only a name with nothing of a person about
   * it (no title, no gender, no role; one word unless it is an organisation's alias; not the surname
   * of a known person), and, outside the alias tables, only when the corpus has named it as a
   * non-person (at least three times) more often than as a person, this article's mentions included.
   */
  private organisationTaggedAsPerson(item: Item, language: string): Decision | null {
    if ((item.gender && !item.genderFromPronouns) || item.roles.length > 0) return null;
    for (const folded of [item.folded, ...singularVariants(item.folded, language)]) {
      const r = this.tables.organisations.lookup(folded, { language, allCaps: item.allCaps });
      if (r.status === 'found') return this.knownEntity(r.hit, item, false);
    }
    if (item.tokens.length !== 1 || this.index.people(this.index.bySurnameOf(item.folded)).length > 0) return null;
    const things = this.index.byFoldedName(item.folded).filter((k) => !this.rec(k).isPerson);
    if (things.length === 0) return null;
    const key = this.index.mostMentioned(things);
    const asThing = this.rec(key).mentionCount;
    const asPerson = this.index.people(this.index.byFoldedName(item.folded)).reduce((n, k) => n + this.rec(k).mentionCount, 0);
    if (asThing < 3 || asThing <= asPerson + item.layer.mentions.length) return null;
    return { key, rule: 'same-name', reason: `${q(item.display)}, tagged as a person here, is named as ${this.label(key)} ${asThing} times in the corpus` };
  }

  private static readonly RULES: Record<AliasHit['entity']['kind'], [LinkRule, string]> = {
    country: ['country-alias', 'country alias'],
    organisation: ['organisation-alias', 'organisation alias'],
    place: ['place-alias', 'place alias'],
    demonym: ['demonym', 'demonym'],
  };

  private knownEntity(hit: AliasHit, item: Item, genitive: boolean): Decision {
    const e = hit.entity;
    if (!this.index.get(e.key)) this.index.create(e.key, e.kind, e.name, false, e.type);
    const [rule, what] = EntityResolver.RULES[e.kind];
    const via = genitive ? ` (genitive of ${q(hit.alias)})` : hit.alias === item.display ? '' : ` (as ${q(hit.alias)})`;
    // A nationality is explained by its country: "demonym 'Israeli' of Israel".
    const of = e.of?.name ?? e.name;
    return { key: e.key, rule, reason: `${what} ${q(item.display)}${via} of ${of} (${hit.source})` };
  }

  /** A person named with at least two words. */
  private resolveFullName(item: Item, articleId: string, storyId: string | null, assigned: Map<Item, string>, articleKeys: Set<string>): Decision {
    const exact = this.index.people(this.index.byFoldedName(item.folded), item.gender);
    if (exact.length > 0) return { key: this.index.mostMentioned(exact), rule: 'same-name', reason: `same normalised name ${q(item.folded)}` };

    // Same first and last name, middle names compatible ("Donald J. Trump" = "Donald Trump", but
    // "George H. W. Bush" != "George W. Bush").
    const me = personName(item.tokens);
    const fl = this.index.people(this.index.byFirstAndLast(me.core), item.gender).filter((k) =>
      [...this.rec(k).names.keys()].every((n) => {
        const t = foldedTokens(foldName(n));
        if (t.length < 2) return true;
        const other = personName(t);
        return middlesCompatible(me.middle, other.middle) && (!me.suffix || !other.suffix || me.suffix === other.suffix);
      }),
    );
    if (fl.length === 1) {
      const other = fullestName(this.rec(fl[0]));
      return { key: fl[0], rule: 'same-first-last-name', reason: `same first and last name as ${q(other)}` };
    }

    // A name that is the surname part of a known full name ("Al-Aydi" for "Yousef Al-Aydi").
    const bySurname = this.surnameDecision(item, storyId, articleKeys);
    if (bySurname) return bySurname;

    const variant = this.nameVariant(item, me);
    if (variant) return variant;

    const typo = this.typoInArticle(item, assigned) ?? (storyId ? this.typoInStory(item, articleId, storyId, articleKeys) : null);
    if (typo) return typo;

    const key = this.index.newKey('per', item.folded);
    this.index.create(key, 'name', null, true);
    return { key, rule: 'new', reason: `first mention of ${q(item.display)}` };
  }

  /**
   * The one known person whose full name is a variant of this one: the same surname up to
   * transliteration (`nameKey`: "Netanyahou" / "Netanyahu") or, with the same first name, one edit
   * ("Alishvandi" / "Alishbandi", surnames of seven letters or more); and a first name that is the same
   * up to transliteration ("Benyamin" / "Benjamin") or a short form ("Fred" / "Frederick", "Katie" /
   * "Kathryn"). Middle names must be compatible, genders must not clash. Also a longer name ending in
   * exactly one known full name ("Sharron Diane Crawford Smith" for "Diane Crawford Smith").
   */
  private nameVariant(item: Item, me: ReturnType<typeof personName>): Decision | null {
    if (me.core.length < 2) return null;
    const first = me.core[0];
    const last = me.core[me.core.length - 1];
    const pool = new Set([...this.index.byLastNameOf(nameKey(last)), ...(last.length >= TYPO_ACROSS_MIN_LENGTH ? this.index.byTypoOf(last) : [])]);
    const found = new Map<string, string>();
    for (const k of this.index.people([...pool].map((x) => this.index.current(x)), item.gender)) {
      for (const n of this.rec(k).names.keys()) {
        const other = personName(foldedTokens(foldName(n)));
        if (other.core.length < 2) continue;
        const ofirst = other.core[0];
        const olast = other.core[other.core.length - 1];
        const firsts = firstNamesMatch(first, ofirst);
        if (!firsts) continue;
        const lasts = olast === last || nameKey(olast) === nameKey(last) ? 'same' : firsts === 'same' && last.length >= TYPO_ACROSS_LENGTH && withinOneEdit(last, olast) ? 'typo' : null;
        if (!lasts || (firsts === 'same' && lasts === 'same' && first === ofirst && last === olast)) continue;
        // the whole last word as written: "Dan Lewis" is not Daniel Day-Lewis
        if (nameKey(foldName(n.split(/\s+/).pop() ?? '')) !== nameKey(foldName(item.display.split(/\s+/).pop() ?? ''))) {
          if (lasts !== 'typo') continue;
        }
        // a short given name only for a surname few people hold ("Steve Jones" is not one of the
        // corpus's many Joneses; "Katie Jenkin" may be Kathryn, of two Jenkins)
        if (firsts === 'short' && this.index.people(this.index.bySurnameOf(olast)).length > 2) continue;
        if (!middlesCompatible(me.middle, other.middle) || (me.suffix && other.suffix && me.suffix !== other.suffix)) continue;
        found.set(k, n);
        break;
      }
    }
    // a longer name that ends in one known full name of two words or more
    if (found.size === 0 && item.tokens.length >= 3) {
      for (let i = 1; i + 2 <= item.tokens.length; i++) {
        for (const k of this.index.people(this.index.byFoldedName(item.tokens.slice(i).join(' ')), item.gender)) found.set(k, fullestName(this.rec(k)));
      }
    }
    if (found.size !== 1) return null;
    const [[key, other]] = [...found];
    return { key, rule: 'same-first-last-name', reason: `${q(item.display)} is a spelling or short form of ${q(other)}, the only person so named` };
  }

  /** A person named with one word that is not the surname of a known person: typos, the same single name, or new. */
  private resolveSingleName(item: Item, articleId: string, storyId: string | null, assigned: Map<Item, string>, articleKeys: Set<string>): Decision {
    const inArticle = this.typoInArticle(item, assigned) ?? this.firstNameInArticle(item, assigned);
    if (inArticle) return inArticle;
    // A surname shared by several people stays apart across articles (unless in one story): the same
    // bare surname in two articles is no evidence of the same person.
    const holders = this.index.people(this.index.bySurnameOf(item.folded));
    const exact = this.index.people(this.index.byFoldedName(item.folded), item.gender).filter(
      (k) => holders.length < 2 || (storyId !== null && this.rec(k).stories.has(storyId)),
    );
    const given = holders.length === 0 ? this.givenNameOfKnown(item) : null;
    if (given) return given;
    if (exact.length > 0) return { key: this.index.mostMentioned(exact), rule: 'same-name', reason: `same normalised name ${q(item.folded)}` };
    const inStory = storyId ? this.typoInStory(item, articleId, storyId, articleKeys) : null;
    if (inStory) return inStory;
    const blend = this.blendOfKnown(item, articleKeys);
    if (blend) return blend;
    const key = this.index.newKey('per', item.folded);
    this.index.create(key, 'name', null, true);
    const note = holders.length > 1 ? `; ${q(item.display)} is the surname of ${holders.map((k) => fullestName(this.rec(k))).join(', ')}, and nothing tells them apart` : '';
    return { key, rule: 'new', reason: `first mention of ${q(item.display)}${note}` };
  }

  /** Links a surname (or any proper end part of a full name) to the one person it can stand for. */
  private surnameDecision(item: Item, storyId: string | null, articleKeys: Set<string>, weighEvidence = true): Decision | null {
    const candidates = this.index.people(this.index.bySurnameOf(item.folded), item.gender);
    if (candidates.length === 0) return null;
    const label = (k: string): string => this.label(k);
    const inArticle = candidates.filter((k) => articleKeys.has(k));
    if (inArticle.length === 1) {
      return { key: inArticle[0], rule: 'surname-in-article', reason: `surname of ${label(inArticle[0])}, named in the same article` };
    }
    if (inArticle.length === 0 && storyId) {
      const inStory = candidates.filter((k) => this.rec(k).stories.has(storyId));
      if (inStory.length === 1) {
        return { key: inStory[0], rule: 'surname-in-story', reason: `surname of ${label(inStory[0])}, named in the same story` };
      }
    }
    if (candidates.length === 1 && inArticle.length === 0) {
      const others = this.index.people(this.index.bySurnameOf(item.folded)).length - 1;
      const but = others > 0 && item.gender ? ` not known to be a ${item.gender === 'm' ? 'woman' : 'man'} (${q(item.layer.name)})` : '';
      return { key: candidates[0], rule: 'surname-unique', reason: `surname of the only PER ${label(candidates[0])} in the corpus${but}` };
    }
    if (!weighEvidence) return null;
    const pool = inArticle.length > 1 ? inArticle : candidates;
    const chosen = this.evidence(item, pool, articleKeys);
    if (chosen) {
      return {
        key: chosen.key,
        rule: 'surname-evidence',
        reason: `surname shared by ${pool.map(label).join(', ')}; chose ${label(chosen.key)}: ${chosen.why}`,
      };
    }
    return null;
  }

  /**
   * Picks one of several people sharing a surname: the only one holding a role the mention has,
   * or the one clearly more often named together with the entities of this article.
   */
  private evidence(item: Item, candidates: string[], articleKeys: Set<string>): { key: string; why: string } | null {
    // The same role ("President"), then a role sharing a word ("US President" ~ "President").
    const roles = new Set(item.roles.map(foldName));
    if (roles.size > 0) {
      const same = candidates
        .map((k) => ({ k, shared: [...this.rec(k).roles.entries()].find(([f]) => roles.has(f))?.[1] }))
        .filter((x) => x.shared);
      if (same.length === 1) return { key: same[0].k, why: `shared role ${q(same[0].shared!.text)}` };
    }
    const words = new Set(item.roles.flatMap(roleWords));
    if (words.size > 0) {
      const withRole = candidates
        .map((k) => {
          const shared = [...this.rec(k).roles.values()].find((r) => roleWords(r.text).some((w) => words.has(w)));
          return { k, shared };
        })
        .filter((x) => x.shared);
      if (withRole.length === 1) return { key: withRole[0].k, why: `shared role ${q(withRole[0].shared!.text)}` };
    }
    const context = [...articleKeys].filter((k) => !candidates.includes(k));
    if (context.length === 0) return null;
    const scored = candidates
      .map((k) => ({ k, shared: this.index.namedWith(this.rec(k), context) }))
      .sort((a, b) => b.shared.length - a.shared.length);
    const [best, second] = scored;
    const secondCount = second ? second.shared.length : 0;
    if (best.shared.length >= 1 && best.shared.length >= 2 * secondCount + 1) {
      const names = best.shared.slice(0, 3).map((k) => displayName(this.rec(k)));
      return { key: best.k, why: `named with ${best.shared.length} entities of this article before (${names.join(', ')}), the other ${secondCount === 1 ? 'with 1' : `with ${secondCount}`}` };
    }
    return null;
  }

  /**
   * A nickname blending the starts of a person's given name and surname, written with two capitals
   * ("LiLo" for Lindsay Lohan, "J.Lo", "A-Rod"): the one person so named, in the same article or
   * named before with an entity of this article.
   */
  private blendOfKnown(item: Item, articleKeys: Set<string>): Decision | null {
    const m = /^(\p{Lu}\p{Ll}?)[.\-‐]?(\p{Lu}\p{Ll}{1,2})$/u.exec(item.layer.name.trim());
    if (!m) return null;
    const keys = this.index.people(this.index.byBlendOf(`~${foldName(m[1] + m[2])}`), item.gender);
    if (keys.length !== 1) return null;
    const [key] = keys;
    const why = articleKeys.has(key) ? 'named in the same article' : this.sharedContext(key).slice(0, 3).map((k) => this.label(k)).join(', ');
    if (!why) return null;
    return { key, rule: 'same-name', reason: `${q(item.display)} blends the starts of the given name and surname of ${this.label(key)}, the only person so named (${articleKeys.has(key) ? why : `named before with ${why}`})` };
  }

  /**
   * A given name alone ("Craig", "Katie") that no one holds as a surname: the person of that given
   * name clearly most often named before with the entities of this article (at least one, and more
   * than twice as many as any other), as `evidence` weighs a surname several people share.
   */
  private givenNameOfKnown(item: Item): Decision | null {
    // a given name the language data knows ("Craig"; not "Rosneft" of a mistagged "Rosneft-owned Yugansk")
    if (!firstNameGender(item.folded)) return null;
    const candidates = this.index.people(this.index.byGivenNameOf(item.folded), item.gender);
    if (candidates.length === 0 || candidates.length > GIVEN_NAME_CANDIDATES) return null;
    const scored = candidates.map((k) => ({ k, shared: this.sharedContext(k) })).sort((a, b) => b.shared.length - a.shared.length);
    const [best, second] = scored;
    const secondCount = second?.shared.length ?? 0;
    if (best.shared.length < NICKNAME_CONTEXT || best.shared.length < 2 * secondCount + 1) return null;
    const names = best.shared.slice(0, 3).map((k) => this.label(k));
    return {
      key: best.k,
      rule: 'same-name',
      reason: `${q(item.display)} is the given name of ${this.label(best.k)}, named before with ${best.shared.length} entities of this article (${names.join(', ')})${second ? `, the other ${candidates.length - 1} with ${secondCount} at most` : ''}`,
    };
  }

  /** A single name that is the first name of exactly one person named in full in the same article ("Ellen"). */
  private firstNameInArticle(item: Item, assigned: Map<Item, string>): Decision | null {
    const matches = new Map<string, string>();
    for (const [other, key] of assigned) {
      if (other.type !== 'PER' || other.tokens.length < 2 || other.tokens[0] !== item.folded) continue;
      const rec = this.index.get(this.index.current(key));
      if (rec && item.gender && otherGender(rec, item.gender)) continue;
      matches.set(key, other.display);
    }
    if (matches.size !== 1) return null;
    const [[key, other]] = [...matches];
    return { key, rule: 'first-name-in-article', reason: `first name of ${q(other)}, named in the same article` };
  }

  /** A one-edit misspelling (at least five letters) of the surname of a person named earlier in the same article. */
  private typoInArticle(item: Item, assigned: Map<Item, string>): Decision | null {
    const last = item.tokens[item.tokens.length - 1];
    if (last.length < TYPO_MIN_LENGTH) return null;
    const firsts = item.tokens.slice(0, -1).join(' ');
    const matches = new Map<string, string>();
    for (const [other, key] of assigned) {
      if (other.type !== 'PER' || other === item) continue;
      const rec = this.index.get(this.index.current(key));
      if (rec && item.gender && otherGender(rec, item.gender)) continue;
      const t = other.tokens;
      const otherLast = t[t.length - 1];
      if (otherLast === last || otherLast.length < TYPO_MIN_LENGTH) continue;
      const otherFirsts = t.slice(0, -1).join(' ');
      if (firsts && otherFirsts && firsts !== otherFirsts) continue;
      if (withinOneEdit(last, otherLast)) matches.set(key, other.display);
    }
    if (matches.size !== 1) return null;
    const [[key, other]] = [...matches];
    const surname = other.split(/[\s\-‐‑–—\/]+/).pop() ?? other;
    const of = surname === other ? '' : `, surname of ${q(other)}`;
    return { key, rule: 'typo-in-article', reason: `typo of ${q(surname)} (edit distance 1) in the same article${of}` };
  }

  /**
   * A one-edit misspelling (at least five letters) of the surname of a person named in another
   * article of the same story who was also named with one of the entities of this article.
   */
  private typoInStory(item: Item, articleId: string, storyId: string, articleKeys: Set<string>): Decision | null {
    const last = item.tokens[item.tokens.length - 1];
    if (last.length < TYPO_MIN_LENGTH) return null;
    const firsts = item.tokens.slice(0, -1).join(' ');
    const ids = this.index.byTypoOf(last);
    const matches: { key: string; other: string; together: string }[] = [];
    for (const k of ids) {
      const rec = this.index.get(k);
      if (!rec || !rec.stories.has(storyId) || rec.articles.has(articleId)) continue;
      if (item.gender && otherGender(rec, item.gender)) continue;
      const hit = [...rec.indexed].map(foldedTokens).find((t) => {
        const otherLast = t[t.length - 1];
        return t.length > 1 && otherLast !== last && withinOneEdit(last, otherLast) && (!firsts || firsts === t.slice(0, -1).join(' '));
      });
      if (!hit) continue;
      const together = this.index.namedWith(rec, [...articleKeys], storyId)[0];
      if (together) matches.push({ key: k, other: fullestName(rec), together: displayName(this.rec(together)) });
    }
    if (matches.length !== 1) return null;
    const [m] = matches;
    return { key: m.key, rule: 'typo-in-story', reason: `typo of ${q(m.other)} (edit distance 1) in the same story, both named with ${q(m.together)}` };
  }

  /**
   * When a person's first full name arrives, entities created earlier for their surname alone
   * (when no full name was known) join it, unless their roles contradict.
   */
  private absorbSurnameEntities(rec: Rec, articleId: string): EntityMerge[] {
    const out: EntityMerge[] = [];
    const full = [...rec.names.keys()][0];
    for (const suffix of surnamesOf(foldedTokens(foldName(full)))) {
      const holders = this.index.people(this.index.bySurnameOf(suffix)).filter((k) => k !== rec.key);
      if (holders.length > 0) continue;
      for (const k of this.index.people(this.index.byFoldedName(suffix))) {
        const other = this.rec(k);
        if (k === rec.key || [...other.names.keys()].some((n) => foldedTokens(foldName(n)).length > 1)) continue;
        if (!this.rolesAgree(rec, other) || [...other.genders.keys()].some((g) => otherGender(rec, g))) continue;
        const m: EntityMerge = {
          from: k,
          to: rec.key,
          articleId,
          reason: `${q(fullestName(other))} was known only by that name; ${q(full)} is the first person with that surname`,
        };
        this.index.merge(other, rec, m);
        out.push(m);
      }
    }
    return out;
  }

  private rolesAgree(a: Rec, b: Rec): boolean {
    if (a.roles.size === 0 || b.roles.size === 0) return true;
    const words = new Set([...a.roles.values()].flatMap((r) => roleWords(r.text)));
    return [...b.roles.values()].some((r) => roleWords(r.text).some((w) => words.has(w)));
  }
}
