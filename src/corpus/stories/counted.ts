// What a figure counts, taken apart: the figures layer writes a language-independent key
// "<noun> <event>" ("bodies of hostages released", "palestinians killed", "truce") from the event ids
// of each language's figures.json; here it is split into the noun, its head word and the event.
import { langData, supportedLanguages } from '../../lang/registry.ts';

export interface CountsParts {
  /** "bodies of hostages", "palestinians", "truce"; null when the key is an event only ("spent"). */
  noun: string | null;
  /** Last word of the noun: "hostages", "palestinians", "truce". */
  head: string | null;
  /** Event id: "released", "killed", "taken hostage"; null when the key names no event. */
  event: string | null;
}

let eventIds: string[] | undefined;

/** Event ids of every supported language, longest first. */
function events(): string[] {
  if (!eventIds) {
    const ids = new Set<string>();
    for (const code of supportedLanguages()) {
      const data = langData(code, 'figures');
      for (const id of Object.keys(data?.events ?? {})) ids.add(id);
    }
    eventIds = [...ids].sort((a, b) => b.length - a.length);
  }
  return eventIds;
}

export function splitCountsKey(key: string): CountsParts {
  const k = key.trim().toLowerCase();
  for (const ev of events()) {
    if (k === ev) return { noun: null, head: null, event: ev };
    if (k.endsWith(` ${ev}`)) {
      const noun = k.slice(0, -ev.length - 1).trim();
      return { noun, head: noun.split(' ').pop() ?? noun, event: ev };
    }
  }
  return { noun: k, head: k.split(' ').pop() ?? k, event: null };
}
