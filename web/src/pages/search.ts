// Search: full-text with highlighted snippets, facets (language, source, month) and a chart of
// matches over time. Everything is in the URL (/search?q=…&lang=nl), so a search can be shared.
import { api, ApiError, type FacetCount, type SearchResponse } from '../api.ts';
import { clear, h } from '../dom.ts';
import { formatDate, languageName, plural } from '../format.ts';
import type { Page, PageContext } from '../router.ts';
import { articleItem } from '../components/article-item.ts';
import { filtersFrom } from '../components/filter-form.ts';
import { listKeys } from '../components/list-keys.ts';
import { monthChart } from '../components/month-chart.ts';
import { pager, withParams } from '../components/pager.ts';
import { snippetNodes } from '../components/snippet.ts';

const PAGE = 20;

const SYNTAX: [string, string][] = [
  ['gaza ceasefire', 'both words'],
  ['"prime minister"', 'the exact phrase'],
  ['hamas OR hezbollah', 'either word'],
  ['rafah -biden', 'without a word (also NOT biden)'],
  ['negotiat*', 'words starting with negotiat'],
  ['(gaza OR rafah) aid', 'grouping'],
];

function syntaxHelp(open: boolean): HTMLElement {
  return h(
    'details',
    { class: 'syntax', open },
    h('summary', null, 'Search syntax'),
    h('p', null, 'Case and accents never matter: Israel finds Israël.'),
    h(
      'dl',
      null,
      SYNTAX.map(([ex, what]) => [h('dt', null, h('a', { href: `/search?q=${encodeURIComponent(ex)}` }, h('code', null, ex))), h('dd', null, what)]),
    ),
  );
}

/** `about`: the counts are estimates (the API's facetsFrom: a sample of the matches scaled to the total). */
function facet(ctx: PageContext, title: string, values: FacetCount[], param: 'lang' | 'source' | 'entity' | 'month', label: (v: string) => string, about = false): HTMLElement | null {
  if (values.length === 0) return null;
  const current = param === 'month' ? (ctx.query.get('from') === ctx.query.get('to') ? ctx.query.get('from') : null) : ctx.query.get(param);
  const hrefFor = (v: string | null) =>
    param === 'month'
      ? withParams(ctx.url, { from: v ?? undefined, to: v ?? undefined, offset: undefined })
      : withParams(ctx.url, { [param]: v ?? undefined, offset: undefined });
  return h(
    'section',
    { class: ['facet', `facet-${param}`] },
    h('h2', null, title),
    h(
      'ul',
      null,
      values.map((f) => {
        const selected = f.value !== null && f.value === current;
        const body = [h('span', { class: 'facet-value' }, f.value === null ? (param === 'month' ? 'undated' : 'unknown') : label(f.value)), ' ', h('span', { class: 'count', title: about ? 'estimated from a sample of the matches' : undefined }, `${about ? '≈' : ''}${f.count}`)];
        if (f.value === null) return h('li', { class: 'muted' }, body);
        return h('li', null, h('a', { href: hrefFor(selected ? null : f.value), class: selected ? 'is-selected' : undefined, 'aria-pressed': String(selected), dataset: { facet: param, value: f.value } }, body, selected ? ' ✕' : ''));
      }),
    ),
  );
}

async function results(ctx: PageContext, r: SearchResponse): Promise<HTMLElement> {
  const hits = h(
    'ol',
    { class: 'article-list hits' },
    r.hits.map((hit) => articleItem(hit, h('p', { class: 'snippet', lang: hit.language }, snippetNodes(hit.snippet)))),
  );
  const chartSlot = h('div', { class: 'chart-slot' });
  const filtered = ['lang', 'source', 'entity', 'from', 'to'].some((p) => ctx.query.get(p));
  const view = h(
    'div',
    { class: 'search-results' },
    h(
      'aside',
      { class: 'facets', 'aria-label': 'Narrow the results' },
      facet(ctx, 'Language', r.facets.language, 'lang', (v) => `${languageName(v)} (${v})`, r.facetsFrom !== undefined),
      facet(ctx, 'Source', r.facets.source, 'source', (v) => v, r.facetsFrom !== undefined),
      facet(ctx, 'Entity', r.facets.entity ?? [], 'entity', (v) => r.facets.entity?.find((e) => e.value === v)?.name ?? v),
      facet(ctx, 'Month', r.facets.month, 'month', (v) => formatDate(v), r.facetsFrom !== undefined),
      filtered ? h('p', null, h('a', { href: withParams(ctx.url, { lang: undefined, source: undefined, entity: undefined, from: undefined, to: undefined, offset: undefined }) }, 'Clear filters')) : null,
    ),
    h(
      'div',
      { class: 'hits-column' },
      h('p', { class: 'result-count', role: 'status' }, `${plural(r.total, 'article')} match “${r.query}”`),
      chartSlot,
      r.total === 0 ? h('p', { class: 'empty' }, 'Nothing found. Fewer words, a prefix (negotiat*) or OR may help.') : hits,
      pager(r.total, r.limit, r.offset, (o) => withParams(ctx.url, { offset: o ? String(o) : undefined })),
    ),
  );
  listKeys(ctx, hits, '.article-item');
  if (r.facets.month.filter((m) => m.value).length > 1) {
    void monthChart(r.facets.month, (m) => ctx.navigate(withParams(ctx.url, { from: m, to: m, offset: undefined })), ctx.signal).then((chart) => {
      if (!chart) return;
      chartSlot.append(chart.element);
      ctx.onLeave(chart.destroy);
    });
  }
  return view;
}

export const searchPage: Page = {
  path: '/search',
  nav: { label: 'Search', order: 20 },
  async render(ctx) {
    const q = (ctx.query.get('q') ?? '').trim();
    ctx.setTitle(q ? `“${q}”` : 'Search');
    const input = h('input', { type: 'search', name: 'q', 'aria-label': 'Search query', placeholder: 'Search articles…', autocomplete: 'off', maxlength: '1000' });
    input.value = q;
    const form = h('form', { class: 'search-form', method: 'get', action: '/search', role: 'search' }, input, h('button', { type: 'submit' }, 'Search'));
    const body = h('div', null);
    clear(ctx.root, h('section', { class: 'search-page' }, h('h1', null, 'Search'), form, body));
    if (!q) {
      clear(body, syntaxHelp(true));
      input.focus();
      return;
    }
    try {
      const r = await api.search(q, filtersFrom(ctx.query, PAGE), ctx.signal);
      clear(body, await results(ctx, r), syntaxHelp(false));
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 400) throw e;
      clear(body, h('p', { class: 'query-error', role: 'alert' }, e.message), syntaxHelp(true));
    }
  },
};
