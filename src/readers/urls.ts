// URLs found in an input, kept for later steps (a dated URL path can give the publication date).

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`\\^{}|]+/gi;
const TRAILING_PUNCT = /[.,;:!?'"’”»)\]*]$/;

/** Every http(s) URL in plain text, in order of appearance, without duplicates. Trailing
 *  punctuation is dropped; a closing parenthesis is kept when the URL opened one ("FotoJet-(2).jpg"). */
export function urlsInText(text: string): string[] {
  const out = new UrlList();
  for (const m of text.matchAll(URL_IN_TEXT)) {
    let url = m[0];
    while (TRAILING_PUNCT.test(url)) {
      if (url.endsWith(')') && count(url, '(') >= count(url, ')')) break;
      url = url.slice(0, -1);
    }
    out.add(url);
  }
  return out.list();
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/** An ordered set of URLs; relative ones are resolved against `base` when given, else kept as found. */
export class UrlList {
  private seen = new Set<string>();
  constructor(
    private base?: string,
    private max = 2000,
  ) {}

  add(url: string | null | undefined): void {
    if (!url || this.seen.size >= this.max) return;
    const abs = absolute(url.trim(), this.base);
    if (abs) this.seen.add(abs);
  }

  list(): string[] {
    return [...this.seen];
  }
}

function absolute(url: string, base?: string): string | null {
  if (!url || url === '/' || url.startsWith('#') || /^(javascript|mailto|tel|data|about|blob):/i.test(url)) return null;
  if (/^https?:\/\//i.test(url)) return url;
  if (url.startsWith('//')) return `https:${url}`;
  // Without a base a relative path is still kept: its path may carry a date.
  if (!base) return /\s/.test(url) ? null : url;
  try {
    const u = new URL(url, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
