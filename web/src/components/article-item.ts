// One article in a list (the article list, search results): title, source, language, date,
// what the analysis found, and a snippet for search hits.
import type { ArticleSummary } from '../api.ts';
import { h, type Child } from '../dom.ts';
import { formatDate, languageName, plural } from '../format.ts';

export function articleItem(a: ArticleSummary, extra?: Child): HTMLElement {
  const c = a.counts;
  const found = [
    c.entities ? plural(c.entities, 'entity', 'entities') : null,
    c.quotes ? plural(c.quotes, 'quote') : null,
    c.figures ? plural(c.figures, 'figure') : null,
    c.times ? plural(c.times, 'date') : null,
  ].filter(Boolean);
  return h(
    'li',
    { class: 'article-item', dataset: { id: a.id, language: a.language } },
    h('a', { class: 'article-title', href: `/articles/${a.id}`, lang: a.language }, a.title ?? h('span', { class: 'muted' }, `Untitled (${a.file.split('/').pop()})`)),
    h(
      'div',
      { class: 'article-line' },
      h('span', { class: 'source' }, a.source ?? 'unknown source'),
      ' · ',
      h('span', { class: 'lang', title: languageName(a.language) }, a.language),
      ' · ',
      a.publishedAt ? h('time', { datetime: a.publishedAt }, formatDate(a.publishedAt)) : h('span', { class: 'muted' }, 'undated'),
      found.length ? h('span', { class: 'found' }, ` · ${found.join(', ')}`) : null,
    ),
    extra,
  );
}
