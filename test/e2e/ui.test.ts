// The web UI in a real browser (Debian's Chromium through playwright-core): the article list, an
// article with its quotes attributed, search across languages, and untrusted article text that
// must render as text and run nothing. Screenshots go to test-results/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ingestPaths } from '../../src/pipeline/ingest.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { StoredArticle } from '../../src/store/store.ts';
import { exampleItems } from '../store/fixtures.ts';
import { foreignRequests, getJson, hasChromium, openSession, screenshots, type RunningServer, type Session } from './harness.ts';
import { openCorpus } from '../../src/corpus/index.ts';
import { SEED_EXAMPLES } from '../helpers/examples.ts';

const BLINKEN_TITLE = 'Blinken Meets With Netanyahu Amid Gaza Ceasefire Push';

const shot = screenshots('e2e-');

async function idOf(base: string, titleStart: string): Promise<string> {
  const list = await getJson<{ items: { id: string; title: string | null }[] }>(`${base}/api/articles?limit=500`);
  const hit = list.items.find((a) => a.title?.startsWith(titleStart));
  if (!hit) throw new Error(`no article titled "${titleStart}…"`);
  return hit.id;
}

/** Every quote the API returns for the article is highlighted exactly, with its speaker on each piece. */
async function expectQuotesRendered(page: Page, base: string, id: string): Promise<StoredArticle['quotes']> {
  const a = await getJson<StoredArticle>(`${base}/api/articles/${id}`);
  const lengthOf = (i: number) => a.quotes[i].end - a.quotes[i].start;
  for (const [i, q] of a.quotes.entries()) {
    const pieces = page.locator(`#article-text [data-quote~="${i}"]`);
    expect((await pieces.allTextContents()).join(''), `quote ${i}`).toBe(q.text);
    for (let k = 0; k < (await pieces.count()); k++) {
      const covering = ((await pieces.nth(k).getAttribute('data-quote')) ?? '').split(' ').map(Number);
      // Where quotes nest, a piece shows the speaker of the innermost one.
      const innermost = covering.reduce((best, j) => (lengthOf(j) < lengthOf(best) ? j : best));
      expect(await pieces.nth(k).getAttribute('data-speaker'), `quote ${i}, piece ${k}`).toBe(a.quotes[innermost].speaker?.name ?? '');
    }
  }
  if (a.quotes.length === 0) expect(await page.locator('#article-text [data-quote]').count()).toBe(0);
  // The side panel lists each quote once, under its speaker.
  expect(await page.locator('.panel-quotes .panel-item').count()).toBe(a.quotes.length);
  return a.quotes;
}

describe.runIf(hasChromium())('web UI in Chromium', () => {
  let session: Session;
  /** The examples as the analysis pipeline reads them today. */
  let pipeline: RunningServer;
  /** The examples with hand-made layers (test/store/fixtures.ts): entities and attributed quotes. */
  let handmade: RunningServer;
  let page: Page;

  beforeAll(async () => {
    session = await openSession('e2e-web');
    const pipelineStore = openSqliteStore(':memory:');
    await ingestPaths(pipelineStore, SEED_EXAMPLES);
    const handStore = openSqliteStore(':memory:');
    await openCorpus(handStore).add(exampleItems());
    pipeline = await session.serve(pipelineStore);
    handmade = await session.serve(handStore);
    page = session.page;
  }, 60_000);

  afterAll(() => session?.close());

  it('serves a built page whose script never parses HTML', async () => {
    const html = await (await fetch(`${pipeline.base}/`)).text();
    const src = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
    expect(src).toMatch(/^\/assets\/index-[\w-]+\.js$/);
    const js = await (await fetch(`${pipeline.base}${src}`)).text();
    expect(js.length).toBeGreaterThan(1000);
    expect(js).not.toMatch(/innerHTML|insertAdjacentHTML|outerHTML/);
  });

  it('opens the article list', async () => {
    await page.goto(`${pipeline.base}/`);
    await page.locator('.article-item').first().waitFor();
    expect(await page.locator('.article-item').count()).toBe(5);
    expect(await page.locator('.article-title').allTextContents()).toContain(
      'Blinken Meets With Netanyahu Amid Gaza Ceasefire Push, Deliberations on Israeli Offensive in Rafah',
    );
    expect(await page.locator('.overview').textContent()).toMatch(/^5 articles in 2 languages/);
    expect(await page.locator('.notice.outdated').count()).toBe(0); // analysed by this version
    const fcp = await page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1");
    console.log(`e2e: first contentful paint of the article list: ${Math.round(Number(fcp))} ms`);
    await shot(page, '01-articles');
  });

  it('says when stored articles were analysed by another version, and where to re-analyse them', async () => {
    await page.goto(`${handmade.base}/`); // hand-made layers: no analysis version recorded
    const notice = page.locator('.notice.outdated');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/^5 articles of 5 were analysed by another version of Dossier\. Re-analyse them/);
    expect(await notice.getByRole('link').getAttribute('href')).toBe('/add');
    await page.goto(`${pipeline.base}/`);
    await page.locator('.article-item').first().waitFor();
  });

  it('opens an article from the list with its metadata, removed noise and quotes attributed', async () => {
    await page.getByRole('link', { name: /^Blinken Meets With Netanyahu/ }).click();
    await page.waitForURL(/\/articles\/[0-9a-f]{16}$/);
    await page.locator('#article-text').waitFor();
    expect(await page.locator('h1').textContent()).toMatch(/^Blinken Meets With Netanyahu/);
    const meta = await page.locator('.article-meta').textContent();
    expect(meta).toContain('Ryan Morgan');
    expect(meta).toContain('1 May 2024 from a photo caption');
    await page.getByText(/^Removed during cleaning: \d+/).click();
    expect(await page.locator('.removed li').allTextContents()).toContain('byline Ryan Morgan');
    expect(await page.locator('#article-text').textContent()).toContain('Secretary of State Antony Blinken met with Israeli Prime Minister');
    const id = page.url().split('/').pop()!;
    const quotes = await expectQuotesRendered(page, pipeline.base, id);
    if (quotes.length > 0) expect(quotes.some((q) => /Antony Blinken/.test(q.speaker?.name ?? ''))).toBe(true);
    await shot(page, '02-article');
  });

  it('says on hover why a mention belongs to its entity ("Kusher": a misspelling of Jared Kushner)', async () => {
    const id = await idOf(pipeline.base, 'Trump officials fear meeting');
    await page.goto(`${pipeline.base}/articles/${id}`);
    const kusher = page.locator('#article-text .ent', { hasText: /^Kusher$/ });
    await kusher.first().hover();
    const card = page.locator('#hover-card');
    await card.waitFor({ state: 'visible' });
    expect(await card.textContent()).toContain('Why here misspelling of Jared Kushner');
    await page.mouse.move(0, 0);
  });

  it('colours quotes by speaker, explains a span on hover and switches layers (hand-made layers)', async () => {
    const id = await idOf(handmade.base, BLINKEN_TITLE);
    await page.goto(`${handmade.base}/articles/${id}`);
    await page.locator('#article-text').waitFor();
    const quotes = await expectQuotesRendered(page, handmade.base, id);
    expect(quotes.length).toBe(3);
    const blinken = quotes.findIndex((q) => q.speaker?.name === 'Antony Blinken');
    expect(blinken).toBeGreaterThanOrEqual(0);
    const piece = page.locator(`#article-text [data-quote~="${blinken}"]`).first();
    expect(await piece.getAttribute('data-speaker')).toBe('Antony Blinken');
    // Entity mentions are marked by type.
    expect(new Set(await page.locator('#article-text .m.ent-PER').allTextContents())).toEqual(new Set(['Blinken', 'Netanyahu']));
    // The side panel groups quotes by speaker.
    expect(await page.locator('.speaker-name').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Antony Blinken')]));

    await piece.scrollIntoViewIfNeeded();
    await piece.hover();
    const card = page.locator('#hover-card');
    await card.waitFor({ state: 'visible' });
    expect(await card.textContent()).toContain('Speaker Antony Blinken');
    await shot(page, '03-article-hover');

    // (The test code is compiled without the DOM library, hence the loose type.)
    const background = () => piece.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor);
    expect(await background()).not.toBe('rgba(0, 0, 0, 0)');
    await page.locator('input[name=layer-quote]').uncheck();
    expect(await page.locator('#article-text').getAttribute('class')).toContain('hide-quote');
    expect(await background()).toBe('rgba(0, 0, 0, 0)');
    await page.locator('input[name=layer-quote]').check();
    expect(await background()).not.toBe('rgba(0, 0, 0, 0)');

    // Choosing a figure in the side panel jumps to its span and says what it resolved to.
    await page.locator('.panel-figures .panel-item').first().click();
    expect(await page.locator('#article-text .m.figure.is-focused').count()).toBeGreaterThan(0);
    expect(await card.textContent()).toMatch(/Counts/);
  });

  it('searches for "Israel" and finds the Dutch article ("Israël"), with shareable facets', async () => {
    await page.goto(`${pipeline.base}/`);
    await page.locator('.article-item').first().waitFor();
    await page.keyboard.press('/');
    await page.keyboard.type('Israel');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=Israel$/);
    await page.locator('.hits .article-item').first().waitFor();
    const dutch = page.locator('.hits .article-item[data-language="nl"]');
    expect(await dutch.count()).toBe(1);
    expect(await dutch.locator('.snippet mark').allTextContents()).toContain('Israël');
    await shot(page, '04-search');

    await page.locator('a[data-facet="lang"][data-value="nl"]').click();
    await page.waitForURL(/lang=nl/);
    await page.locator('.result-count', { hasText: '1 article match' }).waitFor();
    expect(await page.locator('.hits .article-item').count()).toBe(1);
    const shared = page.url();

    const other = await session.newPage();
    await other.goto(shared);
    await other.locator('.hits .article-item').first().waitFor();
    expect(await other.locator('.hits .article-item').getAttribute('data-language')).toBe('nl');
    // Keyboard: j picks the first result, o opens it.
    await other.keyboard.press('j');
    await other.keyboard.press('o');
    await other.waitForURL(/\/articles\/[0-9a-f]{16}$/);
    await other.locator('#article-text').waitFor();
    expect(await other.locator('#article-text').textContent()).toContain('Moeizame ronde in Doha');
    await other.close();

    await page.goto(`${pipeline.base}/search?q=%22cease-fire`);
    expect(await page.locator('.query-error').textContent()).toMatch(/quote/);
  });

  it('renders <script> and <img onerror> in an uploaded article as text, and runs nothing', async () => {
    const body = {
      articles: [
        {
          title: 'Markup test &lt;img src=x onerror="window.__xss=1;alert(1)"&gt; headline',
          source: 'Injection Wire',
          url: 'javascript:window.__xss=2;alert(2)',
          text:
            'Officials met in Doha on Monday to discuss the hostage deal.\n\n' +
            'The page showed &lt;script&gt;window.__xss=3;alert(3)&lt;/script&gt; and &lt;img src=x onerror="window.__xss=4;alert(4)"&gt; as text.\n\n' +
            'Raw markup followed: <script>window.__xss=5;alert(5)</script> and <img src=x onerror="window.__xss=6;alert(6)"> in the body.\n\n' +
            '"We will not stop," the minister said on Tuesday.',
        },
      ],
    };
    const r = await fetch(`${pipeline.base}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(r.status).toBe(201);
    const id = ((await r.json()) as { articles: { id: string }[] }).articles[0].id;
    const stored = await getJson<StoredArticle>(`${pipeline.base}/api/articles/${id}`);
    expect(stored.text).toContain('<script>window.__xss=3;alert(3)</script>');
    expect(stored.removed.map((x) => x.text)).toContain('<img src=x onerror="window.__xss=6;alert(6)">');

    await page.goto(`${pipeline.base}/articles/${id}`);
    await page.locator('#article-text').waitFor();
    await page.getByText(/^Removed during cleaning/).click();
    expect(await page.locator('h1').textContent()).toBe('Markup test <img src=x onerror="window.__xss=1;alert(1)"> headline');
    const text = await page.locator('#article-text').textContent();
    expect(text).toContain('<script>window.__xss=3;alert(3)</script>');
    expect(text).toContain('<img src=x onerror="window.__xss=4;alert(4)">');
    expect(await page.locator('.removed').textContent()).toContain('<script>window.__xss=5;alert(5)</script>');
    expect(await page.locator('.article-meta').textContent()).toContain('javascript:window.__xss=2;alert(2)');
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.locator('main img, main script, main iframe').count()).toBe(0);
    await shot(page, '05-untrusted-text');

    await page.goto(`${pipeline.base}/search?q=onerror`);
    await page.locator('.hits .snippet').first().waitFor();
    expect(await page.locator('.hits .snippet').first().textContent()).toContain('onerror=');
    expect(await page.locator('main img').count()).toBe(0);
    await page.waitForTimeout(200);
    expect(await page.evaluate('window.__xss')).toBeUndefined();
    expect(session.log.dialogs).toEqual([]);
  });

  it('is usable on a narrow screen', async () => {
    const narrow = await session.newPage();
    await narrow.setViewportSize({ width: 375, height: 812 });
    await narrow.goto(`${handmade.base}/articles/${await idOf(handmade.base, BLINKEN_TITLE)}`);
    await narrow.locator('#article-text').waitFor();
    expect(await narrow.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await shot(narrow, '06-narrow-article');
    await narrow.goto(`${pipeline.base}/search?q=Netanyahu`);
    await narrow.locator('.hits .article-item').first().waitFor();
    expect(await narrow.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await shot(narrow, '07-narrow-search');
    await narrow.close();
  });

  it('loads nothing from other hosts and raises no script errors', () => {
    expect(session.log.requests.length).toBeGreaterThan(10);
    expect(foreignRequests(session.log, pipeline.base, handmade.base)).toEqual([]);
    expect(session.log.pageErrors).toEqual([]);
  });
});
