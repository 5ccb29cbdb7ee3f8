// Boots the UI: header navigation, global keys (/ search, ? shortcuts), and the router.
import './styles.css';
import { h } from './dom.ts';
import { Router } from './router.ts';
import { notFoundPage, pages } from './routes.ts';

const SHORTCUTS: [string, string][] = [
  ['/', 'search'],
  ['j / k', 'next / previous result'],
  ['o or Enter', 'open the chosen result'],
  ['Esc', 'leave the search box, close this help'],
  ['?', 'this help'],
];

function shortcutsDialog(): HTMLDialogElement {
  const dialog = h(
    'dialog',
    { class: 'shortcuts', 'aria-label': 'Keyboard shortcuts' },
    h('h2', null, 'Keyboard shortcuts'),
    h('dl', null, SHORTCUTS.map(([k, what]) => [h('dt', null, h('kbd', null, k)), h('dd', null, what)])),
    h('form', { method: 'dialog' }, h('button', null, 'Close')),
  );
  document.body.append(dialog);
  return dialog;
}

const typing = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

function start(): void {
  const root = document.getElementById('page')!;
  const nav = document.getElementById('nav')!;
  const topQ = document.getElementById('top-q') as HTMLInputElement;
  const links = pages
    .filter((p) => p.nav)
    .sort((a, b) => a.nav!.order - b.nav!.order)
    .map((p) => h('a', { href: p.path, dataset: { section: p.path } }, p.nav!.label));
  nav.replaceChildren(...links);

  const router = new Router(pages, root, notFoundPage);
  router.onNavigate = (url) => {
    const section = url.pathname === '/' || url.pathname.startsWith('/articles') ? '/' : `/${url.pathname.split('/')[1]}`;
    for (const a of links) a.toggleAttribute('aria-current', a.dataset.section === section);
    document.body.dataset.section = section;
    topQ.value = url.pathname === '/search' ? (url.searchParams.get('q') ?? '') : '';
  };

  const dialog = shortcutsDialog();
  document.getElementById('keys-button')?.addEventListener('click', () => dialog.showModal());
  document.addEventListener('keydown', (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === 'Escape' && typing(ev.target)) (ev.target as HTMLElement).blur();
    if (typing(ev.target)) return;
    if (ev.key === '/') {
      ev.preventDefault();
      const pageSearch = root.querySelector<HTMLInputElement>('.search-form input[name=q]');
      (pageSearch ?? topQ).focus();
      (pageSearch ?? topQ).select();
    } else if (ev.key === '?') {
      ev.preventDefault();
      if (!dialog.open) dialog.showModal();
    }
  });
  router.start();
}

start();
