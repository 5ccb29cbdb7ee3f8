// The story views at real size and attributions, in Chromium: the source comparison of the eleven
// example articles (eight languages, one storyline) under ten outlets plus a syndicated copy
// (test/server/fixtures/outlets-corpus.ts) — grouped by outlet, the copy folded into its original,
// most telling first, the first sources listed and the rest one click (or key) away, five side by side
// a page; and a quote on the quotes page and in a story's timeline showing its kind, cue, source as
// written, speaker linked by entity key and confidence. Screenshots go to test-results/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { ComparisonView, StoryDetail } from '../../src/api/stories.ts';
import type { QuotePage } from '../../src/api/layers.ts';
import { COPY_OUTLET, outletsCorpus } from '../server/fixtures/outlets-corpus.ts';
import { getJson, hasChromium, openSession, screenshots, type RunningServer, type Session } from './harness.ts';

const shot = screenshots('e2e-views-');

describe.runIf(hasChromium())('story views at real size, in Chromium', () => {
  let session: Session;
  let server: RunningServer;
  let page: Page;
  let comparison: ComparisonView;
  let story: StoryDetail;
  const api = <T>(path: string): Promise<T> => getJson<T>(`${server.base}${path}`);
  const dataOf = (loc: Locator, key: string) => loc.evaluateAll((els, k) => els.map((e) => (e as unknown as { dataset: Record<string, string> }).dataset[k]), key);

  beforeAll(async () => {
    session = await openSession('e2e-views-web');
    const corpus = await outletsCorpus();
    server = await session.serve(corpus.store);
    page = session.page;
    const list = await api<{ items: { id: string; articles: number }[] }>('/api/stories');
    const id = list.items.find((s) => s.articles === Math.max(...list.items.map((x) => x.articles)))!.id;
    comparison = await api<ComparisonView>(`/api/stories/${id}/compare`);
    story = await api<StoryDetail>(`/api/stories/${id}`);
  }, 120_000);

  afterAll(() => session?.close());

  it('groups the comparison by outlet, folds the copy, ranks the sources and pages them', async () => {
    expect(comparison.sources.length).toBeGreaterThan(8);
    await page.goto(`${server.base}/stories/${comparison.id}#comparison`);
    const rows = page.locator('table.cmp-sources tbody tr');
    await rows.first().waitFor();

    // One row per outlet, most telling first, as the API ranks them; the copy's outlet is no row of its own.
    expect(await rows.count()).toBe(comparison.sources.length);
    expect(await dataOf(rows, 'source')).toEqual(comparison.sources.map((s) => s.source.id));
    expect(await dataOf(rows, 'rank')).toEqual(comparison.sources.map((_, i) => String(i + 1)));
    expect(await page.locator('table.cmp-sources caption').textContent()).toBe(comparison.ranking);
    expect(await page.locator('table.cmp-sources').textContent()).not.toContain(COPY_OUTLET);
    const wire = page.locator('table.cmp-sources tr[data-source="source:Wire Desk"]');
    expect(await wire.locator('.cmp-source-meta').textContent()).toContain('2 articles');
    const independent = page.locator('table.cmp-sources tr[data-source="source:The Independent"]');
    expect(await independent.locator('.cmp-copies').textContent()).toContain('and 1 copy');
    expect(await independent.locator('.cmp-copies').getAttribute('title')).toContain(COPY_OUTLET);

    // The first eight are shown; the rest one key press away.
    expect(await page.locator('table.cmp-sources tbody:not([hidden]) tr').count()).toBe(8);
    const more = page.locator('button.cmp-more-sources');
    expect(await more.textContent()).toBe(`Show all ${comparison.sources.length} sources`);
    await more.focus();
    await page.keyboard.press('Enter');
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('table.cmp-sources tbody:not([hidden]) tr').count()).toBe(comparison.sources.length);
    await shot(page, '01-sources', true);
    // More than eight sources: colours repeat, so each mark carries the source's rank; no two look alike.
    // (Runs in the page: the test's own types have no DOM.)
    type Win = { getComputedStyle(e: unknown): { backgroundColor: string } };
    const look = (e: { textContent: string | null }) => `${(globalThis as unknown as Win).getComputedStyle(e).backgroundColor} ${e.textContent}`;
    const marks = await page.locator('table.cmp-sources tbody tr .source-mark').evaluateAll((els) =>
      els.map((e) => `${(globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(e).backgroundColor} ${e.textContent}`),
    );
    expect(marks).toHaveLength(comparison.sources.length);
    expect(new Set(marks).size).toBe(marks.length);
    expect(marks.map((m) => m.split(' ').pop())).toEqual(comparison.sources.map((s) => String(s.telling.rank)));
    // The same source has the same mark in the sources table further up.
    const mark = (sel: string) => page.locator(sel).first().evaluate(look);
    const ninth = comparison.sources[8].source.id;
    expect(await mark(`.sources-table tr[data-source="${ninth}"] .source-mark`)).toBe(await mark(`table.cmp-sources tr[data-source="${ninth}"] .source-mark`));

    // Five side by side, most telling first; Next shows the next five.
    const columns = page.locator('.comparison-table thead th[data-source]');
    expect(await dataOf(columns, 'source')).toEqual(comparison.sources.slice(0, 5).map((s) => s.source.id));
    expect(await page.locator('.cmp-page-status').textContent()).toBe(`Sources 1–5 of ${comparison.sources.length} side by side, most telling first`);
    expect(await page.locator('button.cmp-prev').isDisabled()).toBe(true);
    await page.locator('button.cmp-next').focus();
    await page.keyboard.press('Enter');
    expect(await dataOf(columns, 'source')).toEqual(comparison.sources.slice(5, 10).map((s) => s.source.id));
    expect(await page.locator('button.cmp-prev').isDisabled()).toBe(false);
    // Every figure row on the page has a value from one of the sources shown.
    for (const tr of await page.locator('.comparison-table tr.cmp-figure').all()) expect(await tr.locator('td:not(.is-empty)').count()).toBeGreaterThan(0);

    // A source's name in the list brings it side by side, its column focused.
    const last = comparison.sources[comparison.sources.length - 1];
    await page.locator(`table.cmp-sources tr[data-source="${last.source.id}"] button.cmp-source-name`).click();
    expect(await dataOf(columns, 'source')).toContain(last.source.id);
    expect(await page.evaluate('document.activeElement && document.activeElement.dataset.source')).toBe(last.source.id);

    // Readable on a laptop: the page itself never scrolls sideways.
    expect(await page.evaluate('document.documentElement.scrollWidth <= innerWidth')).toBe(true);
    await page.locator('#comparison').scrollIntoViewIfNeeded();
    await shot(page, '02-side-by-side');
    expect(session.log.pageErrors).toEqual([]);
  });

  it('shows a quote with its kind, cue, source as written, speaker linked by key and confidence', async () => {
    const quotes = await api<QuotePage>('/api/quotes?limit=50');
    const i = quotes.items.findIndex((q) => q.speakerKey && q.cue && q.sourceText && q.sourceText !== q.speakerName && q.attributionKind !== 'direct');
    expect(i).toBeGreaterThanOrEqual(0);
    const q = quotes.items[i];
    await page.goto(`${server.base}/quotes`);
    const item = page.locator('.quote-item').nth(i);
    await item.waitFor();
    expect(await item.locator('blockquote').textContent()).toContain(q.text);
    const kinds: Record<string, string> = { indirect: 'reported speech', mixed: 'reported, partly quoted', belief: 'belief or intention' };
    expect(await item.locator('.attr-kind').textContent()).toBe(kinds[q.attributionKind!]);
    expect(await item.locator('.attr-cue-text').textContent()).toBe(q.cue);
    expect(await item.locator('.attr-source-text').textContent()).toBe(q.sourceText);
    expect(await item.locator('.attr-speaker').textContent()).toBe(q.speakerName);
    expect(await item.locator('.attr-speaker').getAttribute('href')).toBe(`/entities/${encodeURIComponent(q.speakerKey!)}`);
    expect(await item.locator('.attr-confidence').textContent()).toContain(`confidence ${Math.round(q.confidence! * 100)}%`);
    await item.scrollIntoViewIfNeeded();
    await shot(page, '03-quote');

    // The speaker's key opens the entity.
    await item.locator('.attr-speaker').click();
    await page.waitForURL(new RegExp(`/entities/${encodeURIComponent(q.speakerKey!)}$`));
    await page.locator('h1').first().waitFor();

    // A statement in the story's timeline carries its attribution too.
    const statement = story.timeline.findIndex((t) => t.kind === 'statement' && t.evidence[0].attribution?.cue);
    expect(statement).toBeGreaterThanOrEqual(0);
    const a = story.timeline[statement].evidence[0].attribution!;
    await page.goto(`${server.base}/stories/${story.id}#t-${statement + 1}`);
    const entry = page.locator(`#t-${statement + 1}`);
    await entry.waitFor();
    expect(await entry.locator('.attr-cue-text').textContent()).toBe(a.cue);
    expect(await entry.locator('.attr-kind').getAttribute('data-kind')).toBe(a.kind);
    if (a.confidence !== null) expect(await entry.locator('.attr-confidence').textContent()).toContain(`${Math.round(a.confidence * 100)}%`);
    expect(session.log.pageErrors).toEqual([]);
  });
});
