// Figures across the corpus: what each article counts, side by side, each linked to its evidence.
import { api } from '../api.ts';
import { clear, h } from '../dom.ts';
import { formatDate, plural } from '../format.ts';
import type { Page } from '../router.ts';
import { figureValue } from '../components/article-marks.ts';
import { filterForm, filtersFrom } from '../components/filter-form.ts';
import { listKeys } from '../components/list-keys.ts';
import { pager, withParams } from '../components/pager.ts';

const PAGE = 100;

export const figuresPage: Page = {
  path: '/figures',
  nav: { label: 'Figures', order: 40 },
  async render(ctx) {
    ctx.setTitle('Figures');
    const counts = ctx.query.get('counts') || undefined;
    const [stats, r] = await Promise.all([api.stats(ctx.signal), api.figures({ ...filtersFrom(ctx.query, PAGE), counts }, ctx.signal)]);
    const body = h(
      'tbody',
      null,
      r.items.map((f) =>
        h(
          'tr',
          { class: 'figure-row' },
          h('td', { class: 'num' }, figureValue(f)),
          h('td', null, f.qualifier ? f.qualifier.replace(/-/g, ' ') : ''),
          h('td', null, f.counts ? h('a', { href: withParams(new URL('/figures', location.href), { counts: f.counts }) }, f.counts) : h('span', { class: 'muted' }, '—')),
          h('td', { lang: f.language }, h('a', { href: `/articles/${f.articleId}?at=${f.start}-${f.end}` }, `“${f.text}”`)),
          h('td', null, f.source ?? h('span', { class: 'muted' }, 'unknown')),
          h('td', { class: 'nowrap' }, formatDate(f.publishedAt)),
        ),
      ),
    );
    clear(
      ctx.root,
      h(
        'section',
        { class: 'figures-page' },
        h('h1', null, 'Figures'),
        filterForm('/figures', ctx.query, stats, [{ name: 'counts', label: 'Counting', placeholder: 'killed, hostages…' }]),
        h('p', { class: 'result-count', role: 'status' }, plural(r.total, 'figure')),
        r.total === 0
          ? h('p', { class: 'empty' }, 'No figures match.')
          : h(
              'div',
              { class: 'table-wrap' },
              h(
                'table',
                { class: 'figures-table' },
                h('thead', null, h('tr', null, ['Value', 'Qualifier', 'Counts', 'In the text', 'Source', 'Published'].map((c) => h('th', { scope: 'col' }, c)))),
                body,
              ),
            ),
        pager(r.total, r.limit, r.offset, (o) => withParams(ctx.url, { offset: o ? String(o) : undefined })),
      ),
    );
    listKeys(ctx, body, '.figure-row');
  },
};
