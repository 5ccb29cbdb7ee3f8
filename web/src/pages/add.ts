// Adding articles (files, pasted text, or sources to follow) and re-running the analysis over the stored corpus.
import { api, token, type ReanalysisStatus, type UploadResult } from '../api.ts';
import { clear, h } from '../dom.ts';
import { formatBytes, plural } from '../format.ts';
import type { Page, PageContext } from '../router.ts';
import { sourcesSection } from './sources-section.ts';
import { ingestionPanel } from '../components/ingestion-panel.ts';

function field(label: string, control: HTMLElement, hint?: string) {
  return h('label', { class: 'field block' }, h('span', null, label), control, hint ? h('small', { class: 'muted' }, hint) : null);
}

function uploadReport(r: UploadResult): HTMLElement {
  return h(
    'div',
    { class: 'upload-report', role: 'status' },
    h('p', null, `Read ${plural(r.read, 'article')}: ${r.inserted} new, ${r.duplicates} already stored${r.failures.length ? `, ${r.failures.length} failed` : ''}.`),
    h(
      'ul',
      null,
      r.articles.map((a) =>
        h('li', null, h('span', { class: ['badge', `status-${a.status}`] }, a.status), ' ', a.status === 'failed' ? a.file : h('a', { href: `/articles/${a.id}` }, a.title ?? a.file)),
      ),
    ),
    r.failures.length
      ? h('ul', { class: 'failures' }, r.failures.map((f) => h('li', null, `${f.file}${f.position !== undefined ? `:${f.position}` : ''}: ${f.reason}`)))
      : null,
  );
}

function errorBox(e: unknown): HTMLElement {
  return h('p', { class: 'query-error', role: 'alert' }, e instanceof Error ? e.message : String(e));
}

function reanalysisLine(s: ReanalysisStatus): string {
  if (s.state === 'idle') return 'No re-analysis has run since the server started.';
  const failed = s.failures.length ? `, ${s.failures.length} failed` : '';
  if (s.state === 'running') return `Re-analysing: ${s.done} of ${s.total}${failed}…`;
  if (s.state === 'failed') return `Re-analysis stopped: ${s.error ?? 'unknown error'} (${s.reanalyzed} done${failed}).`;
  return `Re-analysed ${plural(s.reanalyzed, 'article')}${failed}.`;
}

function reanalysisSection(ctx: PageContext): HTMLElement {
  const status = h('p', { class: 'reanalysis-status', role: 'status' });
  const button = h('button', { type: 'button' }, 'Re-analyse all articles');
  let timer: number | undefined;
  const poll = async () => {
    try {
      const s = await api.reanalysis(ctx.signal);
      status.textContent = reanalysisLine(s);
      button.disabled = s.state === 'running';
      if (s.state === 'running') timer = window.setTimeout(poll, 500);
    } catch (e) {
      if (!ctx.signal.aborted) clear(status, errorBox(e));
    }
  };
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await api.reanalyze();
    } catch (e) {
      clear(status, errorBox(e));
      button.disabled = false;
      return;
    }
    void poll();
  });
  ctx.onLeave(() => window.clearTimeout(timer));
  void poll();
  return h(
    'section',
    { class: 'panel' },
    h('h2', null, 'Re-analyse'),
    h('p', null, 'Rebuilds every layer of every stored article from its stored input — after an upgrade of Dossier. The server stays usable meanwhile.'),
    button,
    status,
  );
}

export const addPage: Page = {
  path: '/add',
  nav: { label: 'Add articles', order: 90 },
  async render(ctx) {
    ctx.setTitle('Add articles');
    const info = await api.info(ctx.signal);

    const tokenInput = h('input', { type: 'password', name: 'token', autocomplete: 'off' });
    tokenInput.value = token.get();
    tokenInput.addEventListener('change', () => token.set(tokenInput.value.trim()));

    const files = h('input', { type: 'file', name: 'file', multiple: true, required: true });
    const fileSource = h('input', { type: 'text', name: 'source', placeholder: 'outlet name (optional)' });
    const fileResult = h('div', null);
    const fileForm = h(
      'form',
      { class: 'panel', method: 'post' },
      h('h2', null, 'Upload files'),
      h('p', null, `Text, HTML, JSON Lines or RSS/Atom files — what dossier ingest reads. Up to ${info.upload.files} files, ${formatBytes(info.upload.bytes)} in all.`),
      field('Files', files),
      field('Source', fileSource, 'Sets the outlet of every article in these files.'),
      h('button', { type: 'submit' }, 'Upload'),
      fileResult,
    );
    fileForm.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clear(fileResult, h('p', { class: 'muted' }, 'Reading and analysing…'));
      try {
        clear(fileResult, uploadReport(await api.uploadFiles([...(files.files ?? [])], fileSource.value.trim() || undefined)));
      } catch (e) {
        clear(fileResult, errorBox(e));
      }
    });

    const inputs = {
      title: h('input', { type: 'text', name: 'title' }),
      source: h('input', { type: 'text', name: 'source' }),
      url: h('input', { type: 'url', name: 'url', placeholder: 'https://…' }),
      publishedAt: h('input', { type: 'text', name: 'publishedAt', placeholder: '2024-05-01' }),
    };
    const body = h('textarea', { name: 'text', rows: '12', required: true, placeholder: 'Paste the article; scraping noise (captions, credits, share buttons) is cleaned away.' });
    const pasteResult = h('div', null);
    const pasteForm = h(
      'form',
      { class: 'panel', method: 'post' },
      h('h2', null, 'Paste an article'),
      field('Text', body),
      h('div', { class: 'field-row' }, field('Title', inputs.title, 'Found in the text when left empty.'), field('Source', inputs.source)),
      h('div', { class: 'field-row' }, field('URL', inputs.url), field('Published', inputs.publishedAt)),
      h('button', { type: 'submit' }, 'Add article'),
      pasteResult,
    );
    pasteForm.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const article: Record<string, string> = { text: body.value };
      for (const [k, el] of Object.entries(inputs)) if (el.value.trim()) article[k] = el.value.trim();
      clear(pasteResult, h('p', { class: 'muted' }, 'Analysing…'));
      try {
        clear(pasteResult, uploadReport(await api.uploadJson([article])));
      } catch (e) {
        clear(pasteResult, errorBox(e));
      }
    });

    clear(
      ctx.root,
      h(
        'section',
        { class: 'add-page' },
        h('h1', null, 'Add articles'),
        info.writeRequiresToken
          ? h('div', { class: 'panel' }, field('Access token', tokenInput, 'This server needs the DOSSIER_TOKEN it was started with to accept changes. Kept for this browser tab only.'))
          : null,
        ingestionPanel(ctx.signal),
        fileForm,
        pasteForm,
        sourcesSection(ctx),
        reanalysisSection(ctx),
      ),
    );
  },
};
