// Pages nested too deep for a DOM. The HTML parser keeps its open elements in an array it shifts at
// every tag, so its time grows with the nesting depth times the page (1 MB of unclosed <b><i><span>
// took minutes). nestingDepth estimates the depth in one pass over the markup; past
// MAX_PARSE_DEPTH the page is reduced to text without a DOM (flatHtmlText), also in one pass.
import { decodeHTML } from 'entities';

/** Deepest nesting handed to the DOM parser; real pages nest well under 100. */
export const MAX_PARSE_DEPTH = 1000;

/** Elements without content, and elements whose end tag is commonly left out (closed by the next one). */
const NO_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'rb', 'rt', 'rp', 'colgroup', 'caption', 'html', 'head', 'body',
]);

const TAG = /<(\/?)([a-zA-Z][\w:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

/** Open elements at the deepest point of the markup (opening minus closing tags, never below 0). */
export function nestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const name = m[2].toLowerCase();
    if (NO_NESTING.has(name) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

const BLOCK_TAG = /^(?:address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|tr|ul)$/i;
const SKIPPED = ['script', 'style', 'noscript', 'template', 'svg', 'head'];

/** The text of a page without building a DOM: script, style and head content dropped, block tags
 *  as paragraph breaks, other tags removed, entities decoded. Linear in the page. */
export function flatHtmlText(html: string): string {
  let out = '';
  let i = 0;
  const lower = html.toLowerCase();
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) break;
    const m = /^<\/?([a-zA-Z][\w:-]*)/.exec(html.slice(lt, Math.min(gt + 1, lt + 64)));
    i = gt + 1;
    if (!m) continue;
    const name = m[1].toLowerCase();
    if (SKIPPED.includes(name) && html[lt + 1] !== '/') {
      const close = lower.indexOf(`</${name}`, i);
      i = close < 0 ? html.length : (html.indexOf('>', close) + 1 || html.length);
      continue;
    }
    if (BLOCK_TAG.test(name)) out += '\n\n';
  }
  return decodeHTML(out)
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** The page's <title>, when it has one. */
export function flatHtmlTitle(html: string): string | undefined {
  const m = /<title[^>]*>([^<]{1,2000})/i.exec(html.slice(0, 100_000));
  const t = m ? decodeHTML(m[1]).replace(/\s+/g, ' ').trim() : '';
  return t || undefined;
}
