// What the browser tests need: the UI built from the current source, Dossier servers on free ports,
// and Debian's Chromium driven by playwright-core with a fresh profile, all opened and closed together
// as one session per test file.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app.ts';
import type { Store } from '../../src/store/store.ts';
import { CHROMIUM } from '../helpers/needs.ts';

/** Whether Chromium is there: else the file shows one skipped line (and fails under DOSSIER_REQUIRE_CHROMIUM=1). */
export { hasChromium } from '../helpers/needs.ts';
export const RESULTS = fileURLToPath(new URL('../../test-results/', import.meta.url));

/** Saves a page's screenshot as test-results/<prefix><name>.png. */
export const screenshots =
  (prefix: string) =>
  (page: Page, name: string, fullPage = false): Promise<Buffer> =>
    page.screenshot({ path: `${RESULTS}${prefix}${name}.png`, fullPage });

export async function getJson<T>(url: string): Promise<T> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return (await r.json()) as T;
}

/** Builds the UI into test-results/ (never a stale dist/web), once per test file. */
async function buildUi(name: string): Promise<string> {
  const outDir = `${RESULTS}${name}/`;
  await build({
    configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
    build: { outDir, emptyOutDir: true },
    logLevel: 'error',
  });
  return outDir;
}

export interface RunningServer {
  app: FastifyInstance;
  base: string;
}

async function serve(store: Store, webRoot: string): Promise<RunningServer> {
  const app = await buildServer(store, { webRoot });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, base };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

async function launch(): Promise<Browser> {
  mkdirSync(RESULTS, { recursive: true });
  const profile = mkdtempSync(`${RESULTS}chromium-profile-`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--disable-quic',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** What the watched pages asked for, threw and said in dialogs (which are dismissed). */
export interface PageLog {
  requests: string[];
  pageErrors: string[];
  dialogs: string[];
}

/** The requests that went neither to one of the servers nor to a data: URL. */
export const foreignRequests = (log: PageLog, ...bases: string[]): string[] =>
  log.requests.filter((u) => !bases.some((b) => u.startsWith(b)) && !u.startsWith('data:'));

/** One test file's UI, browser and servers. */
export interface Session {
  webRoot: string;
  browser: Browser;
  /** The browser's first page, watched. */
  page: Page;
  log: PageLog;
  /** A new page in the same browser, watched. */
  newPage(): Promise<Page>;
  /** Serves the store with the built UI; the session closes both. */
  serve(store: Store): Promise<RunningServer>;
  /** Closes the browser, then the servers, then their stores. */
  close(): Promise<void>;
}

/** Builds the UI into test-results/<name>/ and launches the browser. */
export async function openSession(name: string): Promise<Session> {
  const webRoot = await buildUi(name);
  const log: PageLog = { requests: [], pageErrors: [], dialogs: [] };
  const watch = (p: Page): Page => {
    p.on('request', (r) => log.requests.push(r.url()));
    p.on('pageerror', (e) => log.pageErrors.push(e.message));
    p.on('dialog', (d) => {
      log.dialogs.push(d.message());
      void d.dismiss();
    });
    return p;
  };
  const servers: RunningServer[] = [];
  const stores: Store[] = [];
  const browser = await launch();
  const page = watch(browser.context.pages()[0] ?? (await browser.context.newPage()));
  return {
    webRoot,
    browser,
    page,
    log,
    newPage: async () => watch(await browser.context.newPage()),
    async serve(store) {
      stores.push(store);
      const server = await serve(store, webRoot);
      servers.push(server);
      return server;
    },
    async close() {
      await browser.close();
      for (const s of servers) await s.app.close();
      for (const s of stores) await s.close();
    },
  };
}
