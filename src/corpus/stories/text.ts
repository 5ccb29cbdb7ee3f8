// Words of an article for story features: Unicode word segmentation (Intl.Segmenter, so languages
// without spaces work too), folded to lower case without diacritics ("Israël" -> "israel").
import { DEFAULT_LANGUAGE, langData } from '../../lang/registry.ts';

export interface Word {
  /** Folded form. */
  folded: string;
  /** As written. */
  text: string;
  start: number;
  end: number;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(language: string): Intl.Segmenter {
  let s = segmenters.get(language);
  if (!s) {
    try {
      s = new Intl.Segmenter(language, { granularity: 'word' });
    } catch {
      s = new Intl.Segmenter(DEFAULT_LANGUAGE, { granularity: 'word' });
    }
    segmenters.set(language, s);
  }
  return s;
}

/** Lower case, no combining marks. */
export function foldWord(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** The word-like segments of `text` (letters or digits), with offsets. */
export function words(text: string, language: string): Word[] {
  const out: Word[] = [];
  for (const seg of segmenter(language).segment(text)) {
    if (!seg.isWordLike) continue;
    out.push({ folded: foldWord(seg.segment), text: seg.segment, start: seg.index, end: seg.index + seg.segment.length });
  }
  return out;
}

const stopCache = new Map<string, Set<string>>();

/**
 * Function words of a language: the `stopWords` list the language's data already has (figures.json),
 * folded. Empty for a language without one; inverse document frequency then does the work.
 */
export function stopWords(language: string): Set<string> {
  let s = stopCache.get(language);
  if (!s) {
    const data = langData(language, 'figures');
    s = new Set((data?.stopWords ?? []).map(foldWord));
    stopCache.set(language, s);
  }
  return s;
}

/** True for a folded word worth indexing as a term: has a letter, at least 3 characters, not a function word. */
export function isContentWord(folded: string, stop: Set<string>): boolean {
  return folded.length >= 3 && /\p{L}/u.test(folded) && !stop.has(folded);
}
