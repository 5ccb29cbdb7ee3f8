// The sentence around an offset: binary search in the sentences layer, or (when the layer is missing)
// the line around the offset.
import type { Sentence } from '../../types.ts';

export function sentenceAt(text: string, sentences: readonly Sentence[] | undefined, pos: number): { start: number; end: number } {
  if (sentences && sentences.length) {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = sentences[mid];
      if (pos < s.start) hi = mid - 1;
      else if (pos >= s.end) lo = mid + 1;
      else return s;
    }
  }
  const start = text.lastIndexOf('\n', pos - 1) + 1;
  let end = text.indexOf('\n', pos);
  if (end < 0) end = text.length;
  return { start, end };
}
