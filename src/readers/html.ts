// HTML pages: the main content found by Readability (on a linkedom DOM), as plain text, plus the
// page's metadata. Reused by the JSONL and feed readers for their `html` / content fields.
import { Readability } from '@mozilla/readability';
import { InputError, type RawArticle, type RawMeta } from '../types.ts';
import { domDepth, hasMarkup, isFullDocument, parseDocument, type DomElement } from './html-dom.ts';
import { flatHtmlText, flatHtmlTitle, MAX_PARSE_DEPTH, nestingDepth } from './html-flat.ts';
import { pageMeta } from './html-meta.ts';
import { domToText } from './html-text.ts';
import { removeBoilerplate } from './html-boilerplate.ts';
import { normalizeNewlines } from './decode.ts';
import { UrlList } from './urls.ts';
import { compactMeta } from './meta.ts';

export interface HtmlArticle {
  /** Main content as plain text: paragraphs separated by a blank line, headings on their own line. */
  raw: string;
  meta: RawMeta;
  /** "readability" when Readability found the article, "body" when the whole body text was used. */
  extractedBy: 'readability' | 'body';
  /** Why the whole body text was used although the input is a page (elements nested too deep). */
  note?: string;
}

/**
 * Deepest element nesting given to Readability. Its time grows with the nesting depth times the
 * page size (1,000 nested <div>s, 5 kB, took 30 s), while real article pages nest 20 to 60 deep;
 * deeper pages are reduced to their whole body text (still without scripts, navigation, headers and
 * footers), which takes time linear in the page.
 */
export const MAX_READABILITY_DEPTH = 120;

/** Main content shorter than this (characters) is compared with the page's body text. */
const SHORT_ARTICLE = 1500;
/** How many times longer the body text must be to replace a short main content. */
const BODY_OVER_FRAGMENT = 2;

/** Elements that are never article text when Readability gives up and the whole body is used. */
const PAGE_CHROME = 'script, style, noscript, template, nav, header, footer, aside, form, [role="navigation"], [aria-hidden="true"]';

export interface HtmlOptions {
  /** Where the page was fetched from: its host helps tell the site's name from the headline, its
   *  path may carry the date; the page's own canonical URL still goes first. */
  url?: string;
  /** Told of every block left out of the main content as boilerplate, with why (for benchmarks). */
  onRemove?: (el: DomElement, why: string) => void;
}

/** Reduces an HTML page to its main text and metadata. Throws InputError when no text is found. */
export function htmlToArticle(html: string, file: string, position?: number, opts: HtmlOptions = {}): HtmlArticle {
  const nesting = nestingDepth(html);
  if (nesting > MAX_PARSE_DEPTH) {
    const raw = flatHtmlText(html);
    if (!raw) throw new InputError(file, 'no text found in the HTML', position);
    const title = flatHtmlTitle(html);
    const note = `elements nested ${nesting} deep (over ${MAX_PARSE_DEPTH}): the text was taken from the markup without parsing it into a document`;
    return { raw, meta: compactMeta({ title, url: opts.url }), extractedBy: 'body', note };
  }
  const doc = parseDocument(html);
  const meta = pageMeta(doc, opts.url);
  let raw = '';
  let extractedBy: HtmlArticle['extractedBy'] = 'readability';
  const depth = domDepth(doc.documentElement);
  const note =
    depth > MAX_READABILITY_DEPTH
      ? `elements nested ${depth} deep (over ${MAX_READABILITY_DEPTH}): the whole body text was used, without Readability`
      : undefined;
  if (!note) {
    try {
      // Boilerplate goes before Readability too (it rewrites <div>s into <p>s without their class,
      // and a page without its link lists and share boxes leads it to the article more often).
      removeBoilerplate(doc.body, opts.onRemove);
      const result = new Readability<DomElement>(doc as never, { keepClasses: true, serializer: (el) => el as unknown as DomElement }).parse();
      if (result?.content) {
        removeBoilerplate(result.content, opts.onRemove);
        raw = domToText(result.content);
      }
      if (result) {
        meta.title ??= result.title?.trim() || undefined;
        meta.byline ??= result.byline?.trim() || undefined;
        meta.source ??= result.siteName?.trim() || undefined;
        meta.publishedAt ??= result.publishedTime?.trim() || undefined;
        meta.language ??= result.lang?.trim() || undefined;
      }
    } catch {
      // Readability failed on this markup: fall back to the body text below.
    }
  }
  if (raw.trim().length < SHORT_ARTICLE) {
    // Readability found nothing or a fragment: the page's body without its chrome and boilerplate,
    // when it holds clearly more text.
    const fresh = note ? doc : parseDocument(html);
    for (const el of Array.from(fresh.body.querySelectorAll(PAGE_CHROME))) el.remove();
    if (!note) removeBoilerplate(fresh.body, opts.onRemove);
    const body = domToText(fresh.body);
    if (!raw.trim() || body.length > BODY_OVER_FRAGMENT * raw.length) {
      raw = body;
      extractedBy = 'body';
    }
  }
  if (!raw.trim()) {
    throw new InputError(file, `no text found in the HTML${meta.title ? ` (page title "${meta.title}")` : ''}`, position);
  }
  return { raw, meta: compactMeta(meta), extractedBy, ...(note && { note }) };
}

/** Text of an HTML (or plain-text) fragment such as a feed item's content: no Readability, which
 *  is made for whole pages. A whole page is passed through htmlToArticle instead. */
export function htmlFragmentToArticle(html: string, file: string, position?: number): HtmlArticle {
  if (isFullDocument(html)) return htmlToArticle(html, file, position);
  if (!hasMarkup(html)) {
    return { raw: normalizeNewlines(html).trim(), meta: {}, extractedBy: 'body' };
  }
  const nesting = nestingDepth(html);
  if (nesting > MAX_PARSE_DEPTH) {
    const note = `elements nested ${nesting} deep (over ${MAX_PARSE_DEPTH}): the text was taken from the markup without parsing it into a document`;
    return { raw: flatHtmlText(html), meta: {}, extractedBy: 'body', note };
  }
  const doc = parseDocument(html);
  const raw = domToText(doc.body);
  const urls = new UrlList();
  for (const el of Array.from(doc.querySelectorAll('img[src], a[href]'))) {
    urls.add(el.getAttribute('src') ?? el.getAttribute('href'));
  }
  const list = urls.list();
  return { raw, meta: list.length ? { urls: list } : {}, extractedBy: 'body' };
}

/** RawArticle for an .html/.htm file (or a file sniffed as HTML). */
export function readHtml(file: string, text: string, encoding: string): RawArticle {
  const { raw, meta } = htmlToArticle(text, file);
  return { file, format: 'html', raw, original: text, meta, encoding };
}
