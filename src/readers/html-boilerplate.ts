// Boilerplate inside the main content Readability found: what a reader skips and annotators leave
// out of an article's text (the Zyte and trafilatura benchmarks). Removed from the content element:
//  - captions and image credits (<figcaption>, class "caption"/"credit");
//  - blocks named for what they are by their class or id: share and social buttons, newsletter and
//    subscription boxes, related / recommended / "read more" lists, author boxes, tag lists,
//    breadcrumbs, comments, advertising, date and byline lines;
//  - link lists: a list, item or short block whose text is mostly link text (menus, "you may also
//    like", "Lea también: <link>"), and a short heading that only introduced such a block.
// Text lengths are computed once, bottom-up, so the filter is linear in the content.
import furniture from './page-boilerplate.json' with { type: 'json' };
import type { DomElement, DomNode } from './html-dom.ts';

/** Classes and ids of blocks that are never article text. Matched against whole tokens, with
 *  "-"/"_" inside a token splitting it ("post-tags" -> "post", "tags"). */
const BOILERPLATE_WORD = new RegExp(
  '^(?:' +
    [
      'share', 'sharing', 'sharebar', 'shariff', 'social', 'socials', 'newsletter', 'subscribe', 'subscription', 'signup',
      'related', 'recommended', 'recommendations', 'readmore', 'morestories', 'promo', 'advert', 'advertisement', 'ad', 'ads',
      'sponsor', 'sponsored', 'authorbio', 'authorbox', 'bio', 'tags', 'tag', 'taglist', 'tagcloud', 'breadcrumb', 'breadcrumbs',
      'comment', 'comments', 'disqus', 'rating', 'cookie', 'cookies', 'paywall', 'print', 'toolbar', 'pagination', 'pager',
      'caption', 'captions', 'credit', 'credits', 'copyright', 'byline', 'dateline', 'timestamp', 'date', 'meta', 'postmeta',
      'entrymeta', 'footer', 'widget', 'sidebar', 'popup', 'modal', 'teaser', 'teasers', 'outbrain', 'taboola', 'nav', 'navigation',
      'skip', 'visuallyhidden', 'sronly',
    ].join('|') +
    ')$',
  'i',
);

/** Pairs of class tokens that name boilerplate together ("author" + "box", "read" + "more"). */
const BOILERPLATE_PAIRS: [RegExp, RegExp][] = [
  [/^author$/i, /^(?:bio|box|info|card|profile|about)$/i],
  [/^about$/i, /^author$/i],
  [/^read$/i, /^(?:more|also|next)$/i],
  [/^also$/i, /^read$/i],
  [/^more$/i, /^(?:stories|articles|news|from)$/i],
  [/^post$/i, /^(?:tags|meta|navigation|nav)$/i],
  [/^sr$/i, /^only$/i],
];

/** Elements inside which nothing is removed by class: the content's own text blocks. */
const TEXT_ELEMENT = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'td', 'th', 'tr', 'tbody', 'thead']);

/** Share of link text above which a list or short block is a link list. */
export const LINK_DENSITY = 0.6;
/** Longest block (characters) judged by its link density; longer text is prose with links. */
const MAX_LINK_BLOCK = 400;
/** An image block (a <div> or <figure> around an image) with at most this much text holds a
 *  caption or a credit, not article text. */
const MAX_IMAGE_TEXT = 160;
const IMAGE_BLOCK = new Set(['div', 'figure', 'span']);
/** A caption's text: a label, a name or a credit, or one short sentence; a longer sentence beside an
 *  image is a step of instructions or a point of the article. */
const isCaptionText = (text: string) => {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= 60 || !/[.!?…:;]["'»«“”’)]?$/u.test(t);
};
/** Longest heading removed with the link list it introduces. */
const MAX_INTRO_HEADING = 80;

const ELEMENT = 1;
const TEXT = 3;

interface Stat {
  text: number;
  link: number;
  /** Holds the article's own text: an itemprop="articleBody", or an <article> with the <h1>. */
  article?: boolean;
  h1?: boolean;
  /** Holds an image. */
  img?: boolean;
}

/** Text and link-text lengths (whitespace collapsed) of every element under root, in one pass. */
function measure(root: DomElement): Map<DomNode, Stat> {
  const stats = new Map<DomNode, Stat>();
  // Post-order with an explicit stack: [node, inLink, visited].
  const stack: [DomNode, boolean, boolean][] = [[root, false, false]];
  while (stack.length) {
    const top = stack.pop()!;
    const [node, inLink, visited] = top;
    if (node.nodeType !== ELEMENT) continue;
    if (!visited) {
      stack.push([node, inLink, true]);
      const isLink = inLink || (node.localName ?? '').toLowerCase() === 'a';
      const kids = node.childNodes;
      for (let i = kids.length - 1; i >= 0; i--) if (kids[i].nodeType === ELEMENT) stack.push([kids[i], isLink, false]);
      continue;
    }
    const s: Stat = { text: 0, link: 0 };
    const name = (node.localName ?? '').toLowerCase();
    const isLink = name === 'a';
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i];
      if (k.nodeType === TEXT) {
        const n = (k.nodeValue ?? '').replace(/\s+/g, ' ').trim().length;
        s.text += n;
        if (isLink || inLink) s.link += n;
      } else if (k.nodeType === ELEMENT) {
        const ks = stats.get(k);
        if (ks) {
          s.text += ks.text;
          s.link += ks.link;
          if (ks.article) s.article = true;
          if (ks.h1) s.h1 = true;
          if (ks.img) s.img = true;
        }
      }
    }
    if (name === 'h1') s.h1 = true;
    if (name === 'img' || name === 'picture') s.img = true;
    if ((name === 'article' && s.h1) || (node as DomElement).getAttribute?.('itemprop') === 'articleBody') s.article = true;
    stats.set(node, s);
  }
  return stats;
}

function classTokens(el: DomElement): string[] {
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return raw.split(/\s+/).filter(Boolean);
}

const NEGATION = /^(?:non|no|not|without)$/i;
const TAXONOMY_CLASS = /^(?:tag|category|topic|section|rubrik|ressort)[-_][\p{L}\p{N}]/iu;

/** True when an element's class or id names boilerplate. */
export function isBoilerplateName(el: DomElement): boolean {
  for (const raw of classTokens(el)) {
    // A BEM modifier ("TestReport__Section--Ads") names a variant of its block (one with an ad
    // slot inside), not what the block is: only the block and element names count.
    const token = /^[^-]+.*?--/.test(raw) ? raw.replace(/--.*$/, '') : raw;
    if (BOILERPLATE_WORD.test(token.replace(/[-_]/g, ''))) return true;
    // A taxonomy class of the article's container ("tag-muenzwurf", "category-news", WordPress'
    // post_class) names what the article is about, not a box.
    if (TAXONOMY_CLASS.test(token)) continue;
    const parts = token.split(/[-_]+|(?<=[a-z])(?=[A-Z])/).filter(Boolean);
    // "non-paywall", "no-ads": a word negated; "elementor-widget-wrap": page builders call every
    // content block a widget, so "widget" names a box only at the start of a token ("widget_text").
    if (parts.some((p, i) => BOILERPLATE_WORD.test(p) && !NEGATION.test(parts[i - 1] ?? '') && !(i > 0 && /^widget$/i.test(p)))) return true;
    for (let i = 0; i + 1 < parts.length; i++) {
      if (BOILERPLATE_PAIRS.some(([a, b]) => a.test(parts[i]) && b.test(parts[i + 1]))) return true;
    }
  }
  return false;
}

/** Longest block judged by how it starts (page-boilerplate.json). */
export const MAX_LINE_CHARS = 120;
let furnitureStart: RegExp | undefined;
let furnitureAlone: RegExp | undefined;

/** True when a short block's text opens like page furniture ("Lesen Sie auch:", "Lea también: …"). */
export function isFurnitureLine(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t || t.length > MAX_LINE_CHARS) return false;
  // Phrases may go on after a space ("Lesen Sie auch den Kommentar"); a single word must stand
  // alone or before a colon, a count or an arrow ("Tags: …", "Kommentare (3)", "Teilen"), as
  // "Themen der Woche sind …" is a sentence; or before a link ("Permalink https://…").
  const alt = (ws: string[]) => ws.sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  furnitureStart ??= new RegExp(
    `^[»>›→▶►•*\\s]*(?:(?:${alt(furniture.starts.filter((w) => w.includes(' ')))})(?=$|[\\s:.!?…»>›|(–—-])|(?:${alt(furniture.starts.filter((w) => !w.includes(' ')))})\\s*(?=$|[:!…»>›|(]|https?:\\/\\/))`,
    'iu',
  );
  if (furnitureStart.test(t)) return true;
  furnitureAlone ??= new RegExp(`^(?:${alt(furniture.alone)})\\s*:?$`, 'iu');
  return furnitureAlone.test(t);
}

/** Blocks judged as lines (never inline elements, which are part of a sentence). */
const LINE_BLOCK = new Set(['p', 'div', 'li', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'aside', 'dt', 'dd']);
const HEADING = /^h[1-6]$/;
const LIST_LIKE = new Set(['ul', 'ol', 'li', 'dl', 'nav', 'menu']);
const BLOCK_LIKE = new Set(['p', 'div', 'section', 'aside', 'header', 'footer', 'article']);

/**
 * Removes boilerplate from the content element (in place) and returns how many elements went.
 * The content's root itself is never removed.
 */
export function removeBoilerplate(content: DomElement, onRemove?: (el: DomElement, why: string) => void): number {
  const stats = measure(content);
  // No single block holding half of the content's text is boilerplate: that is the article itself
  // under an unlucky class name ("widget Blog", "post-footer-wrapper").
  const most = 0.5 * (stats.get(content)?.text ?? 0);
  const doomed: DomElement[] = [];
  const byLinks = new Set<DomElement>();
  // Top-down: an element removed takes its subtree with it, which is not visited.
  const stack: DomElement[] = [];
  const kids = content.childNodes;
  for (let i = kids.length - 1; i >= 0; i--) if (kids[i].nodeType === ELEMENT) stack.push(kids[i] as DomElement);
  while (stack.length) {
    const el = stack.pop()!;
    const name = el.localName.toLowerCase();
    const s = stats.get(el) ?? { text: 0, link: 0 };
    let why = '';
    if (s.text > most) why = '';
    else if (name === 'figcaption') why = 'caption';
    else if (s.img && s.text > 0 && s.text <= MAX_IMAGE_TEXT && IMAGE_BLOCK.has(name) && isCaptionText(el.textContent ?? '')) why = 'caption';
    else if (!TEXT_ELEMENT.has(name) && !s.article && isBoilerplateName(el) && s.text < 2000) why = 'name';
    else if (s.text > 0 && s.link / s.text > LINK_DENSITY && (LIST_LIKE.has(name) || (BLOCK_LIKE.has(name) && s.text <= MAX_LINK_BLOCK))) {
      why = 'links';
      byLinks.add(el);
    } else if (LINE_BLOCK.has(name) && s.text <= MAX_LINE_CHARS && isFurnitureLine(el.textContent ?? '')) {
      why = 'furniture';
    }
    if (why) {
      onRemove?.(el, why);
      doomed.push(el);
      continue;
    }
    const ks = el.childNodes;
    for (let i = ks.length - 1; i >= 0; i--) if (ks[i].nodeType === ELEMENT) stack.push(ks[i] as DomElement);
  }
  // A short heading right before a removed link list ("You may also like", "Weitere Artikel").
  for (const el of [...byLinks]) {
    const prev = previousElement(el);
    if (prev && HEADING.test(prev.localName.toLowerCase()) && (stats.get(prev)?.text ?? 0) <= MAX_INTRO_HEADING) {
      onRemove?.(prev, 'heading');
      doomed.push(prev);
    }
  }
  for (const el of doomed) el.remove();
  return doomed.length;
}

function previousElement(el: DomElement): DomElement | null {
  let n = (el as unknown as { previousSibling: DomNode | null }).previousSibling;
  while (n && (n.nodeType !== ELEMENT || !(n.textContent ?? '').trim())) {
    if (n.nodeType === TEXT && (n.nodeValue ?? '').trim()) return null;
    n = (n as unknown as { previousSibling: DomNode | null }).previousSibling;
  }
  return n as DomElement | null;
}
