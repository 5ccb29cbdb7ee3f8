// DOM -> plain text: one block element per paragraph, paragraphs separated by a blank line,
// headings on their own line, <br> as a line break, inline whitespace collapsed (as a browser
// renders it; non-breaking spaces are kept).
import { parseDocument, type DomElement, type DomNode } from './html-dom.ts';
import { flatHtmlText, MAX_PARSE_DEPTH, nestingDepth } from './html-flat.ts';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

const SKIP = new Set([
  'audio', 'button', 'canvas', 'embed', 'head', 'iframe', 'input', 'link', 'map', 'math', 'meta', 'noscript',
  'object', 'script', 'select', 'source', 'style', 'svg', 'template', 'textarea', 'title', 'track', 'video',
]);

const CELL = new Set(['td', 'th']);

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

/** Plain text of a DOM subtree. */
export function domToText(root: DomNode): string {
  const blocks: string[] = [];
  let buf = '';
  let bufHasPre = false;

  const flush = () => {
    const block = bufHasPre
      ? buf.replace(/^\n+|\s+$/g, '')
      : buf
          .replace(/ {2,}/g, ' ')
          .replace(/ *([\n\t]) */g, '$1')
          .replace(/\n{3,}/g, '\n\n')
          .replace(/^[\n\t ]+|[\n\t ]+$/g, '');
    if (block) blocks.push(block);
    buf = '';
    bufHasPre = false;
  };

  // An explicit stack rather than recursion: hostile pages nest elements tens of thousands deep.
  // (linkedom builds a node's childNodes array at every access: it is read once per element)
  type Frame = { kids: ArrayLike<DomNode>; pre: boolean; next: number; block: boolean };
  const stack: Frame[] = [];
  const enter = (node: DomNode, pre: boolean) => {
    if (node.nodeType === TEXT || node.nodeType === CDATA) {
      const v = node.nodeValue ?? '';
      if (pre) {
        buf += v.replace(/\r\n?/g, '\n');
        bufHasPre = true;
      } else {
        buf += v.replace(/[ \t\n\r\f]+/g, ' ');
      }
      return;
    }
    if (node.nodeType !== ELEMENT && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = (node.localName ?? '').toLowerCase();
    if (SKIP.has(name)) return;
    if (name === 'br') {
      buf += '\n';
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    else if (CELL.has(name) && buf && !buf.endsWith('\t')) buf += '\t';
    stack.push({ kids: node.childNodes, pre: pre || name === 'pre' || name === 'textarea', next: 0, block });
  };
  const walk = (root: DomNode) => {
    enter(root, false);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.next < top.kids.length) {
        enter(top.kids[top.next++], top.pre);
      } else {
        stack.pop();
        if (top.block) flush();
      }
    }
  };

  walk(root);
  flush();
  return blocks.join('\n\n');
}

/** Plain text of an HTML fragment (feed item content, a JSONL `html` field without a page around it). */
export function fragmentToText(html: string): string {
  if (nestingDepth(html) > MAX_PARSE_DEPTH) return flatHtmlText(html);
  const doc = parseDocument(html);
  return domToText(doc.body as DomElement);
}
