// Metadata of an HTML page: <title>, Open Graph, article:*, <link rel=canonical>, JSON-LD
// (NewsArticle/Article), <html lang>, and every URL on the page.
import type { RawMeta } from '../types.ts';
import type { DomDocument, DomElement } from './html-dom.ts';
import { articleFromJsonLd, pageDateFromJsonLd } from './jsonld.ts';
import { UrlList } from './urls.ts';
import { compactMeta } from './meta.ts';
import { chooseTitle, headingText, NOT_ARTICLE_HEADING } from './html-title.ts';
import { pageDate } from './html-date.ts';

const LINK_RELS_WITH_URLS = new Set(['canonical', 'alternate', 'amphtml', 'shortlink', 'image_src']);

/** Reads the page's metadata. Must run before Readability, which changes the document. `pageUrl`:
 *  where the page was fetched from, when known (the page's own canonical URL goes first). */
export function pageMeta(doc: DomDocument, pageUrl?: string): RawMeta {
  const metaTags = collectMetaTags(doc);
  const m = (...keys: string[]) => {
    for (const k of keys) {
      const v = metaTags.get(k);
      if (v) return v;
    }
    return undefined;
  };
  const ldScripts = all(doc, 'script[type]')
    .filter((s) => s.getAttribute('type')?.trim().toLowerCase() === 'application/ld+json')
    .map((s) => s.textContent ?? '');
  const ld = articleFromJsonLd(ldScripts);
  const links = all(doc, 'link[rel][href]');
  const rel = (el: DomElement) => (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
  const canonical = attr(links.find((l) => rel(l).includes('canonical')), 'href');
  const titleTag = clean(doc.querySelector('title')?.textContent);

  const url = canonical ?? m('og:url') ?? ld?.url ?? pageUrl;
  const base = attr(doc.querySelector('base[href]'), 'href') ?? url;
  const author = m('author', 'article:author', 'dc.creator', 'parsely-author', 'sailthru.author');

  const title = chooseTitle({
    metaTitles: [ld?.headline, m('og:title'), m('twitter:title'), m('dc.title', 'parsely-title'), titleTag],
    h1s: all(doc, 'h1')
      .filter((h) => !NOT_ARTICLE_HEADING.test(`${h.getAttribute('class') ?? ''} ${h.getAttribute('id') ?? ''}`))
      .map(headingText),
    h2s: all(doc, 'h2').slice(0, 5).map(headingText),
    leadH2s: leadHeadings(doc),
    siteNames: [m('og:site_name'), m('application-name'), m('apple-mobile-web-app-title'), ld?.publisher],
    url: unarchived(pageUrl ?? url),
  });
  const language = attr(doc.documentElement, 'lang') ?? m('content-language', 'og:locale');
  const meta: RawMeta = {
    title,
    url,
    source: m('og:site_name', 'application-name') ?? ld?.publisher,
    byline: ld?.authors.length ? ld.authors.join(', ') : author && !/^https?:/i.test(author) ? author : undefined,
    publishedAt: pageDate(doc, {
      jsonLd: ld?.datePublished,
      pageJsonLd: ld?.datePublished ? undefined : pageDateFromJsonLd(ldScripts),
      metaTags,
      url: unarchived(pageUrl ?? url),
      language,
      titles: [titleTag, m('og:title')],
      title,
    }),
    language: attr(doc.documentElement, 'lang') ?? attr(doc.documentElement, 'xml:lang') ?? m('content-language', 'og:locale', 'dc.language') ?? ld?.language,
    description: m('og:description', 'description', 'twitter:description') ?? ld?.description,
  };

  const urls = new UrlList(base);
  urls.add(canonical);
  urls.add(m('og:url'));
  urls.add(m('og:image', 'og:image:url', 'twitter:image'));
  for (const u of ld?.images ?? []) urls.add(u);
  for (const el of all(doc, 'img, source, a[href], link[href], meta[content]')) {
    const name = el.localName.toLowerCase();
    if (name === 'img' || name === 'source') {
      urls.add(el.getAttribute('src'));
      for (const attrName of ['data-src', 'data-original', 'data-lazy-src']) urls.add(el.getAttribute(attrName));
      for (const cand of (el.getAttribute('srcset') ?? '').split(',')) urls.add(cand.trim().split(/\s+/)[0]);
    } else if (name === 'a') {
      urls.add(el.getAttribute('href'));
    } else if (name === 'link') {
      if (rel(el).some((r) => LINK_RELS_WITH_URLS.has(r))) urls.add(el.getAttribute('href'));
    } else {
      const content = el.getAttribute('content')?.trim() ?? '';
      if (/^https?:\/\//i.test(content)) urls.add(content);
    }
  }
  meta.urls = urls.list();
  return compactMeta(meta);
}

/** <meta> tags by lower-cased name/property/itemprop/http-equiv; the first value wins. */
function collectMetaTags(doc: DomDocument): Map<string, string> {
  const map = new Map<string, string>();
  for (const el of all(doc, 'meta')) {
    const content = clean(el.getAttribute('content'));
    if (!content) continue;
    for (const a of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(a)?.trim().toLowerCase();
      if (key && !map.has(key)) map.set(key, content);
    }
  }
  return map;
}

/** The original URL of a page read from a web archive ("https://web.archive.org/web/2015…/http://site.de/a"):
 *  its host names the site and its path may carry the date. Other URLs as given. */
export function unarchived(url: string | undefined): string | undefined {
  const m = url ? /^https?:\/\/(?:web\.)?archive\.org\/web\/\d{4,14}[a-z_]*\/(https?:\/\/.+)$/i.exec(url) : null;
  return m ? m[1] : url;
}

/** Texts of the <h2>s that come before the page's first paragraph of prose (at most 5). */
function leadHeadings(doc: DomDocument): string[] {
  const out: string[] = [];
  for (const el of all(doc, 'h2, p')) {
    if (el.localName.toLowerCase() === 'p') {
      if ((el.textContent ?? '').trim().length > 80) break;
    } else if (out.push(headingText(el)) >= 5) break;
  }
  return out;
}

function all(doc: DomDocument, sel: string) {
  return Array.from(doc.querySelectorAll(sel));
}

function attr(el: { getAttribute(n: string): string | null } | null | undefined, name: string): string | undefined {
  return clean(el?.getAttribute(name));
}

function clean(s: string | null | undefined): string | undefined {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}
