// The side panel of the article page: every quote (grouped by speaker, in the speaker's colour),
// figure, date and entity as a button that jumps to its span in the text.
import { entityHref, type StoredArticle } from '../api.ts';
import './entity.css';
import { h, type Child } from '../dom.ts';
import { plural } from '../format.ts';
import { ENTITY_LABELS, ENTITY_TYPES, figureValue, timeValue, type Speaker } from './article-marks.ts';
import type { ToggleName } from './layer-toggles.ts';

export type Pick = (key: string, layer: ToggleName) => void;

const clip = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
/** The word before a quote that is not a direct quotation. */
const KIND_WORDS: Record<string, string> = { direct: 'quoted', indirect: 'reported', mixed: 'reported, partly quoted', belief: 'belief or intention' };

function item(key: string, layer: ToggleName, pick: Pick, ...content: Child[]) {
  return h('li', null, h('button', { type: 'button', class: 'panel-item', dataset: { key }, onclick: () => pick(key, layer) }, content));
}

/** An entity's item: the button jumps to its first mention, the link opens its page across the corpus. */
function entityItem(key: string, layer: ToggleName, pick: Pick, name: string, globalKey: string | undefined, ...content: Child[]) {
  const li = item(key, layer, pick, name, ' ', content);
  if (globalKey) {
    li.classList.add('has-entity-page');
    li.append(h('a', { class: 'entity-page-link', href: entityHref(globalKey), title: `${name} across the corpus`, 'aria-label': `${name}: entity page` }, 'page →'));
  }
  return li;
}

function section(title: string, count: number, className: string, body: Child): HTMLElement {
  return h('details', { class: ['panel-section', className], open: count > 0 }, h('summary', null, `${title} `, h('span', { class: 'count' }, String(count))), body);
}

export function layerPanel(a: StoredArticle, speakers: Speaker[], pick: Pick): HTMLElement {
  const quotes = section(
    'Quotes',
    a.quotes.length,
    'panel-quotes',
    speakers.map((s) =>
      h(
        'div',
        { class: 'speaker-group', vars: { '--hue': String(s.hue ?? 0), '--sat': s.hue === null ? '0%' : '75%' } },
        h('h3', { class: 'speaker-name' }, h('span', { class: 'swatch' }), ` ${s.name} `, h('span', { class: 'count' }, String(s.quotes.length))),
        h(
          'ul',
          null,
          s.quotes.map((i) => {
            const q = a.quotes[i];
            return item(`quote-${i}`, 'quote', pick, q.kind === 'direct' ? `“${clip(q.text)}”` : [h('span', { class: 'kind' }, `${KIND_WORDS[q.attributionKind ?? q.kind]}:`), ' ', clip(q.text)]);
          }),
        ),
      ),
    ),
  );

  const figures = section(
    'Figures',
    a.figures.length,
    'panel-figures',
    h(
      'ul',
      null,
      a.figures.map((f, i) =>
        item(`figure-${i}`, 'figure', pick, h('strong', null, figureValue(f)), f.qualifier ? ` (${f.qualifier.replace(/-/g, ' ')})` : '', f.counts ? ` — ${f.counts}` : '', h('span', { class: 'evidence' }, ` “${f.text}”`)),
      ),
    ),
  );

  const times = section(
    'Dates',
    a.times.length,
    'panel-times',
    h(
      'ul',
      null,
      a.times.map((t, i) => item(`time-${i}`, 'time', pick, h('strong', null, timeValue(t)), h('span', { class: 'evidence' }, ` “${t.text}”`))),
    ),
  );

  const entities = section(
    'Entities',
    a.entities.length,
    'panel-entities',
    ENTITY_TYPES.map((type) => {
      const list = a.entities.filter((e) => e.type === type).sort((x, y) => y.mentions.length - x.mentions.length);
      if (list.length === 0) return null;
      return h(
        'div',
        { class: ['entity-group', `ent-${type}`] },
        h('h3', null, h('span', { class: 'swatch' }), ` ${ENTITY_LABELS[type]}`),
        h(
          'ul',
          null,
          list.map((e) =>
            entityItem(`entity-${e.id}-0`, type, pick, e.name, e.key, h('span', { class: 'count' }, plural(e.mentions.length, 'mention')), e.roles?.length ? h('span', { class: 'evidence' }, ` ${e.roles.map((r) => r.role).join('; ')}`) : ''),
          ),
        ),
      );
    }),
  );

  const empty = a.quotes.length + a.figures.length + a.times.length + a.entities.length === 0;
  return h(
    'aside',
    { class: 'layer-panel', 'aria-label': 'What the analysis found' },
    empty ? h('p', { class: 'muted' }, a.languageSupported ? 'No entities, quotes, figures or dates were found in this article.' : 'This language is not analysed beyond sentences yet.') : null,
    quotes,
    figures,
    times,
    entities,
  );
}
