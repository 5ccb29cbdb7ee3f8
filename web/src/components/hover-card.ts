// The card that says what a highlighted span resolved to: shown on hover over the text, and for the
// span chosen in the side panel (so it works from the keyboard too).
import { clear, h } from '../dom.ts';
import type { AnnotatedText, Mark } from './annotated-text.ts';

export interface HoverCard {
  /** Shows the card for these marks next to `anchor`. */
  show(anchor: Element, marks: Mark[]): void;
  hide(): void;
  destroy(): void;
}

export function hoverCard(annotated: AnnotatedText, isVisible: (m: Mark) => boolean): HoverCard {
  const card = h('div', { class: 'hover-card', role: 'tooltip', id: 'hover-card', hidden: true });
  document.body.append(card);

  const show = (anchor: Element, marks: Mark[]) => {
    const sections = marks.filter(isVisible).map((m) => m.describe()).filter((lines) => lines.length > 0);
    if (sections.length === 0) return hide();
    clear(card, sections.map((lines) => h('div', { class: 'card-section' }, lines)));
    card.hidden = false;
    const r = anchor.getBoundingClientRect();
    const width = Math.min(320, window.innerWidth - 16);
    const left = Math.max(8, Math.min(r.left, window.innerWidth - width - 8));
    card.style.setProperty('max-width', `${width}px`);
    // Placed in page coordinates, so it stays by its span while the page scrolls.
    const height = card.offsetHeight;
    const above = r.bottom + 6 + height > window.innerHeight && r.top - height - 6 > 0;
    const top = (above ? r.top - height - 6 : r.bottom + 6) + window.scrollY;
    card.style.setProperty('left', `${left + window.scrollX}px`);
    card.style.setProperty('top', `${top}px`);
  };
  const hide = () => {
    card.hidden = true;
  };

  const onOver = (ev: Event) => {
    const piece = (ev.target as Element).closest?.('.m') as HTMLElement | null;
    if (!piece) return;
    const marks = (piece.dataset.marks ?? '')
      .split(' ')
      .map((k) => annotated.marks.get(k))
      .filter((m): m is Mark => m !== undefined)
      .reverse(); // innermost first
    show(piece, marks);
  };
  const onOut = (ev: Event) => {
    const to = (ev as MouseEvent).relatedTarget as Element | null;
    if (!to?.closest?.('.m')) hide();
  };
  annotated.element.addEventListener('mouseover', onOver);
  annotated.element.addEventListener('mouseout', onOut);

  return {
    show,
    hide,
    destroy() {
      card.remove();
    },
  };
}
