// The source comparison as one table with a column per source: the figures side by side (each value
// linked to its place in the article, with its date, language and voice), then each source's voice
// (loaded terms in its own voice or attributed, who it quotes) and coverage (what it reports of the
// facts the sources report, and what it leaves out). On narrow screens each row becomes a card.
import { h, type Child } from '../dom.ts';
import { formatDate, formatNumber, languageName, plural } from '../format.ts';
import type { ComparisonView, FigureClaim, FigureRowView, SourceVoice } from './story-api.ts';
import { evidenceHref, figureText, sideName, voiceText } from './story-format.ts';

type Column = ComparisonView['sources'][number];

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
  return h(
    'tr',
    { class: 'cmp-figure', dataset: { row: row.key } },
    h(
      'th',
      { scope: 'row' },
      h('span', { class: 'cmp-row-label' }, row.label),
      h('span', { class: 'cmp-row-note' }, plural(row.sources, 'source'), row.sources > 1 && values.size > 1 ? h('span', { class: 'differs' }, 'figures differ') : null),
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

export function comparisonTable(c: ComparisonView, colours: Map<string, string>): HTMLElement {
  const columns = c.sources;
  const voice = new Map(c.voice.map((v) => [v.source.id, v]));
  const coverage = new Map(c.coverage.bySource.map((b) => [b.source.id, b]));
  const shared = c.figures.filter((r) => r.sources > 1);
  const single = c.figures.filter((r) => r.sources <= 1);

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
            h('span', { class: 'swatch', vars: { '--swatch': colours.get(col.source.id) ?? 'currentColor' } }),
            h(
              'div',
              null,
              col.source.kind === 'article' && col.articles.length === 1
                ? h('a', { class: 'cmp-source-name', href: `/articles/${encodeURIComponent(col.articles[0].id)}` }, col.source.name)
                : h('span', { class: 'cmp-source-name' }, col.source.name),
              h(
                'span',
                { class: 'cmp-source-meta' },
                `${col.languages.map(languageName).join(', ')} · ${plural(col.articles.length, 'article')}`,
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
        const omits = coverage.get(col.source.id)?.omits ?? [];
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
    h('caption', null, `${plural(columns.length, 'source')} side by side. Each value links to its sentence in the article.`),
    head,
    figuresBody,
    singleBody,
    voiceBody,
    coverageBody,
  );
  return h('div', { class: 'comparison-wrap' }, table);
}
