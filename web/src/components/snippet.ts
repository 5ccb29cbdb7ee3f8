// A search snippet: the store wraps every matched term in [[ ]]; those become <mark> elements and
// everything else stays text.
import { h, text } from '../dom.ts';

export function snippetNodes(snippet: string): Node[] {
  return snippet.split(/\[\[|\]\]/).map((part, i) => (i % 2 === 1 ? h('mark', null, part) : text(part)));
}
