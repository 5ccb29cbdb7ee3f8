// The article page: metadata with where each piece came from, the removed noise, and the cleaned
// text with every layer highlighted, switchable, and explained on hover.
import { api, type StoredArticle } from '../api.ts';
import { clear, h, safeHref, type Child } from '../dom.ts';
import { DATE_SOURCES, formatDate, languageName } from '../format.ts';
import type { Page } from '../router.ts';
import { renderAnnotated } from '../components/annotated-text.ts';
import { articleMarks, ENTITY_TYPES, speakersOf } from '../components/article-marks.ts';
import { hoverCard } from '../components/hover-card.ts';
import { layerPanel } from '../components/layer-panel.ts';
import { layerToggles, type ToggleName } from '../components/layer-toggles.ts';

const REASONS: Record<string, string> = {
  title: 'title',
  dek: 'dek',
  byline: 'byline',
  caption: 'photo caption',
  credit: 'photo credit',
  media: 'media player',
  url: 'URL',
  markup: 'markup',
  timestamp: 'timestamp',
  'duplicate-title': 'repeated title',
  boilerplate: 'boilerplate',
  empty: 'empty line',
};

/** "?at=120-180" — a span another page links to. */
function parseAt(v: string | null): { start: number; end: number } | undefined {
  const m = v ? /^(\d+)-(\d+)$/.exec(v) : null;
  return m ? { start: Number(m[1]), end: Number(m[2]) } : undefined;
}

/** "A syndicated copy of …" and "and 9 copies": links by article id, never markup. */
function syndication(s: NonNullable<StoredArticle['syndication']>): Child[] {
  const link = (id: string) => h('a', { href: `/articles/${encodeURIComponent(id)}` }, id);
  const out: Child[] = [];
  if (s.copyOf) out.push('a syndicated copy of ', link(s.copyOf));
  if (s.copies.length) {
    if (out.length) out.push('; ');
    out.push(`and ${s.copies.length === 1 ? '1 copy' : `${s.copies.length} copies`} elsewhere: `);
    s.copies.forEach((id, i) => out.push(i ? ', ' : '', link(id)));
  }
  return out;
}

function meta(a: StoredArticle): HTMLElement {
  const row = (label: string, ...value: Child[]) => [h('dt', null, label), h('dd', null, value)];
  const url = a.url ?? a.raw.meta.url ?? null;
  return h(
    'dl',
    { class: 'article-meta' },
    row('Source', a.source ?? h('span', { class: 'muted' }, 'unknown')),
    a.syndication ? row('Syndication', syndication(a.syndication)) : null,
    a.byline ? row('By', a.byline) : null,
    row(
      'Published',
      a.publishedAt ? h('time', { datetime: a.publishedAt }, formatDate(a.publishedAt)) : h('span', { class: 'muted' }, 'undated'),
      ' ',
      h('span', { class: 'provenance' }, DATE_SOURCES[a.publishedAtFrom] ?? a.publishedAtFrom),
    ),
    row(
      'Language',
      `${languageName(a.language)} (${a.language})`,
      ' ',
      h('span', { class: 'provenance' }, `${Math.round(a.languageConfidence * 100)}% confident`),
      // The analysis says what it left out and why (text nodes only); articles stored before it did say less.
      a.unsupported
        ? h('span', { class: 'warning language-note' }, ` · not analysed: ${a.unsupported.layers.join(', ')} — ${a.unsupported.reason}`)
        : a.languageSupported
          ? null
          : h('span', { class: 'warning' }, ' · not analysed beyond sentences yet'),
    ),
    url
      ? row(
          'Original',
          safeHref(url)
            ? h('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, url)
            : [url, h('span', { class: 'provenance' }, ' (not a web address, not linked)')],
        )
      : null,
    row(
      'Input',
      `${a.raw.file}${a.raw.position !== undefined ? `:${a.raw.position}` : ''}`,
      ' ',
      h('span', { class: 'provenance' }, [a.raw.format, a.raw.encoding].filter(Boolean).join(', ')),
    ),
    row('Stored', formatDate(a.ingestedAt.slice(0, 10)), a.analyzedAt !== a.ingestedAt ? h('span', { class: 'provenance' }, ` · re-analysed ${formatDate(a.analyzedAt.slice(0, 10))}`) : null),
    row('Id', h('code', null, a.id)),
  );
}

function removedNoise(a: StoredArticle): HTMLElement | null {
  if (a.removed.length === 0) return null;
  const byReason = new Map<string, number>();
  for (const r of a.removed) byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + 1);
  const summary = [...byReason].map(([r, n]) => `${n} ${REASONS[r] ?? r}`).join(', ');
  return h(
    'details',
    { class: 'removed' },
    h('summary', null, `Removed during cleaning: ${a.removed.length} `, h('span', { class: 'muted' }, `(${summary})`)),
    h(
      'ul',
      null,
      a.removed.map((r) => h('li', null, h('span', { class: ['reason', `reason-${r.reason}`] }, REASONS[r.reason] ?? r.reason), ' ', h('span', { class: 'removed-text' }, r.text))),
    ),
  );
}

export const articlePage: Page = {
  path: '/articles/:id',
  async render(ctx) {
    const a = await api.article(ctx.params.id, ctx.signal);
    ctx.setTitle(a.title ?? 'Untitled article');
    const speakers = speakersOf(a.quotes);
    const annotated = renderAnnotated(a.text, articleMarks(a, speakers, parseAt(ctx.query.get('at'))));
    annotated.element.setAttribute('lang', a.language);
    annotated.element.id = 'article-text';
    const counts = {
      entity: a.entities.length,
      quote: a.quotes.length,
      figure: a.figures.length,
      time: a.times.length,
      ...Object.fromEntries(ENTITY_TYPES.map((t) => [t, a.entities.filter((e) => e.type === t).length])),
    } as Record<ToggleName, number>;
    const toggles = layerToggles(annotated.element, counts);
    const card = hoverCard(annotated, (m) => toggles.isVisible(m));
    ctx.onLeave(() => card.destroy());

    let focused: HTMLElement[] = [];
    const focusMark = (key: string) => {
      for (const p of focused) p.classList.remove('is-focused');
      focused = annotated.piecesOf(key);
      const mark = annotated.marks.get(key);
      if (!mark || focused.length === 0) return;
      for (const p of focused) p.classList.add('is-focused');
      focused[0].scrollIntoView({ block: 'center' });
      card.show(focused[0], [mark]);
    };
    const pick = (key: string, layer: ToggleName) => {
      if (ENTITY_TYPES.includes(layer as never)) toggles.show('entity');
      toggles.show(layer);
      focusMark(key);
    };

    clear(
      ctx.root,
      h(
        'article',
        { class: 'article-page' },
        h('p', { class: 'crumbs' }, h('a', { href: '/' }, '← All articles')),
        h(
          'header',
          { class: 'article-head' },
          h('h1', { lang: a.language }, a.title ?? h('span', { class: 'muted' }, 'Untitled article')),
          a.dek ? h('p', { class: 'dek', lang: a.language }, a.dek) : null,
          meta(a),
        ),
        removedNoise(a),
        h('div', { class: 'layer-bar' }, toggles.element),
        h('div', { class: 'article-body' }, annotated.element, layerPanel(a, speakers, pick)),
      ),
    );
    if (annotated.marks.has('target')) focusMark('target');
  },
};
