// The storylines: what the corpus is about, most recently active first. Each storyline shows its time
// span, articles, sources and languages, key people and places, and its events, each a link to its page.
// /stories?offset=20 pages through them.
import { entityHref } from '../api.ts';
import { clear, h } from '../dom.ts';
import { languageName, plural } from '../format.ts';
import type { Page } from '../router.ts';
import { listKeys } from '../components/list-keys.ts';
import { pager, withParams } from '../components/pager.ts';
import { storyApi, storyHref, type EventSummary, type StorylineSummary } from '../components/story-api.ts';
import { labelWithoutSpan, spanLength, spanText } from '../components/story-format.ts';
import '../components/story.css';

const PAGE = 20;
const EVENTS_SHOWN = 4;

function eventLine(e: EventSummary): HTMLElement {
  return h(
    'li',
    { class: 'story-event-line' },
    h('span', { class: 'event-when' }, spanText(e.span)),
    ' ',
    h('a', { href: storyHref(e.id) }, labelWithoutSpan(e.label, e.span)),
    h('span', { class: 'muted' }, ` · ${plural(e.articles, 'article')} · ${Object.keys(e.languages).join(', ')}`),
  );
}

function storyItem(s: StorylineSummary): HTMLElement {
  const length = spanLength(s.span);
  const events = [...s.events].reverse();
  return h(
    'li',
    { class: 'story-item', dataset: { id: s.id } },
    h('a', { class: 'story-name', href: storyHref(s.id) }, labelWithoutSpan(s.label, s.span)),
    h(
      'p',
      { class: 'story-facts' },
      h('span', { class: 'story-span' }, spanText(s.span), length ? ` (${length})` : ''),
      ` · ${plural(s.articles, 'article')}${s.copies ? ` (and ${plural(s.copies, 'copy', 'copies')})` : ''} · ${plural(s.sources.length, 'source')} · ${plural(s.events.length, 'event')} · `,
      Object.entries(s.languages)
        .sort((a, b) => b[1] - a[1])
        .map(([code, n], i) => [i ? ', ' : '', h('span', { class: 'story-lang-name' }, `${languageName(code)} ${n}`)]),
    ),
    s.title ? h('p', { class: 'story-headline' }, 'Latest: ', h('q', null, s.title)) : null,
    s.entities.length
      ? h(
          'ul',
          { class: 'chips story-entities', 'aria-label': 'Key people, organisations and places' },
          s.entities.map((e) => h('li', { class: `entity-${e.kind}` }, h('a', { href: entityHref(e.key) }, e.name))),
        )
      : null,
    h(
      'ol',
      { class: 'story-event-lines', 'aria-label': 'Latest events' },
      events.slice(0, EVENTS_SHOWN).map(eventLine),
      events.length > EVENTS_SHOWN ? h('li', { class: 'muted' }, h('a', { href: `${storyHref(s.id)}#events` }, `and ${plural(events.length - EVENTS_SHOWN, 'earlier event')}`)) : null,
    ),
  );
}

export const storiesPage: Page = {
  path: '/stories',
  nav: { label: 'Storylines', order: 5 },
  async render(ctx) {
    const offset = Math.max(0, Number.parseInt(ctx.query.get('offset') ?? '0', 10) || 0);
    const r = await storyApi.list({ limit: PAGE, offset }, ctx.signal);
    ctx.setTitle('Storylines');
    const list = h('ol', { class: 'story-list' }, r.items.map(storyItem));
    const unplaced = r.unplaced
      ? h('p', { class: 'unplaced-note' }, `${plural(r.unplaced, 'stored article is', 'stored articles are')} not in any storyline yet: run `, h('code', null, 'dossier restory'), ' to place them.')
      : null;
    clear(
      ctx.root,
      h(
        'section',
        { class: 'stories-page' },
        h('h1', null, 'Storylines'),
        unplaced,
        r.total === 0
          ? h(
              'div',
              { class: 'empty' },
              h('p', null, 'No storylines yet. Articles join events and storylines as they are ingested.'),
              h('p', null, h('a', { href: '/add' }, 'Add articles'), ', or run ', h('code', null, 'dossier restory'), ' for a store ingested before stories existed.'),
            )
          : [
              h('p', { class: 'overview' }, `${plural(r.total, 'storyline')}, most recently active first. Each groups the events that belong together; ${r.note}.`),
              list,
              pager(r.total, r.limit, r.offset, (o) => withParams(ctx.url, { offset: o ? String(o) : undefined })),
            ],
      ),
    );
    listKeys(ctx, list, '.story-item');
  },
};
