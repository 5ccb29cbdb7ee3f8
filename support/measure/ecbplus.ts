// Reading ECB+ (../shared/data/ecbplus: 772 English news articles in 35 topics, each topic two
// different events of one kind): its documents, tokens, markables, and which participant and
// location markables are proper names.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityType } from '../../src/types.ts';
import { DATA, decodeXml } from './data-sets.ts';

export const ECBPLUS_DIR = join(DATA, 'ecbplus');

/** ECB+ participant and location markables, as entity types. */
export const ECB_TYPES: Record<string, EntityType> = {
  HUMAN_PART_PER: 'PER',
  HUMAN_PART_ORG: 'ORG',
  HUMAN_PART_GPE: 'LOC',
  LOC_GEO: 'LOC',
  LOC_FAC: 'LOC',
};

/** Every document: topic folder, name (file without .xml) and path, topics in number order, files by name. */
export function ecbDocuments(dir: string): { topic: string; name: string; path: string }[] {
  const topics = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort((a, b) => Number(a) - Number(b));
  return topics.flatMap((topic) =>
    readdirSync(join(dir, topic))
      .filter((x) => x.endsWith('.xml'))
      .sort()
      .map((f) => ({ topic, name: f.replace(/\.xml$/, ''), path: join(dir, topic, f) })),
  );
}

/** The tokens of a document in order, text decoded. */
export const ecbTokens = (xml: string): { id: string; sentence: string; text: string }[] =>
  [...xml.matchAll(/<token t_id="(\d+)" sentence="(\d+)"[^>]*>([^<]*)<\/token>/g)].map((m) => ({ id: m[1], sentence: m[2], text: decodeXml(m[3]) }));

/** The markables anchored on tokens: tag (HUMAN_PART_PER…), m_id, token ids. */
export const ecbMarkables = (xml: string): { tag: string; id: string; tokenIds: string[] }[] =>
  [...xml.matchAll(/<([A-Z_]+) m_id="(\d+)"[^>]*>\s*((?:<token_anchor t_id="\d+"\/>\s*)+)<\/\1>/g)].map((m) => ({
    tag: m[1],
    id: m[2],
    tokenIds: [...m[3].matchAll(/t_id="(\d+)"/g)].map((x) => x[1]),
  }));

/** The words of a document that it also writes in lower case (so a capitalised "Police" in a headline is a common noun). */
export const lowerCaseWords = (words: Iterable<string>): Set<string> => new Set([...words].filter((t) => /^\p{Ll}/u.test(t)));

/** A mention (leading article already dropped) is a proper name: capitalised words (with name
 *  particles), starting with a capital, not only words the article also writes in lower case. */
export function isProperName(words: string[], lower: Set<string>): boolean {
  const proper = words.every((w) => /^[\p{Lu}\d]/u.test(w) || /^(of|de|al|bin|van|von|der|del|la|and|&|-|\.|'s)$/.test(w));
  if (!proper || !/^\p{Lu}/u.test(words[0] ?? '')) return false;
  return !words.every((w) => lower.has(w.toLowerCase()) || !/\p{L}/u.test(w));
}
