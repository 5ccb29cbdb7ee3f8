// The entity pages in a real browser (Debian's Chromium through playwright-core), over the example
// articles with hand-built entity layers (test/server/fixtures/entity-corpus.ts): the entity list
// with its type filter, Netanyahu's page with his quotes from several articles (one in Dutch) and
// the co-occurrence graph, links from an article's highlighted mentions to entity pages, an
// ambiguous name, the keyboard, a narrow screen. Screenshots go to test-results/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { IngestItem } from '../../src/store/store.ts';
import { entityCorpus } from '../server/fixtures/entity-corpus.ts';
import { foreignRequests, getJson, hasChromium, openSession, screenshots, type RunningServer, type Session } from './harness.ts';
import { openCorpus } from '../../src/corpus/index.ts';

const shot = screenshots('e2e-entities-');

const NETANYAHU = '/entities/per:benjamin-netanyahu';

describe.runIf(hasChromium())('entity pages in Chromium', () => {
  let session: Session;
  let server: RunningServer;
  let page: Page;
  let examples: IngestItem[];

  const api = <T = any>(path: string): Promise<T> => getJson<T>(`${server.base}${path}`);

  beforeAll(async () => {
    session = await openSession('e2e-entities-web');
    const corpus = await entityCorpus();
    examples = corpus.examples;
    const store = openSqliteStore(':memory:');
    await openCorpus(store).add(corpus.all);
    server = await session.serve(store);
    page = session.page;
  }, 60_000);

  afterAll(() => session?.close());

  it('lists the entities, most widely reported first, with a type filter showing the counts', async () => {
    await page.goto(`${server.base}/`);
    await page.getByRole('link', { name: 'Entities', exact: true }).click();
    await page.waitForURL(/\/entities$/);
    await page.locator('.entity-item').first().waitFor();
    const all = await api<{ total: number; items: { name: string }[] }>('/api/entities?limit=50');
    expect(await page.locator('.entity-item .entity-name').allTextContents()).toEqual(all.items.map((e) => e.name));
    expect(await page.locator('.type-tabs a[data-type="all"] .count').textContent()).toBe(String(all.total));
    await shot(page, '01-list');

    const people = await api<{ total: number }>('/api/entities?type=PER&limit=1');
    await page.locator('.type-tabs a[data-type="PER"]').click();
    await page.waitForURL(/\/entities\?type=PER$/);
    await page.locator('.type-tabs a[data-type="PER"][aria-current]').waitFor();
    expect(await page.locator('.type-tabs a[data-type="PER"] .count').textContent()).toBe(String(people.total));
    expect(await page.locator('.entity-item').count()).toBe(people.total);
    expect(new Set(await page.locator('.entity-item').evaluateAll((els) => els.map((e) => (e as unknown as { dataset: { type: string } }).dataset.type)))).toEqual(new Set(['PER']));

    // The name filter keeps the type; the URL can be shared.
    await page.locator('input[name=name]').fill('miller');
    await page.keyboard.press('Enter');
    await page.waitForURL(/type=PER&name=miller/);
    await page.locator('.result-count', { hasText: '2 entities' }).waitFor();
    expect((await page.locator('.entity-item .entity-name').allTextContents()).sort()).toEqual(['Matthew Miller', 'Stephen Miller']);
  });

  it("opens Benjamin Netanyahu's page: names, roles, his quotes from several articles (one in Dutch), the co-occurrence graph", async () => {
    await page.goto(`${server.base}/entities?type=PER`);
    await page.locator('.entity-item').first().waitFor();
    await page.getByRole('link', { name: 'Benjamin Netanyahu', exact: true }).click();
    await page.waitForURL(new RegExp(`${NETANYAHU}$`));
    await page.locator('.entity-page').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Benjamin Netanyahu person');
    expect(await page.title()).toBe('Benjamin Netanyahu — Dossier');
    expect(await page.locator('.entity-facts').textContent()).toContain('5 articles');
    const chips = await page.locator('.chips li').allTextContents();
    expect(chips.some((c) => c.startsWith('Benjamin Netanyahu'))).toBe(true);
    expect(chips.some((c) => c.startsWith('premier'))).toBe(true);

    // What he said: three quotes from three articles, grouped by source, one in Dutch.
    const quotes = page.locator('.entity-quotes .quote-item');
    expect(await quotes.count()).toBe(3);
    const articles = await quotes.evaluateAll((els) => els.map((e) => (e as unknown as { dataset: { article: string } }).dataset.article));
    expect(new Set(articles).size).toBe(3);
    const dutch = page.locator('.entity-quotes .quote-item[data-language="nl"] blockquote');
    expect(await dutch.getAttribute('lang')).toBe('nl');
    expect(await dutch.textContent()).toBe('“Als dit via onderhandelingen kan worden bereikt, geweldig,”');
    const groups = await page.locator('.entity-quotes .source-group h3').allTextContents();
    expect(groups).toEqual(['The Epoch Times1 quote', 'Source unknown2 quotes']);

    // The graph: the 16 entities most often named with him, each a link, edges as wide as the shared articles.
    const graph = page.locator('svg.cooc-graph');
    await graph.waitFor();
    const co = await api<{ items: { key: string; sharedArticles: number }[] }>('/api/entities/per:benjamin-netanyahu/cooccurrence?limit=16');
    const nodes = graph.locator('a.node');
    expect(await nodes.count()).toBe(16);
    expect(await nodes.evaluateAll((els) => els.map((e) => (e as unknown as { dataset: { key: string } }).dataset.key))).toEqual(co.items.map((i) => i.key));
    expect(await graph.locator('.node-centre .node-label').textContent()).toBe('Benjamin Netanyahu');
    const israel = graph.locator('.edge-centre[data-b="country:IL"]');
    const icc = graph.locator('.edge-centre[data-b="org:icc"]');
    expect(Number(await israel.getAttribute('stroke-width'))).toBeGreaterThan(Number(await icc.getAttribute('stroke-width')));
    const box = (await graph.boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.height).toBeGreaterThan(250);

    // Articles naming him: all five examples.
    expect(await page.locator('.entity-articles .article-item').count()).toBe(5);
    await page.locator('.cooc-graph a.node[data-key="country:IL"]').hover();
    expect(await page.locator('.cooc-graph .edge.is-lit').count()).toBeGreaterThan(1);
    await shot(page, '02-netanyahu', true);
    await page.mouse.move(0, 0);
  });

  it('says why the mentions are one entity, on request', async () => {
    await page.locator('details.explain summary').click();
    await page.locator('details.explain tbody tr').first().waitFor();
    const rows = await page.locator('details.explain tbody tr').count();
    expect(rows).toBe((await api<{ links: { total: number } }>('/api/entities/per:benjamin-netanyahu/explain')).links.total);
    expect(await page.locator('details.explain tbody').textContent()).toContain('same-name');
  });

  it('goes from a node of the graph to that entity, and from an article mention back to an entity page', async () => {
    await page.locator('.cooc-graph a.node[data-key="org:icc"]').click();
    await page.waitForURL(/\/entities\/org:icc$/);
    await page.locator('.entity-page').waitFor();
    expect(await page.locator('h1').textContent()).toBe('International Criminal Court organisation');
    const names = await page.locator('.chips li').allTextContents();
    expect(names.some((n) => n.startsWith('Internationaal Strafhof'))).toBe(true);
    expect(await page.locator('.entity-articles .article-item').count()).toBe(2);

    // The Dutch article: "Internationaal Strafhof" is a link to the ICC's page.
    const nl = examples.find((i) => i.article.language === 'nl')!;
    await page.goto(`${server.base}/articles/${nl.article.id}`);
    await page.locator('#article-text').waitFor();
    const mention = page.locator('#article-text a.m[data-entity-key="org:icc"]');
    expect(await mention.textContent()).toBe('Internationaal Strafhof');
    expect(await mention.getAttribute('href')).toBe('/entities/org:icc');
    expect(await page.locator('#article-text a.m[data-entity-key="per:benjamin-netanyahu"]').count()).toBe(
      nl.article.entities.find((e) => e.name === 'Benjamin Netanyahu')!.mentions.length,
    );
    await mention.scrollIntoViewIfNeeded();
    await mention.hover();
    expect(await page.locator('#hover-card').textContent()).toContain('org:icc');
    await shot(page, '03-article-links');
    await mention.click();
    await page.waitForURL(/\/entities\/org:icc$/);
    await page.locator('.entity-page').waitFor();
    // The side panel links each entity's page too (reachable with the keyboard).
    await page.goBack();
    await page.locator('#article-text').waitFor();
    const panelLink = page.locator('.panel-entities a.entity-page-link[href="/entities/per:benjamin-netanyahu"]');
    expect(await panelLink.count()).toBe(1);
    await panelLink.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`${NETANYAHU}$`));
    await page.locator('.entity-page').waitFor();
  });

  it('is keyboard-friendly: j picks a quote, o opens it highlighted in its article', async () => {
    await page.goto(`${server.base}${NETANYAHU}`);
    await page.locator('.entity-quotes .quote-item').first().waitFor();
    await page.keyboard.press('j');
    expect(await page.locator('.quote-item.is-current').count()).toBe(1);
    const article = await page.locator('.quote-item.is-current').getAttribute('data-article');
    await page.keyboard.press('o');
    await page.waitForURL(new RegExp(`/articles/${article}\\?at=\\d+-\\d+$`));
    await page.locator('#article-text .m.target').first().waitFor();
    const target = (await page.locator('#article-text .m.target').allTextContents()).join('');
    const q = (await api<{ quotes: { items: { articleId: string; text: string }[] } }>('/api/entities/per:benjamin-netanyahu')).quotes.items.find(
      (x) => x.articleId === article,
    )!;
    expect(target).toBe(q.text);
  });

  it('lists the candidates of an ambiguous name and says when there is no such entity', async () => {
    await page.goto(`${server.base}/entities/Miller`);
    await page.locator('.entity-choices').waitFor();
    expect(await page.locator('h1').textContent()).toBe('“Miller” names 2 entities');
    expect((await page.locator('.entity-choices .entity-name').allTextContents()).sort()).toEqual(['Matthew Miller', 'Stephen Miller']);
    await shot(page, '04-ambiguous');
    await page.getByRole('link', { name: 'Stephen Miller' }).click();
    await page.waitForURL(/\/entities\/per:stephen-miller$/);
    await page.locator('.entity-page').waitFor();
    expect(await page.locator('.chips').nth(1).textContent()).toContain('deputy chief of staff');

    await page.goto(`${server.base}/entities/Nobody%20Atall`);
    await page.locator('.error-page').waitFor();
    expect(await page.locator('h1').textContent()).toBe('No such entity');
    expect(await page.locator('.error-page a').first().getAttribute('href')).toBe('/entities?name=Nobody%20Atall');
  });

  it('is usable on a narrow screen', async () => {
    const narrow = await session.newPage();
    await narrow.setViewportSize({ width: 375, height: 812 });
    await narrow.goto(`${server.base}${NETANYAHU}`);
    await narrow.locator('svg.cooc-graph').waitFor();
    expect(await narrow.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    const box = (await narrow.locator('svg.cooc-graph').boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(375);
    expect(box.width).toBeGreaterThan(280);
    expect(await narrow.locator('svg.cooc-graph a.node').count()).toBe(10);
    await shot(narrow, '05-narrow-netanyahu', true);
    await narrow.goto(`${server.base}/entities`);
    await narrow.locator('.entity-item').first().waitFor();
    await shot(narrow, '06-narrow-list');
    expect(await narrow.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await narrow.close();
  });

  it('loads nothing from other hosts and raises no script errors', () => {
    expect(session.log.requests.length).toBeGreaterThan(10);
    expect(foreignRequests(session.log, server.base)).toEqual([]);
    expect(session.log.pageErrors).toEqual([]);
  });
});
