// What source documents list, canonical item URLs, and the polling schedule.
import { describe, expect, it } from 'vitest';
import { canonicalUrl, pageCanonical, parseInterval, readSourceDocument, secondsUntilNextPoll } from '../../src/sources/index.ts';
import { readFileSync } from 'node:fs';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/readers/${name}`, import.meta.url), 'utf8');

describe('readSourceDocument', () => {
  it('lists the items of a real RSS feed and a real Atom feed', () => {
    const rss = readSourceDocument(fixture('independent-world.rss'), 'https://www.independent.co.uk/news/world/rss');
    expect(rss.kind).toBe('feed');
    if (rss.kind !== 'feed') return;
    expect(rss.items.length).toBeGreaterThan(0);
    expect(rss.items.every((i) => /^https:\/\/www\.independent\.co\.uk\//.test(i.url))).toBe(true);
    const atom = readSourceDocument(fixture('ntd-middle-east.atom'), 'https://www.ntd.com/feed');
    expect(atom).toMatchObject({ kind: 'feed', format: 'atom' });
    if (atom.kind === 'feed') expect(atom.items.every((i) => i.url.startsWith('http'))).toBe(true);
  });

  it('reads a sitemap index and a Google News sitemap, resolving relative locations', () => {
    expect(readSourceDocument('<sitemapindex><sitemap><loc>/news.xml</loc></sitemap><sitemap><loc>https://b.example/s.xml</loc></sitemap></sitemapindex>', 'https://a.example/index.xml')).toEqual({
      kind: 'sitemap-index',
      sitemaps: ['https://a.example/news.xml', 'https://b.example/s.xml'],
    });
    const news = readSourceDocument(
      '<?xml version="1.0"?><urlset xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://a.example/a?x=1&amp;y=2</loc><news:news><news:publication_date>2025-07-08</news:publication_date><news:title>Talks &amp; truce</news:title></news:news></url><url><loc>https://a.example/b</loc><lastmod>2025-07-01</lastmod></url></urlset>',
      'https://a.example/news.xml',
    );
    expect(news).toEqual({
      kind: 'sitemap',
      items: [
        { url: 'https://a.example/a?x=1&y=2', title: 'Talks & truce', publishedAt: '2025-07-08' },
        { url: 'https://a.example/b', publishedAt: '2025-07-01' },
      ],
    });
  });

  it('reads a URL list and says what is not one', () => {
    expect(readSourceDocument('# desk list\nhttps://a.example/1\n\nhttps://a.example/2\n', 'https://a.example/list.txt')).toEqual({ kind: 'list', items: [{ url: 'https://a.example/1' }, { url: 'https://a.example/2' }] });
    expect(() => readSourceDocument('hello world\nthis is prose', 'https://a.example/x')).toThrow('not a feed, sitemap or URL list (line 1 is not an http(s) URL)');
    expect(() => readSourceDocument('<root><a/></root>', 'https://a.example/x')).toThrow('XML, but not a feed or a sitemap (root element <root>)');
    expect(() => readSourceDocument('<!DOCTYPE rss [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><rss/>', 'https://a.example/x')).toThrow(/entity expansion is off/);
  });
});

describe('canonical item URLs', () => {
  it('drops fragments and tracking parameters, keeps the rest in order', () => {
    expect(canonicalUrl('HTTPS://News.Example:443/a/b?id=7&utm_source=rss&fbclid=x&page=2#top')).toBe('https://news.example/a/b?id=7&page=2');
    expect(canonicalUrl('https://news.example/a?utm_medium=feed')).toBe('https://news.example/a');
  });
  it('takes the canonical URL a page names, resolved against where it was fetched', () => {
    expect(pageCanonical('/story/1', 'https://news.example/amp/story/1?utm_source=x')).toBe('https://news.example/story/1');
    expect(pageCanonical('javascript:void(0)', 'https://news.example/a')).toBe('https://news.example/a');
    expect(pageCanonical(undefined, 'https://news.example/a#c')).toBe('https://news.example/a');
  });
});

describe('the schedule', () => {
  it('polls after the interval, and after failures from 5 minutes doubling up to a day', () => {
    expect(secondsUntilNextPoll(900, 0)).toBe(900);
    expect([1, 2, 3, 4, 10, 20].map((n) => secondsUntilNextPoll(900, n))).toEqual([300, 600, 1200, 2400, 86400, 86400]);
  });
  it('parses intervals', () => {
    expect(['15m', '1h', '2h30m', '90s', '120'].map(parseInterval)).toEqual([900, 3600, 9000, 90, 120]);
    expect(() => parseInterval('10s')).toThrow('shorter than 60 s');
    expect(() => parseInterval('soon')).toThrow('not an interval: "soon"');
  });
});
