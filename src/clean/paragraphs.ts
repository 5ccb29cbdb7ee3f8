// The raw text as a list of paragraph items: markup removed (recorded), whitespace normalised,
// paragraphs that a scraper cut mid-sentence rejoined. Each item later gets a removal reason or
// stays in the body.
import type { RemovalReason } from '../types.ts';
import { urlsInText } from './dates.ts';
import { removeHiddenBlocks, stripMarkup } from './markup.ts';
import { normaliseSpaces, splitParagraphs, startsAsContinuation } from './text.ts';

export interface Item {
  text: string;
  blankAfter: boolean;
  reason: RemovalReason | null;
  /** Markup removed from this paragraph, before it. */
  markup: string[];
  /** A credit removed from the end of a kept paragraph. */
  tail?: string;
}

/** Paragraphs of the raw text with markup removed; a paragraph may split at block tags. */
export function readItems(raw: string): { items: Item[]; hidden: string[]; urls: string[] } {
  const hidden = removeHiddenBlocks(raw);
  const items: Item[] = [];
  const urls: string[] = [];
  let pending: string[] = [];
  for (const p of splitParagraphs(hidden.text)) {
    const m = stripMarkup(p.text);
    urls.push(...m.urls, ...urlsInText(p.text));
    pending.push(...m.removed);
    const lines = m.text.split('\n').map(normaliseSpaces).filter((l) => l.length > 0);
    lines.forEach((text, i) => {
      items.push({ text, blankAfter: i === lines.length - 1 && p.blankAfter, reason: null, markup: pending });
      pending = [];
    });
  }
  if (pending.length > 0) items.push({ text: '', blankAfter: false, reason: 'empty', markup: pending });
  return { items, hidden: hidden.removed, urls };
}

/**
 * Rejoins a paragraph that stops mid-sentence with the next one when that one starts as a
 * continuation (lower case, or ',', '.'): link or bold text cut out of its sentence by a scraper.
 */
export function joinBrokenParagraphs(items: Item[]): void {
  for (let i = 0; i + 1 < items.length; i++) {
    const a = items[i];
    const b = items[i + 1];
    if (a.reason !== null || b.reason !== null || b.markup.length > 0) continue;
    if (/[.!?…:;]["'”’»)]*$/u.test(a.text) || !startsAsContinuation(b.text)) continue;
    a.text = /^[,.;:)]/.test(b.text) ? a.text + b.text : `${a.text} ${b.text}`;
    a.blankAfter = b.blankAfter;
    items.splice(i + 1, 1);
    i--;
  }
}
