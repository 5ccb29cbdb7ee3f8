// Parsing HTML into a DOM with linkedom, tolerant of fragments and truncated pages.
import { parseHTML } from 'linkedom';

/** The subset of the DOM the readers use (linkedom's nodes; the project compiles without lib.dom). */
export interface DomNode {
  nodeType: number;
  localName?: string;
  nodeValue?: string | null;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
}

export interface DomElement extends DomNode {
  localName: string;
  getAttribute(name: string): string | null;
  querySelector(sel: string): DomElement | null;
  querySelectorAll(sel: string): ArrayLike<DomElement>;
  remove(): void;
}

export interface DomDocument {
  documentElement: DomElement;
  body: DomElement;
  querySelector(sel: string): DomElement | null;
  querySelectorAll(sel: string): ArrayLike<DomElement>;
}

/** Parses a page or a fragment. linkedom keeps only the first element of input that lacks an
 *  <html> element (or puts content straight into <html> when <body> is missing), so such input is
 *  first given the missing wrapper. */
export function parseDocument(html: string): DomDocument {
  const { document } = parseHTML(wrapIfNeeded(html));
  const doc = document as unknown as DomDocument;
  if (UPPERCASE_ATTRIBUTE.test(html)) lowercaseAttributes(doc);
  if (html.includes('text/template')) unwrapArticleTemplates(doc);
  return doc;
}

/** Blogger (blogspot.com and its custom domains) sends each post's text as markup inside a
 *  <script type="text/template"> in the post's articleBody, for its script to insert: parsed into
 *  the page where it stands, or the article would be lost with the scripts. */
function unwrapArticleTemplates(doc: DomDocument): void {
  const scripts = Array.from(doc.querySelectorAll('[itemprop="articleBody"] script[type="text/template"], .post-body script[type="text/template"]'));
  for (const script of scripts as unknown as TemplateScript[]) {
    const div = (doc as unknown as { createElement(name: string): TemplateScript }).createElement('div');
    div.innerHTML = script.textContent ?? '';
    script.replaceWith(div);
  }
}

interface TemplateScript {
  textContent: string | null;
  innerHTML: string;
  replaceWith(node: unknown): void;
}

const UPPERCASE_ATTRIBUTE = /<[a-z][^>]*?\s[a-z-]*[A-Z][\w-]*\s*=/i;

/** HTML attribute names are case-insensitive, but linkedom keeps them as written and matches
 *  getAttribute and selectors case-sensitively: <LINK REL="canonical"> would go unseen. */
function lowercaseAttributes(doc: DomDocument): void {
  for (const el of Array.from(doc.querySelectorAll('*')) as unknown as AttributedElement[]) {
    for (const { name, value } of Array.from(el.attributes)) {
      const lower = name.toLowerCase();
      if (lower === name) continue;
      el.removeAttribute(name);
      if (!el.hasAttribute(lower)) el.setAttribute(lower, value);
    }
  }
}

interface AttributedElement {
  attributes: ArrayLike<{ name: string; value: string }>;
  removeAttribute(name: string): void;
  hasAttribute(name: string): boolean;
  setAttribute(name: string, value: string): void;
}

export function wrapIfNeeded(html: string): string {
  // Markup before the document's start ("<style>…</style><!DOCTYPE html><html>", a page written
  // after a stray include) would be the only element kept: it goes to the start of the body.
  const start = /<!doctype\s|<html[\s>]/i.exec(html);
  if (start && start.index > 0 && /<[a-z]/i.test(html.slice(0, start.index).replace(/<!--[\s\S]*?-->/g, ''))) {
    const prefix = html.slice(0, start.index);
    const rest = html.slice(start.index);
    const body = /<body[^>]*>/i.exec(rest);
    return wrapIfNeeded(body ? `${rest.slice(0, body.index + body[0].length)}${prefix}${rest.slice(body.index + body[0].length)}` : rest);
  }
  if (!/<html[\s>]/i.test(html)) {
    const body = html.replace(/^\uFEFF?\s*(?:<!--[\s\S]*?-->\s*)*(?:<\?xml[^>]*>\s*)?<!doctype[^>]*>/i, '');
    return `<!DOCTYPE html><html><head></head><body>${body}</body></html>`;
  }
  if (!/<body[\s>]/i.test(html)) {
    const m = /<\/head\s*>/i.exec(html) ?? /<html[^>]*>/i.exec(html);
    if (m) {
      const at = m.index + m[0].length;
      return `${html.slice(0, at)}<body>${html.slice(at)}`;
    }
  }
  return html;
}

/** True when the markup is a whole page rather than a fragment. */
export function isFullDocument(html: string): boolean {
  return /<(?:html|body|head)[\s>]|<!doctype html/i.test(html.slice(0, 4096));
}

/** True when a string contains markup at all (a tag, comment or entity). */
export function hasMarkup(s: string): boolean {
  return /<\/?[a-z][^>]*>|<!--|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i.test(s);
}

/** Deepest element nesting under `root` (the root is depth 0), counted without recursion. */
export function domDepth(root: DomNode): number {
  let max = 0;
  const stack: [DomNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > max) max = depth;
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) if (kids[i].nodeType === 1) stack.push([kids[i], depth + 1]);
  }
  return max;
}
