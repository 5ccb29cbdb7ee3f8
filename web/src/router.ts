// Client-side routing with real paths (/articles/<id>, /search?q=…): every view has a shareable URL,
// the server answers every page URL with index.html, and links work with middle-click and copy.
import { ApiError } from './api.ts';
import { clear, h } from './dom.ts';

export interface PageContext {
  params: Record<string, string>;
  query: URLSearchParams;
  url: URL;
  /** The element the page renders into. */
  root: HTMLElement;
  /** Aborted when the user leaves the page: pass it to API calls. */
  signal: AbortSignal;
  /** Runs when the user leaves the page (remove listeners, destroy charts). */
  onLeave(fn: () => void): void;
  navigate(href: string, opts?: { replace?: boolean }): void;
  setTitle(title: string): void;
}

export interface Page {
  /** "/", "/articles/:id"; parameters match one path segment. */
  path: string;
  render(ctx: PageContext): Promise<void> | void;
  /** A link in the header. */
  nav?: { label: string; order: number };
}

interface CompiledPage {
  page: Page;
  regex: RegExp;
  names: string[];
}

function compile(page: Page): CompiledPage {
  const names: string[] = [];
  const source = page.path
    .split('/')
    .map((seg) => {
      if (!seg.startsWith(':')) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(seg.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { page, regex: new RegExp(`^${source}/?$`), names };
}

export class Router {
  private pages: CompiledPage[];
  private controller: AbortController | null = null;
  private cleanups: (() => void)[] = [];
  /** Called after each navigation (the header highlights the current section). */
  onNavigate: (url: URL) => void = () => {};

  constructor(
    pages: Page[],
    private root: HTMLElement,
    private notFound: Page,
  ) {
    this.pages = pages.map(compile);
  }

  start(): void {
    document.addEventListener('click', (ev) => this.interceptClick(ev));
    document.addEventListener('submit', (ev) => this.interceptSubmit(ev));
    window.addEventListener('popstate', () => void this.render());
    void this.render();
  }

  navigate(href: string, opts: { replace?: boolean } = {}): void {
    const url = new URL(href, location.href);
    if (url.origin !== location.origin) {
      location.href = url.href;
      return;
    }
    if (opts.replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    void this.render();
    if (!opts.replace && !url.hash) window.scrollTo(0, 0);
  }

  private interceptClick(ev: MouseEvent): void {
    if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    const a = (ev.target as Element | null)?.closest?.('a');
    if (!a || a.target || a.hasAttribute('download') || !a.href) return;
    const url = new URL(a.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
    ev.preventDefault();
    if (url.pathname === location.pathname && url.search === location.search && url.hash) {
      history.pushState(null, '', url);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      return;
    }
    this.navigate(url.href);
  }

  /** GET forms (filters, search) become navigations; empty fields are left out of the URL. */
  private interceptSubmit(ev: SubmitEvent): void {
    const form = ev.target as HTMLFormElement;
    if (ev.defaultPrevented || form.method.toLowerCase() !== 'get') return;
    const url = new URL(form.action, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
    ev.preventDefault();
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v.trim() !== '') params.append(k, v.trim());
    const s = params.toString();
    this.navigate(`${url.pathname}${s ? `?${s}` : ''}`);
  }

  private match(pathname: string): { page: Page; params: Record<string, string> } {
    for (const c of this.pages) {
      const m = c.regex.exec(pathname);
      if (m) return { page: c.page, params: Object.fromEntries(c.names.map((n, i) => [n, decodeURIComponent(m[i + 1])])) };
    }
    return { page: this.notFound, params: {} };
  }

  private async render(): Promise<void> {
    this.controller?.abort();
    for (const fn of this.cleanups.splice(0)) fn();
    const controller = new AbortController();
    this.controller = controller;
    const url = new URL(location.href);
    const { page, params } = this.match(url.pathname);
    const ctx: PageContext = {
      params,
      query: url.searchParams,
      url,
      root: this.root,
      signal: controller.signal,
      onLeave: (fn) => this.cleanups.push(fn),
      navigate: (href, o) => this.navigate(href, o),
      setTitle: (t) => (document.title = t ? `${t} — Dossier` : 'Dossier'),
    };
    this.onNavigate(url);
    this.root.setAttribute('aria-busy', 'true');
    try {
      await page.render(ctx);
    } catch (e) {
      if (controller.signal.aborted) return;
      showError(this.root, e);
    } finally {
      if (!controller.signal.aborted) this.root.removeAttribute('aria-busy');
    }
  }
}

export function showError(root: HTMLElement, e: unknown): void {
  const status = e instanceof ApiError ? e.status : 0;
  const message = e instanceof Error ? e.message : String(e);
  clear(
    root,
    h(
      'section',
      { class: 'error-page', role: 'alert' },
      h('h1', null, status === 404 ? 'Not found' : 'Something went wrong'),
      h('p', null, message),
      h('p', null, h('a', { href: '/' }, 'Back to all articles')),
    ),
  );
}
