// Previous/next links for a paged list; plain links, so every page has its own URL.
import { h } from '../dom.ts';
import { formatNumber } from '../format.ts';

export function pager(total: number, limit: number, offset: number, hrefFor: (offset: number) => string): HTMLElement | null {
  if (total <= limit && offset === 0) return null;
  const from = Math.min(total, offset + 1);
  const to = Math.min(total, offset + limit);
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages' },
    offset > 0 ? h('a', { href: hrefFor(Math.max(0, offset - limit)), rel: 'prev' }, '← Previous') : h('span', { class: 'muted' }, '← Previous'),
    h('span', { class: 'pager-range' }, `${formatNumber(from)}–${formatNumber(to)} of ${formatNumber(total)}`),
    to < total ? h('a', { href: hrefFor(offset + limit), rel: 'next' }, 'Next →') : h('span', { class: 'muted' }, 'Next →'),
  );
}

/** The page's URL with some parameters changed (undefined or "" removes one). */
export function withParams(url: URL, changes: Record<string, string | string[] | undefined>): string {
  const next = new URLSearchParams(url.search);
  for (const [k, v] of Object.entries(changes)) {
    next.delete(k);
    if (Array.isArray(v)) for (const x of v) next.append(k, x);
    else if (v !== undefined && v !== '') next.set(k, v);
  }
  const s = next.toString();
  return `${url.pathname}${s ? `?${s}` : ''}`;
}
