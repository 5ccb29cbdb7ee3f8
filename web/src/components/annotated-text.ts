// Renders an article's cleaned text with layers of spans highlighted. Spans may nest and overlap
// (an entity inside a quote, a date inside a figure's sentence), so the text is cut at every span
// boundary and each piece carries the classes and data of every span covering it. Text is only
// ever inserted as text nodes.
import { h, text, type Child } from '../dom.ts';

export type LayerName = 'entity' | 'quote' | 'figure' | 'time' | 'heading' | 'target';

export interface Mark {
  /** Unique within the article: "quote-3", "entity-e2-0". */
  key: string;
  layer: LayerName;
  start: number;
  end: number;
  /** CSS classes for the pieces this mark covers. */
  classes: string[];
  /** data-* attributes; when marks of one layer nest, the innermost one's value wins. */
  data?: Record<string, string>;
  /** data-* attributes collecting the values of every covering mark, space-separated ("quote": "2 3"). */
  tags?: Record<string, string>;
  /** CSS custom properties (a speaker's hue); the innermost mark's win. */
  vars?: Record<string, string>;
  /** A page the span links to (an entity's page); pieces it covers become links, the innermost mark's wins.
   *  They stay out of the Tab order (an article has many); the side panel links the same pages. */
  href?: string;
  /** Lines describing what the span resolved to, for the hover card and the side panel. */
  describe(): Child[];
}

export interface AnnotatedText {
  element: HTMLElement;
  marks: Map<string, Mark>;
  /** The pieces a mark covers, in text order. */
  piecesOf(key: string): HTMLElement[];
}

/** Cuts `text` at every mark boundary and renders the pieces. */
export function renderAnnotated(source: string, marks: Mark[]): AnnotatedText {
  const valid = marks.filter((m) => m.start >= 0 && m.end <= source.length && m.start < m.end);
  const byKey = new Map(valid.map((m) => [m.key, m]));
  const cuts = new Set<number>([0, source.length]);
  for (const m of valid) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  // Marks sorted by start; a sweep keeps the ones covering the current piece.
  const pending = [...valid].sort((a, b) => a.start - b.start || b.end - a.end);
  let next = 0;
  let active: Mark[] = [];
  const element = h('div', { class: 'annotated' });
  const pieces = new Map<string, HTMLElement[]>();

  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i];
    const to = points[i + 1];
    active = active.filter((m) => m.end > from);
    while (next < pending.length && pending[next].start <= from) {
      if (pending[next].end > from) active.push(pending[next]);
      next++;
    }
    const slice = source.slice(from, to);
    if (active.length === 0) {
      element.append(text(slice));
      continue;
    }
    const piece = renderPiece(slice, active);
    element.append(piece);
    for (const m of active) {
      const list = pieces.get(m.key);
      if (list) list.push(piece);
      else pieces.set(m.key, [piece]);
    }
  }
  return { element, marks: byKey, piecesOf: (key) => pieces.get(key) ?? [] };
}

function renderPiece(slice: string, covering: Mark[]): HTMLElement {
  // Outer marks first, so the innermost (shortest) of a layer sets data and colours last.
  const ordered = [...covering].sort((a, b) => b.end - b.start - (a.end - a.start));
  const classes = new Set<string>(['m']);
  const data: Record<string, string> = {};
  const tags: Record<string, string[]> = {};
  const vars: Record<string, string> = {};
  let href: string | undefined;
  for (const m of ordered) {
    for (const c of m.classes) classes.add(c);
    Object.assign(data, m.data);
    Object.assign(vars, m.vars);
    href = m.href ?? href;
    for (const [k, v] of Object.entries(m.tags ?? {})) (tags[k] ??= []).push(v);
  }
  const dataset: Record<string, string> = { ...data, marks: ordered.map((m) => m.key).join(' ') };
  for (const [k, v] of Object.entries(tags)) dataset[k] = v.join(' ');
  if (href) return h('a', { class: [...classes].join(' '), dataset, vars, href, tabindex: '-1' }, slice);
  return h('span', { class: [...classes].join(' '), dataset, vars }, slice);
}
