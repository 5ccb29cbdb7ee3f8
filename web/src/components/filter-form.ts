// The filter form of the lists (language, source, date range, plus a page's own fields). It is a
// plain GET form: submitting it changes the URL, so every filtered view can be shared.
import type { StoreStats } from '../api.ts';
import { h } from '../dom.ts';
import { languageName } from '../format.ts';

export interface ExtraField {
  name: string;
  label: string;
  placeholder?: string;
  options?: { value: string; label: string }[];
}

const DATE_PATTERN = '\\d{4}(-\\d{2}(-\\d{2})?)?';

function select(name: string, label: string, value: string, options: { value: string; label: string }[], anyLabel: string) {
  return h(
    'label',
    { class: 'field' },
    h('span', null, label),
    h(
      'select',
      { name },
      h('option', { value: '' }, anyLabel),
      options.map((o) => {
        const opt = h('option', { value: o.value }, o.label);
        opt.selected = o.value === value;
        return opt;
      }),
    ),
  );
}

function input(name: string, label: string, value: string, attrs: Record<string, string> = {}) {
  const el = h('input', { name, type: 'text', ...attrs });
  el.value = value;
  return h('label', { class: 'field' }, h('span', null, label), el);
}

export function filterForm(action: string, query: URLSearchParams, stats: StoreStats, extra: ExtraField[] = []): HTMLFormElement {
  const languages = stats.byLanguage.filter((f) => f.value).map((f) => ({ value: f.value!, label: `${languageName(f.value!)} (${f.count})` }));
  const sources = stats.bySource.filter((f) => f.value).map((f) => ({ value: f.value!, label: `${f.value} (${f.count})` }));
  return h(
    'form',
    { class: 'filters', method: 'get', action, role: 'search' },
    extra.map((f) =>
      f.options ? select(f.name, f.label, query.get(f.name) ?? '', f.options, 'any') : input(f.name, f.label, query.get(f.name) ?? '', f.placeholder ? { placeholder: f.placeholder } : {}),
    ),
    select('lang', 'Language', query.get('lang') ?? '', languages, 'all languages'),
    sources.length ? select('source', 'Source', query.get('source') ?? '', sources, 'all sources') : null,
    input('from', 'From', query.get('from') ?? '', { placeholder: stats.dateRange.from?.slice(0, 10) ?? 'YYYY-MM-DD', pattern: DATE_PATTERN, title: 'A year, month or day: 2024, 2024-05 or 2024-05-01', size: '10' }),
    input('to', 'To', query.get('to') ?? '', { placeholder: stats.dateRange.to?.slice(0, 10) ?? 'YYYY-MM-DD', pattern: DATE_PATTERN, title: 'A year, month or day: 2024, 2024-05 or 2024-05-01', size: '10' }),
    h('button', { type: 'submit' }, 'Filter'),
    query.toString() ? h('a', { href: action, class: 'reset' }, 'Clear') : null,
  );
}

/** The shared filters of the URL, for an API call. */
export function filtersFrom(query: URLSearchParams, limit: number) {
  const offset = Math.max(0, Number.parseInt(query.get('offset') ?? '0', 10) || 0);
  return {
    lang: query.getAll('lang').filter(Boolean),
    source: query.getAll('source').filter(Boolean),
    entity: query.get('entity') || undefined,
    from: query.get('from') || undefined,
    to: query.get('to') || undefined,
    limit,
    offset,
  };
}
