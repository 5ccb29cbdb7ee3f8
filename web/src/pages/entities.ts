// The entity list: people, organisations, places and other names across the corpus, most widely
// reported first, with a type filter that shows how many there are of each, and a name filter.
// Everything is in the URL (/entities?type=PER&name=miller), so a view can be shared.
import { api, entityHref, type EntitySummary } from '../api.ts';
import { clear, h } from '../dom.ts';
import { formatDate, plural } from '../format.ts';
import type { Page } from '../router.ts';
import { ENTITY_LABELS, ENTITY_TYPES } from '../components/article-marks.ts';
import { listKeys } from '../components/list-keys.ts';
import { pager, withParams } from '../components/pager.ts';
import '../components/entity.css';

const PAGE = 50;
const TYPE_NAMES: Record<string, string> = { PER: 'People', ORG: 'Organisations', LOC: 'Places', MISC: 'Other' };

export function typeBadge(type: string): HTMLElement {
  return h('span', { class: ['type-badge', `type-${type}`] }, h('span', { class: 'swatch' }), ENTITY_LABELS[type] ?? type);
}

export function seenRange(e: Pick<EntitySummary, 'firstSeen' | 'lastSeen'>): string {
  if (!e.firstSeen) return 'undated';
  return e.firstSeen === e.lastSeen ? formatDate(e.firstSeen) : `${formatDate(e.firstSeen)} – ${formatDate(e.lastSeen)}`;
}

function entityItem(e: EntitySummary): HTMLElement {
  const others = e.aliases.filter((a) => a.name !== e.name).slice(0, 4).map((a) => a.name);
  const roles = e.roles.slice(0, 3).map((r) => r.role);
  const aka = [others.length ? `also “${others.join('”, “')}”` : '', roles.length ? roles.join('; ') : ''].filter(Boolean).join(' · ');
  return h(
    'li',
    { class: 'entity-item', dataset: { key: e.key, type: e.type } },
    h('div', null, h('a', { class: 'entity-name', href: entityHref(e.key) }, e.name), ' ', typeBadge(e.type)),
    h(
      'div',
      { class: 'entity-numbers' },
      h('strong', null, plural(e.articleCount, 'article')),
      h('span', { class: 'muted' }, ` · ${plural(e.mentionCount, 'mention')} · ${seenRange(e)}`),
    ),
    aka ? h('div', { class: 'entity-aka' }, aka) : null,
  );
}

export const entitiesPage: Page = {
  path: '/entities',
  nav: { label: 'Entities', order: 25 },
  async render(ctx) {
    ctx.setTitle('Entities');
    const typeParam = (ctx.query.get('type') ?? '').toUpperCase();
    const type = (ENTITY_TYPES as readonly string[]).includes(typeParam) ? typeParam : undefined;
    const name = ctx.query.get('name')?.trim() || undefined;
    const offset = Math.max(0, Number.parseInt(ctx.query.get('offset') ?? '0', 10) || 0);
    // The page and, for the type filter, how many entities of each type match the name filter.
    const choices = [undefined, ...ENTITY_TYPES];
    const [list, ...counts] = await Promise.all([
      api.entities({ type, name, limit: PAGE, offset }, ctx.signal),
      ...choices.map((t) => api.entities({ type: t, name, limit: 1 }, ctx.signal)),
    ]);

    const tabs = h(
      'ul',
      { class: 'type-tabs', 'aria-label': 'Type' },
      choices.map((t, i) =>
        h(
          'li',
          null,
          h(
            'a',
            { href: withParams(ctx.url, { type: t, offset: undefined }), 'aria-current': t === type ? 'page' : undefined, dataset: { type: t ?? 'all' } },
            t ? h('span', { class: ['type-badge-swatch', `type-${t}`] }, h('span', { class: 'swatch' })) : null,
            t ? TYPE_NAMES[t] : 'All',
            h('span', { class: 'count' }, String(counts[i].total)),
          ),
        ),
      ),
    );
    const nameInput = h('input', { type: 'search', name: 'name', placeholder: 'part of a name', 'aria-label': 'Name contains', maxlength: '200' });
    nameInput.value = name ?? '';
    const form = h(
      'form',
      { class: 'filters', method: 'get', action: '/entities', role: 'search' },
      type ? h('input', { type: 'hidden', name: 'type', value: type }) : null,
      h('label', { class: 'field' }, h('span', null, 'Name contains'), nameInput),
      h('button', { type: 'submit' }, 'Filter'),
      name || type ? h('a', { href: '/entities', class: 'reset' }, 'Clear') : null,
    );
    const items = h('ol', { class: 'row-list entity-list' }, list.items.map(entityItem));
    const what = [type ? TYPE_NAMES[type].toLowerCase() : 'entities', name ? `named like “${name}”` : ''].filter(Boolean).join(' ');
    clear(
      ctx.root,
      h(
        'section',
        { class: 'entities-page' },
        h('h1', null, 'Entities'),
        h('p', { class: 'overview' }, 'People, organisations and places across all articles and languages, most widely reported first.'),
        list.stale
          ? h('p', { class: 'stale-note' }, 'The stored analyses changed since this index was built; run “dossier entities --rebuild” to bring it up to date.')
          : null,
        tabs,
        form,
        h('p', { class: 'result-count', role: 'status' }, `${plural(list.total, 'entity', 'entities')}${name || type ? ` (${what})` : ''}`),
        list.total === 0 ? h('p', { class: 'empty' }, counts[0].total === 0 && !name ? 'No entities yet: the articles have no entity layer.' : 'No entity matches.') : items,
        pager(list.total, list.limit, list.offset, (o) => withParams(ctx.url, { offset: o ? String(o) : undefined })),
      ),
    );
    listKeys(ctx, items, '.entity-item');
  },
};
