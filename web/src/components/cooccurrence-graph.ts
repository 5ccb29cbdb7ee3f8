// The co-occurrence graph of an entity: the entity in the middle, the entities named in the same
// articles on a circle around it (most shared articles first, clockwise from the top), an edge to
// each as thick as the articles they share, and thin edges between neighbours named together.
// Plain SVG through dom.ts; every neighbour is a link to its page (focusable, with a tooltip).
import { entityHref, type CooccurrenceResponse, type CooccurringEntity } from '../api.ts';
import { h, svg } from '../dom.ts';
import { plural } from '../format.ts';
import { ENTITY_LABELS } from './article-marks.ts';
import './entity.css';

export interface GraphCentre {
  key: string;
  name: string;
  type: string;
  articleCount: number;
}

export interface GraphOptions {
  /** Fewer, larger nodes and shorter labels for a narrow screen. */
  compact?: boolean;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const round = (n: number) => Math.round(n * 10) / 10;

/** The graph as a figure, or null when the entity shares no article with another. */
export function cooccurrenceGraph(centre: GraphCentre, co: CooccurrenceResponse, opts: GraphOptions = {}): HTMLElement | null {
  const nodes: CooccurringEntity[] = co.items.slice(0, opts.compact ? 10 : 16);
  if (nodes.length === 0) return null;
  const font = opts.compact ? 15 : 14;
  const chars = opts.compact ? 14 : 22;
  const radius = opts.compact ? 100 : Math.max(120, Math.min(165, 24 * nodes.length));
  const maxArticles = Math.max(centre.articleCount, ...nodes.map((n) => n.articleCount), 1);
  const maxShared = Math.max(...nodes.map((n) => n.sharedArticles), 1);
  const nodeRadius = (articles: number) => 5 + 10 * Math.sqrt(articles / maxArticles);
  const labels = nodes.map((n) => clip(n.name, chars));
  /** Roughly how wide a label is drawn (the viewBox is fitted to the labels' extent). */
  const widthOf = (label: string) => label.length * font * 0.56;
  const cx = 0;
  const cy = 0;

  const place = nodes.map((n, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / nodes.length;
    return { n, angle, x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle), r: nodeRadius(n.articleCount) };
  });
  let [left, right, top, bottom] = [-radius - 20, radius + 20, -radius - 20, radius + 20];
  place.forEach((p, i) => {
    const cos = Math.cos(p.angle);
    const w = widthOf(labels[i]);
    const d = p.r + 6;
    if (Math.abs(cos) > 0.3) {
      if (cos > 0) right = Math.max(right, p.x + d + w);
      else left = Math.min(left, p.x - d - w);
    } else {
      left = Math.min(left, p.x - w / 2);
      right = Math.max(right, p.x + w / 2);
      top = Math.min(top, p.y - d - font);
      bottom = Math.max(bottom, p.y + d + font * 1.2);
    }
  });
  const width = Math.ceil(right - left + 8);
  const height = Math.ceil(bottom - top + 8);
  const at = new Map(place.map((p) => [p.n.key, p]));

  const maxPeer = Math.max(...co.edges.map((e) => e.sharedArticles), 1);
  const peerEdges = co.edges
    .filter((e) => at.has(e.a) && at.has(e.b))
    .map((e) => {
      const a = at.get(e.a)!;
      const b = at.get(e.b)!;
      return svg(
        'line',
        { class: 'edge edge-peer', x1: round(a.x), y1: round(a.y), x2: round(b.x), y2: round(b.y), 'stroke-width': round(0.5 + (2 * e.sharedArticles) / maxPeer), dataset: { a: e.a, b: e.b } },
        svg('title', null, `${a.n.name} and ${b.n.name}: ${plural(e.sharedArticles, 'article')}`),
      );
    });
  const centreEdges = place.map((p) =>
    svg(
      'line',
      { class: 'edge edge-centre', x1: round(cx), y1: round(cy), x2: round(p.x), y2: round(p.y), 'stroke-width': round(1 + (5 * p.n.sharedArticles) / maxShared), dataset: { a: centre.key, b: p.n.key } },
      svg('title', null, `${centre.name} and ${p.n.name}: ${plural(p.n.sharedArticles, 'article')}`),
    ),
  );
  const edges = [...peerEdges, ...centreEdges];

  const graph = svg('svg', {
    class: 'cooc-graph',
    viewBox: `${Math.floor(left - 4)} ${Math.floor(top - 4)} ${width} ${height}`,
    width,
    height,
    role: 'group',
    'aria-label': `${centre.name} and the ${plural(nodes.length, 'entity', 'entities')} most often named in the same articles`,
  });
  /** Lights the edges of one node while it is hovered or focused. */
  const light = (key: string | null) => {
    graph.classList.toggle('has-lit', key !== null);
    for (const e of edges) e.classList.toggle('is-lit', key !== null && (e.dataset.a === key || e.dataset.b === key));
  };

  const neighbours = place.map((p, i) => {
    const cos = Math.cos(p.angle);
    const sin = Math.sin(p.angle);
    const side = Math.abs(cos) > 0.3;
    const d = p.r + 6;
    const label = svg(
      'text',
      {
        class: 'node-label',
        x: round(p.x + (side ? d * Math.sign(cos) : 0)),
        y: round(p.y + (side ? 0 : sin < 0 ? -d : d + font * 0.7)),
        'text-anchor': side ? (cos > 0 ? 'start' : 'end') : 'middle',
        'dominant-baseline': side ? 'middle' : 'auto',
        'font-size': font,
      },
      labels[i],
    );
    return svg(
      'a',
      {
        class: ['node', `node-${p.n.type}`],
        href: entityHref(p.n.key),
        dataset: { key: p.n.key, shared: String(p.n.sharedArticles) },
        onmouseenter: () => light(p.n.key),
        onmouseleave: () => light(null),
        onfocus: () => light(p.n.key),
        onblur: () => light(null),
      },
      svg('title', null, `${p.n.name} (${ENTITY_LABELS[p.n.type] ?? p.n.type}): named with ${centre.name} in ${plural(p.n.sharedArticles, 'article')}; ${plural(p.n.articleCount, 'article')} in all`),
      svg('circle', { cx: round(p.x), cy: round(p.y), r: round(p.r) }),
      label,
    );
  });
  const centreNode = svg(
    'g',
    { class: ['node', 'node-centre', `node-${centre.type}`], dataset: { key: centre.key } },
    svg('title', null, `${centre.name}: ${plural(centre.articleCount, 'article')}`),
    svg('circle', { cx: round(cx), cy: round(cy), r: round(nodeRadius(centre.articleCount) + 3) }),
    svg('text', { class: 'node-label', x: round(cx), y: round(cy + nodeRadius(centre.articleCount) + 3 + font * 1.1), 'text-anchor': 'middle', 'font-size': font + 1 }, clip(centre.name, chars)),
  );
  graph.append(svg('g', { class: 'edges' }, edges), svg('g', { class: 'nodes' }, neighbours, centreNode));

  const more = co.total - nodes.length;
  return h(
    'figure',
    { class: 'cooc-figure' },
    h('div', { class: 'cooc-scroll' }, graph),
    h(
      'figcaption',
      { class: 'muted' },
      `Line width: articles naming both; circle size: articles naming the entity. `,
      more > 0 ? `${plural(more, 'other entity', 'other entities')} share fewer articles.` : '',
    ),
  );
}
