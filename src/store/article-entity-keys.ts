// The global entity key of each local entity of an article, from the store's entity links, so a
// client can link a highlighted mention to the entity's page. The stored layer is never changed;
// this sets `key` on a copy of the article that the API and `dossier show` answer with.
import type { EntityLink } from './entity-records.ts';
import type { StoredArticle } from './store.ts';

/**
 * `doc` with `key` set on every entity its links resolve. A link counts only when it still
 * describes the entity (same local id, name and type): after a re-analysis the index may be
 * stale until rebuilt, and a key must never point at the wrong entity. Entities without a
 * current link keep no key.
 */
export function withEntityKeys(doc: StoredArticle, links: EntityLink[]): StoredArticle {
  const byId = new Map(links.filter((l) => l.articleId === doc.id).map((l) => [l.localId, l]));
  return {
    ...doc,
    entities: doc.entities.map((e) => {
      const { key: _stored, ...rest } = e;
      const link = byId.get(e.id);
      return link && link.name === e.name && link.type === e.type ? { ...rest, key: link.key } : rest;
    }),
  };
}

/**
 * Quote rows with `speakerKey` set from the entity links of their articles (one `linksOf` call per
 * article on the page): the key is the entity index's, so it follows merges and rebuilds.
 */
export async function withSpeakerKeys<Q extends { articleId: string; speakerEntity: string | null; speakerKey: string | null }>(
  rows: Q[],
  linksOf: (articleId: string) => Promise<EntityLink[]>,
): Promise<Q[]> {
  const ids = [...new Set(rows.filter((r) => r.speakerEntity).map((r) => r.articleId))];
  const keys = new Map<string, string>();
  for (const links of await Promise.all(ids.map((id) => linksOf(id)))) {
    for (const l of links) keys.set(`${l.articleId}\u0000${l.localId}`, l.key);
  }
  return rows.map((r) => (r.speakerEntity ? { ...r, speakerKey: keys.get(`${r.articleId}\u0000${r.speakerEntity}`) ?? null } : r));
}
