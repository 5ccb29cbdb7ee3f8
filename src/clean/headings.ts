// Section headings inside the body ("Moeizame ronde in Doha", "Biden Admin Continues to Oppose
// Rafah Offensive"): short lines without closing punctuation, between prose paragraphs. They stay
// in the text and are marked.
import { endsSentence, hasInnerSentenceBreak, startsCapitalised, wordCount } from './text.ts';

export const MAX_HEADING_WORDS = 15;
export const MAX_HEADING_CHARS = 120;
/** The paragraph after a heading is prose of at least this many words. */
const MIN_FOLLOWING_WORDS = 15;

function isHeadingShaped(p: string): boolean {
  const n = wordCount(p);
  if (n === 0 || n > MAX_HEADING_WORDS || p.length > MAX_HEADING_CHARS) return false;
  if (!startsCapitalised(p)) return false;
  if (endsSentence(p) || /[,;:–—-]$/u.test(p)) return false;
  if (/[”"’»)\]]$/u.test(p)) return false; // ends a quotation or an aside
  return !hasInnerSentenceBreak(p);
}

/** Is a paragraph shaped like running prose (a finished sentence or a long line)? */
function isProse(p: string): boolean {
  return endsSentence(p) || wordCount(p) >= 8;
}

/** Indexes (into `paragraphs`, the kept body) of the section headings. */
export function findHeadings(paragraphs: string[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < paragraphs.length - 1; i++) {
    if (!isHeadingShaped(paragraphs[i])) continue;
    if (!isProse(paragraphs[i - 1])) continue;
    if (wordCount(paragraphs[i + 1]) < MIN_FOLLOWING_WORDS || !startsCapitalised(paragraphs[i + 1])) continue;
    out.push(i);
  }
  return out;
}
