// RSS 2.0 / RSS 1.0 (RDF) and Atom feeds: every item is an article. Parsed with fast-xml-parser;
// each item's own XML is kept as `original` (its offsets come from the parser's node metadata).
import { XMLParser, XMLValidator, type XMLMetaData } from 'fast-xml-parser';
import { InputError, type RawArticle, type RawMeta } from '../types.ts';
import { hasMarkup } from './html-dom.ts';
import { htmlFragmentToArticle, type HtmlArticle } from './html.ts';
import { fragmentToText } from './html-text.ts';
import { normalizeNewlines } from './decode.ts';
import { UrlList } from './urls.ts';
import { compactMeta } from './meta.ts';

type Node = Record<string, unknown>;

const ARRAYS = new Set(['item', 'entry', 'link', 'author', 'dc:creator', 'category', 'enclosure', 'media:content', 'media:thumbnail']);

function makeParser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    textNodeName: '#text',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    htmlEntities: true,
    captureMetaData: true,
    isArray: (name) => ARRAYS.has(name),
  });
}

const META = XMLParser.getMetaDataSymbol() as symbol;

/** Where the parser found a node in the XML (start and end offsets). */
function whereIs(v: unknown): XMLMetaData | undefined {
  return v && typeof v === 'object' ? (v as Record<symbol, XMLMetaData | undefined>)[META] : undefined;
}

/** Reads all items of a decoded feed. Returns one InputError for the whole file when it is not a
 *  feed, and per-item errors (item index as position) for items without content or cut off. */
export function readFeed(file: string, xml: string, encoding: string): (RawArticle | InputError)[] {
  let doc: Node;
  try {
    doc = makeParser().parse(xml) as Node;
  } catch (e) {
    return [new InputError(file, `not a feed: the XML cannot be parsed (${(e as Error).message})`)];
  }
  const rss = obj(doc.rss);
  const rdf = obj(doc['rdf:RDF']);
  const atom = obj(doc.feed);
  if (!rss && !rdf && !atom) return [new InputError(file, notAFeedReason(xml, doc))];

  const format: RawArticle['format'] = atom ? 'atom' : 'rss';
  let items: unknown[];
  let source: string | undefined;
  let language: string | undefined;
  if (atom) {
    items = arr(atom.entry);
    source = plainText(atom.title);
    language = text(atom['@_xml:lang']);
  } else {
    const channel = obj(rss ? rss.channel : rdf!.channel) ?? {};
    items = rss ? arr(channel.item) : arr(rdf!.item);
    source = plainText(channel.title);
    language = text(channel.language) ?? text(channel['dc:language']);
  }
  if (items.length === 0) return [new InputError(file, `${format === 'atom' ? 'Atom' : 'RSS'} feed has no items`)];

  const out: (RawArticle | InputError)[] = [];
  items.forEach((it, i) => {
    const position = i + 1;
    const item = obj(it);
    const where = whereIs(item);
    if (!item) {
      out.push(new InputError(file, `item ${position} has no content`, position));
      return;
    }
    if (where?.endIndex === undefined) {
      out.push(new InputError(file, `${atom ? 'entry' : 'item'} ${position} is cut off: the feed ends inside it`, position));
      return;
    }
    const original = where.startIndex !== undefined ? xml.slice(where.startIndex, where.endIndex) : JSON.stringify(item);
    try {
      const read = atom ? atomEntry(item, xml, file, position) : rssItem(item, file, position);
      const meta: RawMeta = { ...read.meta };
      meta.source ??= source;
      meta.language ??= language;
      out.push({ file, position, format, raw: read.raw, original, meta: compactMeta(meta), encoding });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      out.push(e);
    }
  });
  return out;
}

function notAFeedReason(xml: string, doc: Node): string {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    return `not a feed: not well-formed XML (line ${line}, column ${col}: ${msg})`;
  }
  const root = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('@_') && k !== '#text');
  return root ? `XML, but not an RSS or Atom feed (root element <${root}>)` : 'not a feed: no XML element found';
}

interface ItemRead {
  raw: string;
  meta: RawMeta;
}

function rssItem(item: Node, file: string, position: number): ItemRead {
  const encoded = text(item['content:encoded']);
  const description = text(item.description);
  const body = encoded ?? description;
  const content = body ? htmlFragmentToArticle(body, file, position) : undefined;
  if (!content?.raw.trim()) throw new InputError(file, `item ${position} has no content (no content:encoded or description)`, position);

  const link = arr(item.link).map((l) => text(l) ?? attr(l, 'href')).find(Boolean);
  const guid = item.guid;
  const guidUrl = text(guid) && /^https?:\/\//.test(text(guid)!) && attr(guid, 'isPermaLink') !== 'false' ? text(guid) : undefined;
  const creators = arr(item['dc:creator']).map(text).filter((s): s is string => !!s);
  const author = text(arr(item.author)[0]);

  const meta: RawMeta = {
    title: plainText(item.title) ?? plainText(item['dc:title']),
    url: link ?? guidUrl,
    byline: creators.length ? creators.join(', ') : author ? authorName(author) : undefined,
    publishedAt: text(item.pubDate) ?? text(item['dc:date']) ?? text(item['a10:updated']) ?? text(item['atom:updated']),
    language: text(item['dc:language']),
    description: encoded && description ? plainText(description) : undefined,
  };
  meta.urls = urls(meta.url, guidUrl, content, item);
  return { raw: content.raw, meta };
}

function atomEntry(entry: Node, xml: string, file: string, position: number): ItemRead {
  const content = atomText(entry.content, xml, file, position) ?? atomText(entry.summary, xml, file, position);
  if (!content?.raw.trim()) throw new InputError(file, `entry ${position} has no content (no content or summary)`, position);

  const links = arr(entry.link);
  const alternate = links.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate') ?? links[0];
  const authors = arr(entry.author).map((a) => text(obj(a)?.name) ?? text(a)).filter((s): s is string => !!s);
  const meta: RawMeta = {
    title: atomPlain(entry.title),
    url: attr(alternate, 'href'),
    byline: authors.length ? authors.join(', ') : undefined,
    publishedAt: text(entry.published) ?? text(entry.updated) ?? text(entry.issued),
    language: text(entry['@_xml:lang']),
    description: entry.content !== undefined && entry.summary !== undefined ? atomPlain(entry.summary) : undefined,
  };
  const enclosures = links.filter((l) => l !== alternate).map((l) => attr(l, 'href'));
  meta.urls = urls(meta.url, undefined, content, entry, enclosures);
  return { raw: content.raw, meta };
}

/** Atom text construct (type text | html | xhtml) as article text. */
function atomText(v: unknown, xml: string, file: string, position: number): HtmlArticle | undefined {
  if (v === undefined) return undefined;
  const type = attr(v, 'type') ?? 'text';
  if (type === 'xhtml' || (obj(v) && text(v) === undefined)) {
    const where = whereIs(obj(v));
    if (where?.startIndex === undefined || where.endIndex === undefined) return undefined;
    const inner = xml.slice(where.startIndex, where.endIndex).replace(/^<[^>]*>/, '').replace(/<\/[^>]*>\s*$/, '');
    return htmlFragmentToArticle(inner, file, position);
  }
  const s = text(v);
  if (!s) return undefined;
  return type === 'text' ? { raw: normalizeNewlines(s).trim(), meta: {}, extractedBy: 'body' } : htmlFragmentToArticle(s, file, position);
}

function atomPlain(v: unknown): string | undefined {
  const s = text(v);
  if (!s) return undefined;
  return attr(v, 'type') === 'text' ? collapse(s) : plainText(s);
}

/** A one-line plain text value (titles): markup reduced to text, whitespace collapsed. */
function plainText(v: unknown): string | undefined {
  const s = text(v);
  if (!s) return undefined;
  return collapse(hasMarkup(s) ? fragmentToText(s) : s) || undefined;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** "jane@example.com (Jane Doe)" -> "Jane Doe" (the RSS 2.0 author form). */
function authorName(s: string): string {
  const m = /^\S+@\S+\s*\(([^)]+)\)$/.exec(s.trim());
  return m ? m[1].trim() : s.trim();
}

function urls(url: string | undefined, guid: string | undefined, content: HtmlArticle, item: Node, more: (string | undefined)[] = []): string[] {
  const list = new UrlList(url);
  list.add(url);
  list.add(guid);
  for (const u of more) list.add(u);
  for (const key of ['enclosure', 'media:content', 'media:thumbnail']) for (const e of arr(item[key])) list.add(attr(e, 'url'));
  for (const u of content.meta.urls ?? []) list.add(u);
  return list.list();
}

function obj(v: unknown): Node | undefined {
  if (Array.isArray(v)) return obj(v[0]);
  return v !== null && typeof v === 'object' ? (v as Node) : undefined;
}

function arr(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** Text of an element value: a string, or the "#text" of an element with attributes. */
function text(v: unknown): string | undefined {
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object') return text((v as Node)['#text']);
  return undefined;
}

function attr(v: unknown, name: string): string | undefined {
  const o = obj(v);
  const a = o?.[`@_${name}`];
  return typeof a === 'string' && a.trim() ? a.trim() : undefined;
}
