// Article metadata from schema.org JSON-LD blocks (<script type="application/ld+json">).
// A block may hold one object, an array of objects, or an object with "@graph".
import { decodeHTML } from 'entities';

export interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  dateModified?: string;
  authors: string[];
  publisher?: string;
  url?: string;
  description?: string;
  language?: string;
  images: string[];
}

const ARTICLE_TYPE = /(?:^|:)(?:\w*Article|BlogPosting|LiveBlogPosting|Report)$/;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** The first article-typed object across the given JSON-LD script bodies (invalid JSON is skipped). */
export function articleFromJsonLd(scripts: string[]): JsonLdArticle | null {
  for (const src of scripts) {
    const data = parseLenient(src);
    if (data === undefined) continue;
    const found = findArticle(data, 0);
    if (found) return toArticle(found);
  }
  return null;
}

const PAGE_TYPE = /(?:^|:)(?:WebPage|ItemPage|AboutPage|CollectionPage|MediaObject|VideoObject|CreativeWork)$/;

/** datePublished of the first page-typed object (WebPage, ItemPage, VideoObject …) of the given
 *  JSON-LD script bodies: a page's date where no article is described. */
export function pageDateFromJsonLd(scripts: string[]): string | undefined {
  for (const src of scripts) {
    const data = parseLenient(src);
    if (data === undefined) continue;
    const found = findTyped(data, PAGE_TYPE, 0, (o) => str(o.datePublished) !== undefined || str(o.uploadDate) !== undefined);
    if (found) return str(found.datePublished) ?? str(found.uploadDate);
  }
  return undefined;
}

function findTyped(node: Json, type: RegExp, depth: number, ok: (o: Record<string, Json>) => boolean): Record<string, Json> | null {
  if (depth > 6 || node === null || typeof node !== 'object') return null;
  if (Array.isArray(node)) {
    for (const item of node) {
      const hit = findTyped(item, type, depth + 1, ok);
      if (hit) return hit;
    }
    return null;
  }
  if (types(node['@type']).some((t) => type.test(t)) && ok(node)) return node;
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement', 'item']) {
    const hit = node[key] !== undefined ? findTyped(node[key], type, depth + 1, ok) : null;
    if (hit) return hit;
  }
  return null;
}

function parseLenient(src: string): Json | undefined {
  const body = src.trim().replace(/^<!\[CDATA\[|\]\]>$/g, '').replace(/^\/\*|\*\/$/g, '');
  try {
    return JSON.parse(body) as Json;
  } catch {
    // Raw control characters (a literal newline inside a string) are a common publisher mistake.
    try {
      return JSON.parse(body.replace(/[\u0000-\u001f]+/g, ' ')) as Json;
    } catch {
      return undefined;
    }
  }
}

function findArticle(node: Json, depth: number): Record<string, Json> | null {
  if (depth > 6 || node === null || typeof node !== 'object') return null;
  if (Array.isArray(node)) {
    for (const item of node) {
      const hit = findArticle(item, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  if (types(node['@type']).some((t) => ARTICLE_TYPE.test(t))) return node;
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement', 'item']) {
    const hit = node[key] !== undefined ? findArticle(node[key], depth + 1) : null;
    if (hit) return hit;
  }
  return null;
}

function types(t: Json | undefined): string[] {
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

function toArticle(o: Record<string, Json>): JsonLdArticle {
  return {
    headline: str(o.headline) ?? str(o.name),
    datePublished: str(o.datePublished) ?? str(o.dateCreated),
    dateModified: str(o.dateModified),
    authors: names(o.author),
    publisher: names(o.publisher)[0],
    url: str(o.url) ?? urlOf(o.mainEntityOfPage),
    description: str(o.description),
    language: str(o.inLanguage),
    images: urls(o.image),
  };
}

/** A JSON-LD string as text: many content systems write HTML character references into it
 *  ("&#8222;Arschloch&#8220;", "Tom &amp; Jerry"), which a JSON parser leaves as they are. */
const text = (s: string) => (/&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]+);/i.test(s) ? decodeHTML(s) : s).trim();

function str(v: Json | undefined): string | undefined {
  if (typeof v === 'string') return text(v) || undefined;
  if (Array.isArray(v)) return str(v[0]);
  return undefined;
}

function names(v: Json | undefined): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return text(v) ? [text(v)] : [];
  if (Array.isArray(v)) return v.flatMap((x) => names(x));
  if (typeof v === 'object') {
    const n = str(v.name);
    return n ? [n] : [];
  }
  return [];
}

function urlOf(v: Json | undefined): string | undefined {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && !Array.isArray(v)) return str(v['@id']) ?? str(v.url);
  return undefined;
}

function urls(v: Json | undefined): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap((x) => urls(x));
  if (v && typeof v === 'object') {
    const u = str(v.url) ?? str(v.contentUrl);
    return u ? [u] : [];
  }
  return [];
}
