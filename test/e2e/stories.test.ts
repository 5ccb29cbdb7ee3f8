// The storyline pages in a real browser (Debian's Chromium through playwright-core), over the five
// example articles placed in events and storylines (test/server/fixtures/story-corpus.ts): the list,
// the story of the examples with its timeline (chart and entries linked to their evidence), events,
// sources and languages, the comparison table with both death tolls (57,500 from the Dutch 002,
// 66,000 from the English 003) and the figure-over-time chart; the keyboard, shareable URLs, a narrow
// screen. Prints how fast the story page paints. Screenshots go to test-results/; with
// DOSSIER_UPDATE_SCREENSHOTS=1 the story page is also saved as docs/screenshots/story-page.png.
import { mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { ComparisonView, StoryDetail } from '../../src/corpus/stories/api.ts';
import { storyCorpus } from '../server/fixtures/story-corpus.ts';
import { foreignRequests, getJson, hasChromium, openSession, screenshots, type RunningServer, type Session } from './harness.ts';

const shot = screenshots('e2e-stories-');
const DOCS_SHOT = fileURLToPath(new URL('../../docs/screenshots/story-page.png', import.meta.url));

describe.runIf(hasChromium())('storyline pages in Chromium', () => {
  let session: Session;
  let ids: Record<string, string>;
  let server: RunningServer;
  let page: Page;
  let story: StoryDetail;
  let comparison: ComparisonView;

  const api = <T = any>(path: string): Promise<T> => getJson<T>(`${server.base}${path}`);
  const storyUrl = () => `${server.base}/stories/${story.id}`;
  const dataOf = (loc: Locator, key: string) => loc.evaluateAll((els, k) => els.map((e) => (e as unknown as { dataset: Record<string, string> }).dataset[k]), key);

  beforeAll(async () => {
    session = await openSession('e2e-stories-web');
    const corpus = await storyCorpus();
    ids = corpus.ids;
    server = await session.serve(corpus.store);
    page = session.page;
    const list = await api<{ items: { id: string; articles: number }[] }>('/api/stories');
    const id = list.items.find((s) => s.articles === Math.max(...list.items.map((x) => x.articles)))!.id;
    story = await api<StoryDetail>(`/api/stories/${id}`);
    comparison = await api<ComparisonView>(`/api/stories/${id}/compare`);
  }, 90_000);

  afterAll(() => session?.close());

  it('lists the storylines, from the header', async () => {
    await page.goto(`${server.base}/`);
    await page.getByRole('link', { name: 'Storylines', exact: true }).click();
    await page.waitForURL(/\/stories$/);
    await page.locator('.story-item').first().waitFor();
    const list = await api<{ total: number; items: { id: string; articles: number; events: unknown[] }[] }>('/api/stories');
    expect(await page.locator('.story-item').count()).toBe(list.total);
    expect(await dataOf(page.locator('.story-item'), 'id')).toEqual(list.items.map((s) => s.id));
    const item = page.locator(`.story-item[data-id="${story.id}"]`);
    expect(await item.locator('.story-facts').textContent()).toContain(`${story.articles.length} articles`);
    expect(await item.locator('.story-facts').textContent()).toMatch(/English 4, Dutch 1/);
    expect(await item.locator('.story-event-lines > li').count()).toBeGreaterThan(1);
    expect(await page.locator('#nav a[aria-current]').textContent()).toBe('Storylines');
    await shot(page, '01-list');
  });

  it('opens the story of the examples: head, timeline, events, sources and languages', async () => {
    await page.locator(`.story-item[data-id="${story.id}"] a.story-name`).click();
    await page.waitForURL(new RegExp(`/stories/${story.id}$`));
    await page.locator('.story-page').waitFor();
    expect(await page.title()).toMatch(/ — Dossier$/);
    const facts = await page.locator('.story-head .story-facts').textContent();
    expect(facts).toContain('Storyline');
    expect(facts).toContain(`${story.articles.length} articles`);
    expect(facts).toContain('English 4 · Dutch 1');
    expect(await page.locator('.story-head h1').textContent()).toBe(headingOf(story));

    // The timeline: every entry, each report linked to its place in the article.
    const items = page.locator('.timeline-item');
    expect(await items.count()).toBe(story.timeline.length);
    expect(await dataOf(items, 'date')).toEqual(story.timeline.map((t) => t.date));
    for (let i = 0; i < story.timeline.length; i++) {
      const hrefs = await items.nth(i).locator('.tl-evidence a').evaluateAll((els) => els.map((e) => (e as { getAttribute(n: string): string }).getAttribute('href')));
      expect(hrefs.length, story.timeline[i].text).toBe(story.timeline[i].evidence.length);
      for (const h of hrefs) expect(h).toMatch(/^\/articles\/[0-9a-f]+\?at=\d+-\d+$/);
    }
    const chart = page.locator('.timeline-chart canvas');
    await chart.waitFor();
    const box = (await chart.boundingBox())!;
    expect(box.width).toBeGreaterThan(600);
    expect(box.height).toBeGreaterThan(120);
    expect(await chart.getAttribute('aria-label')).toContain(`${story.timeline.length} entries`);

    // Events with their articles, sources and languages.
    expect(await dataOf(page.locator('.event-card'), 'id')).toEqual(story.events.map((e) => e.id));
    expect(await page.locator('.event-card .story-article').count()).toBe(story.articles.length);
    expect(await page.locator(`.event-card .story-article[data-id="${ids['002']}"] .story-lang`).textContent()).toBe('nl');
    expect(await page.locator('.sources-table tbody tr').count()).toBe(story.sources.length);
    expect(await dataOf(page.locator('.language-bars li'), 'language')).toEqual(['en', 'nl']);
    await shot(page, '02-story', true);

    // A happening reported by two sources: each report opens its own article with the sentence highlighted.
    const shared = story.timeline.findIndex((t) => t.kind === 'happening' && t.sources.length > 1);
    expect(shared).toBeGreaterThanOrEqual(0);
    for (const e of story.timeline[shared].evidence.filter((x, i, all) => all.findIndex((y) => y.source.id === x.source.id) === i)) {
      await page.locator(`#t-${shared + 1} .tl-evidence li[data-source="${e.source.id}"] a.tl-evidence-link`).click();
      await page.waitForURL(new RegExp(`/articles/${e.articleId}\\?at=${e.sentence.start}-${e.sentence.end}$`));
      await page.locator('#article-text .m.target').first().waitFor();
      const text = (await api<{ text: string }>(`/api/articles/${e.articleId}`)).text;
      expect((await page.locator('#article-text .m.target').allTextContents()).join('')).toBe(text.slice(e.sentence.start, e.sentence.end));
      expect(text.slice(e.sentence.start, e.sentence.end)).toContain(e.dateText!);
      await page.goBack();
      await page.locator('.timeline-item').first().waitFor();
    }
  });

  it('shows both death tolls side by side in the comparison table, each linked to its figure in the article', async () => {
    const row = comparison.figures.find((r) => r.claims.some((c) => c.value === 57500))!;
    const dutch = row.claims.find((c) => c.value === 57500)!;
    const english = row.claims.find((c) => c.value === 66000)!;
    expect([dutch.articleId, english.articleId]).toEqual([ids['002'], ids['003']]);
    const tr = page.locator(`.comparison-table tr[data-row="${row.key}"]`);
    expect(await tr.locator('th').textContent()).toContain(row.label);
    const nlCell = tr.locator(`td[data-source="${dutch.source.id}"]`);
    const enCell = tr.locator(`td[data-source="${english.source.id}"]`);
    expect(await nlCell.textContent()).toContain('57,500');
    expect(await enCell.textContent()).toContain('66,000');
    expect(await nlCell.locator('.story-lang').first().textContent()).toBe('nl');
    expect(await enCell.locator('.story-lang').first().textContent()).toBe('en');
    // The columns are the story's sources, in the same order in every row.
    expect(await dataOf(page.locator('.comparison-table thead th[data-source]'), 'source')).toEqual(comparison.sources.map((s) => s.source.id));
    expect(await dataOf(tr.locator('td'), 'source')).toEqual(comparison.sources.map((s) => s.source.id));
    // Voice and coverage rows, one cell per source.
    for (const cls of ['cmp-own-terms', 'cmp-quoted', 'cmp-reports', 'cmp-omits']) expect(await page.locator(`.comparison-table tr.${cls} td`).count()).toBe(comparison.sources.length);
    const genocide = page.locator(`.comparison-table tr.cmp-own-terms td[data-source="${dutch.source.id}"]`);
    expect(await genocide.textContent()).toContain('genocide');
    await tr.scrollIntoViewIfNeeded();
    await shot(page, '03-comparison');

    // Figures only one source gives are one click away.
    const single = comparison.figures.filter((r) => r.sources === 1).length;
    expect(await page.locator('tbody.cmp-figures-single').isHidden()).toBe(true);
    await page.locator('button.cmp-toggle').click();
    expect(await page.locator('tbody.cmp-figures-single tr').count()).toBe(single);
    expect(await page.locator('tbody.cmp-figures-single').isVisible()).toBe(true);

    // The Dutch figure opens its article with the figure highlighted.
    await nlCell.locator('a.claim-value', { hasText: '57,500' }).click();
    await page.waitForURL(new RegExp(`/articles/${ids['002']}\\?at=${dutch.evidence.start}-${dutch.evidence.end}$`));
    await page.locator('#article-text .m.target').first().waitFor();
    expect((await page.locator('#article-text .m.target').allTextContents()).join('')).toBe(dutch.evidence.text);
    await page.goBack();
    await page.locator('.story-page').waitFor();
  });

  it('charts a figure over time, the death toll first, and keeps the chosen figure in the URL', async () => {
    const select = page.locator('#figure-pick');
    const first = comparison.figures.find((r) => r.claims.some((c) => c.value === 57500))!;
    expect(await select.inputValue()).toBe(first.key);
    await page.locator('.figure-chart canvas').waitFor();
    expect(await page.locator('.figure-chart canvas').getAttribute('aria-label')).toMatch(/57,500 on 9 Jul 2025 \(Dutch.*66,000 on 29 Sep 2025 \(English/);
    expect(await page.locator('.figure-points li').count()).toBe(first.claims.filter((c) => c.asOf).length);
    await page.locator('#figures').scrollIntoViewIfNeeded();
    await shot(page, '04-figure-chart');

    const options = await select.locator('option').evaluateAll((els) => els.map((e) => (e as { value: string }).value));
    const other = options.find((o) => o !== first.key)!;
    await select.selectOption(other);
    await page.waitForURL((u) => u.searchParams.get('figure') === other && u.hash === '#figures');
    const shared = page.url();
    await page.goto(`${server.base}/`);
    await page.goto(shared);
    await page.locator('.figure-chart canvas').waitFor();
    expect(await page.locator('#figure-pick').inputValue()).toBe(other);
  });

  it('paints the story page fast and takes a timeline entry from the chart to its evidence', async () => {
    // A fresh load of the story page: the time until the page (timeline, comparison) is on screen.
    await page.goto(`${server.base}/`);
    await page.goto(storyUrl(), { waitUntil: 'commit' });
    await page.locator('.comparison-table').waitFor();
    const timing = await page.evaluate(
      'new Promise((done) => requestAnimationFrame(() => done({ rendered: performance.now(), fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null })))',
    );
    const { rendered, fcp } = timing as { rendered: number; fcp: number | null };
    console.log(`story page (${story.timeline.length} timeline entries, ${comparison.figures.length} figure rows): first contentful paint ${fcp?.toFixed(0)} ms, story on screen ${rendered.toFixed(0)} ms after navigation`);
    expect(rendered).toBeGreaterThan(0);

    // Clicking the timeline chart takes the nearest point's entry: marked, in view, named in the URL.
    const chart = page.locator('.timeline-chart canvas');
    await chart.waitFor();
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.5);
    await page.waitForURL(/#t-\d+$/);
    const anchor = new URL(page.url()).hash.slice(1);
    const target = page.locator(`#${anchor}`);
    expect(await target.getAttribute('class')).toContain('is-target');
    expect(await target.isVisible()).toBe(true);
  });

  it('is keyboard-friendly: j walks the timeline, o opens the evidence highlighted; section links move the page', async () => {
    await page.goto(storyUrl());
    await page.locator('.timeline-item').first().waitFor();
    // The Dutch statement: its quote highlighted in the Dutch article.
    const statement = story.timeline.findIndex((t) => t.kind === 'statement' && t.evidence[0].language === 'nl');
    expect(statement).toBeGreaterThanOrEqual(0);
    for (let i = 0; i <= statement; i++) await page.keyboard.press('j');
    expect(await page.locator('.timeline-item.is-current').getAttribute('id')).toBe(`t-${statement + 1}`);
    const e = story.timeline[statement].evidence[0];
    await page.keyboard.press('o');
    await page.waitForURL(new RegExp(`/articles/${e.articleId}\\?at=${e.start}-${e.end}$`));
    await page.locator('#article-text .m.target').first().waitFor();
    expect((await page.locator('#article-text .m.target').allTextContents()).join('')).toBe(e.text);
    expect(await page.locator('#article-text').getAttribute('lang')).toBe('nl');

    // Back on the story, the section links are links (Tab, Enter) and put the section in view.
    await page.goBack();
    await page.locator('.story-toc').waitFor();
    await page.locator('.story-toc a[href$="#comparison"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#comparison$/);
    await page.waitForFunction('Math.abs(document.getElementById("comparison").getBoundingClientRect().top) < 120');
  });

  it('has shareable URLs: a timeline entry, an event, and an unknown id', async () => {
    await page.goto(`${storyUrl()}#t-3`);
    await page.locator('#t-3.is-target').waitFor();
    expect(await page.evaluate('(() => { const r = document.getElementById("t-3").getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()')).toBe(true);

    const event = story.events.find((e) => e.articleIds.includes(ids['002']))!;
    await page.locator(`.event-card[data-id="${event.id}"] h3 a`).click();
    await page.waitForURL(new RegExp(`/stories/${event.id}$`));
    await page.locator('.story-page.level-event').waitFor();
    expect(await page.locator('.story-head .crumbs a').getAttribute('href')).toBe(`/stories/${story.id}`);
    expect(await page.locator('.story-article').count()).toBe(event.articleIds.length);
    expect(await page.locator('.story-head .story-facts').textContent()).toContain('Event');
    await shot(page, '05-event', true);

    await page.goto(`${server.base}/stories/s-0000aaaa`);
    await page.locator('.error-page').waitFor();
    expect(await page.locator('.error-page h1').textContent()).toBe('No such storyline or event');
  });

  it('links the entity chips of a story by key, and a surname key opens that person', async () => {
    await page.goto(storyUrl());
    const chips = page.locator('.story-entities a');
    await chips.first().waitFor();
    expect(await chips.evaluateAll((els) => els.map((e) => e.getAttribute('href')))).toEqual(story.entities.map((e) => `/entities/${e.key}`));
    expect(await chips.allTextContents()).toEqual(story.entities.map((e) => e.name));
    const person = story.entities.find((e) => e.key === 'sur:netanyahu');
    expect(person).toBeDefined();
    await page.locator('.story-entities a[href="/entities/sur:netanyahu"]').click();
    await page.waitForURL(/\/entities\/sur:netanyahu$/);
    await page.locator('h1').filter({ hasText: 'Benjamin Netanyahu' }).waitFor();
  });

  it("shows an entity's timeline, its entries linked to their evidence", async () => {
    const t = await api<{ total: number; items: { date: string; evidence: unknown[] }[] }>('/api/entities/per:benjamin-netanyahu/timeline');
    await page.goto(`${server.base}/entities/per:benjamin-netanyahu/timeline`);
    await page.locator('.entity-timeline-page .timeline-item').first().waitFor();
    expect(await page.locator('h1').textContent()).toBe('Timeline of Benjamin Netanyahu');
    expect(await dataOf(page.locator('.timeline-item'), 'date')).toEqual(t.items.map((i) => i.date));
    expect(await page.locator('.timeline-item .tl-evidence a').count()).toBe(t.items.reduce((n, i) => n + i.evidence.length, 0));
    await page.locator('.timeline-chart canvas').waitFor();
    await shot(page, '06-entity-timeline');
    await page.goto(`${server.base}/entities/Nobody%20Atall/timeline`);
    await page.locator('.error-page').waitFor();
    expect(await page.locator('h1').textContent()).toBe('No such entity');
  });

  it('is usable on a 375 px screen without sideways scrolling', async () => {
    const narrow = await session.newPage();
    await narrow.setViewportSize({ width: 375, height: 812 });
    await narrow.goto(storyUrl());
    await narrow.locator('.timeline-chart canvas').waitFor();
    expect(await narrow.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    // The comparison table becomes cards: every cell fits the screen and says which source it is.
    const cells = narrow.locator('.comparison-table tr.cmp-figure td:not(.is-empty)');
    for (const b of await cells.evaluateAll((els) => els.map((e) => (e as { getBoundingClientRect(): { right: number } }).getBoundingClientRect().right))) expect(b).toBeLessThanOrEqual(375);
    expect(await narrow.locator('.comparison-table td').first().evaluate((td) => (globalThis as unknown as { getComputedStyle(e: unknown, p: string): { content: string } }).getComputedStyle(td, '::before').content)).toMatch(/^".+"$/);
    const canvas = (await narrow.locator('.timeline-chart canvas').boundingBox())!;
    expect(canvas.width).toBeLessThanOrEqual(375);
    expect(canvas.width).toBeGreaterThan(300);
    await shot(narrow, '07-narrow-story', true);
    await narrow.goto(`${server.base}/stories`);
    await narrow.locator('.story-item').first().waitFor();
    expect(await narrow.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await shot(narrow, '08-narrow-list', true);
    await narrow.close();
  });

  it.runIf(process.env.DOSSIER_UPDATE_SCREENSHOTS === '1')('saves the README screenshot of the story page', async () => {
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.goto(storyUrl());
    await page.locator('.timeline-chart canvas').waitFor();
    await page.waitForTimeout(200);
    mkdirSync(fileURLToPath(new URL('../../docs/screenshots/', import.meta.url)), { recursive: true });
    await page.screenshot({ path: DOCS_SHOT });
    expect(statSync(DOCS_SHOT).size).toBeLessThan(300_000);
  });

  it('loads nothing from other hosts and raises no script errors', () => {
    expect(session.log.requests.length).toBeGreaterThan(10);
    expect(foreignRequests(session.log, server.base)).toEqual([]);
    expect(session.log.pageErrors).toEqual([]);
  });
});

/** The heading the page gives a story: its label without the trailing dates (shown formatted next to it). */
function headingOf(d: StoryDetail): string {
  const span = d.span.from && d.span.to ? (d.span.from === d.span.to ? d.span.from : `${d.span.from} – ${d.span.to}`) : null;
  return span && d.label.endsWith(` · ${span}`) ? d.label.slice(0, -` · ${span}`.length) : d.label;
}
