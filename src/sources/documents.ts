// What a source's document lists: the items of an RSS/Atom feed, the URLs of a sitemap (urlset,
// Google News sitemaps included) or the sitemaps of a sitemap index, or the lines of a URL list.
// XML is parsed with fast-xml-parser as src/readers/feed.ts does, with no DTD: a document that
// declares entities (<!DOCTYPE … [<!ENTITY …>]>) is refused, so no entity is ever expanded and
// nothing external is ever loaded.
import { XMLParser } from 'fast-xml-parser';

/** An item a source lists: the page to fetch, with what the listing says of it. */
export interface ListedItem {
  url: string;
  title?: string;
  publishedAt?: string;
}

export type SourceDocument =
  | { kind: 'feed'; format: 'rss' | 'atom'; title?: string; items: ListedItem[] }
  | { kind: 'sitemap'; items: ListedItem[] }
  | { kind: 'sitemap-index'; sitemaps: string[] }
  | { kind: 'list'; items: ListedItem[] };

export class DocumentError extends Error {}

type Node = Record<string, unknown>;

const ARRAYS = new Set(['item', 'entry', 'link', 'url', 'sitemap']);

function parser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    textNodeName: '#text',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    htmlEntities: true,
    // namespaced sitemap elements (news:news, xhtml:link) are matched without their prefix
    removeNSPrefix: true,
    isArray: (name) => ARRAYS.has(name),
  });
}

/** Reads a source document; `url` resolves relative links. Throws DocumentError saying what it is instead. */
export function readSourceDocument(body: string, url: string, contentType?: string | null): SourceDocument {
  const head = body.replace(/^\uFEFF/, '').trimStart();
  if (!head.startsWith('<')) {
    if (/^(text\/html|application\/xhtml)/i.test(contentType ?? '')) throw new DocumentError('an HTML page, not a feed, sitemap or URL list');
    return { kind: 'list', items: readUrlList(head, url) };
  }
  if (/<!ENTITY/i.test(head.slice(0, 64 * 1024)) || /<!DOCTYPE[^>]*\[/i.test(head.slice(0, 64 * 1024))) {
    throw new DocumentError('the XML declares entities in a DOCTYPE; such documents are refused (entity expansion is off)');
  }
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<!DOCTYPE\s+html/i.test(head) || /^<html[\s>]/i.test(head)) {
    throw new DocumentError('an HTML page, not a feed, sitemap or URL list');
  }
  let doc: Node;
  try {
    doc = parser().parse(head) as Node;
  } catch (e) {
    throw new DocumentError(`not well-formed XML (${(e as Error).message.split('\n')[0]})`);
  }
  const resolve = (u: string | undefined) => absolute(u, url);
  if (doc.rss || doc.RDF) {
    const rss = obj(doc.rss);
    const rdf = obj(doc.RDF);
    const channel = obj(rss ? rss.channel : rdf?.channel) ?? {};
    const raw = rss ? arr(channel.item) : arr(rdf?.item);
    const items = raw.flatMap((it) => {
      const item = obj(it) ?? {};
      const guid = item.guid;
      const guidUrl = attr(guid, 'isPermaLink') !== 'false' ? text(guid) : undefined;
      const link = arr(item.link).map((l) => text(l) ?? attr(l, 'href')).find(Boolean) ?? guidUrl ?? attr(item, 'about');
      const u = resolve(link);
      return u ? [listed(u, text(item.title), text(item.pubDate) ?? text(item.date))] : [];
    });
    return { kind: 'feed', format: 'rss', title: text(channel.title), items };
  }
  if (doc.feed) {
    const feed = obj(doc.feed)!;
    const base = attr(feed, 'base') ?? url;
    const items = arr(feed.entry).flatMap((e) => {
      const entry = obj(e) ?? {};
      const links = arr(entry.link);
      const alternate = links.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate') ?? links[0];
      const u = absolute(attr(alternate, 'href'), base);
      return u ? [listed(u, text(entry.title), text(entry.published) ?? text(entry.updated))] : [];
    });
    return { kind: 'feed', format: 'atom', title: text(feed.title), items };
  }
  if (doc.sitemapindex) {
    const sitemaps = arr(obj(doc.sitemapindex)?.sitemap).flatMap((s) => {
      const u = resolve(text(obj(s)?.loc));
      return u ? [u] : [];
    });
    return { kind: 'sitemap-index', sitemaps };
  }
  if (doc.urlset) {
    const items = arr(obj(doc.urlset)?.url).flatMap((x) => {
      const entry = obj(x) ?? {};
      const u = resolve(text(entry.loc));
      if (!u) return [];
      const news = obj(entry.news);
      return [listed(u, text(news?.title), text(news?.publication_date) ?? text(entry.lastmod))];
    });
    return { kind: 'sitemap', items };
  }
  const root = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('@_') && k !== '#text');
  throw new DocumentError(root ? `XML, but not a feed or a sitemap (root element <${root}>)` : 'no XML element found');
}

/** A URL list: one http(s) URL a line; blank lines and lines starting with # are skipped. */
export function readUrlList(body: string, base: string): ListedItem[] {
  const items: ListedItem[] = [];
  const bad: number[] = [];
  body.split(/\r?\n/).forEach((line, i) => {
    const l = line.trim();
    if (!l || l.startsWith('#')) return;
    const u = absolute(l, base);
    if (u && /^https?:\/\/\S+$/.test(l)) items.push({ url: u });
    else bad.push(i + 1);
  });
  if (items.length === 0) throw new DocumentError(bad.length ? `not a feed, sitemap or URL list (line ${bad[0]} is not an http(s) URL)` : 'an empty URL list');
  if (bad.length > items.length) throw new DocumentError(`not a URL list: ${bad.length} lines are not http(s) URLs (first: line ${bad[0]})`);
  return items;
}

function listed(url: string, title?: string, publishedAt?: string): ListedItem {
  return { url, ...(title ? { title } : {}), ...(publishedAt ? { publishedAt } : {}) };
}

function absolute(u: string | undefined, base: string): string | undefined {
  if (!u) return undefined;
  try {
    const abs = new URL(u.trim(), base);
    return abs.protocol === 'http:' || abs.protocol === 'https:' ? abs.href : undefined;
  } catch {
    return undefined;
  }
}

function obj(v: unknown): Node | undefined {
  if (Array.isArray(v)) return obj(v[0]);
  return v !== null && typeof v === 'object' ? (v as Node) : undefined;
}

function arr(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

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
