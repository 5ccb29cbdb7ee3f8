// What the browser tests need: the UI built from the current source, Dossier servers on free ports,
// and Debian's Chromium driven by playwright-core with a fresh profile.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { build } from 'vite';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app.ts';
import type { Store } from '../../src/store/store.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const RESULTS = fileURLToPath(new URL('../../test-results/', import.meta.url));

/** Builds the UI into test-results/ (never a stale dist/web), once per test file. */
export async function buildUi(name: string): Promise<string> {
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

export async function serve(store: Store, webRoot: string): Promise<RunningServer> {
  const app = await buildServer(store, { webRoot });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, base };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launch(): Promise<Browser> {
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
