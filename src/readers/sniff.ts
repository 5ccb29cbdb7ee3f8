// Which reader an input needs: by content first when the content is unmistakable (a .txt that is
// really an HTML page or a feed, JSON Lines without extension), else by extension, else plain text.
import { extname } from 'node:path';

export type InputKind = 'txt' | 'html' | 'jsonl' | 'feed';

const BY_EXTENSION: Record<string, InputKind> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.rss': 'feed',
  '.atom': 'feed',
  '.xml': 'feed',
};

export function kindFromExtension(file: string): InputKind | undefined {
  return BY_EXTENSION[extname(file).toLowerCase()];
}

/** What the first part of the decoded input looks like, or undefined when it is not clearly markup or JSON. */
export function kindFromContent(head: string): InputKind | undefined {
  const start = head.replace(/^\uFEFF/, '').replace(/^\s+/, '');
  // Skip an XML declaration, comments, processing instructions and a doctype to reach the root element.
  const prolog = /^(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!doctype[^>]*>\s*)*/i.exec(start)?.[0] ?? '';
  const root = start.slice(prolog.length);
  if (/^<(?:rss|feed|rdf:RDF)[\s>]/i.test(root)) return 'feed';
  if (/<!doctype html/i.test(prolog) || /^<html[\s>]/i.test(root)) return 'html';
  if (/^<(?:head|body|article|main|div|p|h[1-6]|title|meta)[\s>]/i.test(root) && /<\/(?:p|div|body|html|title|h[1-6])>/i.test(start)) {
    return 'html';
  }
  if (start.startsWith('{')) {
    const nl = start.indexOf('\n');
    const firstLine = (nl < 0 ? start : start.slice(0, nl)).trim();
    try {
      const v: unknown = JSON.parse(firstLine);
      if (v && typeof v === 'object' && !Array.isArray(v)) return 'jsonl';
    } catch {
      // The first line may be cut off by the end of the sniffed part: an object key is enough then.
      if (nl < 0 && /^\{\s*"[^"\n]{1,100}"\s*:/.test(firstLine)) return 'jsonl';
    }
  }
  return undefined;
}

/** The reader for an input: unmistakable content wins over the extension, which wins over the default (txt). */
export function detectKind(file: string, head: string): InputKind {
  return kindFromContent(head) ?? kindFromExtension(file) ?? 'txt';
}
