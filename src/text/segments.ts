// Intl.Segmenter in time linear in the text. V8's segment iterator costs time proportional to the
// length of the string for every segment it returns, so one long paragraph (140 KB of "Mr. Mr. …",
// a scraped page without newlines) took minutes. The text is segmented in windows instead: every
// segment of a window but the last is kept (the last may go on past the window) and the next window
// starts where that last segment began. Text up to one window long is segmented in one pass, exactly
// as before.

/** Characters per window: longer than nearly every real paragraph, so those are segmented whole. */
export const SEGMENT_WINDOW = 2000;

export interface TextSegment {
  segment: string;
  /** Offset in the whole text. */
  index: number;
  isWordLike?: boolean;
}

/** The segments of `text` as `segmenter.segment(text)` gives them, in linear time. */
export function* segmentText(segmenter: Intl.Segmenter, text: string, window = SEGMENT_WINDOW): Generator<TextSegment> {
  let pos = 0;
  let size = window;
  while (pos < text.length) {
    let end = Math.min(text.length, pos + size);
    // never cut a surrogate pair
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end++;
    const segs = Array.from(segmenter.segment(text.slice(pos, end)));
    if (end === text.length) {
      for (const s of segs) yield { segment: s.segment, index: pos + s.index, isWordLike: s.isWordLike };
      return;
    }
    if (segs.length < 2) {
      // one segment fills the window: widen it (doubling keeps a long segment linear)
      size *= 2;
      continue;
    }
    for (let i = 0; i < segs.length - 1; i++) yield { segment: segs[i].segment, index: pos + segs[i].index, isWordLike: segs[i].isWordLike };
    pos += segs[segs.length - 1].index;
    size = window;
  }
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
