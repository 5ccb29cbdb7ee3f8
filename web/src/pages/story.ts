// One storyline or event: its time span, sources and languages, a timeline (chart and list, every entry
// linked to its evidence in the article), the events with their articles, the sources and languages,
// the source comparison (figures side by side, voice, coverage) and a figure over time.
// /stories/<id>; ?figure=<row key> picks the charted figure; #timeline, #events, #sources, #comparison,
// #figures and #t-<n> (a timeline entry) are anchors, so any part of the page can be shared.
import { ApiError, entityHref } from '../api.ts';
import { clear, h, type Child } from '../dom.ts';
import { formatDate, languageName, plural } from '../format.ts';
import type { Page, PageContext } from '../router.ts';
import { comparisonView } from '../components/comparison-table.ts';
import { chartableRows, datedClaims, figureChart } from '../components/figure-chart.ts';
import { followHashes, goToAnchor, jumpTo } from '../components/hash-target.ts';
import { listKeys } from '../components/list-keys.ts';
import { storyApi, storyHref, type ArticleRef, type ComparisonView, type FigureRowView, type StoryDetail } from '../components/story-api.ts';
import { evidenceHref, figureText, labelWithoutSpan, languagesText, spanLength, spanText, voiceText } from '../components/story-format.ts';
import { timelineChart } from '../components/timeline-chart.ts';
import { timelineAnchor, timelineList } from '../components/story-timeline.ts';
import { markSwatch, sourceMarks, type SourceMarks } from '../components/source-mark.ts';
import '../components/story.css';

const SECTIONS: [string, string][] = [
  ['timeline', 'Timeline'],
  ['events', 'Events'], // "Articles" on an event's page
  ['sources', 'Sources and languages'],
  ['comparison', 'Comparison'],
  ['figures', 'Figures over time'],
];

function section(id: string, title: string, count: string | null, ...children: Child[]): HTMLElement {
  return h('section', { class: ['story-section', `section-${id}`], id, 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h` }, title, count ? h('span', { class: 'count' }, ` ${count}`) : null), children);
}

function articleLine(a: ArticleRef): HTMLElement {
  return h(
    'li',
    { class: 'story-article', dataset: { id: a.id, language: a.language } },
    h('a', { href: `/articles/${encodeURIComponent(a.id)}`, lang: a.language }, a.title ?? h('span', { class: 'muted' }, a.file.split('/').pop())),
    h(
      'span',
      { class: 'story-article-line' },
      a.source ?? h('span', { class: 'muted' }, 'outlet unknown'),
      ' · ',
      h('span', { class: 'story-lang', title: languageName(a.language) }, a.language),
      ' · ',
      a.day ? h('time', { datetime: a.day }, formatDate(a.day)) : h('span', { class: 'muted' }, 'undated'),
      a.day && !a.publishedAt ? h('span', { class: 'muted', title: 'No publication date: the date is from the text' }, ' (from the text)') : null,
      a.copies.length
        ? h('span', { class: 'story-copies', title: 'The same wire story on other sites, counted once' }, ` · and ${a.copies.length === 1 ? '1 copy' : `${a.copies.length} copies`}`)
        : null,
    ),
  );
}

function head(d: StoryDetail): HTMLElement {
  const length = spanLength(d.span);
  return h(
    'header',
    { class: 'story-head' },
    h('p', { class: 'crumbs' }, d.storyline ? ['Event of the storyline ', h('a', { href: storyHref(d.storyline.id) }, d.storyline.label)] : h('a', { href: '/stories' }, '← All storylines')),
    h('h1', null, labelWithoutSpan(d.label, d.span)),
    h(
      'p',
      { class: 'story-facts' },
      h('span', { class: 'level' }, d.level === 'storyline' ? 'Storyline' : 'Event'),
      ' · ',
      h('span', { class: 'story-span' }, spanText(d.span), length ? ` (${length})` : ''),
      ` · ${plural(d.articles.length, 'article')}${d.copies ? ` (and ${plural(d.copies, 'syndicated copy', 'syndicated copies')})` : ''} · ${plural(d.sources.length, 'source')}`,
      d.level === 'storyline' ? ` · ${plural(d.events.length, 'event')}` : '',
      ' · ',
      languagesText(d.languages),
    ),
    d.title ? h('p', { class: 'story-headline' }, d.level === 'storyline' ? 'Latest: ' : 'First report: ', h('q', null, d.title)) : null,
    d.entities.length
      ? h(
          'ul',
          { class: 'chips story-entities', 'aria-label': 'Key people, organisations and places' },
          d.entities.map((e) => h('li', { class: `entity-${e.kind}` }, h('a', { href: entityHref(e.key) }, e.name))),
        )
      : null,
    h('p', { class: 'basis-note muted' }, `Sources: ${d.note}.`),
    h(
      'nav',
      { class: 'story-toc', 'aria-label': 'On this page' },
      SECTIONS.map(([id, label]) =>
        h('a', { href: `${location.pathname}${location.search}#${id}`, onClick: (ev: MouseEvent) => jumpTo(ev, id) }, id === 'events' && d.level === 'event' ? 'Articles' : label),
      ),
    ),
  );
}

function eventsSection(d: StoryDetail): HTMLElement {
  const cards = d.events.map((e) => {
    const articles = d.articles.filter((a) => a.eventId === e.id);
    return h(
      'li',
      { class: ['event-card', e.id === d.id && 'is-this'], dataset: { id: e.id } },
      h('p', { class: 'event-when' }, spanText(e.span)),
      h('h3', null, e.id === d.id ? labelWithoutSpan(e.label, e.span) : h('a', { href: storyHref(e.id) }, labelWithoutSpan(e.label, e.span))),
      h('p', { class: 'event-facts' }, `${plural(e.articles, 'article')} · ${plural(e.sources.length, 'source')} · ${languagesText(e.languages)}`),
      h('ul', { class: 'story-articles' }, articles.map(articleLine)),
    );
  });
  return section(
    'events',
    d.level === 'storyline' ? 'Events' : 'Articles',
    d.level === 'storyline' ? plural(d.events.length, 'event') : plural(d.articles.length, 'article'),
    d.level === 'storyline' ? h('p', { class: 'section-note' }, 'In date order. An event is one happening, however many articles report it.') : null,
    h('ol', { class: 'event-cards' }, cards),
  );
}

function sourcesSection(d: StoryDetail, marks: SourceMarks): HTMLElement {
  const total = d.articles.length || 1;
  const languages = Object.entries(d.languages).sort((a, b) => b[1] - a[1]);
  return section(
    'sources',
    'Sources and languages',
    null,
    h(
      'div',
      { class: 'sources-layout' },
      h(
        'div',
        { class: 'table-wrap' },
        h('h3', null, 'Who reported'),
        h(
          'table',
          { class: 'sources-table' },
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Source'), h('th', { scope: 'col', class: 'num' }, 'Articles'), h('th', { scope: 'col' }, 'Languages'))),
          h(
            'tbody',
            null,
            d.sources.map((s) =>
              h(
                'tr',
                { dataset: { source: s.source.id } },
                h(
                  'td',
                  null,
                  markSwatch(marks.get(s.source.id), s.source.name),
                  ' ',
                  s.source.kind === 'article' ? h('a', { href: `/articles/${encodeURIComponent(s.source.id.slice('article:'.length))}` }, s.source.name) : s.source.name,
                  s.source.kind === 'article' ? h('span', { class: 'muted' }, ' (outlet unknown)') : null,
                ),
                h('td', { class: 'num' }, String(s.articles)),
                h('td', null, s.languages.map(languageName).join(', ')),
              ),
            ),
          ),
        ),
      ),
      h(
        'div',
        null,
        h('h3', null, 'In which languages'),
        h(
          'ul',
          { class: 'language-bars', 'aria-label': 'Articles per language' },
          languages.map(([code, n]) =>
            h(
              'li',
              { dataset: { language: code } },
              h('span', { class: 'bar-label' }, `${languageName(code)} (${code})`),
              h('span', { class: 'bar', vars: { '--share': `${((n / total) * 100).toFixed(1)}%` } }),
              h('span', { class: 'bar-value' }, plural(n, 'article')),
            ),
          ),
        ),
      ),
    ),
  );
}

function figuresSection(ctx: PageContext, c: ComparisonView, marks: SourceMarks): HTMLElement {
  const rows = chartableRows(c.figures);
  if (rows.length === 0) {
    return section('figures', 'Figures over time', null, h('p', { class: 'empty' }, 'No figure is given with two dates or more, so there is nothing to chart over time.'));
  }
  const wanted = ctx.query.get('figure');
  let row = rows.find((r) => r.key === wanted) ?? rows[0];
  const chartSlot = h('div', { class: 'figure-chart-slot' });
  const points = h('ol', { class: 'figure-points' });
  let destroy: (() => void) | null = null;
  ctx.onLeave(() => destroy?.());

  const draw = (r: FigureRowView) => {
    destroy?.();
    destroy = null;
    clear(
      points,
      datedClaims(r).map((cl) =>
        h(
          'li',
          { dataset: { article: cl.articleId, source: cl.source.id } },
          markSwatch(marks.get(cl.source.id), cl.source.name),
          ' ',
          h('time', { datetime: cl.asOf! }, formatDate(cl.asOf)),
          ' ',
          h('a', { href: evidenceHref(cl.evidence), lang: cl.language, title: cl.evidence.sentence.text }, h('strong', null, figureText(cl))),
          h('span', { class: 'muted' }, ` · ${cl.source.name} · ${languageName(cl.language)} · ${voiceText(cl.voice)}`),
        ),
      ),
    );
    void figureChart(r, marks, (cl) => ctx.navigate(evidenceHref(cl.evidence)), ctx.signal).then((chart) => {
      if (!chart || r !== row) return chart?.destroy();
      clear(chartSlot, chart.element);
      destroy = chart.destroy;
    });
  };

  const select = h(
    'select',
    {
      id: 'figure-pick',
      onChange: (ev: Event) => {
        const key = (ev.target as HTMLSelectElement).value;
        row = rows.find((r) => r.key === key) ?? rows[0];
        const url = new URL(location.href);
        url.searchParams.set('figure', row.key);
        url.hash = 'figures';
        history.replaceState(null, '', url);
        draw(row);
      },
    },
    rows.map((r) => h('option', { value: r.key, selected: r === row }, `${r.label} (${plural(datedClaims(r).length, 'value')}, ${plural(r.sources, 'source')})`)),
  );
  draw(row);
  return section(
    'figures',
    'Figures over time',
    null,
    h('p', { class: 'field figure-field' }, h('label', { for: 'figure-pick' }, 'Figure'), select),
    chartSlot,
    points,
    h('p', { class: 'section-note' }, 'Each figure is dated by its article (or, for an undated article, by its event). Click a point to read its sentence.'),
  );
}

function renderMissing(ctx: PageContext, id: string): void {
  ctx.setTitle('Not found');
  clear(
    ctx.root,
    h(
      'section',
      { class: 'error-page', role: 'alert' },
      h('h1', null, 'No such storyline or event'),
      h('p', null, `Nothing has the id “${id}”. Stories are rebuilt by `, h('code', null, 'dossier restory'), ', which gives them new ids.'),
      h('p', null, h('a', { href: '/stories' }, 'All storylines')),
    ),
  );
}

export const storyPage: Page = {
  path: '/stories/:id',
  async render(ctx) {
    let d: StoryDetail;
    let c: ComparisonView;
    try {
      [d, c] = await Promise.all([storyApi.detail(ctx.params.id, ctx.signal), storyApi.compare(ctx.params.id, ctx.signal)]);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return renderMissing(ctx, ctx.params.id);
      throw err;
    }
    ctx.setTitle(labelWithoutSpan(d.label, d.span));
    // The comparison's order (most telling first) numbers the sources; outlets seen only as copies follow.
    const marks = sourceMarks([...c.sources.map((s) => s.source), ...d.sources.map((s) => s.source)]);
    const sources = d.sources.map((s) => s.source);

    const timelineSlot = h('div', { class: 'timeline-chart-slot' });
    const list = timelineList(d.timeline, marks);
    const page = h(
      'article',
      { class: ['story-page', `level-${d.level}`], dataset: { id: d.id } },
      head(d),
      section(
        'timeline',
        'Timeline',
        plural(d.timeline.length, 'entry', 'entries'),
        d.timeline.length === 0
          ? h('p', { class: 'empty' }, 'No dated happening or statement was found in these articles.')
          : [
              h('p', { class: 'section-note' }, 'Dated happenings and statements, each once, with every article that reports it. Each report links to its place in the article, highlighted.'),
              timelineSlot,
              list,
            ],
      ),
      eventsSection(d),
      sourcesSection(d, marks),
      section(
        'comparison',
        'Comparison of sources',
        null,
        h('p', { class: 'section-note' }, 'What each source reports: its figures, the loaded words it uses in its own voice or attributes, who it quotes, and what it leaves out. One row per outlet; syndicated copies count once.'),
        comparisonView(c, marks),
      ),
      figuresSection(ctx, c, marks),
    );
    clear(ctx.root, page);
    listKeys(ctx, page.querySelector('.timeline') ?? page, '.timeline-item');
    followHashes(ctx);

    if (d.timeline.length > 0) {
      void timelineChart(d.timeline, sources, (i) => goToAnchor(ctx, timelineAnchor(i)), ctx.signal).then((chart) => {
        if (!chart) return;
        timelineSlot.append(chart.element);
        ctx.onLeave(chart.destroy);
      });
    }
  },
};
