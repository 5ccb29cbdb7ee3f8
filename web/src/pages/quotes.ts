// Who said what, across the corpus: every quote or attribution with its content, its speaker (linked by
// entity key), the source as written, the cue, its kind and confidence, linked to its place in the article.
import { api } from '../api.ts';
import { clear, h } from '../dom.ts';
import { formatDate, plural } from '../format.ts';
import type { Page } from '../router.ts';
import { filterForm, filtersFrom } from '../components/filter-form.ts';
import { listKeys } from '../components/list-keys.ts';
import { pager, withParams } from '../components/pager.ts';
import { attributionLine } from '../components/attribution.ts';

const PAGE = 50;

export const quotesPage: Page = {
  path: '/quotes',
  nav: { label: 'Quotes', order: 30 },
  async render(ctx) {
    ctx.setTitle('Quotes');
    const speaker = ctx.query.get('speaker') || undefined;
    const kind = ctx.query.get('kind') || undefined;
    const [stats, r] = await Promise.all([api.stats(ctx.signal), api.quotes({ ...filtersFrom(ctx.query, PAGE), speaker, kind }, ctx.signal)]);
    const list = h(
      'ol',
      { class: 'row-list quote-list' },
      r.items.map((q) =>
        h(
          'li',
          { class: 'quote-item', dataset: { speaker: q.speakerName ?? '' } },
          h('blockquote', { lang: q.language, class: ['quote-content', `quote-${q.kind}`] }, q.kind === 'direct' ? `“${q.text}”` : q.text),
          attributionLine(
            { kind: q.attributionKind, speakerName: q.speakerName, speakerKey: q.speakerKey, sourceText: q.sourceText, cue: q.cue, confidence: q.confidence, by: q.by },
            (name) => withParams(new URL('/quotes', location.href), { speaker: name }),
          ),
          h(
            'p',
            { class: 'row-source' },
            h('a', { href: `/articles/${q.articleId}?at=${q.start}-${q.end}`, lang: q.language }, q.title ?? 'Untitled article'),
            ` · ${q.source ?? 'unknown source'} · ${formatDate(q.publishedAt)}`,
          ),
        ),
      ),
    );
    clear(
      ctx.root,
      h(
        'section',
        { class: 'quotes-page' },
        h('h1', null, 'Quotes'),
        filterForm('/quotes', ctx.query, stats, [
          { name: 'speaker', label: 'Speaker', placeholder: 'name or part of it' },
          { name: 'kind', label: 'Kind', options: [{ value: 'direct', label: 'direct quotes' }, { value: 'indirect', label: 'reported speech' }] },
        ]),
        h('p', { class: 'result-count', role: 'status' }, plural(r.total, 'quote')),
        r.total === 0 ? h('p', { class: 'empty' }, 'No quotes match.') : list,
        pager(r.total, r.limit, r.offset, (o) => withParams(ctx.url, { offset: o ? String(o) : undefined })),
      ),
    );
    listKeys(ctx, list, '.quote-item');
  },
};
