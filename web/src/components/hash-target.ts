// In-page anchors under the router, which answers same-page hash links without the browser's jump:
// the element the URL's hash names (a section, a timeline entry) is scrolled to and marked, on load,
// on every hash change, and when a page moves the hash itself.
import type { PageContext } from '../router.ts';

/** Scrolls to the element the URL's hash names and marks it `.is-target` (a list entry is also focused). */
export function followHash(root: HTMLElement): void {
  const id = decodeURIComponent(location.hash.slice(1));
  if (!id) return;
  const el = root.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`);
  if (!el) return;
  for (const old of root.querySelectorAll('.is-target')) old.classList.remove('is-target');
  el.classList.add('is-target');
  const entry = el.tagName === 'LI';
  el.scrollIntoView({ block: entry ? 'center' : 'start' });
  if (entry) el.focus({ preventScroll: true });
}

/** Follows the hash now and on every change until the page is left. */
export function followHashes(ctx: PageContext): void {
  const onHash = () => followHash(ctx.root);
  window.addEventListener('hashchange', onHash);
  ctx.onLeave(() => window.removeEventListener('hashchange', onHash));
  onHash();
}

/** Names an element in the URL (replacing the history entry) and goes to it. */
export function goToAnchor(ctx: PageContext, id: string): void {
  history.replaceState(null, '', `${location.pathname}${location.search}#${id}`);
  followHash(ctx.root);
}

/** A same-page link's click: the URL names the section (the page's other parameters kept), the page scrolls to it. */
export function jumpTo(ev: MouseEvent, id: string): void {
  if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  ev.preventDefault();
  history.pushState(null, '', `${location.pathname}${location.search}#${id}`);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
