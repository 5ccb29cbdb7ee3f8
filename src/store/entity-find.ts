// Finding a global entity by key or name, the same way in every store: the key (or a former key)
// itself; else every entity with that name or mention text, or that surname of a person's full
// name; else an entity the alias tables know by that name ("Internationaal Strafhof" -> org:icc).
import { defaultAliasTables, lookupAlias } from '../corpus/entities/aliases.ts';
import { surnamesOf } from '../corpus/entities/entity-index.ts';
import { cleanName, foldedTokens, isAllCaps } from '../corpus/entities/normalise.ts';
import { foldName } from '../text/fold.ts';
import type { EntitySummaryRow } from './entity-rows.ts';

type Awaitable<T> = T | Promise<T>;

/** The reads finding needs from a store's entity tables. */
export interface EntityLookup {
  /** The current key of a key that may have been merged away. */
  current(key: string): Awaitable<string>;
  /** The entity row of a current key. */
  row(key: string): Awaitable<EntitySummaryRow | undefined>;
  /** Keys having a name or mention text whose foldName is `folded`. */
  keysNamed(folded: string): Awaitable<string[]>;
  /** Names (kind 'name') of people that contain `folded`, with their keys. */
  personNamesContaining(folded: string): Awaitable<{ key: string; folded: string }[]>;
}

/** The rows a key or name stands for, most mentioned first. */
export async function findEntities(src: EntityLookup, nameOrKey: string): Promise<EntitySummaryRow[]> {
  const query = nameOrKey.trim();
  if (!query) return [];
  const direct = await src.row(await src.current(query));
  if (direct) return [direct];
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
