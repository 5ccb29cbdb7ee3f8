// The global entities of a corpus and the indexes that find them without scanning: by folded name,
// by a person's first and last name, by the end parts of a person's name (surnames), by one-deletion
// variants of surnames (typos), and by folded mention text (lookups only). Also records which
// entities each article names, merges one entity into another leaving a redirect, renders the
// public view of an entity, and converts everything to and from plain rows.
//
// Two modes. In memory (`new EntityIndex()`, `fromState`) every entity is held. Over a store
// (`EntityIndex.over(source)`) the index holds a cache: an entity is read from the store's tables
// when a lookup by name, name part or key first needs it, and every lookup answers as an index
// loaded from the same tables would (entities in creation order, `ord`), so a process starts
// without reading the whole entity state. Story-scoped lookups (typos in a story) need the memory
// mode: stored articles carry no story when their entities are resolved.
import type { EntityType } from '../../types.ts';
import type { EntityLink, EntityMerge, EntityRow, EntitySource, GlobalEntity, ResolverState } from './shapes.ts';
import { nationalityOf } from './demonym-forms.ts';
import { cleanName, deletionVariants, foldedTokens, isAllCaps, nameKey, personName, slug, spellingKey } from './normalise.ts';
import type { PersonGender } from '../../text/gender.ts';
import { foldName } from '../../text/fold.ts';

/** Surnames at least this long are indexed for typo matching. */
export const TYPO_MIN_LENGTH = 5;
/**
 * Surnames at least this long are looked up for typos across articles (the resolver's name
 * variants), the only typo lookup over a store; over a store only these are indexed for typos (a
 * match across articles is one edit from a surname of seven letters, so of six or more).
 */
export const TYPO_ACROSS_MIN_LENGTH = 6;
/** How many of an entity's latest articles are searched for the company it keeps (bounds the work per decision). */
const CONTEXT_ARTICLES = 500;

/** Order of preference between the types of a thing that the tagger's votes tie on. */
const THING_TYPES: EntityType[] = ['ORG', 'MISC', 'LOC'];

/**
 * The type of a non-person entity by the tagger's votes (one per article): person votes do not
 * elect a type when there are others (the name was linked to the thing as a tagging error), and a
 * place needs more than half of all the votes, person votes included, so a product the tagger calls
 * now a place, now a person, an organisation or other ("Xbox" on BBC: 11 LOC, 8 PER, 3 ORG, 3 MISC)
 * is not a place: a place is tagged as one consistently.
 */
export function thingType(types: Map<EntityType, number>): EntityType {
  const n = (t: EntityType): number => types.get(t) ?? 0;
  if (THING_TYPES.every((t) => n(t) === 0)) return types.size > 0 ? [...types.keys()][0] : 'MISC';
  const [top] = [...THING_TYPES].sort((a, b) => n(b) - n(a) || THING_TYPES.indexOf(a) - THING_TYPES.indexOf(b));
  const all = [...types.values()].reduce((a, b) => a + b, 0);
  if (top === 'LOC' && 2 * n('LOC') <= all && n('ORG') + n('MISC') > 0) return n('ORG') >= n('MISC') ? 'ORG' : 'MISC';
  return top;
}

/** Internal record of a global entity. */
export interface Rec {
  key: string;
  source: EntitySource;
  canonicalName: string | null;
  /** Type of a known entity (from its alias table), null for entities known by their names only. */
  canonicalType: EntityType | null;
  isPerson: boolean;
  types: Map<EntityType, number>;
  names: Map<string, number>;
  surfaces: Map<string, number>;
  /** Folded role -> display form and count. */
  roles: Map<string, { text: string; count: number }>;
  genders: Map<PersonGender, number>;
  articles: Set<string>;
  /** The same articles in the order they were added (namedWith reads the latest without copying the set). */
  articleOrder: string[];
  stories: Set<string>;
  mentionCount: number;
  links: EntityLink[];
  merges: EntityMerge[];
  formerKeys: string[];
  /** Folded names under which the record is indexed for exact matching. */
  indexed: Set<string>;
  /** Creation order: the stored `entities.ord`, or a number above every stored one for an entity created since. */
  ord: number;
}

/**
 * The version of the rules `termRows` derives a store's term rows by. Raise it whenever they
 * change: a store whose rows an older version derived has them derived again before it resolves
 * (index-writer.ts), so that its lookups find what a resolver in memory finds. 1: migration 008;
 * 2: nicknames ("#sixers", "~phil" parts), facility cores ("+morningside"), blends ("~lilo") and
 * given names ("^craig") with the first-last terms, "The" acronyms ("thr"), plurals in spellings.
 */
export const TERM_RULES_VERSION = 2;

/** Kinds of the name parts a store keeps for lookups over it (its term table; see termRows). */
export type StoredTermKind = 'first-last' | 'surname' | 'core' | 'part' | 'acronym' | 'last-name' | 'spelling' | 'typo';

/** Kinds of the name parts an index over a store looks up ('name'/'surface': the store's names and mention texts). */
export type TermKind = 'name' | 'surface' | StoredTermKind;

/** A name part of an entity, as a store keeps it for lookups over a store. */
export interface TermRow {
  kind: StoredTermKind;
  term: string;
  key: string;
}

/** What an index over a store reads, synchronously: point lookups only, never a whole table. */
export interface EntitySourceReads {
  /** The stored row of a current entity and its creation order. */
  entity(key: string): { row: EntityRow; ord: number } | undefined;
  /** The key a merged-away key was merged into (current), or undefined. */
  redirect(key: string): string | undefined;
  /** Keys of stored entities that have a name part of this kind ('name'/'surface': folded names and mention texts). */
  keys(kind: TermKind, term: string): string[];
  /** Keys of stored entities that have a name part of this kind equal to any of `terms` (one read). */
  keysOfTerms(kind: StoredTermKind, terms: string[]): string[];
  /** The links of an article resolved before (keys as stored), or undefined when it was not. */
  articleLinks(articleId: string): EntityLink[] | undefined;
  /** The latest `limit` stored articles linking any of `keys`, oldest first (resolution order). */
  latestArticles(keys: string[], limit: number): string[];
  /** The keys each of these stored articles links (as stored). */
  articleKeys(ids: string[]): Map<string, string[]>;
}

/** The name cores and parts of an organisation's folded name (the resolver's company rules). */
export type CompanyTerms = (folded: string) => { cores: string[]; parts: string[] };

/** The acronyms by which an organisation's longer name (as written, and folded) is found across articles (the resolver's rules). */
export type AcronymTerms = (display: string, folded: string) => string[];

/** What one local entity of one article adds to a global entity. */
export interface Attachment {
  type: EntityType;
  /** Cleaned name of the local entity. */
  display: string;
  /** Mention texts as written. */
  mentions: string[];
  roles: string[];
  gender: PersonGender | null;
  language: string;
  articleId: string;
  storyId: string | null;
}

interface ArticleRecord {
  language: string;
  publishedAt: string | null;
  storyId: string | null;
  links: EntityLink[];
  /** Keys of the entities the article names, kept current through merges. */
  keys: Set<string>;
  order: number;
}

/** Adds an article to an entity's set and order (once). */
function addArticle(rec: Rec, id: string): void {
  if (rec.articles.has(id)) return;
  rec.articles.add(id);
  rec.articleOrder.push(id);
}

/** The name an entity is shown by (`view(rec).name`): its canonical name, a person's fullest name, else its most used name. */
export function displayName(rec: Rec): string {
  if (rec.canonicalName) return rec.canonicalName;
  if (rec.isPerson) return fullestName(rec);
  let best: [string, number] | undefined;
  for (const e of rec.names) {
    if (!best || e[1] > best[1] || (e[1] === best[1] && (e[0].length > best[0].length || (e[0].length === best[0].length && e[0].localeCompare(best[0]) < 0)))) best = e;
  }
  return best?.[0] ?? rec.key;
}

export function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/**
 * String -> set of keys, stored as a bare string while there is one key (most index entries have
 * one, and a Set per entry would triple the memory of the indexes).
 */
class KeyIndex {
  private readonly map = new Map<string, string | Set<string>>();

  add(name: string, key: string): void {
    const v = this.map.get(name);
    if (v === undefined) this.map.set(name, key);
    else if (typeof v === 'string') {
      if (v !== key) this.map.set(name, new Set([v, key]));
    } else v.add(key);
  }

  remove(name: string, key: string): void {
    const v = this.map.get(name);
    if (v === undefined) return;
    if (typeof v === 'string') {
      if (v === key) this.map.delete(name);
      return;
    }
    v.delete(key);
    if (v.size === 1) this.map.set(name, [...v][0]);
  }

  get(name: string): string[] {
    const v = this.map.get(name);
    return v === undefined ? [] : typeof v === 'string' ? [v] : [...v];
  }

  clear(): void {
    this.map.clear();
  }
}

/** Articles whose keys an index over a store keeps for `namedWith` (the cache is emptied past this). */
const ARTICLE_KEYS_CACHE = 100_000;
/** Order of entities created since the stored ones were read: after every stored `ord`. */
const NEW_ORD = 2 ** 40;

/** The `nameKey` of the last word of a person's full name (folded tokens), null without a first and last name. */
function lastNameTerm(tokens: string[]): string | null {
  const { core } = personName(tokens);
  return core.length < 2 ? null : nameKey(core[core.length - 1]);
}

/** A non-person's folded name in the one English spelling (`spellingKey`), null when it is written so already (found by its name then). */
function spellingTerm(folded: string): string | null {
  const k = spellingKey(folded);
  return k === folded ? null : k;
}

/** The one-deletion variants a person's full name (core) is indexed by for typos: of surnames of `min` letters or more. */
function typoTerms(core: string[], min: number): string[] {
  const last = core[core.length - 1];
  return last !== undefined && last.length >= min ? deletionVariants(last) : [];
}

/**
 * The blends a person's full name (core) is found by, kept with the first-last terms: the first one
 * or two letters of the given name and the first two or three of the surname, marked "~" ("~lilo"
 * for Lindsay Lohan, "~jlo" for Jennifer Lopez, "~arod" for Alex Rodriguez).
 */
export function blendTerms(core: string[]): string[] {
  if (core.length < 2) return [];
  const first = core[0];
  const last = core[core.length - 1];
  const out = new Set<string>();
  for (let a = 1; a <= 2; a++) for (let b = 2; b <= 3; b++) if (first.length > a && last.length > b) out.add(`~${first.slice(0, a)}${last.slice(0, b)}`);
  return [...out];
}

/** The term a person's full name (core) is found by its given name alone, kept with the first-last terms ("^lindsay"). */
export function givenNameTerm(core: string[]): string | null {
  return core.length < 2 || core[0].length < 2 ? null : `^${core[0]}`;
}

/** Index key of a person by the first and last word of the core of their name. */
export function firstLast(core: string[]): string {
  return `${core[0]} ${core[core.length - 1]}`;
}

/** Proper end parts of the core of a person's name: what a surname-only mention can be. */
export function surnamesOf(tokens: string[]): string[] {
  const { core } = personName(tokens);
  const out: string[] = [];
  for (let i = 1; i < core.length; i++) out.push(core.slice(i).join(' '));
  return out;
}

export class EntityIndex {
  private readonly recs = new Map<string, Rec>();
  private readonly redirects = new Map<string, string>();
  /** Folded name -> keys; people are indexed by full names, or by their single name when they have no full name. */
  private readonly byName = new KeyIndex();
  /** "first last" of the core of people's full names -> keys. */
  private readonly byFirstLast = new KeyIndex();
  /** Proper end part of a person's full name ("netanyahu", "von der leyen") -> keys. */
  private readonly bySurname = new KeyIndex();
  /** One-deletion variants of people's surnames (at least TYPO_MIN_LENGTH letters) -> keys. */
  private readonly bySurnameVariant = new KeyIndex();
  /** Folded mention texts -> keys: only for finding entities by name, never for merging. */
  private readonly bySurface = new KeyIndex();
  /** Organisations by the cores of their names (`CompanyTerms`), filled by the resolver. */
  private readonly byCore = new KeyIndex();
  /** Organisations by the first and last words of their longer names, filled by the resolver. */
  private readonly byPart = new KeyIndex();
  /** Organisations by the acronyms of their longer names (`AcronymTerms`), filled by the resolver. */
  private readonly byAcronym = new KeyIndex();
  /** People by the spelling-tolerant key (`nameKey`) of the last word of their full names, filled by the resolver. */
  private readonly byLastName = new KeyIndex();
  /** Non-person entities by their names in one English spelling (`spellingKey`) when written in the other, filled by the resolver. */
  private readonly bySpelling = new KeyIndex();
  private readonly articles = new Map<string, ArticleRecord>();
  private readonly allMerges: EntityMerge[] = [];
  private companyTerms: CompanyTerms | undefined;
  private acronymTerms: AcronymTerms | undefined;
  private created = 0;

  // ---- over a store -----------------------------------------------------------------------
  /** The store's tables, when this index is a cache over them. */
  private source: EntitySourceReads | undefined;
  /** Keys read from the store and found missing (entities not created yet). */
  private readonly absent = new Set<string>();
  /** Stored redirects read so far (null: the key has none). */
  private readonly storedRedirects = new Map<string, string | null>();
  /** Name parts whose stored entities are all in the cache ("kind\0term"). */
  private readonly loadedTerms = new Set<string>();
  /** Merges since the store last applied them (`settled`): [from, to]. */
  private unsettled: [string, string][] = [];
  /** Latest articles of an entity (at most CONTEXT_ARTICLES, oldest first), read when `namedWith` first needs them. */
  private readonly recent = new Map<string, string[]>();
  /** Keys linked by a stored article (as stored, or as recorded by this index). */
  private readonly keysOfArticle = new Map<string, string[]>();

  /** An index over a store's tables: entities are read when a lookup needs them (see the file comment). */
  static over(source: EntitySourceReads): EntityIndex {
    const x = new EntityIndex();
    x.source = source;
    return x;
  }

  /** True when this index reads its entities from a store as needed. */
  get overStore(): boolean {
    return this.source !== undefined;
  }

  /** Surnames indexed for typos: TYPO_MIN_LENGTH in memory, TYPO_ACROSS_MIN_LENGTH over a store (see termRows). */
  private get typoLength(): number {
    return this.source ? TYPO_ACROSS_MIN_LENGTH : TYPO_MIN_LENGTH;
  }

  /** Entities in the cache (all of them in memory mode). */
  get size(): number {
    return this.recs.size;
  }

  /** The resolver's company rules, used to index the names of organisations (over a store: every non-person's names). */
  useCompanyTerms(fn: CompanyTerms): void {
    this.companyTerms = fn;
  }

  /** The resolver's acronym rules, used to index organisations' longer names (over a store: every non-person's names). */
  useAcronyms(fn: AcronymTerms): void {
    this.acronymTerms = fn;
  }

  /** The store has applied every merge so far (its links and names carry the new keys). */
  settled(): void {
    this.unsettled = [];
  }

  /** Reads a stored entity into the cache (over a store), indexing its names. */
  private load(key: string): Rec | undefined {
    if (!this.source || this.absent.has(key) || this.redirects.has(key)) return undefined;
    const found = this.source.entity(key);
    if (!found) {
      this.absent.add(key);
      return undefined;
    }
    return this.addRow(found.row, found.ord);
  }

  /** Lookups over a store: reads the stored entities having this name part first. */
  private lookup(ix: KeyIndex, kind: TermKind, term: string): string[] {
    if (!this.source) return ix.get(term);
    const id = `${kind}\u0000${term}`;
    if (!this.loadedTerms.has(id)) {
      this.loadedTerms.add(id);
      for (const k of this.source.keys(kind, term)) if (!this.recs.has(k)) this.load(k);
    }
    return this.byOrd(ix.get(term));
  }

  /** `lookup` of several terms of one kind, reading the stored entities of those not read yet at once. */
  private lookupAll(ix: KeyIndex, kind: StoredTermKind, terms: string[]): string[][] {
    if (!this.source) return terms.map((t) => ix.get(t));
    const unread = terms.filter((t) => !this.loadedTerms.has(`${kind}\u0000${t}`));
    if (unread.length > 0) {
      for (const t of unread) this.loadedTerms.add(`${kind}\u0000${t}`);
      for (const k of this.source.keysOfTerms(kind, unread)) if (!this.recs.has(k)) this.load(k);
    }
    return terms.map((t) => this.byOrd(ix.get(t)));
  }

  /** Keys in creation order: the order an index loaded from the same tables would list them in. */
  private byOrd(keys: string[]): string[] {
    if (keys.length < 2) return keys;
    return keys.sort((a, b) => (this.recs.get(a)?.ord ?? NEW_ORD) - (this.recs.get(b)?.ord ?? NEW_ORD));
  }

  // ---- records ----------------------------------------------------------------------------

  get(key: string): Rec | undefined {
    return this.recs.get(key) ?? this.load(key);
  }

  all(): IterableIterator<Rec> {
    return this.recs.values();
  }

  /** The current key of a key that may have been merged away. */
  current(key: string): string {
    let k = key;
    const seen = new Set<string>();
    for (;;) {
      const next = this.redirectOf(k);
      if (next === undefined || seen.has(k)) return k;
      seen.add(k);
      k = next;
    }
  }

  private redirectOf(key: string): string | undefined {
    const r = this.redirects.get(key);
    if (r !== undefined || !this.source || this.recs.has(key)) return r;
    let stored = this.storedRedirects.get(key);
    if (stored === undefined) {
      stored = this.source.redirect(key) ?? null;
      this.storedRedirects.set(key, stored);
    }
    return stored ?? undefined;
  }

  create(key: string, source: EntitySource, canonicalName: string | null, isPerson: boolean, canonicalType: EntityType | null = null): Rec {
    const rec: Rec = {
      key,
      source,
      canonicalName,
      canonicalType,
      isPerson,
      types: new Map(),
      names: new Map(),
      surfaces: new Map(),
      roles: new Map(),
      genders: new Map(),
      articles: new Set(),
      articleOrder: [],
      stories: new Set(),
      mentionCount: 0,
      links: [],
      merges: [],
      formerKeys: [],
      indexed: new Set(),
      ord: NEW_ORD + this.created++,
    };
    this.recs.set(key, rec);
    this.absent.delete(key);
    return rec;
  }

  /** A record from its row (what `fromState` and a read from a store both do). */
  private addRow(row: EntityRow, ord?: number): Rec {
    const rec = this.create(row.key, row.source, row.canonicalName, row.isPerson, row.canonicalType);
    if (ord !== undefined) rec.ord = ord;
    for (const [t, n] of Object.entries(row.types)) rec.types.set(t as EntityType, n ?? 0);
    for (const [s, n] of Object.entries(row.surfaces)) {
      rec.surfaces.set(s, n);
      this.bySurface.add(foldName(s), rec.key);
    }
    for (const [role, n] of Object.entries(row.roles)) rec.roles.set(foldName(role), { text: role, count: n });
    for (const [g, n] of Object.entries(row.genders)) rec.genders.set(g as PersonGender, n ?? 0);
    rec.mentionCount = row.mentionCount;
    for (const [name, n] of Object.entries(row.names)) {
      rec.names.set(name, n);
      this.indexName(rec, name);
    }
    return rec;
  }

  /** A key not used now or before: "<prefix>:<slug>", then "-2", "-3", ... */
  newKey(prefix: string, folded: string): string {
    const base = `${prefix}:${slug(folded)}`;
    let key = base;
    for (let n = 2; this.get(key) || this.current(key) !== key; n++) key = `${base}-${n}`;
    return key;
  }

  /** Adds one local entity to a global entity (its link is recorded with the article, by recordArticle). */
  attach(rec: Rec, a: Attachment): void {
    bump(rec.types, a.type);
    bump(rec.names, a.display);
    this.indexName(rec, a.display);
    for (const text of a.mentions) {
      const surface = cleanName(text, { type: a.type, language: a.language }).display || a.display;
      bump(rec.surfaces, surface);
      this.bySurface.add(foldName(surface), rec.key);
    }
    rec.mentionCount += a.mentions.length;
    for (const role of a.roles) {
      const f = foldName(role);
      if (!f) continue;
      const r = rec.roles.get(f);
      if (r) r.count += 1;
      else rec.roles.set(f, { text: role, count: 1 });
    }
    if (a.gender) bump(rec.genders, a.gender);
    const recent = this.recent.get(rec.key);
    if (recent && !rec.articles.has(a.articleId)) {
      recent.push(a.articleId);
      if (recent.length > CONTEXT_ARTICLES) recent.splice(0, recent.length - CONTEXT_ARTICLES);
    }
    addArticle(rec, a.articleId);
    if (a.storyId) rec.stories.add(a.storyId);
  }

  /** Records a resolved article: its links (in the order of its entity layer) and the entities it names. */
  recordArticle(id: string, language: string, publishedAt: string | null, storyId: string | null, links: EntityLink[], keys: Set<string>): void {
    if (this.source) {
      // the store keeps the article and its links; its keys stay at hand for namedWith
      if (this.keysOfArticle.size >= ARTICLE_KEYS_CACHE) this.keysOfArticle.clear();
      this.keysOfArticle.set(id, [...keys]);
      return;
    }
    this.articles.set(id, { language, publishedAt, storyId, links, keys, order: this.articles.size });
    for (const l of links) this.recs.get(this.current(l.key))?.links.push(l);
  }

  /** The links of an article resolved before, with current keys; undefined for a new article. */
  articleLinks(id: string): EntityLink[] | undefined {
    if (this.source) return this.source.articleLinks(id)?.map((l) => ({ ...l, key: this.current(l.key) }));
    return this.articles.get(id)?.links.map((l) => ({ ...l, key: this.current(l.key) }));
  }

  /** Moves everything of `from` into `to` and leaves a redirect behind. */
  merge(from: Rec, to: Rec, m: EntityMerge): void {
    this.unindex(from);
    for (const [t, n] of from.types) bump(to.types, t, n);
    for (const [s, n] of from.surfaces) {
      bump(to.surfaces, s, n);
      this.bySurface.remove(foldName(s), from.key);
      this.bySurface.add(foldName(s), to.key);
    }
    for (const [name, n] of from.names) {
      bump(to.names, name, n);
      this.indexName(to, name);
    }
    for (const [f, r] of from.roles) {
      const x = to.roles.get(f);
      if (x) x.count += r.count;
      else to.roles.set(f, { ...r });
    }
    for (const [g, n] of from.genders) bump(to.genders, g, n);
    for (const a of from.articles) {
      addArticle(to, a);
      const keys = this.articles.get(a)?.keys;
      if (keys?.delete(from.key)) keys.add(to.key);
    }
    for (const s of from.stories) to.stories.add(s);
    to.mentionCount += from.mentionCount;
    for (const l of from.links) l.key = to.key;
    to.links.push(...from.links);
    to.merges.push(...from.merges, m);
    to.formerKeys.push(...from.formerKeys, from.key);
    this.recs.delete(from.key);
    this.redirects.set(from.key, to.key);
    this.allMerges.push(m);
    if (this.source) {
      this.unsettled.push([from.key, to.key]);
      this.recent.delete(to.key); // read again, by resolution order, with the merged entity's articles
      this.recent.delete(from.key);
    }
  }

  // ---- indexes ----------------------------------------------------------------------------

  /** Keys indexed under a folded name (people by full name, or by single name while they have no full name). */
  byFoldedName(folded: string): string[] {
    return this.lookup(this.byName, 'name', folded);
  }

  /** People whose first and last name (core) are these. */
  byFirstAndLast(core: string[]): string[] {
    return this.lookup(this.byFirstLast, 'first-last', firstLast(core));
  }

  /** People whose full name this blend of the starts of their given name and surname can stand for (`blendTerms`: "~lilo"). */
  byBlendOf(term: string): string[] {
    return this.lookup(this.byFirstLast, 'first-last', term);
  }

  /** People with a full name whose given name is this one (`givenNameTerm`). */
  byGivenNameOf(folded: string): string[] {
    return this.lookup(this.byFirstLast, 'first-last', `^${folded}`);
  }

  /** People with a full name ending in this folded surname. */
  bySurnameOf(folded: string): string[] {
    return this.lookup(this.bySurname, 'surname', folded);
  }

  /** People whose surname may be one edit away from `surname` (verify with withinOneEdit). */
  byTypoOf(surname: string): string[] {
    const out = new Set<string>();
    for (const keys of this.lookupAll(this.bySurnameVariant, 'typo', deletionVariants(surname))) for (const k of keys) out.add(k);
    return [...out];
  }

  /** Entities with a mention written this way (folded). */
  bySurfaceOf(folded: string): string[] {
    return this.lookup(this.bySurface, 'surface', folded);
  }

  /** Organisations whose name has this core (`CompanyTerms`). */
  byCoreOf(term: string): string[] {
    return this.lookup(this.byCore, 'core', term);
  }

  /** Organisations whose longer name starts or ends with these words (`CompanyTerms`). */
  byPartOf(term: string): string[] {
    return this.lookup(this.byPart, 'part', term);
  }

  /**
   * Organisations whose longer name has these initials (`AcronymTerms`). Over a store: entities
   * tagged an organisation at least once whose names have them (a resolver loaded from the stored
   * state indexes so); in memory, the names the resolver gave (`addAcronyms`).
   */
  byAcronymOf(term: string): string[] {
    const keys = this.lookup(this.byAcronym, 'acronym', term);
    return this.source ? keys.filter((k) => (this.recs.get(k)?.types.get('ORG') ?? 0) > 0) : keys;
  }

  /** People the last word of whose full name has this `nameKey`. */
  byLastNameOf(term: string): string[] {
    return this.lookup(this.byLastName, 'last-name', term);
  }

  /** Non-person entities with a name written in the other English spelling of this one (`spellingKey`). */
  bySpellingOf(term: string): string[] {
    return this.lookup(this.bySpelling, 'spelling', term);
  }

  /** Indexes an organisation's name by its acronyms (in memory; over a store every non-person name is indexed so anyway). */
  addAcronyms(key: string, display: string, folded: string): void {
    if (this.source || !this.acronymTerms) return;
    for (const a of this.acronymTerms(display, folded)) this.byAcronym.add(a, key);
  }

  /** Indexes a person's full name by the `nameKey` of its last word (in memory; over a store every full name is indexed so anyway). */
  addLastName(key: string, tokens: string[]): void {
    if (this.source) return;
    const term = lastNameTerm(tokens);
    if (term !== null) this.byLastName.add(term, key);
  }

  /** Indexes a non-person's folded name by its other spelling (in memory; over a store every non-person name is indexed so anyway). */
  addSpelling(key: string, folded: string): void {
    if (this.source) return;
    const term = spellingTerm(folded);
    if (term !== null) this.bySpelling.add(term, key);
  }

  /** Indexes the cores and parts of an organisation's name (over a store, every non-person name is indexed so anyway). */
  addCompanyName(key: string, folded: string): void {
    if (!this.companyTerms) return;
    const { cores, parts } = this.companyTerms(folded);
    for (const c of cores) this.byCore.add(c, key);
    for (const p of parts) this.byPart.add(p, key);
  }

  /** Indexes the cores of a place's name (facility names: `CompanyTerms`; over a store every non-person name is indexed so anyway). */
  addCores(key: string, folded: string): void {
    if (!this.companyTerms || this.source) return;
    for (const c of this.companyTerms(folded).cores) this.byCore.add(c, key);
  }

  /** The name parts of these entities (current keys in the cache) a store keeps for lookups over it. */
  termRows(keys: string[]): TermRow[] {
    const out: TermRow[] = [];
    for (const key of keys) {
      const rec = this.recs.get(key);
      if (!rec) continue;
      for (const folded of rec.indexed) {
        if (rec.isPerson) {
          const tokens = foldedTokens(folded);
          if (tokens.length < 2) continue;
          const { core } = personName(tokens);
          out.push({ kind: 'first-last', term: firstLast(core), key });
          for (const b of blendTerms(core)) out.push({ kind: 'first-last', term: b, key });
          const given = givenNameTerm(core);
          if (given !== null) out.push({ kind: 'first-last', term: given, key });
          for (const s of surnamesOf(tokens)) out.push({ kind: 'surname', term: s, key });
          const lastName = lastNameTerm(tokens);
          if (lastName !== null) out.push({ kind: 'last-name', term: lastName, key });
          for (const v of typoTerms(core, TYPO_ACROSS_MIN_LENGTH)) out.push({ kind: 'typo', term: v, key });
        } else {
          if (this.companyTerms) {
            const { cores, parts } = this.companyTerms(folded);
            for (const c of cores) out.push({ kind: 'core', term: c, key });
            for (const p of parts) out.push({ kind: 'part', term: p, key });
          }
          const spelling = spellingTerm(folded);
          if (spelling !== null) out.push({ kind: 'spelling', term: spelling, key });
        }
      }
      // acronyms of the names as written, of entities tagged an organisation (see byAcronymOf)
      if (!rec.isPerson && this.acronymTerms && (rec.types.get('ORG') ?? 0) > 0) {
        const seen = new Set<string>();
        for (const name of rec.names.keys()) {
          for (const a of this.acronymTerms(name, foldName(name))) {
            if (seen.has(a)) continue;
            seen.add(a);
            out.push({ kind: 'acronym', term: a, key });
          }
        }
      }
    }
    return out;
  }

  /** Indexes a cleaned name of a record for exact, first-last, surname and typo matching. */
  private indexName(rec: Rec, display: string): void {
    const folded = foldName(display);
    // over a store, acronyms of every way a non-person's name is written (they depend on capitals)
    if (folded && this.source && !rec.isPerson && this.acronymTerms) for (const a of this.acronymTerms(display, folded)) this.byAcronym.add(a, rec.key);
    if (!folded || rec.indexed.has(folded)) return;
    const tokens = foldedTokens(folded);
    if (rec.isPerson) {
      if (tokens.length === 1) {
        // A single name stays matchable only while the person has no full name.
        if ([...rec.indexed].some((n) => n.includes(' '))) return;
        rec.indexed.add(folded);
        this.byName.add(folded, rec.key);
        return;
      }
      // First full name: single names stop being indexed for this person.
      for (const n of [...rec.indexed]) {
        if (!n.includes(' ')) {
          rec.indexed.delete(n);
          this.byName.remove(n, rec.key);
        }
      }
      rec.indexed.add(folded);
      this.byName.add(folded, rec.key);
      const { core } = personName(tokens);
      this.byFirstLast.add(firstLast(core), rec.key);
      for (const b of blendTerms(core)) this.byFirstLast.add(b, rec.key);
      const given = givenNameTerm(core);
      if (given !== null) this.byFirstLast.add(given, rec.key);
      for (const s of surnamesOf(tokens)) this.bySurname.add(s, rec.key);
      for (const v of typoTerms(core, this.typoLength)) this.bySurnameVariant.add(v, rec.key);
      if (this.source) {
        const lastName = lastNameTerm(tokens);
        if (lastName !== null) this.byLastName.add(lastName, rec.key);
      }
      return;
    }
    rec.indexed.add(folded);
    this.byName.add(folded, rec.key);
    if (this.source) {
      this.addCompanyName(rec.key, folded);
      const spelling = spellingTerm(folded);
      if (spelling !== null) this.bySpelling.add(spelling, rec.key);
    }
  }

  private unindex(rec: Rec): void {
    if (this.source && !rec.isPerson && this.acronymTerms) {
      for (const name of rec.names.keys()) for (const a of this.acronymTerms(name, foldName(name))) this.byAcronym.remove(a, rec.key);
    }
    for (const folded of rec.indexed) {
      this.byName.remove(folded, rec.key);
      if (this.source && !rec.isPerson) {
        if (this.companyTerms) {
          const { cores, parts } = this.companyTerms(folded);
          for (const c of cores) this.byCore.remove(c, rec.key);
          for (const p of parts) this.byPart.remove(p, rec.key);
        }
        const spelling = spellingTerm(folded);
        if (spelling !== null) this.bySpelling.remove(spelling, rec.key);
      }
      const tokens = foldedTokens(folded);
      if (!rec.isPerson || tokens.length < 2) continue;
      const { core } = personName(tokens);
      this.byFirstLast.remove(firstLast(core), rec.key);
      for (const b of blendTerms(core)) this.byFirstLast.remove(b, rec.key);
      const given = givenNameTerm(core);
      if (given !== null) this.byFirstLast.remove(given, rec.key);
      for (const s of surnamesOf(tokens)) this.bySurname.remove(s, rec.key);
      for (const v of typoTerms(core, this.typoLength)) this.bySurnameVariant.remove(v, rec.key);
      if (this.source) {
        const lastName = lastNameTerm(tokens);
        if (lastName !== null) this.byLastName.remove(lastName, rec.key);
      }
    }
    rec.indexed.clear();
  }

  // ---- context ----------------------------------------------------------------------------

  /**
   * The `context` keys named in the same article as `rec` before, looking at its latest
   * CONTEXT_ARTICLES articles (of one story when `storyId` is given).
   */
  namedWith(rec: Rec, context: string[], storyId: string | null = null): string[] {
    if (this.source) {
      if (storyId !== null) throw new Error('entities named in a story are looked up in an entity index held in memory');
      let order = this.recent.get(rec.key);
      if (!order) {
        // The stored links still carry the keys of merges the store has not applied yet.
        const mine = [rec.key, ...this.unsettled.filter(([from]) => this.current(from) === rec.key).map(([from]) => from)];
        order = this.source.latestArticles(mine, CONTEXT_ARTICLES);
        // articles of this batch the store has not been given yet (the one being resolved)
        const stored = new Set(order);
        for (const id of rec.articleOrder) if (!stored.has(id)) order.push(id);
        if (order.length > CONTEXT_ARTICLES) order.splice(0, order.length - CONTEXT_ARTICLES);
        this.recent.set(rec.key, order);
      }
      const missing = order.filter((id) => !this.keysOfArticle.has(id));
      if (missing.length > 0) {
        if (this.keysOfArticle.size + missing.length > ARTICLE_KEYS_CACHE) this.keysOfArticle.clear();
        const read = this.source.articleKeys(missing);
        // an article not stored yet is the one being resolved: it names nothing before
        for (const id of missing) if (read.has(id)) this.keysOfArticle.set(id, read.get(id)!);
      }
      const wanted = new Set(context.filter((c) => c !== rec.key));
      const found = new Set<string>();
      for (const id of order) {
        for (const k of this.keysOfArticle.get(id) ?? []) {
          const c = this.redirects.has(k) ? this.current(k) : k;
          if (wanted.has(c)) found.add(c);
        }
        if (found.size === wanted.size) break;
      }
      return context.filter((c) => found.has(c));
    }
    const found = new Set<string>();
    const order = rec.articleOrder;
    for (let i = Math.max(0, order.length - CONTEXT_ARTICLES); i < order.length; i++) {
      const id = order[i];
      const a = this.articles.get(id);
      if (!a || (storyId !== null && a.storyId !== storyId)) continue;
      for (const c of context) if (c !== rec.key && a.keys.has(c)) found.add(c);
      if (found.size === context.length) break;
    }
    return context.filter((c) => found.has(c));
  }

  /** The person entities among `keys`; with a gender, those not known to be of the other gender. */
  people(keys: Iterable<string>, gender: PersonGender | null = null): string[] {
    return [...keys].filter((k) => {
      const rec = this.recs.get(k);
      return rec?.isPerson && (!gender || !otherGender(rec, gender));
    });
  }

  mostMentioned(keys: string[]): string {
    return [...keys].sort((a, b) => this.recs.get(b)!.mentionCount - this.recs.get(a)!.mentionCount || a.localeCompare(b))[0];
  }

  // ---- views ------------------------------------------------------------------------------

  /** The public view of a global entity. */
  view(rec: Rec): GlobalEntity {
    const name = displayName(rec);
    const type: EntityType = rec.isPerson ? 'PER' : (rec.canonicalType ?? thingType(rec.types));
    const dates = [...rec.articles].map((a) => this.articles.get(a)?.publishedAt).filter((d): d is string => !!d);
    const time = (d: string): number => {
      const t = Date.parse(d);
      return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
    };
    dates.sort((a, b) => time(a) - time(b) || a.localeCompare(b));
    const order = (a: string): number => this.articles.get(a)?.order ?? Number.MAX_SAFE_INTEGER;
    const nationality = rec.source === 'demonym' ? nationalityOf(rec.key) : undefined;
    return {
      key: rec.key,
      name,
      type,
      source: rec.source,
      aliases: [...rec.surfaces.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([n, count]) => ({ name: n, count })),
      roles: [...rec.roles.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)).map((r) => ({ role: r.text, count: r.count })),
      articleIds: [...rec.articles].sort((a, b) => order(a) - order(b)),
      firstSeen: dates[0] ?? null,
      lastSeen: dates[dates.length - 1] ?? null,
      mentionCount: rec.mentionCount,
      formerKeys: [...rec.formerKeys],
      ...(nationality ? { nationalityOf: nationality } : {}),
    };
  }

  // ---- rows -------------------------------------------------------------------------------

  /** The row of one entity, as in `toState().entities`. */
  row(r: Rec): EntityRow {
    return {
      key: r.key,
      source: r.source,
      canonicalName: r.canonicalName,
      canonicalType: r.canonicalType,
      isPerson: r.isPerson,
      types: Object.fromEntries(r.types),
      names: Object.fromEntries(r.names),
      surfaces: Object.fromEntries(r.surfaces),
      roles: Object.fromEntries([...r.roles.values()].map((x) => [x.text, x.count])),
      genders: Object.fromEntries(r.genders),
      mentionCount: r.mentionCount,
    };
  }

  toState(): ResolverState {
    return {
      version: 1,
      entities: [...this.recs.values()].map((r) => this.row(r)),
      links: [...this.articles.values()].flatMap((a) => a.links.map((l) => ({ ...l, key: this.current(l.key) }))),
      merges: this.allMerges.map((m) => ({ ...m })),
      redirects: Object.fromEntries([...this.redirects.keys()].map((k) => [k, this.current(k)])),
      articles: [...this.articles].map(([id, a]) => ({ id, language: a.language, publishedAt: a.publishedAt, storyId: a.storyId })),
    };
  }

  static fromState(state: ResolverState): EntityIndex {
    if (state.version !== 1) throw new Error(`unknown entity resolver state version ${String(state.version)}`);
    const x = new EntityIndex();
    for (const row of state.entities) x.addRow(row);
    for (const [from, to] of Object.entries(state.redirects)) x.redirects.set(from, to);
    for (const m of state.merges) {
      x.allMerges.push({ ...m });
      const rec = x.recs.get(x.current(m.to));
      if (rec) {
        rec.merges.push({ ...m });
        rec.formerKeys.push(m.from);
      }
    }
    const byArticle = new Map<string, EntityLink[]>();
    for (const l of state.links) {
      const link = { ...l, key: x.current(l.key) };
      const list = byArticle.get(l.articleId);
      if (list) list.push(link);
      else byArticle.set(l.articleId, [link]);
    }
    for (const a of state.articles) {
      const links = byArticle.get(a.id) ?? [];
      const keys = new Set(links.map((l) => l.key));
      x.recordArticle(a.id, a.language, a.publishedAt, a.storyId, links, keys);
      for (const k of keys) {
        const rec = x.recs.get(k);
        if (!rec) continue;
        addArticle(rec, a.id);
        if (a.storyId) rec.stories.add(a.storyId);
      }
    }
    return x;
  }
}

/** True when the titles of a person's mentions say they are of the other gender than `gender`. */
export function otherGender(rec: Rec, gender: PersonGender): boolean {
  return (rec.genders.get(gender) ?? 0) === 0 && (rec.genders.get(gender === 'm' ? 'f' : 'm') ?? 0) > 0;
}

/** The fullest proper name of a person: most words, then most used, then not in capitals. */
export function fullestName(rec: Rec): string {
  const names = [...rec.names.entries()];
  if (names.length === 0) return rec.key;
  names.sort(
    (a, b) =>
      foldedTokens(foldName(b[0])).length - foldedTokens(foldName(a[0])).length ||
      b[1] - a[1] ||
      Number(isAllCaps(a[0])) - Number(isAllCaps(b[0])) ||
      a[0].localeCompare(b[0]),
  );
  return names[0][0];
}
