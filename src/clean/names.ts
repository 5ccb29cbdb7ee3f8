// Person-name shapes, for bylines and photographer credits ("Jane Doe", "Jan van der Berg",
// "MICHAEL B. THOMAS"). Shape only: no name lists.
import { cleanRules } from './data.ts';

const CAPITALISED = /^\p{Lu}[\p{L}\p{M}'’-]*\.?$/u;
const INITIALS = /^(?:\p{Lu}\.)+$/u;

function isNameToken(token: string): boolean {
  return CAPITALISED.test(token) || INITIALS.test(token);
}

/** Looks like a name: 1..maxTokens capitalised words or initials, particles ("van", "de") inside. */
export function isNameLike(s: string, maxTokens = 5): boolean {
  const tokens = s.trim().split(/\s+/);
  if (tokens.length === 0 || tokens.length > maxTokens || tokens[0] === '') return false;
  const particles = cleanRules().nameParticles;
  let capitalised = 0;
  for (const t of tokens) {
    if (isNameToken(t)) capitalised++;
    else if (!particles.has(t.toLowerCase())) return false;
  }
  return capitalised > 0 && isNameToken(tokens[tokens.length - 1]);
}

/** A line that is only a person's name (2..4 words, no digits): a byline without "By". */
export function isBareName(s: string): boolean {
  return s.length <= 50 && !/\d/.test(s) && s.trim().split(/\s+/).length >= 2 && isNameLike(s, 4);
}

/** Splits a list of names ("Jane Doe, John Roe and Ann Poe") into its items. */
export function splitNameList(s: string): string[] {
  const joiners = [...cleanRules().nameJoiners].map((j) => j.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`\\s*,\\s*|\\s*;\\s*|\\s+(?:${joiners.join('|')})\\s+`, 'iu');
  return s.split(re).filter((x) => x.length > 0);
}
