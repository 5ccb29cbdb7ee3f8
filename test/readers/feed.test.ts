import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuffer, readInputs } from '../../src/readers/index.ts';
import { InputError, type RawArticle } from '../../src/types.ts';
import { articles, collect, errors, exampleText, fixture, fixtureText, sharedData } from './helpers.ts';
import { hasData } from '../helpers/needs.ts';

const rssFile = fixture('independent-world.rss');
const atomFile = fixture('ntd-middle-east.atom');
const paragraphs = (name: string) => exampleText(name).split('\n').filter((l) => l.trim());

describe('RSS 2.0 reader', () => {
  it('reads every item as an article and reports the item without content by its index', async () => {
    const got = await collect(readInputs([rssFile]));
    expect(got.map((x) => [x instanceof InputError ? 'error' : 'article', x.position])).toEqual([
      ['article', 1],
      ['article', 2],
      ['error', 3],
    ]);
    expect((got[2] as InputError).message).toBe(`${rssFile}:3: item 3 has no content (no content:encoded or description)`);
  });

  it('takes content:encoded (CDATA) as the text and the item and channel fields as metadata', async () => {
    const [a] = articles(await collect(readInputs([rssFile])));
    expect(a).toMatchObject({ file: rssFile, position: 1, format: 'rss', encoding: 'utf-8' });
    expect(a.raw).toBe(paragraphs('003_1d174a4085385254.txt').slice(3).join('\n\n'));
    expect(a.meta).toMatchObject({
      title: 'Trump officials fear meeting with Netanyahu could go ‘off the rails’ as divide grows between them',
      url: 'https://www.independent.co.uk/news/world/americas/us-politics/trump-netanyahu-meeting-gaza-peace-plan-b2835977.html',
      byline: 'Independent Staff',
      publishedAt: 'Mon, 29 Sep 2025 12:53:00 GMT',
      source: 'World | The Independent',
      language: 'en-gb',
      description: 'Trump officials fear meeting with Netanyahu could go ‘off the rails’',
    });
    expect(a.meta.urls).toContain('https://static.independent.co.uk/2025/09/29/12/53/FotoJet-(2).jpg?width=1200&auto=webp&crop=3%3A2');
    expect(a.original.startsWith('<item>\n<title>Trump officials fear meeting')).toBe(true);
    expect(a.original.endsWith('</content:encoded>\n</item>')).toBe(true);
    expect(fixtureText('independent-world.rss')).toContain(a.original);
  });

  it('reads an entity-escaped HTML description and the "email (Name)" author form', async () => {
    const b = articles(await collect(readInputs([rssFile])))[1];
    expect(b.raw).toBe(paragraphs('000_3a9e140460d11d4b.txt').join('\n\n'));
    expect(b.meta).toMatchObject({
      title: 'Trump says Gaza ceasefire talks ‘going along very well’',
      byline: 'News Desk',
      publishedAt: 'Tue, 08 Jul 2025 06:10:00 +0000',
    });
    expect(b.meta.description).toBeUndefined();
  });

  it('reads RSS 1.0 (RDF) feeds', async () => {
    const xml = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://nos.nl"><title>NOS Nieuws</title><dc:language>nl</dc:language></channel>
<item rdf:about="https://nos.nl/artikel/1"><title>Moeizame ronde in Doha</title><link>https://nos.nl/artikel/1</link><dc:date>2025-07-10T21:00:00+02:00</dc:date><dc:creator>NOS</dc:creator>
<description>${paragraphs('002_74f363901181367a.txt')[3]}</description></item>
</rdf:RDF>`;
    const [a] = articles(await collect(readBuffer('nos.rdf', Buffer.from(xml))));
    expect(a).toMatchObject({ format: 'rss', position: 1, raw: paragraphs('002_74f363901181367a.txt')[3] });
    expect(a.meta).toMatchObject({ title: 'Moeizame ronde in Doha', source: 'NOS Nieuws', language: 'nl', byline: 'NOS', publishedAt: '2025-07-10T21:00:00+02:00' });
  });
});

describe('Atom reader', () => {
  it('reads html and xhtml content, entry and feed metadata', async () => {
    const got = await collect(readInputs([atomFile]));
    expect(errors(got)).toEqual([]);
    const [a, b] = articles(got) as RawArticle[];
    expect(a).toMatchObject({ format: 'atom', position: 1 });
    expect(a.raw).toBe(paragraphs('001_4f95569abf96a48a.txt').slice(2).join('\n\n'));
    expect(a.meta).toMatchObject({
      title: 'Netanyahu Plans to Talk About ‘Defeating Hamas’ With Trump During US Visit',
      url: 'https://www.ntd.com/netanyahu-plans-to-talk-about-defeating-hamas-with-trump-during-us-visit_1040000.html',
      publishedAt: '2025-02-02T18:45:00-05:00',
      byline: 'NTD Staff',
      source: 'NTD News — Middle East',
      language: 'en',
      description: 'Netanyahu aims to discuss enhancing security and achieving a period of peace through strength with the United States and Israel.',
    });
    expect(a.meta.urls).toContain('https://i.ntd.com/assets/uploads/2025/02/02/netanyahu-1200x675.jpg');

    expect(b.raw).toBe(paragraphs('002_74f363901181367a.txt').join('\n\n'));
    expect(b.meta).toMatchObject({
      title: 'Netanyahu: Israël staat open voor onderhandelingen als Hamas ontwapent',
      url: 'https://www.doorbraak.eu/netanyahu-israel-open-voor-onderhandelingen/',
      publishedAt: '2025-07-11T08:30:00+02:00',
      language: 'nl',
    });
    expect(b.original.startsWith('<entry xml:lang="nl">')).toBe(true);
  });
});

describe('bad feeds', () => {
  it('gives one clear error for a feed file that is not XML', async () => {
    const got = await collect(readBuffer('world.rss', Buffer.from(exampleText('000_3a9e140460d11d4b.txt'))));
    expect(got).toHaveLength(1);
    expect((got[0] as InputError).message).toBe("world.rss: not a feed: not well-formed XML (line 1, column 1: char 'U' is not expected.)");
  });

  it.runIf(hasData('ecbplus'))('names the root element of XML that is not a feed (an ECB+ document)', async () => {
    const [e] = errors(await collect(readInputs([join(sharedData, 'ecbplus/1/1_10ecb.xml')])));
    expect(e.reason).toBe('XML, but not an RSS or Atom feed (root element <Document>)');
  });

  it('keeps the complete items of a truncated feed and reports the cut one', async () => {
    const xml = fixtureText('independent-world.rss');
    const cut = xml.slice(0, xml.indexOf('White House on Monday.'));
    const got = await collect(readBuffer('cut.rss', Buffer.from(cut)));
    expect(got.map((x) => x.position)).toEqual([1, 2]);
    expect(articles(got)[0].meta.title).toBe('Trump officials fear meeting with Netanyahu could go ‘off the rails’ as divide grows between them');
    expect((got[1] as InputError).message).toBe('cut.rss:2: item 2 is cut off: the feed ends inside it');
  });

  it('reports a feed without items', async () => {
    const got = await collect(readBuffer('empty.atom', Buffer.from('<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed>')));
    expect(got.map((x) => (x as InputError).message)).toEqual(['empty.atom: Atom feed has no items']);
  });

  it('refuses a feed over the feed size limit, saying size and limit', async () => {
    const bytes = Buffer.from(fixtureText('independent-world.rss'));
    const got = await collect(readBuffer('big.rss', bytes, { maxFeedBytes: 5000 }));
    expect(got.map((x) => (x as InputError).message)).toEqual([`big.rss: feed is 8.5 kB (${bytes.length} bytes), over the 5 kB limit`]);
    // the article limit does not apply to feeds
    expect(articles(await collect(readBuffer('big.rss', bytes, { maxArticleBytes: 5000 })))).toHaveLength(2);
  });
});
