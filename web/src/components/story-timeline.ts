// A timeline as a list: each dated happening or statement once, in date order, with every report of
// it linked to its place in the article (the sentence of a happening, the words of a quote, highlighted).
import { h, type Child } from '../dom.ts';
import { formatDate, languageName, plural } from '../format.ts';
import type { TimelineEvidence, TimelineItem } from './story-api.ts';
import { evidenceHref } from './story-format.ts';
import { attributionLine } from './attribution.ts';
import { markSwatch, type SourceMark, type SourceMarks } from './source-mark.ts';

/** The anchor of the i-th item of a page's timeline. */
export const timelineAnchor = (i: number) => `t-${i + 1}`;

/** The sentence with the date expression that dated it marked, when it is there as written. */
function happeningText(item: TimelineItem): Child[] {
  const date = item.evidence[0]?.dateText;
  const at = date ? item.text.indexOf(date) : -1;
  if (!date || at < 0) return [item.text];
  return [item.text.slice(0, at), h('mark', { class: 'tl-datetext' }, date), item.text.slice(at + date.length)];
}

/** One source's reports of an item: its name linked to the first, then any other passage it says it in. */
function sourceReports(list: TimelineEvidence[], kind: TimelineItem['kind'], mark: SourceMark | undefined): HTMLElement {
  const [first, ...more] = list;
  const at = kind === 'happening' ? 'sentence' : 'span';
  return h(
    'li',
    { dataset: { article: first.articleId, source: first.source.id } },
    h(
      'a',
      { href: evidenceHref(first, at), class: 'tl-evidence-link', title: `In the article: ${first.sentence.text}`, dataset: { primary: '' } },
      markSwatch(mark),
      h('span', { class: 'tl-source' }, first.source.name),
    ),
    ' ',
    h('span', { class: 'story-lang', title: languageName(first.language) }, first.language),
    first.dateText ? h('span', { class: 'tl-datedby', lang: first.language }, ` “${first.dateText}”`) : kind === 'statement' ? h('span', { class: 'tl-datedby' }, ' dated by its article') : null,
    more.map((e) => [
      ' · ',
      h(
        'a',
        { href: evidenceHref(e, at), class: 'tl-more', lang: e.language, title: `In the article: ${e.sentence.text}`, dataset: { article: e.articleId } },
        e.dateText ? `also “${e.dateText}”` : 'another passage',
      ),
    ]),
  );
}

export function timelineItem(item: TimelineItem, i: number, marks: SourceMarks, previousDate: string | null): HTMLElement {
  const lang = item.evidence[0]?.language;
  const statement = item.kind === 'statement';
  /** How the first report attributes a statement (each report's link leads to its own). */
  const attribution = item.evidence[0]?.attribution;
  const bySource = new Map<string, TimelineEvidence[]>();
  for (const e of item.evidence) bySource.set(e.source.id, [...(bySource.get(e.source.id) ?? []), e]);
  return h(
    'li',
    { class: ['timeline-item', `tl-${item.kind}`, item.date === previousDate && 'tl-same-date'], id: timelineAnchor(i), dataset: { date: item.date, kind: item.kind }, tabindex: '-1' },
    h(
      'div',
      { class: 'tl-when' },
      h('time', { datetime: item.date }, formatDate(item.date)),
      item.granularity !== 'day' ? h('span', { class: 'tl-granularity' }, item.granularity === 'month' ? 'month' : 'year') : null,
    ),
    h('span', { class: 'tl-dot', 'aria-hidden': 'true' }),
    h(
      'div',
      { class: 'tl-body' },
      statement
        ? [
            h('p', { class: 'tl-speaker' }, h('span', { class: 'tl-kind' }, 'Statement')),
            h('blockquote', { class: ['tl-text', 'quote-content'], lang }, attribution?.kind === 'direct' || !attribution ? `“${item.text}”` : item.text),
            attributionLine({
              kind: attribution?.kind ?? null,
              speakerName: item.speaker?.name ?? null,
              speakerKey: item.speaker?.key ?? null,
              sourceText: attribution?.sourceText ?? null,
              cue: attribution?.cue ?? null,
              confidence: attribution?.confidence ?? null,
              by: attribution?.by ?? null,
            }),
          ]
        : [h('p', { class: 'tl-kind-line' }, h('span', { class: 'tl-kind' }, 'Happening')), h('p', { class: 'tl-text', lang }, happeningText(item))],
      h(
        'div',
        { class: 'tl-reports' },
        h('span', { class: 'tl-reports-count' }, bySource.size > 1 ? `Reported by ${plural(bySource.size, 'source')}:` : 'Reported by'),
        h('ul', { class: 'tl-evidence' }, [...bySource.values()].map((list) => sourceReports(list, item.kind, marks.get(list[0].source.id)))),
      ),
    ),
  );
}

/** The first `shown` items, then a button that shows the others. */
export function timelineList(items: TimelineItem[], marks: SourceMarks, shown = 150): HTMLElement {
  const list = h('ol', { class: 'timeline' });
  const add = (from: number, to: number) => {
    for (let i = from; i < to; i++) list.append(timelineItem(items[i], i, marks, i > 0 ? items[i - 1].date : null));
  };
  add(0, Math.min(shown, items.length));
  if (items.length <= shown) return list;
  const more = h(
    'button',
    {
      type: 'button',
      class: 'show-more',
      onClick: () => {
        add(shown, items.length);
        more.remove();
      },
    },
    `Show the other ${plural(items.length - shown, 'entry', 'entries')}`,
  );
  return h('div', null, list, more);
}
