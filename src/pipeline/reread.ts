// The read stage of a reanalysis: a stored article is read again from its input as first read (the
// text file, the HTML page, the JSON Lines line, the feed item's XML, kept in article_raw.original)
// by the same readers as ingest, so a reader fix reaches stored articles. What that input alone does
// not hold comes from the stored description: file name, position and encoding; the outlet name (an
// ingest may set it with --source, and a feed item takes it from its channel); for a feed item, the
// channel's language.
import { readFeed } from '../readers/feed.ts';
import { readHtml } from '../readers/html.ts';
import { jsonlLineToArticle } from '../readers/jsonl.ts';
import { readTxt } from '../readers/txt.ts';
import { InputError, type RawArticle } from '../types.ts';

export interface Reread {
  raw: RawArticle;
  /** Set when the original input could not be read again and the stored reader output is used. */
  note?: string;
}

export function rereadStored(stored: RawArticle): Reread {
  let read: RawArticle;
  try {
    read = readOriginal(stored);
  } catch (err) {
    const why = err instanceof InputError ? err.reason : err instanceof Error ? err.message : String(err);
    return { raw: stored, note: `the original input could not be read again (${why}): analysed from the text stored at ingest` };
  }
  const meta = { ...read.meta };
  if (stored.meta.source !== undefined) meta.source = stored.meta.source;
  if (isFeed(stored) && stored.meta.language !== undefined) meta.language ??= stored.meta.language;
  const raw: RawArticle = { file: stored.file, format: stored.format, raw: read.raw, original: stored.original, meta };
  if (stored.position !== undefined) raw.position = stored.position;
  if (stored.encoding !== undefined) raw.encoding = stored.encoding;
  return { raw };
}

/** The reader of the stored format over the stored original; throws InputError when it finds no article. */
function readOriginal(stored: RawArticle): RawArticle {
  const { file, original } = stored;
  const encoding = stored.encoding ?? 'utf-8';
  switch (stored.format) {
    case 'txt':
      return readTxt(file, original, encoding);
    case 'html':
      return readHtml(file, original, encoding);
    case 'jsonl':
      return jsonlLineToArticle(file, stored.position ?? 1, original, encoding);
    case 'rss':
    case 'atom':
      return readFeedItem(stored, encoding);
  }
}

/** A feed item read alone: its XML inside an otherwise empty feed of its kind. */
function readFeedItem(stored: RawArticle, encoding: string): RawArticle {
  const xml = stored.format === 'atom' ? `<feed>${stored.original}</feed>` : `<rss><channel>${stored.original}</channel></rss>`;
  const items = readFeed(stored.file, xml, encoding);
  if (items.length !== 1) throw new InputError(stored.file, `the stored item holds ${items.length} items`);
  if (items[0] instanceof InputError) throw items[0];
  return items[0];
}

function isFeed(raw: RawArticle): boolean {
  return raw.format === 'rss' || raw.format === 'atom';
}
