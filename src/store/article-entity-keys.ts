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
