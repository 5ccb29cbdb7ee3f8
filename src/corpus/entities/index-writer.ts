// The entity index writer, once for every store: resolves the entities of stored articles into the
// corpus-wide entities and keeps the store's entity tables (src/store/entity-tables.ts) in step, inside
// the store's write transaction — incrementally, article by article after each is stored, or as a
// full rebuild from every stored entity layer. Where the store has point reads (SQLite), the
// resolver (resolve.ts) works over the tables (EntityIndex.over): it reads the entities an article can
// be linked to, caches them (at most CACHE_ENTITIES between batches) and writes the name parts of the
// entities it changed (entity_terms), so a process starts without reading the entity state. Elsewhere
// (PostgreSQL) the resolver loads the whole state. Either is kept between batches and dropped when
// another process wrote (entity_state.generation) or a transaction rolled back.
import type { EntityArticleRow, EntityColumns, EntityNameRow, EntityPointReads, EntityTables, LinkRow } from '../../store/entity-tables.ts';
import type { EntityStateRow, EntityStateRows, StoredEntity } from '../../store/entity-rows.ts';
import { toLink } from '../../store/entity-rows.ts';
import { NOT_SEEN, type Seen, entityDisplayName, entityDisplayType, joinSeen, seenOf, seenWith } from './entity-view.ts';
import { foldForSearch, foldName } from '../../text/fold.ts';
import type { EntityRebuildResult } from '../../store/store.ts';
import type { ArticleEntities, EntityLink, EntityRow, ResolvedArticle, ResolverState } from './shapes.ts';
import { EntityResolver } from './resolve.ts';
import { EntityIndex, type EntitySourceReads, TERM_RULES_VERSION } from './entity-index.ts';

/** Stored articles read per step when rebuilding. */
const REBUILD_PAGE = 500;
/** Entities a resolver over a store keeps cached from one batch to the next (more: it starts afresh). */
const CACHE_ENTITIES = 50_000;
/** Entities read per step when filling the term table of a database from before it. */
const TERMS_PAGE = 2000;

/** The store's point reads as the entity index reads them. */
function sourceReads(p: EntityPointReads): EntitySourceReads {
  return {
    entity: (key) => {
      const r = p.entity(key);
      return r ? { row: toEntityRow(r.row), ord: r.ord } : undefined;
    },
    redirect: (key) => p.redirect(key),
    keys: (kind, term) => p.keys(kind, term),
    keysOfTerms: (kind, terms) => p.keysOfTerms(kind, terms),
    articleLinks: (id) => p.articleLinks(id)?.map(toLink),
    latestArticles: (keys, limit) => p.latestArticles(keys, limit),
    articleKeys: (ids) => p.articleKeys(ids),
  };
}

/** A resolver over a store's tables (`EntityIndex.over`). */
function resolverOver(p: EntityPointReads): EntityResolver {
  return EntityResolver.over(EntityIndex.over(sourceReads(p)));
}

/**
 * Fills the term table of a database whose entities were stored before it, or whose rows older
 * rules derived (`TERM_RULES_VERSION`), once: the old rows are dropped and every entity's derived again.
 */
function fillTerms(p: EntityPointReads): void {
  p.clearTerms();
  for (let after = 0; ; ) {
    const page = p.entitiesAfter(after, TERMS_PAGE);
    if (page.length === 0) break;
    const index = EntityIndex.over(sourceReads(p));
    const resolver = EntityResolver.over(index); // gives the index its company rules
    const keys = page.map((r) => r.row.key).filter((k) => index.get(k));
    p.addTerms(resolver.termRows(keys));
    after = page[page.length - 1].ord;
  }
  p.markTermsReady(TERM_RULES_VERSION);
}

/** What the resolver needs of an article. Stories are not known at ingest yet. */
export function articleEntities(a: Pick<ArticleEntities, 'id' | 'language' | 'publishedAt' | 'entities'>): ArticleEntities {
  return { id: a.id, language: a.language, publishedAt: a.publishedAt, entities: a.entities, storyId: null };
}

/** Refuses an entity layer with two entities of one id (their links would collide). */
export function checkLocalIds(article: ArticleEntities): void {
  const ids = new Set<string>();
  for (const e of article.entities) {
    if (ids.has(e.id)) throw new Error(`its entity layer has two entities with id "${e.id}"`);
    ids.add(e.id);
  }
}


/** What to write for one entity at the end of a batch. */
export interface EntityWrite {
  row: EntityRow;
  /** Recompute its articles and dates from the links (a merge target) instead of adding the batch's. */
  fromLinks: boolean;
}

/**
 * What one ingest batch did to the entity index, kept while its articles are resolved one by one:
 * keys linked or created, merge targets, and the articles and dates it added to each key.
 */
export class EntityBatchLog {
  private readonly changed = new Set<string>();
  private readonly recompute = new Set<string>();
  private readonly seen = new Map<string, Seen>();
  added = 0;

  /** Records an article the resolver placed (after its merges were applied). */
  resolved(article: ArticleEntities, res: ResolvedArticle): void {
    for (const key of new Set(res.links.map((l) => l.key))) this.seen.set(key, seenWith(this.seen.get(key) ?? NOT_SEEN, article.publishedAt));
    for (const key of res.changed) this.changed.add(key);
    this.added++;
  }

  merged(to: string): void {
    this.recompute.add(to);
  }

  /** The entities to write: every changed key still current, in order of first appearance. */
  writes(resolver: EntityResolver): EntityWrite[] {
    const alive = [...this.changed].filter((k) => resolver.current(k) === k);
    const recompute = new Set([...this.recompute].map((k) => resolver.current(k)));
    return resolver.entityRows(alive).map((row) => ({ row, fromLinks: recompute.has(row.key) }));
  }

  /** Articles and dates of an entity not recomputed from links: the stored ones plus this batch's. */
  seenOf(key: string, before: StoredEntity | undefined): Seen {
    const stored = before ? { articleCount: before.article_count, firstSeen: before.first_seen, lastSeen: before.last_seen } : NOT_SEEN;
    return joinSeen(stored, this.seen.get(key) ?? NOT_SEEN);
  }
}

/** The columns of an `entities` row. */
export function entityColumns(row: EntityRow, ord: number, seen: Seen): Record<string, string | number | null> {
  const name = entityDisplayName(row);
  return {
    key: row.key,
    ord,
    name,
    name_folded: foldForSearch(name),
    type: entityDisplayType(row),
    source: row.source,
    canonical_name: row.canonicalName,
    canonical_type: row.canonicalType,
    is_person: row.isPerson ? 1 : 0,
    mention_count: row.mentionCount,
    article_count: seen.articleCount,
    first_seen: seen.firstSeen,
    last_seen: seen.lastSeen,
    types_json: JSON.stringify(row.types),
    names_json: JSON.stringify(row.names),
    surfaces_json: JSON.stringify(row.surfaces),
    roles_json: JSON.stringify(row.roles),
    genders_json: JSON.stringify(row.genders),
  };
}

/** The `entity_names` rows an entity gains: its names and mention texts the stored row did not have. */
export function newEntityNames(row: EntityRow, before: StoredEntity | undefined): { key: string; kind: 'name' | 'surface'; text: string; folded: string }[] {
  const out: { key: string; kind: 'name' | 'surface'; text: string; folded: string }[] = [];
  const known = before ? { name: JSON.parse(before.names_json), surface: JSON.parse(before.surfaces_json) } : { name: {}, surface: {} };
  for (const kind of ['name', 'surface'] as const) {
    for (const text of Object.keys(kind === 'name' ? row.names : row.surfaces)) {
      if (!(text in known[kind])) out.push({ key: row.key, kind, text, folded: foldName(text) });
    }
  }
  return out;
}

/** A whole resolver state as rows: links grouped by article, and the articles and dates of each key. */
export function stateRows(state: ResolverState): { linksByArticle: EntityLink[][]; seen: Map<string, Seen> } {
  const published = new Map(state.articles.map((a) => [a.id, a.publishedAt]));
  const seen = new Map<string, Seen>();
  const lastArticle = new Map<string, string>();
  const linksByArticle: EntityLink[][] = [];
  let start = 0;
  for (let i = 1; i <= state.links.length; i++) {
    if (i < state.links.length && state.links[i].articleId === state.links[start].articleId) continue;
    const links = state.links.slice(start, i);
    linksByArticle.push(links);
    for (const l of links) {
      // Count each article once per key.
      if (lastArticle.get(l.key) === l.articleId) continue;
      lastArticle.set(l.key, l.articleId);
      seen.set(l.key, seenWith(seen.get(l.key) ?? NOT_SEEN, published.get(l.articleId) ?? null));
    }
    start = i;
  }
  return { linksByArticle, seen };
}


export function toEntityRow(r: EntityStateRow): EntityRow {
  return {
    key: r.key,
    source: r.source,
    canonicalName: r.canonical_name,
    canonicalType: r.canonical_type,
    isPerson: r.is_person === 1,
    types: JSON.parse(r.types_json),
    names: JSON.parse(r.names_json),
    surfaces: JSON.parse(r.surfaces_json),
    roles: JSON.parse(r.roles_json),
    genders: JSON.parse(r.genders_json),
    mentionCount: r.mention_count,
  };
}



/** The resolver's state from the rows of `entityStateQueries`: what `EntityResolver.fromState` continues from. */
export function stateFromRows(r: EntityStateRows): ResolverState {
  return {
    version: 1,
    entities: r.entities.map(toEntityRow),
    links: r.links.map(toLink),
    merges: r.merges.map((m) => ({ from: m.from_key, to: m.to_key, articleId: m.article_id, reason: m.reason })),
    redirects: Object.fromEntries(r.redirects.map((x) => [x.from_key, x.to_key])),
    articles: r.articles.map((a) => ({ id: a.article_id, language: a.language, publishedAt: a.published_at, storyId: a.story_id })),
  };
}

const linkRows = (links: EntityLink[]): LinkRow[] =>
  links.map((l, position) => ({ article_id: l.articleId, local_id: l.localId, key: l.key, name: l.name, type: l.type, rule: l.rule, reason: l.reason, position }));

const articleRow = (seq: number, a: Pick<ArticleEntities, 'id' | 'language' | 'publishedAt' | 'storyId'>): EntityArticleRow => ({
  seq,
  article_id: a.id,
  language: a.language,
  published_at: a.publishedAt,
  story_id: a.storyId ?? null,
});

/** The resolver's state as stored: what `EntityResolver.fromState` continues from. */
export async function readResolverState(tables: EntityTables): Promise<ResolverState> {
  return stateFromRows(await tables.stateRows());
}

/** Keeps a store's entity tables; one per store, so that its resolver survives from one batch to the next. */
export class EntityIndexWriter {
  private resolver: EntityResolver | undefined;
  private generation = -1;

  /** Starts resolving a batch of new articles; call inside the write transaction, then `finish` the batch. */
  async batch(tables: EntityTables): Promise<EntityBatch> {
    const generation = await tables.generation();
    const points = tables.pointReads;
    if (!this.resolver || generation !== this.generation || (points && this.resolver.cached > CACHE_ENTITIES)) {
      if (points) {
        if (!points.termsReady(TERM_RULES_VERSION)) fillTerms(points);
        this.resolver = resolverOver(points);
      } else this.resolver = EntityResolver.fromState(await readResolverState(tables));
      this.generation = generation;
    }
    return new EntityBatch(tables, this.resolver, (g) => {
      this.generation = g;
    });
  }

  /** Forgets the resolver in memory: after a rolled-back transaction it knows articles the tables do not. */
  discard(): void {
    this.resolver = undefined;
  }

  /** The generation of the tables the resolver in memory reflects (null when it has none). */
  get committed(): number | null {
    return this.resolver ? this.generation : null;
  }

  /** The current key of a key the resolver in memory knows (merged keys lead to the entity they were merged into). */
  currentKey(key: string): string {
    return this.resolver ? this.resolver.current(key) : key;
  }

  /**
   * Replaces the index with a new resolution of every stored entity layer, in ingest order (the
   * order incremental resolution saw them). Call inside a write transaction.
   */
  async rebuild(tables: EntityTables): Promise<EntityRebuildResult> {
    await tables.generation(); // refuses a store without entity tables before anything is deleted
    await tables.clear();
    const resolver = new EntityResolver();
    const seqOf = new Map<string, number>();
    for (let after = 0; ; ) {
      const page = await tables.layersAfter(after, REBUILD_PAGE);
      if (page.length === 0) break;
      for (const r of page) {
        resolver.add(articleEntities({ id: r.id, language: r.language, publishedAt: r.published_at, entities: r.entities }));
        seqOf.set(r.id, r.seq);
      }
      after = page[page.length - 1].seq;
    }
    const state = resolver.state();
    await writeState(tables, state, seqOf);
    const points = tables.pointReads;
    if (points) {
      points.addTerms(resolver.termRows(state.entities.map((e) => e.key)));
      points.markTermsReady(TERM_RULES_VERSION);
    }
    this.generation = await tables.nextGeneration({ rebuilt: true });
    this.resolver = points ? undefined : resolver;
    return { articles: state.articles.length, entities: state.entities.length, links: state.links.length, merges: state.merges.length };
  }
}

/** The resolution of one ingest batch: `add` each stored article in order, then `finish`. Rows are written in bulk. */
export class EntityBatch {
  private readonly log = new EntityBatchLog();
  private pendingArticles: EntityArticleRow[] = [];
  private pendingLinks: LinkRow[] = [];

  constructor(
    private readonly tables: EntityTables,
    private readonly resolver: EntityResolver,
    private readonly onCommit: (generation: number) => void,
  ) {}

  /** Resolves one article just stored (its `articles.seq`): records it, applies the merges it caused, queues its links; returns them. */
  async add(article: ArticleEntities, seq: number): Promise<EntityLink[]> {
    checkLocalIds(article);
    // A resolver over the tables reads the articles before this one from them.
    if (this.tables.pointReads) await this.flush();
    const res = this.resolver.add(article);
    this.pendingArticles.push(articleRow(seq, article));
    if (res.merges.length > 0) {
      await this.flush(); // merges rewrite the keys of links written before
      for (const m of res.merges) {
        await this.tables.merge({ from_key: m.from, to_key: m.to, article_id: m.articleId, reason: m.reason });
        this.log.merged(m.to);
      }
      this.resolver.settled();
    }
    this.pendingLinks.push(...linkRows(res.links));
    this.log.resolved(article, res);
    return res.links;
  }

  private async flush(): Promise<void> {
    if (this.pendingArticles.length === 0 && this.pendingLinks.length === 0) return;
    await this.tables.addArticles(this.pendingArticles);
    await this.tables.addLinks(this.pendingLinks);
    this.pendingArticles = [];
    this.pendingLinks = [];
  }

  /** Writes the rows of every entity the batch changed and marks the index as changed for other processes. */
  async finish(): Promise<void> {
    if (this.log.added === 0) return;
    await this.flush();
    const writes = this.log.writes(this.resolver);
    let nextOrd = (await this.tables.maxOrd()) + 1;
    const stored = await this.tables.storedEntities(writes.map((w) => w.row.key));
    const entities: EntityColumns[] = [];
    const names: EntityNameRow[] = [];
    for (const { row, fromLinks } of writes) {
      const before = stored.get(row.key);
      const seen = fromLinks ? seenOf(await this.tables.linkedDates(row.key)) : this.log.seenOf(row.key, before);
      entities.push(entityColumns(row, before?.ord ?? nextOrd++, seen));
      names.push(...newEntityNames(row, before));
    }
    await this.tables.writeEntities(entities, names);
    this.tables.pointReads?.addTerms(this.resolver.termRows(writes.map((w) => w.row.key)));
    this.onCommit(await this.tables.nextGeneration());
  }
}

/** Writes a whole resolver state into the emptied tables (a rebuild). `seqOf`: article id -> articles.seq. */
async function writeState(tables: EntityTables, state: ResolverState, seqOf: Map<string, number>): Promise<void> {
  await tables.addArticles(state.articles.map((a) => articleRow(seqOf.get(a.id)!, a)));
  const { linksByArticle, seen } = stateRows(state);
  await tables.addLinks(linksByArticle.flatMap(linkRows));
  await tables.addMerges(state.merges.map((m) => ({ from_key: m.from, to_key: m.to, article_id: m.articleId, reason: m.reason })));
  await tables.addRedirects(Object.entries(state.redirects).map(([from_key, to_key]) => ({ from_key, to_key })));
  await tables.writeEntities(
    state.entities.map((row, i) => entityColumns(row, i + 1, seen.get(row.key) ?? NOT_SEEN)),
    state.entities.flatMap((row) => newEntityNames(row, undefined)),
  );
}
