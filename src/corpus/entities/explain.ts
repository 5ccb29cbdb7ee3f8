// Plain-text rendering of an entity explanation, for `dossier entities --explain NAME`.
import type { Mention } from '../../types.ts';
import type { Explanation } from './resolve.ts';

/** The mentions of a local entity (article id, local id), with why each joined it in its article. */
export type LocalMentions = (articleId: string, localId: string) => readonly Mention[] | undefined;

/**
 * One block per entity the query names: the entity, then each local entity linked to it (article,
 * name as written there, rule, reason) with, when `mentions` gives them, its mentions in that
 * article and why each belongs to it; then the merges of other entities into it.
 */
export function formatExplanation(explanation: Explanation, mentions?: LocalMentions): string {
  if (explanation.entities.length === 0) return `No entity named "${explanation.query}".\n`;
  const blocks = explanation.entities.map((e) => {
    const articles = new Set(e.links.map((l) => l.articleId)).size;
    const lines = [`${e.name} [${e.key}] ${e.type}: ${e.links.length} linked name${e.links.length === 1 ? '' : 's'} in ${articles} article${articles === 1 ? '' : 's'}`];
    for (const l of e.links) {
      lines.push(`  ${l.articleId}  "${l.name}" (${l.type}, ${l.localId})  ${l.rule}: ${l.reason}`);
      for (const m of mentions?.(l.articleId, l.localId) ?? []) lines.push(`      @${m.start}-${m.end} "${m.text.replace(/\s+/g, ' ')}"${m.how ? `  ${m.how}` : ''}`);
    }
    for (const m of e.merges) lines.push(`  merged ${m.from} into ${m.to} (article ${m.articleId}): ${m.reason}`);
    return lines.join('\n');
  });
  const head = explanation.entities.length > 1 ? `"${explanation.query}" names ${explanation.entities.length} entities.\n\n` : '';
  return `${head}${blocks.join('\n\n')}\n`;
}
