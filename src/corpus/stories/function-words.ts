// The function words of a language for story features; the words themselves come from
// segmentWords of src/text/tokens.ts (Unicode word segmentation, folded: "Israël" -> "israel").
import { langData } from '../../lang/registry.ts';
import { foldCaseAndAccents } from '../../text/fold.ts';

const stopCache = new Map<string, Set<string>>();

/**
 * Function words of a language: the `stopWords` list the language's data already has (figures.json),
 * folded. Empty for a language without one; inverse document frequency then does the work.
 */
export function stopWords(language: string): Set<string> {
  let s = stopCache.get(language);
  if (!s) {
    const data = langData(language, 'figures');
    s = new Set((data?.stopWords ?? []).map(foldCaseAndAccents));
    stopCache.set(language, s);
  }
  return s;
}

/** True for a folded word worth indexing as a term: has a letter, at least 3 characters, not a function word. */
export function isContentWord(folded: string, stop: Set<string>): boolean {
  return folded.length >= 3 && /\p{L}/u.test(folded) && !stop.has(folded);
}
