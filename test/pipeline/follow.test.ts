// Following sources end to end on a local server: feeds (RSS, Atom), a sitemap index with a news
// sitemap, a URL list; pages fetched politely, read, ingested; duplicates across feeds (tracking
// parameters, canonical URLs, same text) stored once; a syndicated copy linked to its original;
// conditional GET on the next poll; a failing source retried later with backoff.
import { readFileSync } from 'node:fs';
import iconvLite from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fetcher } from '../../src/fetch/index.ts';
import { addSource, pollDue, pollSource } from '../../src/pipeline/follow.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { openCorpus } from '../../src/corpus/index.ts';
import { buildServer } from '../../src/server/app.ts';
import type { Store } from '../../src/store/store.ts';
import { articlePage, serve, startWebServer, testClock, type WebServer } from '../helpers/web-server.ts';

const encode = (iconvLite as unknown as { encode(s: string, charset: string): Buffer }).encode;
const example = (n: string) => readFileSync(new URL(`../../examples/${n}`, import.meta.url), 'utf8').split('\n').filter((l) => l.trim());
const TRUMP = example('000_3a9e140460d11d4b.txt');
const SECOND = example('001_4f95569abf96a48a.txt');
const THIRD = example('002_74f363901181367a.txt');
const FOURTH = example('003_1d174a4085385254.txt');

let web: WebServer;
let feedBroken = true;

function rss(items: { link: string; title: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire desk</title><link>${web.url('/')}</link>
${items.map((i) => `<item><title>${i.title}</title><link>${i.link}</link><pubDate>Mon, 07 Jul 2025 20:00:00 GMT</pubDate></item>`).join('\n')}
</channel></rss>`;
}

beforeAll(async () => {
  web = await startWebServer();
  const u = (p: string) => web.url(p);
  web.route('/robots.txt', serve('User-agent: *\nDisallow: /members/\n', 'text/plain'));
  web.route('/rss.xml', (req, res) => {
    if (req.headers['if-none-match'] === '"feed-1"') {
      res.writeHead(304);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"feed-1"' });
    res.end(
      rss([
        { link: u('/world/trump-gaza?utm_source=rss&utm_medium=feed'), title: 'Trump upbeat on Gaza talks' },
        { link: u('/world/second'), title: 'Second story' },
        { link: u('/members/locked'), title: 'Members only' },
      ]),
    );
  });
  // the same story in another feed, under a plain URL; and the wire copy on another "site"
  web.route(
    '/atom.xml',
    serve(
      `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Other desk</title>
<entry><title>Trump upbeat</title><link href="${u('/world/trump-gaza')}"/><updated>2025-07-07T21:00:00Z</updated></entry>
<entry><title>Same text, other URL</title><link rel="alternate" href="${u('/mirror/trump-gaza')}"/><updated>2025-07-07T21:00:00Z</updated></entry>
<entry><title>Syndicated</title><link href="${u('/partner/ap-trump-gaza')}"/><updated>2025-07-07T22:00:00Z</updated></entry>
</feed>`,
      'application/atom+xml',
    ),
  );
  web.route('/world/trump-gaza', serve(articlePage({ title: 'Trump upbeat on Gaza ceasefire talks', paragraphs: TRUMP, canonical: u('/world/trump-gaza'), site: 'Wire desk' }), 'text/html; charset=utf-8'));
  web.route('/mirror/trump-gaza', serve(articlePage({ title: 'Trump upbeat on Gaza ceasefire talks', paragraphs: TRUMP, site: 'Wire desk' }), 'text/html; charset=utf-8'));
  web.route('/world/second', serve(articlePage({ title: 'Second story', paragraphs: SECOND }), 'text/html; charset=utf-8'));
  // the wire story as a partner prints it: own headline, a credit line, the last paragraph cut, one added
  web.route(
    '/partner/ap-trump-gaza',
    serve(
      articlePage({
        title: 'Trump says Gaza talks "going along very well"',
        paragraphs: ['WASHINGTON (AP) —', ...TRUMP.slice(0, -1), 'Follow our coverage of the war in Gaza on our live page.'],
      }),
      'text/html; charset=utf-8',
    ),
  );
  // Windows-1252 without any declaration, ISO-8859-1 declared in a meta tag only
  web.route('/latin/third', serve(encode(articlePage({ title: 'Déclaration à Gaza', paragraphs: THIRD.map((p, i) => (i === 0 ? `${p} Le président a déclaré « cessez-le-feu ».` : p)) }), 'windows-1252'), 'text/html'));
  web.route('/latin/fourth', serve(encode(articlePage({ title: 'Fourth', paragraphs: [...FOURTH, 'Café à Genève.'], charset: 'ISO-8859-1' }), 'windows-1252'), 'text/html'));
  web.route('/list.txt', serve(`# the desk's own list\n${u('/latin/third')}\n${u('/latin/fourth')}\n`, 'text/plain'));
  web.route(
    '/sitemap_index.xml',
    serve(`<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${u('/news-sitemap.xml')}</loc></sitemap><sitemap><loc>${u('/missing-sitemap.xml')}</loc></sitemap></sitemapindex>`, 'application/xml'),
  );
  web.route(
    '/news-sitemap.xml',
    serve(
      `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>${u('/world/second')}</loc><news:news><news:publication><news:name>Wire</news:name><news:language>en</news:language></news:publication><news:publication_date>2025-07-07T20:00:00Z</news:publication_date><news:title>Second story</news:title></news:news></url>
</urlset>`,
      'application/xml',
    ),
  );
  web.route('/broken.xml', (_req, res) => {
    if (feedBroken) {
      res.writeHead(500);
      res.end('down');
    } else {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rss([{ link: u('/world/second'), title: 'Second story' }]));
    }
  });
});

afterAll(() => web.close());

function setup() {
  const clock = testClock();
  const fetcher = new Fetcher({ userAgent: 'Dossier/test', clock, hostDelayMs: 1000, backoffMs: 10, retries: 1, timeoutMs: 10_000 });
  const store: Store = openSqliteStore(':memory:');
  return { clock, fetcher, store, opts: { fetcher, workers: 0 } };
}

describe('following sources', () => {
  it('stores each story once across feeds, links the syndicated copy, and polls again with conditional GET', async () => {
    const { clock, store, opts } = setup();
    try {
      await addSource(store, web.url('/rss.xml'), { now: clock.now() });
      await addSource(store, web.url('/atom.xml'), { now: clock.now(), intervalSeconds: 3600 });
      const [rssPoll, atomPoll] = await pollDue(store, opts);
      expect(rssPoll).toMatchObject({ ok: true, kind: 'feed', listed: 3, newItems: 3, stored: 2, duplicates: 0 });
      expect(rssPoll.failed).toEqual([{ url: web.url('/members/locked'), reason: `robots.txt of ${new URL(web.origin).host} forbids fetching /members/locked` }]);
      // the Atom feed lists the same story without tracking parameters: known, not fetched again;
      // the mirror has the same text (a duplicate by text hash); the partner's copy is stored and linked
      expect(atomPoll).toMatchObject({ ok: true, listed: 3, newItems: 2, stored: 1, duplicates: 1, copies: 1 });
      expect(web.requests.filter((r) => r.path.startsWith('/world/trump-gaza')).length).toBe(1);
      expect(web.requests.some((r) => r.path === '/members/locked')).toBe(false);

      expect((await store.list()).total).toBe(3);
      const copies = await store.sources.copies((await store.list()).items.map((a) => a.id));
      expect(copies).toHaveLength(1);
      const original = await store.get(copies[0].copy_of);
      const copy = await store.get(copies[0].article_id);
      expect(original?.url).toBe(web.url('/world/trump-gaza'));
      expect(copy?.title).toBe('Trump says Gaza talks "going along very well"');
      expect(copies[0].similarity).toBeGreaterThan(0.8);

      // the story views count the copy once: folded into its original ("and 1 copy")
      const stories = openCorpus(store).stories;
      const [placed] = await stories.placements([original!.id]);
      const [placedCopy] = await stories.placements([copy!.id]);
      expect(placedCopy.eventId).toBe(placed.eventId);
      const detail = (await stories.detail(placed.eventId))!;
      expect(detail.copies).toBe(1);
      expect(detail.articles.map((a) => a.id)).not.toContain(copy!.id);
      expect(detail.articles.find((a) => a.id === original!.id)?.copies).toEqual([copy!.id]);
      const event = detail.events.find((e) => e.id === placed.eventId)!;
      expect(event.articles + event.copies).toBe(event.articleIds.length);
      expect(event.copies).toBe(1);
      // and the article view says so on both
      const app = await buildServer(store);
      try {
        expect((await app.inject({ url: `/api/articles/${original!.id}` })).json().syndication).toEqual({ copyOf: null, copies: [copy!.id] });
        expect((await app.inject({ url: `/api/articles/${copy!.id}` })).json().syndication).toEqual({ copyOf: original!.id, copies: [] });
        const other = (await store.list()).items.find((a) => a.id !== original!.id && a.id !== copy!.id)!;
        expect((await app.inject({ url: `/api/articles/${other.id}` })).json().syndication).toBeUndefined();
      } finally {
        await app.close();
      }

      const rss = (await store.sources.get(web.url('/rss.xml')))!;
      expect(rss).toMatchObject({ kind: 'feed', name: 'Wire desk', etag: '"feed-1"', failures: 0, items_seen: 3, articles_added: 2 });
      expect(rss.last_error).toMatch(/^1 item page\(s\) failed; first: .*\/members\/locked: robots\.txt/);
      expect(rss.next_due_at).toBe(new Date(Date.parse(rss.last_polled_at!) + 15 * 60_000 + (clock.now() - Date.parse(rss.last_polled_at!))).toISOString());

      // 15 minutes later only the RSS feed is due; it has not changed (304) and nothing is fetched
      clock.advance(15 * 60_000);
      const pagesBefore = web.requests.filter((r) => !r.path.endsWith('.xml') && r.path !== '/robots.txt').length;
      const again = await pollDue(store, opts);
      expect(again).toHaveLength(1);
      expect(again[0]).toMatchObject({ source: web.url('/rss.xml'), ok: true, notModified: true, newItems: 0, fetched: 0 });
      expect(web.requests.at(-1)!.headers['if-none-match']).toBe('"feed-1"');
      expect(web.requests.filter((r) => !r.path.endsWith('.xml') && r.path !== '/robots.txt').length).toBe(pagesBefore);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('reads a sitemap index with a news sitemap, and a URL list with Windows-1252 and ISO-8859-1 pages', async () => {
    const { clock, store, opts } = setup();
    try {
      await addSource(store, web.url('/sitemap_index.xml'), { now: clock.now() });
      await addSource(store, web.url('/list.txt'), { now: clock.now() });
      const [sitemap, list] = await pollDue(store, opts);
      expect(sitemap).toMatchObject({ ok: true, kind: 'sitemap', listed: 1, stored: 1 });
      expect(list).toMatchObject({ ok: true, kind: 'list', listed: 2, stored: 2, failed: [] });
      const texts = await Promise.all((await store.list()).items.map(async (a) => (await store.get(a.id))!));
      const third = texts.find((a) => a.title === 'Déclaration à Gaza')!;
      expect(third.text).toContain('Le président a déclaré « cessez-le-feu ».');
      expect(third.raw.encoding).toBe('windows-1252');
      expect(texts.find((a) => a.text.includes('Café à Genève.'))).toBeDefined();
    } finally {
      await store.close();
    }
  }, 60_000);

  it('records why a failing source fails and retries it later with backoff, until it works', async () => {
    const { clock, store, opts } = setup();
    try {
      const source = await addSource(store, web.url('/broken.xml'), { now: clock.now() });
      feedBroken = true;
      const first = await pollSource(store, source, opts);
      expect(first).toMatchObject({ ok: false, error: 'HTTP 500 Internal Server Error (after 2 attempts)' });
      let state = (await store.sources.get(source.id))!;
      expect(state).toMatchObject({ failures: 1, last_error: 'HTTP 500 Internal Server Error (after 2 attempts)', last_ok_at: null });
      expect(Date.parse(state.next_due_at) - clock.now()).toBe(5 * 60_000);
      expect(await store.sources.due(new Date(clock.now()).toISOString())).toEqual([]);

      clock.advance(5 * 60_000);
      await pollDue(store, opts);
      state = (await store.sources.get(source.id))!;
      expect(state.failures).toBe(2);
      expect(Date.parse(state.next_due_at) - clock.now()).toBe(10 * 60_000);

      feedBroken = false;
      clock.advance(10 * 60_000);
      const [ok] = await pollDue(store, opts);
      expect(ok).toMatchObject({ ok: true, stored: 1 });
      state = (await store.sources.get(source.id))!;
      expect(state).toMatchObject({ failures: 0, last_error: null, kind: 'feed' });
    } finally {
      await store.close();
    }
  }, 60_000);

  it('refuses an XML source that declares entities, and says what a non-source document is', async () => {
    const { clock, store, opts } = setup();
    web.route('/xxe.xml', serve('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item><link>&x;</link></item></channel></rss>', 'application/xml'));
    web.route('/page.html', serve(articlePage({ title: 'A page', paragraphs: SECOND }), 'text/html'));
    try {
      await addSource(store, web.url('/xxe.xml'), { now: clock.now() });
      await addSource(store, web.url('/page.html'), { now: clock.now() });
      const [xxe, page] = await pollDue(store, opts);
      expect(xxe.error).toBe('the XML declares entities in a DOCTYPE; such documents are refused (entity expansion is off)');
      expect(page.error).toBe('an HTML page, not a feed, sitemap or URL list');
      const wrongKind = await addSource(store, web.url('/list.txt'), { kind: 'feed', now: clock.now() });
      expect((await pollSource(store, wrongKind, opts)).error).toBe('added as a feed, but the document is a URL list');
      await expect(addSource(store, web.url('/xxe.xml'))).rejects.toThrow(`the source ${web.url('/xxe.xml')} is already followed`);
      await expect(addSource(store, 'ftp://example.org/feed')).rejects.toThrow('not an http(s) URL: ftp://example.org/feed');
    } finally {
      await store.close();
    }
  });
});
