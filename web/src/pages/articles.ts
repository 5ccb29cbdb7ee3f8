// The article list: the corpus at a glance, filters, newest first.
import { api } from '../api.ts';
import { clear, h } from '../dom.ts';
import { formatDate, formatNumber, plural } from '../format.ts';
import type { Page } from '../router.ts';
import { articleItem } from '../components/article-item.ts';
import { filterForm, filtersFrom } from '../components/filter-form.ts';
import { listKeys } from '../components/list-keys.ts';
import { pager, withParams } from '../components/pager.ts';

const PAGE = 50;

export const articlesPage: Page = {
  path: '/',
  nav: { label: 'Articles', order: 10 },
  async render(ctx) {
    ctx.setTitle('');
    const filters = filtersFrom(ctx.query, PAGE);
    const [stats, list] = await Promise.all([api.stats(ctx.signal), api.articles(filters, ctx.signal)]);
    const range = stats.dateRange.from ? `${formatDate(stats.dateRange.from)} – ${formatDate(stats.dateRange.to)}` : 'no dated articles';
    const filtered = ctx.query.toString() !== '' && ctx.query.toString() !== `offset=${filters.offset}`;
    const items = h('ol', { class: 'article-list' }, list.items.map((a) => articleItem(a)));
    clear(
      ctx.root,
      h(
        'section',
        { class: 'articles-page' },
        h('h1', null, 'Articles'),
        h(
          'p',
          { class: 'overview' },
          `${plural(stats.articles, 'article')} in ${plural(stats.byLanguage.length, 'language')}`,
          ` from ${plural(stats.bySource.filter((s) => s.value).length, 'named source')} · ${range}`,
          stats.undated ? ` (${formatNumber(stats.undated)} undated)` : '',
          ` · ${plural(stats.counts.quotes, 'quote')}, ${plural(stats.counts.figures, 'figure')}, ${plural(stats.counts.times, 'date')}, ${plural(stats.counts.entities, 'entity', 'entities')}`,
        ),
        stats.outdated > 0
          ? h(
              'p',
              { class: 'notice outdated', role: 'note' },
              `${plural(stats.outdated, 'article')} of ${formatNumber(stats.articles)} were analysed by another version of Dossier. `,
              h('a', { href: '/add' }, 'Re-analyse them'),
              ' (or run `dossier reanalyze`) to bring every layer up to date.',
            )
          : null,
        filterForm('/', ctx.query, stats),
        h('p', { class: 'result-count', role: 'status' }, filtered ? `${plural(list.total, 'article')} match these filters` : ''),
        list.total === 0
          ? h('p', { class: 'empty' }, stats.articles === 0 ? 'No articles yet. Add some with “Add articles” or `dossier ingest`.' : 'No article matches these filters.')
          : items,
        pager(list.total, list.limit, list.offset, (o) => withParams(ctx.url, { offset: o ? String(o) : undefined })),
      ),
    );
    listKeys(ctx, items, '.article-item');
  },
};
