// One entity across the corpus: its names and roles, what it said (grouped by source, each quote
// linked to its place in the article), the entities named in the same articles as a graph, the
// articles naming it, and why its mentions were taken to be one entity. /entities/<key or name>;
// a name that fits several entities lists them.
import { api, ApiError, entityHref, type AmbiguousEntity, type CooccurrenceResponse, type EntityDetailResponse, type QuoteRow } from '../api.ts';
import { clear, h, type Child } from '../dom.ts';
import { formatDate, languageName, plural } from '../format.ts';
import type { Page, PageContext } from '../router.ts';
import { articleItem } from '../components/article-item.ts';
import { ENTITY_LABELS } from '../components/article-marks.ts';
import { cooccurrenceGraph } from '../components/cooccurrence-graph.ts';
import { listKeys } from '../components/list-keys.ts';
import { pager, withParams } from '../components/pager.ts';
import { seenRange, typeBadge } from './entities.ts';
import '../components/entity.css';

const QUOTES = 50;
const ARTICLES = 20;
const NEIGHBOURS = 16;
const LINKS = 200;

const offsetParam = (ctx: PageContext, name: string) => Math.max(0, Number.parseInt(ctx.query.get(name) ?? '0', 10) || 0);

function chips(list: { text: string; count: number }[]): HTMLElement {
  return h(
    'ul',
    { class: 'chips' },
    list.map((x) => h('li', null, x.text, ' ', h('span', { class: 'count' }, `×${x.count}`))),
  );
}

/** Quotes of one page grouped by source, the sources with most quotes first (unknown source last). */
function quotesBySource(quotes: QuoteRow[]): [string | null, QuoteRow[]][] {
  const groups = new Map<string | null, QuoteRow[]>();
  for (const q of quotes) {
    const list = groups.get(q.source);
    if (list) list.push(q);
    else groups.set(q.source, [q]);
  }
  return [...groups].sort((a, b) => Number(a[0] === null) - Number(b[0] === null) || b[1].length - a[1].length || (a[0] ?? '').localeCompare(b[0] ?? ''));
}

function quoteItem(q: QuoteRow): HTMLElement {
  return h(
    'li',
    { class: 'quote-item', dataset: { article: q.articleId, language: q.language } },
    h('blockquote', { lang: q.language, class: `quote-${q.kind}` }, q.kind === 'direct' ? `“${q.text}”` : q.text),
    h(
      'p',
      { class: 'quote-by' },
      q.speakerName ? h('span', { class: 'quote-as' }, `as “${q.speakerName}”`) : null,
      q.cue ? h('span', { class: 'muted' }, ` (${q.cue})`) : null,
      q.kind === 'indirect' ? h('span', { class: 'badge' }, 'reported') : null,
    ),
    h(
      'p',
      { class: 'row-source' },
      h('a', { href: `/articles/${q.articleId}?at=${q.start}-${q.end}`, lang: q.language }, q.title ?? 'Untitled article'),
      ` · ${formatDate(q.publishedAt)} · `,
      h('span', { class: 'lang', title: languageName(q.language) }, languageName(q.language)),
    ),
  );
}

function quotesSection(ctx: PageContext, e: EntityDetailResponse): HTMLElement {
  const q = e.quotes;
  return h(
    'section',
    { class: 'entity-quotes', 'aria-labelledby': 'entity-quotes-h' },
    h('h2', { id: 'entity-quotes-h' }, `What ${e.name} said `, h('span', { class: 'count' }, plural(q.total, 'quote'))),
    q.total === 0
      ? h('p', { class: 'empty' }, 'No quote in the corpus is attributed to this entity.')
      : quotesBySource(q.items).map(([source, list]) =>
          h(
            'div',
            { class: 'source-group', dataset: { source: source ?? '' } },
            h('h3', null, source ?? h('span', { class: 'muted' }, 'Source unknown'), h('span', { class: 'count' }, plural(list.length, 'quote'))),
            h('ol', { class: 'row-list quote-list' }, list.map(quoteItem)),
          ),
        ),
    pager(q.total, q.limit, q.offset, (o) => withParams(ctx.url, { qoff: o ? String(o) : undefined })),
  );
}

function cooccurrenceSection(e: EntityDetailResponse, co: CooccurrenceResponse): HTMLElement {
  const compact = window.matchMedia('(max-width: 600px)').matches;
  const graph = cooccurrenceGraph(e, co, { compact });
  return h(
    'section',
    { class: 'entity-cooccurrence', 'aria-labelledby': 'entity-cooc-h' },
    h('h2', { id: 'entity-cooc-h' }, 'Named in the same articles ', h('span', { class: 'count' }, plural(co.total, 'entity', 'entities'))),
    graph ?? h('p', { class: 'empty' }, 'No other entity is named in the articles naming this one.'),
    co.items.length
      ? h(
          'details',
          { class: 'cooc-list' },
          h('summary', null, 'As a table'),
          h(
            'div',
            { class: 'table-wrap' },
            h(
              'table',
              { class: 'cooc-table' },
              h('thead', null, h('tr', null, h('th', null, 'Entity'), h('th', null, 'Type'), h('th', { class: 'num' }, 'Shared articles'), h('th', { class: 'num' }, 'All articles'))),
              h(
                'tbody',
                null,
                co.items.map((n) =>
                  h(
                    'tr',
                    null,
                    h('td', null, h('a', { href: entityHref(n.key) }, n.name)),
                    h('td', null, ENTITY_LABELS[n.type] ?? n.type),
                    h('td', { class: 'num' }, String(n.sharedArticles)),
                    h('td', { class: 'num' }, String(n.articleCount)),
                  ),
                ),
              ),
            ),
          ),
        )
      : null,
  );
}

/** Why the mentions are one entity: loaded when opened (it lists every link). */
function explainSection(ctx: PageContext, e: EntityDetailResponse): HTMLElement {
  const body = h('div', null, h('p', { class: 'muted' }, 'Loading…'));
  const details = h('details', { class: ['explain', 'wide'] }, h('summary', null, 'How these mentions became one entity'), body);
  let loaded = false;
  details.addEventListener('toggle', () => {
    if (!details.open || loaded) return;
    loaded = true;
    api
      .explainEntity(e.key, { limit: LINKS }, ctx.signal)
      .then((x) => {
        const rows: Child[] = x.links.items.map((l) =>
          h(
            'tr',
            null,
            h('td', null, h('a', { href: `/articles/${l.articleId}` }, h('code', null, l.articleId))),
            h('td', null, l.name),
            h('td', null, h('code', null, l.rule)),
            h(
              'td',
              null,
              l.reason,
              // within the article: each mention and why it belongs to the entity
              l.mentions.some((m) => m.how)
                ? h(
                    'ul',
                    { class: 'link-mentions' },
                    l.mentions.map((m) =>
                      h('li', null, h('a', { href: `/articles/${encodeURIComponent(l.articleId)}?at=${m.start}-${m.end}` }, `“${m.text}”`), m.how ? ` ${m.how}` : ''),
                    ),
                  )
                : null,
            ),
          ),
        );
        clear(
          body,
          x.merges.length
            ? h('ul', null, x.merges.map((m) => h('li', null, h('code', null, m.from), ' was merged into it: ', m.reason)))
            : null,
          h(
            'div',
            { class: 'table-wrap' },
            h('table', null, h('thead', null, h('tr', null, h('th', null, 'Article'), h('th', null, 'Name there'), h('th', null, 'Rule'), h('th', null, 'Why'))), h('tbody', null, rows)),
          ),
          x.links.total > x.links.items.length ? h('p', { class: 'muted' }, `The first ${x.links.items.length} of ${x.links.total} links.`) : null,
        );
      })
      .catch((err: unknown) => {
        if (!ctx.signal.aborted) clear(body, h('p', { class: 'query-error' }, err instanceof Error ? err.message : String(err)));
      });
  });
  return details;
}

function renderAmbiguous(ctx: PageContext, name: string, body: AmbiguousEntity): void {
  ctx.setTitle(name);
  clear(
    ctx.root,
    h(
      'section',
      { class: 'entity-choices' },
      h('p', { class: 'crumbs' }, h('a', { href: '/entities' }, '← All entities')),
      h('h1', null, `“${name}” names ${plural(body.candidates.length, 'entity', 'entities')}`),
      h(
        'ol',
        { class: 'row-list entity-list' },
        body.candidates.map((c) =>
          h(
            'li',
            { class: 'entity-item' },
            h('div', null, h('a', { class: 'entity-name', href: entityHref(c.key) }, c.name), ' ', typeBadge(c.type)),
            h('div', { class: 'entity-numbers' }, plural(c.articleCount, 'article'), h('span', { class: 'muted' }, ` · ${plural(c.mentionCount, 'mention')}`)),
          ),
        ),
      ),
    ),
  );
}

function renderMissing(ctx: PageContext, name: string): void {
  ctx.setTitle('Not found');
  clear(
    ctx.root,
    h(
      'section',
      { class: 'error-page', role: 'alert' },
      h('h1', null, 'No such entity'),
      h('p', null, `No entity is named “${name}”.`),
      h('p', null, h('a', { href: `/entities?name=${encodeURIComponent(name)}` }, `Entities with names containing “${name}”`), ' · ', h('a', { href: '/entities' }, 'All entities')),
    ),
  );
}

export const entityPage: Page = {
  path: '/entities/:key',
  async render(ctx) {
    const asked = ctx.params.key;
    const aoff = offsetParam(ctx, 'aoff');
    let e: EntityDetailResponse;
    try {
      e = await api.entity(asked, { mentionsLimit: 1, quotesLimit: QUOTES, quotesOffset: offsetParam(ctx, 'qoff') }, ctx.signal);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) return renderAmbiguous(ctx, asked, err.body as AmbiguousEntity);
      if (err instanceof ApiError && err.status === 404) return renderMissing(ctx, asked);
      throw err;
    }
    const [co, articles] = await Promise.all([
      api.cooccurrence(e.key, { limit: NEIGHBOURS }, ctx.signal),
      api.articles({ entity: e.key, limit: ARTICLES, offset: aoff }, ctx.signal),
    ]);
    ctx.setTitle(e.name);

    const articleList = h('ol', { class: 'article-list' }, articles.items.map((a) => articleItem(a)));
    const section = h(
      'article',
      { class: 'entity-page', dataset: { key: e.key } },
      h('p', { class: 'crumbs' }, h('a', { href: '/entities' }, '← All entities')),
      h(
        'header',
        { class: 'entity-head' },
        h('h1', null, e.name, ' ', typeBadge(e.type)),
        h(
          'p',
          { class: 'entity-facts' },
          `${plural(e.articleCount, 'article')} · ${plural(e.mentionCount, 'mention')} · ${seenRange(e)} · `,
          h('code', null, e.key),
          e.formerKeys.length ? ` · merged from ${e.formerKeys.join(', ')}` : '',
        ),
        e.nationalityOf ? h('p', { class: 'entity-nationality' }, 'Nationality of ', h('a', { href: entityHref(e.nationalityOf.key) }, e.nationalityOf.name)) : null,
      ),
      h('h2', null, 'Names'),
      chips(e.aliases.map((a) => ({ text: a.name, count: a.count }))),
      e.roles.length ? [h('h2', null, 'Roles and titles'), chips(e.roles.map((r) => ({ text: r.role, count: r.count })))] : null,
      h(
        'div',
        { class: 'entity-layout' },
        quotesSection(ctx, e),
        cooccurrenceSection(e, co),
        h(
          'section',
          { class: ['entity-articles', 'wide'], 'aria-labelledby': 'entity-articles-h' },
          h('h2', { id: 'entity-articles-h' }, 'Articles naming it ', h('span', { class: 'count' }, plural(articles.total, 'article'))),
          articles.total === 0 ? h('p', { class: 'empty' }, 'No stored article is linked to it.') : articleList,
          pager(articles.total, articles.limit, articles.offset, (o) => withParams(ctx.url, { aoff: o ? String(o) : undefined })),
        ),
        explainSection(ctx, e),
      ),
    );
    clear(ctx.root, section);
    listKeys(ctx, section, '.quote-item, .article-item');
  },
};
