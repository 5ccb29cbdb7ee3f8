// Finding a global entity by key or name, the same way in every store: the key (or a former key)
// itself; else every entity with that name or mention text, or that surname of a person's full
// name; else an entity the alias tables know by that name ("Internationaal Strafhof" -> org:icc).
import type { EntitySummaryRow } from '../../store/entity-rows.ts';
import type { EntityReads } from '../../store/entity-tables.ts';
import { defaultAliasTables, lookupAlias } from './aliases.ts';
import { surnamesOf } from './entity-index.ts';
import { cleanName, foldedTokens, isAllCaps } from './normalise.ts';
import { foldName } from '../../text/fold.ts';
import type { EntityType } from '../../types.ts';

/** The reads finding needs from a store's entity tables. */
export type EntityLookup = Pick<EntityReads, 'current' | 'row' | 'keysNamed' | 'personNamesContaining'>;

/**
 * Keys the stories print that the entity index may not hold, and the type they stand for: a person's
 * surname ("sur:netanyahu", the clustering feature of people) and the name keys made from an article's
 * own names when its entity layer had no global key ("per:benjamin-netanyahu", "org:labour").
 */
const NAME_KEY = /^(sur|per|org|loc|misc):(.+)$/;
const KEY_TYPE: Record<string, EntityType> = { sur: 'PER', per: 'PER', org: 'ORG', loc: 'LOC', misc: 'MISC' };

/** The rows a key or name stands for, most mentioned first. */
export async function findEntities(src: EntityLookup, nameOrKey: string): Promise<EntitySummaryRow[]> {
  const query = nameOrKey.trim();
  if (!query) return [];
  const direct = await src.row(await src.current(query));
  if (direct) return [direct];
  const key = NAME_KEY.exec(query);
  if (key) {
    // Not an index key: the name it was made from, among entities of its type ("sur:" is a surname).
    const type = KEY_TYPE[key[1]];
    return (await findByName(src, key[2].replace(/-/g, ' '))).filter((r) => r.type === type);
  }
  return findByName(src, query);
}

async function findByName(src: EntityLookup, query: string): Promise<EntitySummaryRow[]> {
  const found = new Set<string>();
  const folded = foldName(query);
  const asPerson = cleanName(query, { type: 'PER' }).folded;
  for (const f of new Set([folded, asPerson])) if (f) for (const k of await src.keysNamed(f)) found.add(k);
  if (asPerson) {
    // Surnames: proper end parts of the full names of people ("netanyahu", "von der leyen").
    for (const n of await src.personNamesContaining(asPerson)) if (surnamesOf(foldedTokens(n.folded)).includes(asPerson)) found.add(n.key);
  }
  if (found.size === 0 && folded) {
    const r = lookupAlias(defaultAliasTables(), folded, { language: '*', allCaps: isAllCaps(query) });
    const hits = r.status === 'found' ? [r.hit] : r.status === 'ambiguous' ? r.candidates : [];
    for (const h of hits) found.add(h.entity.key);
  }
  const rows: EntitySummaryRow[] = [];
  for (const k of found) {
    const r = await src.row(k);
    if (r) rows.push(r);
  }
  return rows.sort((a, b) => b.mention_count - a.mention_count || a.key.localeCompare(b.key));
}
