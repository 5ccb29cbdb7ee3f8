// Cleaning: RawArticle -> CleanArticle. Splits the raw text into paragraphs, removes page residue
// (markup, URLs, media placeholders, captions, credits, bylines, timestamps, boilerplate, the
// headline and its repeats, the dek) keeping each removed piece with its reason, marks section
// headings, and finds the publication date. The returned `text` is what every later layer points
// into; it is never rewritten afterwards.
import type { CleanArticle, RawArticle, Removed, RemovalReason, Span } from '../types.ts';
import { judgeCaption } from './credits.ts';
import { urlsInText } from './dates.ts';
import { markHeader } from './header.ts';
import { findHeadings } from './headings.ts';
import { removeHiddenBlocks, stripMarkup } from './markup.ts';
import { isBareName } from './names.ts';
import { noiseReason, parseByline } from './noise.ts';
import { choosePublishedAt } from './published.ts';
import { normaliseSpaces, splitParagraphs, startsAsContinuation, titleKey } from './text.ts';
import { looksLikeHeadline, repeatsTitle, titleWithoutSite } from './title.ts';

export { judgeCaption, parseCredit } from './credits.ts';
export { findDates, parseDateString, urlDates } from './dates.ts';
export { stripMarkup } from './markup.ts';
export { isTimestamp, noiseReason, parseByline } from './noise.ts';
export { datelineDate } from './published.ts';
export { looksLikeHeadline } from './title.ts';

interface Item {
  text: string;
  blankAfter: boolean;
  reason: RemovalReason | null;
  /** Markup removed from this paragraph, before it. */
  markup: string[];
  /** A credit removed from the end of a kept paragraph. */
  tail?: string;
}

/** Paragraphs of the raw text with markup removed; a paragraph may split at block tags. */
function readItems(raw: string): { items: Item[]; hidden: string[]; urls: string[] } {
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
function joinBrokenParagraphs(items: Item[]): void {
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

const clean = (s: string | undefined): string | null => {
  if (s === undefined) return null;
  const t = normaliseSpaces(stripMarkup(s).text.replace(/\n/g, ' '));
  return t.length > 0 ? t : null;
};

export function cleanArticle(raw: RawArticle): CleanArticle {
  const meta = raw.meta ?? {};
  const { items, hidden, urls } = readItems(raw.raw);
  const metaTitle = clean(meta.title);
  const metaByline = clean(meta.byline)?.replace(/^by\s+/i, '') ?? null;

  // Residue recognised paragraph by paragraph; then paragraphs broken mid-sentence are rejoined
  // and captions judged.
  for (const it of items) {
    if (it.reason !== null) continue;
    if (metaTitle && repeatsTitle(it.text, metaTitle)) continue; // decided below
    it.reason = noiseReason(it.text);
    if (it.reason === null && metaByline && titleKey(it.text).replace(/^by /, '') === titleKey(metaByline)) it.reason = 'byline';
  }
  joinBrokenParagraphs(items);
  const lastIndex = items.length - 1;
  items.forEach((it, i) => {
    if (it.reason !== null || (metaTitle && repeatsTitle(it.text, metaTitle))) return;
    const caption = judgeCaption(it.text, i === lastIndex);
    if (caption && 'tail' in caption) {
      it.tail = caption.tail;
      it.text = caption.keep;
    } else if (caption) {
      it.reason = caption.reason;
    }
  });

  // The headline.
  let title: string | null = null;
  let titleIndex = -1;
  const kept = () => items.flatMap((it, i) => (it.reason === null ? [i] : []));
  if (metaTitle) {
    title = metaTitle;
    titleIndex = kept()
      .slice(0, 3)
      .find((i) => repeatsTitle(items[i].text, metaTitle)) ?? -1;
    if (titleIndex >= 0 && titleKey(items[titleIndex].text) !== titleKey(metaTitle)) title = titleWithoutSite(metaTitle);
  } else {
    const [first, second] = kept();
    if (first !== undefined && second !== undefined) {
      const it = items[first];
      if (looksLikeHeadline(it.text, items[second].text, it.blankAfter)) {
        title = it.text;
        titleIndex = first;
      }
    }
  }
  if (titleIndex >= 0) items[titleIndex].reason = 'title';
  if (title) {
    items.forEach((it, i) => {
      if (i !== titleIndex && (it.reason === null || it.reason === 'boilerplate') && repeatsTitle(it.text, title!)) {
        it.reason = 'duplicate-title';
      }
    });
  }

  // Dek and bare-name bylines in the header block.
  markHeader(items, titleIndex + 1, title !== null, clean(meta.description) ?? undefined);
  const dekItem = items.find((it) => it.reason === 'dek');

  let byline = metaByline;
  if (!byline) {
    for (const it of items) {
      if (it.reason !== 'byline') continue;
      byline = parseByline(it.text)?.names ?? (isBareName(it.text) ? it.text : null);
      if (byline) break;
    }
  }

  // The body and its spans.
  const removed: Removed[] = hidden.map((text) => ({ text, reason: 'markup' }));
  const body: string[] = [];
  for (const it of items) {
    for (const m of it.markup) removed.push({ text: m, reason: 'markup' });
    if (it.reason !== null) {
      if (it.text.length > 0) removed.push({ text: it.text, reason: it.reason });
    } else {
      body.push(it.text);
      if (it.tail) removed.push({ text: it.tail, reason: 'credit' });
    }
  }
  const paragraphs: { start: number; end: number }[] = [];
  let offset = 0;
  for (const p of body) {
    paragraphs.push({ start: offset, end: offset + p.length });
    offset += p.length + 2;
  }
  const text = body.join('\n\n');
  const headings: Span[] = findHeadings(body).map((i) => ({ ...paragraphs[i], text: body[i] }));

  const published = choosePublishedAt({
    metadata: meta.publishedAt,
    articleUrl: meta.url,
    urls: [...(meta.urls ?? []), ...urls],
    captions: removed.filter((r) => r.reason === 'caption').map((r) => r.text),
    timestamps: removed.filter((r) => r.reason === 'timestamp' || r.reason === 'byline').map((r) => r.text),
    firstParagraph: body[0],
  });

  return {
    title,
    dek: dekItem ? dekItem.text : null,
    byline,
    source: clean(meta.source) ?? hostName(meta.url),
    url: meta.url ?? null,
    ...published,
    text,
    removed,
    headings,
    paragraphs,
  };
}

function hostName(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}
