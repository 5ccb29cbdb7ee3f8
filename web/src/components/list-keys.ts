// j / k move through a list of results, Enter (or o) opens the current one: its link marked
// data-primary (a timeline entry's evidence, not the speaker's entity), else its first link.
import type { PageContext } from '../router.ts';

const typing = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

export function listKeys(ctx: PageContext, container: HTMLElement, itemSelector: string): void {
  let current = -1;
  const items = () => [...container.querySelectorAll<HTMLElement>(itemSelector)];
  const move = (delta: number) => {
    const list = items();
    if (list.length === 0) return;
    list[current]?.classList.remove('is-current');
    current = Math.max(0, Math.min(list.length - 1, current + delta));
    const el = list[current];
    el.classList.add('is-current');
    (primary(el) ?? el).focus({ preventScroll: true });
    el.scrollIntoView({ block: 'nearest' });
  };
  const onKey = (ev: KeyboardEvent) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || typing(ev.target)) return;
    if (ev.key === 'j') move(1);
    else if (ev.key === 'k') move(-1);
    else if (ev.key === 'o' && current >= 0) {
      const el = items()[current];
      if (el) primary(el)?.click();
    }
    else return;
    ev.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  ctx.onLeave(() => document.removeEventListener('keydown', onKey));
}

const primary = (el: Element): HTMLElement | null => el.querySelector<HTMLElement>('a[data-primary]') ?? el.querySelector<HTMLElement>('a');
