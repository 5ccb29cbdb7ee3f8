// The timeline of one entity across the corpus: dated happenings naming it and its statements, as a
// chart (a lane per source) and a list whose entries link to their evidence. /entities/<key or name>/timeline.
import { ApiError, entityHref, type AmbiguousEntity } from '../api.ts';
import { clear, h } from '../dom.ts';
import { plural } from '../format.ts';
import type { Page, PageContext } from '../router.ts';
import { followHashes, goToAnchor } from '../components/hash-target.ts';
import { listKeys } from '../components/list-keys.ts';
import { storyApi, type SourceRef, type TimelinePage } from '../components/story-api.ts';
import { sourceMarks } from '../components/source-mark.ts';
import { timelineChart } from '../components/timeline-chart.ts';
import { timelineAnchor, timelineList } from '../components/story-timeline.ts';
import '../components/story.css';

const ITEMS = 500;

const timelineHref = (key: string) => `${entityHref(key)}/timeline`;

function renderProblem(ctx: PageContext, asked: string, err: ApiError): void {
  ctx.setTitle(asked);
  const candidates = err.status === 409 ? (err.body as AmbiguousEntity).candidates : [];
  clear(
    ctx.root,
    h(
      'section',
      { class: candidates.length ? 'entity-choices' : 'error-page', role: candidates.length ? undefined : 'alert' },
      h('h1', null, candidates.length ? `“${asked}” names ${plural(candidates.length, 'entity', 'entities')}` : 'No such entity'),
      candidates.length
        ? h('ul', null, candidates.map((c) => h('li', null, h('a', { href: timelineHref(c.key) }, c.name), h('span', { class: 'muted' }, ` · ${plural(c.articleCount, 'article')}`))))
        : h('p', null, `No entity is named “${asked}”. `, h('a', { href: '/entities' }, 'All entities')),
    ),
  );
}

export const entityTimelinePage: Page = {
  path: '/entities/:key/timeline',
  async render(ctx) {
    const asked = ctx.params.key;
    let t: TimelinePage;
    try {
      t = await storyApi.entityTimeline(asked, { limit: ITEMS }, ctx.signal);
    } catch (err) {
      if (err instanceof ApiError && (err.status === 404 || err.status === 409)) return renderProblem(ctx, asked, err);
      throw err;
    }
    const scope = 'entity' in t.scope ? t.scope.entity : null;
    const name = scope?.names[0] ?? asked;
    ctx.setTitle(`Timeline of ${name}`);
    const sources = new Map<string, SourceRef>();
    for (const item of t.items) for (const e of item.evidence) sources.set(e.source.id, e.source);
    const lanes = [...sources.values()].sort((a, b) => a.name.localeCompare(b.name));
    const marks = sourceMarks(lanes);
    const slot = h('div', { class: 'timeline-chart-slot' });
    const list = timelineList(t.items, marks);
    const page = h(
      'article',
      { class: 'story-page entity-timeline-page' },
      h('p', { class: 'crumbs' }, h('a', { href: entityHref(asked) }, `← ${name}`)),
      h('h1', null, `Timeline of ${name}`),
      h(
        'p',
        { class: 'story-facts' },
        `${plural(t.total, 'entry', 'entries')} from ${plural(t.articles, 'article')} naming ${name}`,
        t.undatedStatements ? ` · ${plural(t.undatedStatements, 'undated statement')} left out` : '',
        t.total > t.items.length ? ` · the first ${t.items.length} shown` : '',
      ),
      h('p', { class: 'basis-note muted' }, `Sources: ${t.note}.`),
      t.items.length === 0 ? h('p', { class: 'empty' }, `No dated happening or statement about ${name} was found.`) : [slot, list],
    );
    clear(ctx.root, page);
    listKeys(ctx, page, '.timeline-item');
    followHashes(ctx);
    if (t.items.length > 0) {
      void timelineChart(
        t.items,
        lanes,
        (i) => goToAnchor(ctx, timelineAnchor(i)),
        ctx.signal,
      ).then((chart) => {
        if (!chart) return;
        slot.append(chart.element);
        ctx.onLeave(chart.destroy);
      });
    }
  },
};
