// The source comparison. First the sources, one row per outlet, most telling first (the API's
// ranking: what each adds that no other source reports, where its figures disagree, its own-voice
// loaded terms), the first ones shown and the rest one click away; syndicated copies are counted
// once, with their original ("and 2 copies"). Then the side-by-side table, a page of a few sources at
// a time (Previous / Next, or a source's name in the list): the figures side by side (each value
// linked to its place in the article, with its date, language and voice), then each source's voice
// (loaded terms in its own voice or attributed, who it quotes) and coverage (what it reports of the
// facts the sources report, and what it leaves out). On narrow screens each row becomes a card.
import { clear, h, type Child } from '../dom.ts';
import { formatDate, formatNumber, languageName, plural } from '../format.ts';
import type { ComparedSource, ComparisonView, FigureClaim, FigureRowView, SourceVoice } from './story-api.ts';
import { evidenceHref, figureText, sideName, voiceText } from './story-format.ts';
import { markSwatch, type SourceMarks, type SourceMark } from './source-mark.ts';

type Column = ComparedSource;

/** Sources side by side at once: five columns read on a laptop screen. */
export const COLUMNS_PER_PAGE = 5;
/** Rows of the source list shown before "Show all". */
export const SOURCES_SHOWN = 8;

const KINDS: Record<string, string> = { figure: 'Figure', event: 'Event', speaker: 'Quoted' };

function claimLine(c: FigureClaim): HTMLElement {
  return h(
    'div',
    { class: ['claim', `voice-${c.voice.voice}`], dataset: { article: c.articleId, value: String(c.value) } },
    h('a', { class: 'claim-value', href: evidenceHref(c.evidence), lang: c.language, title: c.evidence.sentence.text }, figureText(c)),
    c.counts ? h('span', { class: 'claim-counts', lang: c.language }, ` ${c.counts}`) : null,
    h(
      'span',
      { class: 'claim-meta' },
      c.asOf ? `${c.asOfFrom === 'event' ? 'about ' : ''}${formatDate(c.asOf)}` : 'date unknown',
      ' · ',
      h('span', { class: 'story-lang', title: languageName(c.language) }, c.language),
      ' · ',
      h('span', { class: 'voice' }, voiceText(c.voice)),
    ),
  );
}

function cell(column: Column, empty: boolean, ...children: Child[]): HTMLElement {
  return h('td', { class: empty ? 'is-empty' : undefined, dataset: { source: column.source.id, label: column.source.name } }, h('div', { class: 'cell' }, children));
}

const none = (what = 'none') => h('span', { class: 'muted none' }, what);

function figureRow(row: FigureRowView, columns: Column[]): HTMLElement {
  const values = new Set(row.claims.map((c) => c.value));
  const shown = new Set(columns.map((col) => col.source.id));
  const elsewhere = new Set(row.claims.map((c) => c.source.id).filter((id) => !shown.has(id))).size;
  return h(
    'tr',
    { class: 'cmp-figure', dataset: { row: row.key } },
    h(
      'th',
      { scope: 'row' },
      h('span', { class: 'cmp-row-label' }, row.label),
      h(
        'span',
        { class: 'cmp-row-note' },
        plural(row.sources, 'source'),
        elsewhere > 0 ? ` (${formatNumber(elsewhere)} on other pages)` : '',
        row.sources > 1 && values.size > 1 ? h('span', { class: 'differs' }, 'figures differ') : null,
      ),
    ),
    columns.map((col) => {
      const claims = row.claims.filter((c) => c.source.id === col.source.id);
      return cell(col, claims.length === 0, claims.length ? claims.map(claimLine) : none('—'));
    }),
  );
}

function termChips(v: SourceVoice, own: boolean): Child {
  const terms = v.loadedTerms.filter((t) => (own ? t.own > 0 : t.attributed + t.quoted > 0));
  if (terms.length === 0) return none();
  return h(
    'ul',
    { class: 'term-chips' },
    terms.map((t) => {
      const use = t.uses.find((u) => (own ? u.voice === 'asserted' : u.voice !== 'asserted'))!;
      const n = own ? t.own : t.attributed + t.quoted;
      const how = own ? '' : t.attributed && t.quoted ? 'attributed, quoted' : t.attributed ? 'attributed' : 'quoted';
      return h(
        'li',
        null,
        h('a', { href: evidenceHref(use.evidence, 'span'), title: use.evidence.sentence.text }, h('span', { class: 'term', lang: v.languages[0] }, t.term), ` ×${n}`),
        how ? h('span', { class: 'muted' }, ` ${how}`) : null,
      );
    }),
  );
}

function quotedList(v: SourceVoice): Child {
  if (v.quoted.length === 0) return none('nobody');
  return h(
    'ul',
    { class: 'quoted-list' },
    v.quoted.map((s) =>
      h(
        'li',
        null,
        h('strong', null, s.name),
        s.side ? h('span', { class: 'side' }, ` · ${sideName(s.side)}`) : null,
        h('span', { class: 'muted' }, ` · ${plural(s.quotes, 'quote')}${s.indirect ? ` (${formatNumber(s.indirect)} reported)` : ''}`),
      ),
    ),
  );
}

function groupRow(title: string, columns: number, note?: string): HTMLElement {
  return h('tr', { class: 'cmp-group' }, h('th', { colspan: String(columns + 1), scope: 'rowgroup' }, title, note ? h('span', { class: 'muted' }, ` ${note}`) : null));
}

function simpleRow(title: string, columns: Column[], content: (col: Column) => Child, cls?: string): HTMLElement {
  return h('tr', { class: cls }, h('th', { scope: 'row' }, h('span', { class: 'cmp-row-label' }, title)), columns.map((col) => cell(col, false, content(col))));
}

/** The side-by-side table of `columns` (some of the comparison's sources): figure rows none of them reports are left out. */
export function comparisonTable(c: ComparisonView, marks: SourceMarks, columns: Column[] = c.sources): HTMLElement {
  const voice = new Map(c.voice.map((v) => [v.source.id, v]));
  const coverage = new Map(c.coverage.bySource.map((b) => [b.source.id, b]));
  const shown = new Set(columns.map((col) => col.source.id));
  const rows = c.figures.filter((r) => r.claims.some((cl) => shown.has(cl.source.id)));
  const shared = rows.filter((r) => r.sources > 1);
  const single = rows.filter((r) => r.sources <= 1);

  const head = h(
    'thead',
    null,
    h(
      'tr',
      null,
      h('th', { scope: 'col', class: 'cmp-corner' }, 'Source'),
      columns.map((col) =>
        h(
          'th',
          { scope: 'col', dataset: { source: col.source.id } },
          h(
            'div',
            { class: 'cmp-source' },
            markSwatch(marks.get(col.source.id), col.source.name),
            h(
              'div',
              null,
              col.source.kind === 'article' && col.articles.length === 1
                ? h('a', { class: 'cmp-source-name', href: `/articles/${encodeURIComponent(col.articles[0].id)}` }, col.source.name)
                : h('span', { class: 'cmp-source-name' }, col.source.name),
              h(
                'span',
                { class: 'cmp-source-meta' },
                `#${col.telling.rank} · ${col.languages.map(languageName).join(', ')} · ${plural(col.articles.length, 'article')}`,
                col.copies.length ? ` and ${plural(col.copies.length, 'copy', 'copies')}` : '',
                col.source.kind === 'article' ? ' · outlet unknown' : '',
              ),
            ),
          ),
        ),
      ),
    ),
  );

  const singleBody = h('tbody', { class: 'cmp-figures-single', hidden: true }, single.map((r) => figureRow(r, columns)));
  const toggle =
    single.length > 0
      ? h(
          'button',
          {
            type: 'button',
            class: 'linklike cmp-toggle',
            'aria-expanded': 'false',
            onClick: () => {
              singleBody.hidden = !singleBody.hidden;
              toggle!.setAttribute('aria-expanded', String(!singleBody.hidden));
              toggle!.textContent = singleBody.hidden ? `Show the ${plural(single.length, 'figure')} only one source gives` : 'Hide the figures only one source gives';
            },
          },
          `Show the ${plural(single.length, 'figure')} only one source gives`,
        )
      : null;

  const figuresHead = groupRow('Figures', columns.length, shared.length ? 'reported by more than one source' : 'no figure is reported by more than one source');
  const figuresBody = h(
    'tbody',
    { class: 'cmp-figures' },
    figuresHead,
    shared.map((r) => figureRow(r, columns)),
    toggle ? h('tr', { class: 'cmp-toggle-row' }, h('td', { colspan: String(columns.length + 1) }, toggle)) : null,
  );

  const voiceBody = h(
    'tbody',
    { class: 'cmp-voice' },
    groupRow('Voice', columns.length, 'loaded words, and who is quoted'),
    simpleRow('Loaded terms in its own voice', columns, (col) => (voice.get(col.source.id) ? termChips(voice.get(col.source.id)!, true) : none()), 'cmp-own-terms'),
    simpleRow('Loaded terms attributed or quoted', columns, (col) => (voice.get(col.source.id) ? termChips(voice.get(col.source.id)!, false) : none()), 'cmp-other-terms'),
    simpleRow('Who it quotes', columns, (col) => (voice.get(col.source.id) ? quotedList(voice.get(col.source.id)!) : none('nobody')), 'cmp-quoted'),
    simpleRow(
      'Quotes by side',
      columns,
      (col) => {
        const sides = voice.get(col.source.id)?.sides ?? [];
        return sides.length ? sides.map((s) => `${sideName(s.side)} ${formatNumber(s.quotes)}`).join(' · ') : none();
      },
      'cmp-sides',
    ),
  );

  const total = c.coverage.facts.length;
  const coverageBody = h(
    'tbody',
    { class: 'cmp-coverage' },
    groupRow('Coverage', columns.length, `of ${plural(total, 'fact')} the sources report: figures, events, people quoted`),
    simpleRow(
      'Reports',
      columns,
      (col) => {
        const b = coverage.get(col.source.id);
        if (!b) return none();
        const share = total ? b.reports / total : 0;
        return h(
          'span',
          { class: 'coverage' },
          h('span', { class: 'meter', role: 'img', 'aria-label': `${Math.round(share * 100)}%`, vars: { '--share': `${(share * 100).toFixed(1)}%` } }),
          ` ${formatNumber(b.reports)} of ${formatNumber(total)}`,
        );
      },
      'cmp-reports',
    ),
    simpleRow(
      'Leaves out',
      columns,
      (col) => {
        const omits = (coverage.get(col.source.id)?.omitted ?? []).map((i) => c.coverage.facts[i]);
        if (omits.length === 0) return none('nothing');
        return h(
          'details',
          { class: 'omits' },
          h('summary', null, plural(omits.length, 'fact')),
          h('ul', null, omits.map((o) => h('li', { dataset: { kind: o.kind } }, h('span', { class: 'omit-kind' }, KINDS[o.kind] ?? o.kind), ' ', o.label))),
        );
      },
      'cmp-omits',
    ),
  );

  const table = h(
    'table',
    { class: 'comparison-table', vars: { '--columns': String(columns.length) } },
    h(
      'caption',
      null,
      columns.length < c.sources.length
        ? `${plural(columns.length, 'source')} of ${formatNumber(c.sources.length)} side by side. Each value links to its sentence in the article.`
        : `${plural(columns.length, 'source')} side by side. Each value links to its sentence in the article.`,
    ),
    head,
    figuresBody,
    singleBody,
    voiceBody,
    coverageBody,
  );
  return h('div', { class: 'comparison-wrap' }, table);
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

/** One source in the ranked list: its rank, name (a button that shows it side by side), articles and copies, and the measures of the ranking. */
function sourceRow(col: Column, total: number, mark: SourceMark | undefined, show: (col: Column) => void): HTMLElement {
  const t = col.telling;
  const copiesBy = [...new Set(col.copies.map((x) => x.source.name))];
  return h(
    'tr',
    { dataset: { source: col.source.id, rank: String(t.rank) } },
    h('td', { class: 'num rank' }, String(t.rank)),
    h(
      'th',
      { scope: 'row' },
      h(
        'div',
        { class: 'cmp-source' },
        markSwatch(mark, col.source.name),
        h(
          'div',
          null,
          h('button', { type: 'button', class: 'linklike cmp-source-name', title: 'Show it side by side below', onClick: () => show(col) }, col.source.name),
          h(
            'span',
            { class: 'cmp-source-meta' },
            `${col.languages.map(languageName).join(', ')} · ${plural(col.articles.length, 'article')}`,
            col.source.kind === 'article' ? ' · outlet unknown' : '',
            col.copies.length ? h('span', { class: 'cmp-copies', title: `Copies on: ${copiesBy.join(', ')}` }, ` · and ${plural(col.copies.length, 'copy', 'copies')}`) : null,
          ),
        ),
      ),
    ),
    h('td', { class: 'num', dataset: { label: 'Only it reports' } }, formatNumber(t.adds)),
    h('td', { class: 'num', dataset: { label: 'Figures disputed' } }, formatNumber(t.disputes)),
    h('td', { class: 'num', dataset: { label: 'Own-voice loaded terms' } }, formatNumber(t.ownVoiceTerms), t.ownVoiceShare === null ? null : h('span', { class: 'muted' }, ` (${percent(t.ownVoiceShare)} of its loaded words in its own voice)`)),
    h(
      'td',
      { class: 'num', dataset: { label: 'Reports' } },
      h('span', { class: 'meter', role: 'img', 'aria-label': `${total ? Math.round((t.reports / total) * 100) : 0}%`, vars: { '--share': `${total ? ((t.reports / total) * 100).toFixed(1) : 0}%` } }),
      ` ${formatNumber(t.reports)} of ${formatNumber(total)}`,
    ),
  );
}

/**
 * The comparison: the ranked list of sources (the first SOURCES_SHOWN, the rest behind a button),
 * then the side-by-side table, COLUMNS_PER_PAGE sources at a time with Previous / Next.
 */
export function comparisonView(c: ComparisonView, marks: SourceMarks): HTMLElement {
  const sources = c.sources;
  const pages = Math.max(1, Math.ceil(sources.length / COLUMNS_PER_PAGE));
  let page = 0;
  const slot = h('div', { class: 'cmp-table-slot', id: `cmp-table-${c.id}` });
  const status = h('p', { class: 'cmp-page-status', 'aria-live': 'polite' });
  const prev = h('button', { type: 'button', class: 'cmp-prev', 'aria-controls': slot.id, onClick: () => go(page - 1) }, `← Previous ${COLUMNS_PER_PAGE}`);
  const next = h('button', { type: 'button', class: 'cmp-next', 'aria-controls': slot.id, onClick: () => go(page + 1) }, `Next ${COLUMNS_PER_PAGE} →`);
  const go = (p: number, focus?: string) => {
    page = Math.min(pages - 1, Math.max(0, p));
    const from = page * COLUMNS_PER_PAGE;
    const columns = sources.slice(from, from + COLUMNS_PER_PAGE);
    clear(slot, comparisonTable(c, marks, columns));
    status.textContent =
      pages > 1 ? `Sources ${formatNumber(from + 1)}–${formatNumber(from + columns.length)} of ${formatNumber(sources.length)} side by side, most telling first` : '';
    (prev as HTMLButtonElement).disabled = page === 0;
    (next as HTMLButtonElement).disabled = page === pages - 1;
    if (focus) {
      const th = slot.querySelector<HTMLElement>(`thead th[data-source="${CSS.escape(focus)}"]`);
      if (th) {
        th.tabIndex = -1;
        th.focus();
      }
    }
  };
  const show = (col: Column) => go(Math.floor((col.telling.rank - 1) / COLUMNS_PER_PAGE), col.source.id);

  const total = c.coverage.facts.length;
  const first = sources.slice(0, SOURCES_SHOWN);
  const rest = sources.slice(SOURCES_SHOWN);
  const restBody = h('tbody', { class: 'cmp-sources-rest', id: `cmp-rest-${c.id}`, hidden: true }, rest.map((s) => sourceRow(s, total, marks.get(s.source.id), show)));
  const more =
    rest.length > 0
      ? h(
          'button',
          {
            type: 'button',
            class: 'linklike cmp-more-sources',
            'aria-expanded': 'false',
            'aria-controls': restBody.id,
            onClick: () => {
              restBody.hidden = !restBody.hidden;
              more!.setAttribute('aria-expanded', String(!restBody.hidden));
              more!.textContent = restBody.hidden ? `Show all ${formatNumber(sources.length)} sources` : `Show the first ${formatNumber(SOURCES_SHOWN)} only`;
            },
          },
          `Show all ${formatNumber(sources.length)} sources`,
        )
      : null;
  const list = h(
    'div',
    { class: 'cmp-sources-wrap' },
    h(
      'table',
      { class: 'cmp-sources' },
      h('caption', null, c.ranking),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col', class: 'num' }, '#'),
          h('th', { scope: 'col' }, 'Source'),
          h('th', { scope: 'col', class: 'num', title: 'Figures, events and people quoted that no other source reports' }, 'Only it reports'),
          h('th', { scope: 'col', class: 'num', title: 'Figure rows where its value disagrees with another source' }, 'Figures disputed'),
          h('th', { scope: 'col', class: 'num', title: 'Loaded terms it uses in its own voice (share of its loaded words not attributed or quoted)' }, 'Own-voice loaded terms'),
          h('th', { scope: 'col', class: 'num' }, 'Reports'),
        ),
      ),
      h('tbody', null, first.map((s) => sourceRow(s, total, marks.get(s.source.id), show))),
      restBody,
    ),
    more ? h('p', { class: 'cmp-more' }, more) : null,
  );
  go(0);
  return h(
    'div',
    { class: 'comparison' },
    h('h3', { class: 'cmp-heading' }, sources.length > 1 ? `${plural(sources.length, 'source')}, most telling first` : 'One source'),
    list,
    h('h3', { class: 'cmp-heading' }, 'Side by side'),
    pages > 1 ? h('div', { class: 'cmp-pager', role: 'group', 'aria-label': 'Sources side by side' }, prev, status, next) : null,
    slot,
  );
}
