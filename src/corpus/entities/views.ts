// The entity views over a store's entity tables (src/store/entity-tables.ts, EntityReads): the list
// of global entities, one entity by key or name, why its mentions were merged, how an article's
// entities are linked, and the entities named with one — what `dossier entities|entity` print and
// the API serves (`openCorpus(store).entities(…)`, …).
import type { EntitySummaryRow } from '../../store/entity-rows.ts';
import type { EntityReads } from '../../store/entity-tables.ts';
import { optionalText, resolvePage } from '../../store/filter.ts';
import { foldForSearch, foldName } from '../../text/fold.ts';
import {
  AmbiguousEntityError,
  ENTITY_TYPES,
  StoreInputError,
  type EntityCooccurrence,
  type EntityDetail,
  type EntityDetailOptions,
  type EntityFilter,
  type EntityListResult,
  type EntitySummary,
  type Page,
} from '../../store/store.ts';
import { nationalityOf } from './demonym-forms.ts';
import { findEntities } from './find.ts';
import type { EntityLink, Explanation } from './shapes.ts';

/** Most frequent first, ties in locale order (as the resolver's view). */
function byCount<T>(rows: T[], count: (r: T) => number, text: (r: T) => string): T[] {
  return rows.sort((a, b) => count(b) - count(a) || text(a).localeCompare(text(b)));
}

function toEntitySummary(r: EntitySummaryRow): EntitySummary {
  const aliases = Object.entries(JSON.parse(r.surfaces_json) as Record<string, number>).map(([name, count]) => ({ name, count }));
  const roles = Object.entries(JSON.parse(r.roles_json) as Record<string, number>).map(([role, count]) => ({ role, count }));
  return {
    key: r.key,
    name: r.name,
    type: r.type,
    source: r.source,
    aliases: byCount(aliases, (a) => a.count, (a) => a.name),
    roles: byCount(roles, (x) => x.count, (x) => x.role),
    articleCount: r.article_count,
    mentionCount: r.mention_count,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    ...(r.source === 'demonym' && nationalityOf(r.key) ? { nationalityOf: nationalityOf(r.key) } : {}),
  };
}


export class EntityViews {
  constructor(private readonly reads: EntityReads) {}

  /** Keys a key or name stands for, most mentioned first (none without entity tables). */
  async find(nameOrKey: string): Promise<string[]> {
    if (!this.reads.available) return [];
    return (await findEntities(this.reads, nameOrKey)).map((r) => r.key);
  }

  /** Global entities, most widely reported first (article count, then mention count, then key). */
  async entities(filter: EntityFilter = {}): Promise<EntityListResult> {
    const { limit, offset } = resolvePage(filter);
    const type = optionalText(filter.type);
    if (type !== undefined && !(ENTITY_TYPES as readonly string[]).includes(type)) {
      throw new StoreInputError(`type must be one of ${ENTITY_TYPES.join(', ')}, got "${type}"`);
    }
    const name = optionalText(filter.name);
    const { total, rows } = await this.reads.list({ type, name: name === undefined ? undefined : { name: foldForSearch(name), alias: foldName(name) || foldForSearch(name) }, limit, offset });
    return { total, items: rows.map(toEntitySummary), stale: await this.reads.stale() };
  }

  /**
   * One global entity by key (former keys are followed) or by a name, alias, mention text or
   * surname; null when nothing matches. Throws AmbiguousEntityError when a name fits several.
   */
  async entity(nameOrKey: string, opts: EntityDetailOptions = {}): Promise<EntityDetail | null> {
    const found = await findEntities(this.reads, nameOrKey);
    if (found.length === 0) return null;
    if (found.length > 1) {
      throw new AmbiguousEntityError(
        nameOrKey,
        found.map((r) => ({ key: r.key, name: r.name, type: r.type, articleCount: r.article_count, mentionCount: r.mention_count })),
      );
    }
    const key = found[0].key;
    const formerKeys = await this.reads.formerKeys(key);
    return { ...toEntitySummary(found[0]), formerKeys, mentions: await this.reads.mentions(key, opts.mentions), quotes: await this.reads.quotes(key, opts.quotes) };
  }

  /** Why the mentions of the entity (or every entity) a name or key stands for were merged. */
  async explainEntity(nameOrKey: string): Promise<Explanation> {
    const entities: Explanation['entities'] = [];
    for (const r of await findEntities(this.reads, nameOrKey)) {
      entities.push({ key: r.key, name: r.name, type: r.type, links: await this.reads.linksOf(r.key), merges: await this.reads.mergesInto(r.key) });
    }
    return { query: nameOrKey, entities };
  }

  /** How each entity of one stored article is linked to its global entity (in layer order). */
  entityLinks(articleId: string): Promise<EntityLink[]> {
    return this.reads.articleLinks(articleId);
  }

  /**
   * The entities named in articles that name `key` (former keys are followed), by shared articles
   * (an article counts once however many of its local entities link to either), and the shared
   * articles of every pair among them; null when there is no such entity.
   */
  async entityCooccurrence(key: string, page?: Page): Promise<EntityCooccurrence | null> {
    const { limit, offset } = resolvePage(page);
    const current = await this.reads.current(key.trim());
    if (!(await this.reads.row(current))) return null;
    const { total, items } = await this.reads.cooccurring(current, { limit, offset });
    const edges = items.length < 2 ? [] : await this.reads.edges(items.map((r) => r.key));
    return { key: current, total, items, edges };
  }
}
