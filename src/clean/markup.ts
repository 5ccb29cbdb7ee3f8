// Markup left in text: HTML comments, script/style blocks, tags (also tags broken by truncation),
// WordPress-style shortcodes and HTML entities. Removed pieces are returned so the UI can show them.
import { decodeHTML } from 'entities';

/** Elements whose content is never article text. */
const DROP_WITH_CONTENT = /<(script|style|noscript|template|svg)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;
/** WordPress-style shortcodes: "[caption id=…]", "[/caption]", "[embed]" (lower-case names). */
const SHORTCODE = /\[\/?(?:caption|embed|video|audio|gallery|playlist|tweet|instagram|youtube)(?=[\s\]])[^\]\n]*\]/g;

/** Block-level elements: removing one leaves a line break. */
const BLOCK = new Set(
  'address article aside blockquote br caption dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul iframe video audio embed object center html head body title'.split(
    ' ',
  ),
);
/** Inline elements: removing one leaves nothing. */
const INLINE = new Set(
  'a abbr b bdi bdo cite code data del dfn em font i img ins kbd mark q s samp small span strong sub sup time u var wbr picture source button label input select option meta link'.split(
    ' ',
  ),
);
/** Attributes holding a URL, which cannot contain spaces. */
const URL_ATTRS = new Set(['href', 'src', 'data-src', 'srcset', 'poster', 'action', 'cite', 'data-href', 'data-url']);

const TAG_START = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)(?=[\s/>])/g;
const ATTR = /\s+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"'<>`]+)))?/y;
const UNCLOSED_ATTR = /\s+([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(["'])/y;
const ENTITY = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

export interface MarkupResult {
  text: string;
  /** The markup removed, in order of appearance. */
  removed: string[];
  /** URLs found in tag attributes (href, src, ...), for dating. */
  urls: string[];
}

interface TagMatch {
  /** End offset of the markup to remove. */
  end: number;
  urls: string[];
}

/**
 * Where a URL value that runs into the following text really ends. Scrapers that truncate a tag
 * leave the link's text glued to the URL ("…/trump-says-a-Politico reported."): slugs are
 * lower-case words joined by hyphens, so a capitalised word right after the slug's last hyphen
 * starts the link text. Returns the URL's length.
 */
export function urlLengthBeforeText(value: string): number {
  const m = /^(.*\/[a-z0-9]+(?:-[a-z0-9]+)*-)\p{Lu}[\p{L}\p{N}’'.]*$/u.exec(value);
  return m ? m[1].length : value.length;
}

/** Parses the tag starting at `start` (whose name has been matched); null when it is not a tag. */
function matchTag(text: string, start: number, nameEnd: number): TagMatch | null {
  const lineEnd = text.indexOf('\n', start);
  const nextLt = text.indexOf('<', start + 1);
  const limit = Math.min(lineEnd < 0 ? text.length : lineEnd, nextLt < 0 ? text.length : nextLt);
  // A complete tag: a '>' outside quotes before the line or the next tag ends.
  let quote = '';
  for (let i = nameEnd; i < limit; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return { end: i + 1, urls: attributeUrls(text.slice(nameEnd, i)) };
    }
  }
  // A broken tag: attributes, then text. It ends after its last attribute with a value; an
  // unclosed quoted URL value ends where the URL does.
  const urls: string[] = [];
  let pos = nameEnd;
  let lastValued = -1;
  for (;;) {
    UNCLOSED_ATTR.lastIndex = pos;
    const open = UNCLOSED_ATTR.exec(text);
    if (open && open.index + open[0].length <= limit) {
      const q = open[2];
      const valueStart = open.index + open[0].length;
      const close = text.indexOf(q, valueStart);
      const name = open[1].toLowerCase();
      const closedValue = close >= 0 && close < limit ? text.slice(valueStart, close) : null;
      if (closedValue === null || (URL_ATTRS.has(name) && /\s/.test(closedValue))) {
        const run = /^[^\s"'<>]*/.exec(text.slice(valueStart, limit))![0];
        const len = URL_ATTRS.has(name) ? urlLengthBeforeText(run) : run.length;
        if (URL_ATTRS.has(name) && len > 0) urls.push(run.slice(0, len));
        return { end: valueStart + len, urls };
      }
    }
    ATTR.lastIndex = pos;
    const m = ATTR.exec(text);
    if (!m || m.index + m[0].length > limit) break;
    pos = m.index + m[0].length;
    const value = m[2] ?? m[3] ?? m[4];
    if (value !== undefined) {
      lastValued = pos;
      if (URL_ATTRS.has(m[1].toLowerCase())) urls.push(value);
    }
  }
  return lastValued > 0 ? { end: lastValued, urls } : null;
}

function attributeUrls(attrs: string): string[] {
  const urls: string[] = [];
  const re = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>`]+))/g;
  for (let m = re.exec(attrs); m; m = re.exec(attrs)) {
    if (URL_ATTRS.has(m[1].toLowerCase())) urls.push(m[2] ?? m[3] ?? m[4]);
  }
  return urls;
}

/** What replaces removed inline markup: a space when it separated punctuation from a word. */
function joiner(before: string, after: string): string {
  return /[,.;:!?)\]”’"]/.test(before) && /[\p{L}\p{N}“‘"(]/u.test(after) ? ' ' : '';
}

/** Removes comments and script/style blocks, which may span lines, from the whole raw text. */
export function removeHiddenBlocks(input: string): { text: string; removed: string[] } {
  const removed: string[] = [];
  const record = (m: string) => {
    removed.push(m);
    return '\n';
  };
  return { text: input.replace(COMMENT, record).replace(DROP_WITH_CONTENT, record), removed };
}

/** Removes markup from one paragraph; entities are decoded. Block tags leave a line break. */
export function stripMarkup(input: string): MarkupResult {
  const removed: string[] = [];
  const urls: string[] = [];
  const record = (m: string) => {
    removed.push(m);
    return '\n';
  };
  let text = input.replace(COMMENT, record).replace(DROP_WITH_CONTENT, record);
  text = text.replace(SHORTCODE, (m) => {
    removed.push(m);
    return '';
  });
  if (text.includes('<')) {
    let out = '';
    let copied = 0;
    TAG_START.lastIndex = 0;
    for (let m = TAG_START.exec(text); m; m = TAG_START.exec(text)) {
      const name = m[2].toLowerCase();
      if (!BLOCK.has(name) && !INLINE.has(name)) continue;
      const tag = matchTag(text, m.index, m.index + m[0].length);
      if (!tag) continue;
      const before = out + text.slice(copied, m.index);
      removed.push(text.slice(m.index, tag.end));
      urls.push(...tag.urls);
      out = before + (BLOCK.has(name) ? '\n' : joiner(before.slice(-1), text.charAt(tag.end)));
      copied = tag.end;
      TAG_START.lastIndex = tag.end;
    }
    text = (out + text.slice(copied)).replace(/ {2,}/g, ' ');
  }
  if (ENTITY.test(text)) text = decodeHTML(text);
  return { text, removed, urls };
}
