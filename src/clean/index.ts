// Cleaning: RawArticle -> CleanArticle. Splits the raw text into paragraphs, removes page residue
// (markup, URLs, media placeholders, captions, credits, bylines, timestamps, boilerplate, the
// headline and its repeats, the dek) keeping each removed piece with its reason, marks section
// headings, and finds the publication date. The returned `text` is what every later layer points
// into; it is never rewritten afterwards.
import type { CleanArticle, RawArticle, Removed, Span } from '../types.ts';
import { judgeCaption } from './credits.ts';
import { markHeader } from './header.ts';
import { findHeadings } from './headings.ts';
import { stripMarkup } from './markup.ts';
import { isBareName } from './names.ts';
import { noiseReason, parseByline } from './noise.ts';
import { choosePublishedAt } from './published.ts';
import { joinBrokenParagraphs, readItems } from './paragraphs.ts';
import { normaliseSpaces, titleKey } from './text.ts';
import { markTitle, repeatsTitle } from './title.ts';

export { judgeCaption, parseCredit } from './credits.ts';
export { findDates, parseDateString, urlDates } from './dates.ts';
export { stripMarkup } from './markup.ts';
export { isTimestamp, noiseReason, parseByline } from './noise.ts';
export { datelineDate } from './published.ts';
export { looksLikeHeadline } from './title.ts';

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

  // The headline and its repeats.
  const { title, index: titleIndex } = markTitle(items, metaTitle);

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
    body: body.join('\n\n'),
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
