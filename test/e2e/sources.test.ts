// The Add page's "Follow sources" in Chromium: a failing source says why (its error, hostile markup
// included, shown as text), a feed is followed through the form and polled with "Poll now" against
// a local web server.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { addSource } from '../../src/pipeline/follow.ts';
import { articlePage, serve, startWebServer, type WebServer } from '../helpers/web-server.ts';
import { foreignRequests, hasChromium, openSession, screenshots, type RunningServer, type Session } from './harness.ts';

const shot = screenshots('e2e-sources-');
const HOSTILE = '<img src=x onerror="window.__pwned=1">HTTP 500 <b>down</b>';

describe.runIf(hasChromium())('following sources in the UI', () => {
  let session: Session;
  let server: RunningServer;
  let web: WebServer;

  beforeAll(async () => {
    web = await startWebServer();
    const paragraphs = readFileSync(new URL('../../examples/003_1d174a4085385254.txt', import.meta.url), 'utf8').split('\n').filter((l) => l.trim());
    web.route('/feed.xml', serve(`<rss><channel><title>Local desk</title><item><title>One</title><link>${web.url('/a/1')}</link></item></channel></rss>`, 'application/rss+xml'));
    web.route('/a/1', serve(articlePage({ title: 'One', paragraphs }), 'text/html; charset=utf-8'));
    const store = openSqliteStore(':memory:');
    const failing = await addSource(store, web.url('/down.xml'));
    await store.sources.update(failing.id, { failures: 2, last_error: HOSTILE, next_due_at: '2030-01-01T00:00:00.000Z' });
    session = await openSession('e2e-sources');
    server = await session.serve(store);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    await web?.close();
  });

  it('shows why a source fails, as text; follows a feed and polls it', async () => {
    const { page } = session;
    await page.goto(`${server.base}/add`);
    const failing = page.locator('.source-failing');
    await failing.waitFor();
    expect(await failing.locator('.query-error').textContent()).toContain(`Failing (2 polls in a row): ${HOSTILE}.`);
    expect(await failing.locator('img, b').count()).toBe(0);

    await page.fill('.follow-form input[name=url]', web.url('/feed.xml'));
    await page.click('.follow-form button[type=submit]');
    const row = page.locator('.source', { hasText: web.url('/feed.xml') });
    await row.waitFor();
    await row.getByRole('button', { name: 'Poll now' }).click();
    const done = page.locator('.source', { hasText: 'Local desk' });
    await done.waitFor({ timeout: 60_000 });
    expect(await done.textContent()).toContain('1 item seen, 1 article added');
    expect(await done.locator('.poll-result').textContent()).toBe('1 listed, 1 new, 1 stored, 0 duplicate(s).');
    await shot(page, 'add-sources');
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(session.log.pageErrors).toEqual([]);
    expect(foreignRequests(session.log, server.base)).toEqual([]);
  }, 120_000);
});
