// The "Follow sources" part of the Add page: the feeds, sitemaps and URL lists followed, with their
// state and why a failing one fails; follow one more, poll one now, stop following one. Every
// string from a source (URL, name, error) is text, never markup (dom.ts).
import { api, type PollReportView, type Source } from '../api.ts';
import { clear, h, safeHref } from '../dom.ts';
import { plural } from '../format.ts';
import type { PageContext } from '../router.ts';

const INTERVALS: [string, number][] = [
  ['every 5 minutes', 300],
  ['every 15 minutes', 900],
  ['every hour', 3600],
  ['every 6 hours', 21600],
  ['once a day', 86400],
];

function when(iso: string | null): string {
  if (!iso) return 'never';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

function errorLine(e: unknown): HTMLElement {
  return h('p', { class: 'query-error', role: 'alert' }, e instanceof Error ? e.message : String(e));
}

function pollLine(r: PollReportView): string {
  if (!r.ok) return `Poll failed: ${r.error ?? 'unknown error'}. Retried ${when(r.nextDueAt)}.`;
  if (r.notModified) return 'Not modified since the last poll.';
  const parts = [`${r.listed} listed, ${r.newItems} new`, `${r.stored} stored`, `${r.duplicates} duplicate(s)`];
  if (r.copies) parts.push(`${plural(r.copies, 'syndicated copy', 'syndicated copies')}`);
  if (r.failed.length) parts.push(`${r.failed.length} failed (first: ${r.failed[0].url}: ${r.failed[0].reason})`);
  return `${parts.join(', ')}.`;
}

/** What the last "Poll now" of each source did, kept while the page is open (the list is redrawn after it). */
const lastPolls = new Map<number, string>();

function sourceRow(s: Source, refresh: () => Promise<void>): HTMLElement {
  const status = h('p', { class: 'muted poll-result', role: 'status' }, lastPolls.get(s.id) ?? null);
  const poll = h('button', { type: 'button' }, 'Poll now');
  const remove = h('button', { type: 'button', class: 'secondary' }, 'Stop following');
  poll.addEventListener('click', async () => {
    poll.disabled = true;
    status.textContent = 'Polling (pages are fetched one at a time per site)…';
    try {
      const r = await api.pollSource(s.id);
      lastPolls.set(s.id, pollLine(r));
      await refresh();
    } catch (e) {
      clear(status, errorLine(e));
    } finally {
      poll.disabled = false;
    }
  });
  remove.addEventListener('click', async () => {
    remove.disabled = true;
    try {
      await api.removeSource(s.id);
      await refresh();
    } catch (e) {
      clear(status, errorLine(e));
      remove.disabled = false;
    }
  });
  const href = safeHref(s.url);
  const failing = s.failures > 0;
  return h(
    'li',
    { class: ['source', failing ? 'source-failing' : null] },
    h('div', null, h('span', { class: 'badge' }, s.kind), ' ', href ? h('a', { href, rel: 'noopener noreferrer', target: '_blank' }, s.name ?? s.url) : s.name ?? s.url, s.name ? h('small', { class: 'muted' }, ` ${s.url}`) : null),
    failing
      ? h('p', { class: 'query-error' }, `Failing (${plural(s.failures, 'poll')} in a row): ${s.lastError ?? 'unknown error'}. Retried ${when(s.nextDueAt)}; last success ${when(s.lastOkAt)}.`)
      : h('p', null, `${s.lastOkAt ? `Polled ${when(s.lastOkAt)}` : 'Not polled yet'}; next poll ${when(s.nextDueAt)}. ${plural(s.itemsSeen, 'item')} seen, ${plural(s.articlesAdded, 'article')} added.`),
    !failing && s.lastError ? h('p', { class: 'muted' }, s.lastError) : null,
    h('div', { class: 'field-row' }, poll, remove),
    status,
  );
}

export function sourcesSection(ctx: PageContext): HTMLElement {
  const list = h('ul', { class: 'sources' });
  const listStatus = h('div', null);
  const refresh = async () => {
    try {
      const { items } = await api.sources(ctx.signal);
      clear(listStatus);
      clear(list, items.length ? items.map((s) => sourceRow(s, refresh)) : h('li', { class: 'muted' }, 'No source followed yet.'));
    } catch (e) {
      if (!ctx.signal.aborted) clear(listStatus, errorLine(e));
    }
  };

  const url = h('input', { type: 'url', name: 'url', required: true, placeholder: 'https://www.example.org/rss.xml' });
  const name = h('input', { type: 'text', name: 'name', placeholder: 'name (optional)' });
  const every = h('select', { name: 'every' }, INTERVALS.map(([label, s]) => h('option', { value: String(s), selected: s === 900 }, label)));
  const addResult = h('div', null);
  const form = h(
    'form',
    { class: 'field-row follow-form', method: 'post' },
    h('label', { class: 'field block' }, h('span', null, 'Feed, sitemap or URL list'), url),
    h('label', { class: 'field block' }, h('span', null, 'Name'), name),
    h('label', { class: 'field block' }, h('span', null, 'Poll'), every),
    h('button', { type: 'submit' }, 'Follow'),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const s = await api.addSource({ url: url.value.trim(), ...(name.value.trim() ? { name: name.value.trim() } : {}), intervalSeconds: Number(every.value) });
      clear(addResult, h('p', { role: 'status' }, `Following ${s.url}. \`dossier watch\` (or \`dossier serve --watch\`) polls it when due; or poll it now below.`));
      url.value = '';
      name.value = '';
      await refresh();
    } catch (e) {
      clear(addResult, errorLine(e));
    }
  });
  void refresh();
  return h(
    'section',
    { class: 'panel' },
    h('h2', null, 'Follow sources'),
    h(
      'p',
      null,
      'RSS/Atom feeds, sitemaps (news sitemaps included) and text files of URLs. Each new item’s page is fetched politely (robots.txt honoured, one request at a time per site), read, analysed and stored once; a source that fails says why and is retried later.',
    ),
    form,
    addResult,
    listStatus,
    list,
  );
}
