import { describe, expect, it } from 'vitest';
import { fragmentToText, htmlFragmentToArticle, htmlToArticle, readBuffer, readInputs } from '../../src/readers/index.ts';
import { InputError } from '../../src/types.ts';
import { articles, collect, errors, exampleText, fixture, fixtureText } from './helpers.ts';

/** Body paragraphs of example 004 (after the title/dek/caption/byline block). */
const epochParagraphs = exampleText('004_ed9a467948e1cb24.txt').split('\n').slice(9).filter((l) => l.trim());

describe('HTML page reader', () => {
  it('reads the Epoch Times page: metadata from og, article:*, canonical, JSON-LD @graph, <html lang>', async () => {
    const [a] = articles(await collect(readInputs([fixture('epoch-blinken.html')])));
    expect(a.format).toBe('html');
    expect(a.encoding).toBe('utf-8');
    expect(a.original).toBe(fixtureText('epoch-blinken.html'));
    expect(a.meta).toMatchObject({
      title: 'Blinken Meets With Netanyahu Amid Gaza Ceasefire Push, Deliberations on Israeli Offensive in Rafah',
      url: 'https://www.theepochtimes.com/world/blinken-meets-with-netanyahu-amid-gaza-ceasefire-push-deliberations-on-israeli-offensive-in-rafah-5641352',
      source: 'The Epoch Times',
      byline: 'Ryan Morgan',
      publishedAt: '2024-05-01T17:58:42-04:00',
      language: 'en-US',
      description: '“We are determined to get a ceasefire that brings the hostages home and to get it now, and the only reason that that wouldn’t be achieved is because of Hamas.”',
    });
    expect(a.meta.urls?.[0]).toBe(a.meta.url);
    expect(a.meta.urls).toContain('https://img.theepochtimes.com/assets/uploads/2024/05/01/id5641411-GettyImages-2151133960.jpg');
    // relative links resolved against the canonical URL
    expect(a.meta.urls).toContain('https://www.theepochtimes.com/us/2024/04/30/campus-protests-5640012');
  });

  it('keeps the article text as paragraphs separated by blank lines, headings on their own line, no page chrome', async () => {
    const [a] = articles(await collect(readInputs([fixture('epoch-blinken.html')])));
    const blocks = a.raw.split('\n\n');
    for (const p of epochParagraphs) expect(blocks).toContain(p);
    expect(a.raw).toContain('announced after Mr. Blinken arrived in Israel for the talks.\n\nIsraeli negotiators recently submitted');
    expect(a.raw).toContain('\n\nBiden Admin Continues to Oppose Rafah Offensive\n\nIn addition to discussing the cease-fire terms');
    expect(a.raw).toContain('\n\nHumanitarian Efforts Improving, State Department Says\n\n');
    for (const chrome of ['Subscribe', 'Most Read', 'Campus protests spread', 'All Rights Reserved', 'dataLayer', 'display:flex']) {
      expect(a.raw).not.toContain(chrome);
    }
    expect(a.raw).not.toMatch(/\n{3}|^\s|\s$/);
  });

  it('reads the Dutch page: JSON-LD as an array, publisher as source, <h3> headings kept', async () => {
    const [a] = articles(await collect(readInputs([fixture('doorbraak-netanyahu.htm')])));
    expect(a.meta).toMatchObject({
      title: 'Netanyahu: Israël staat open voor onderhandelingen als Hamas ontwapent',
      source: 'Doorbraak',
      byline: 'Redactie',
      publishedAt: '2025-07-11T08:30:00+02:00',
      language: 'nl',
    });
    expect(a.meta.url).toBeUndefined();
    expect(a.meta.urls).toContain('/wp-content/uploads/2025/07/netanyahu-washington.jpg');
    const text = exampleText('002_74f363901181367a.txt');
    expect(a.raw).toBe(text.split(/\n+/).filter((l) => l.trim()).join('\n\n'));
    expect(a.raw).toContain('\n\nMoeizame ronde in Doha\n\n');
  });

  it('still yields the text of a truncated page, with its metadata', async () => {
    const [a] = articles(await collect(readInputs([fixture('epoch-blinken-truncated.html')])));
    expect(a.meta.title).toBe('Blinken Meets With Netanyahu Amid Gaza Ceasefire Push, Deliberations on Israeli Offensive in Rafah');
    expect(a.meta.publishedAt).toBe('2024-05-01T17:58:42-04:00');
    expect(a.raw).toContain(epochParagraphs[2]);
    expect(a.raw.endsWith('\n\nPart of the breakdown in the cease-fire')).toBe(true);
  });

  it('gives a clear error when a page has no text at all', async () => {
    const head = fixtureText('epoch-blinken.html');
    const cut = head.slice(0, head.indexOf('<body>') + 3); // ends inside "<bo"
    const got = await collect(readBuffer('cut.html', Buffer.from(cut)));
    expect(got).toHaveLength(1);
    expect(got[0]).toBeInstanceOf(InputError);
    expect((got[0] as InputError).message).toBe(
      'cut.html: no text found in the HTML (page title "Blinken Meets With Netanyahu Amid Gaza Ceasefire Push, Deliberations on Israeli Offensive in Rafah")',
    );
    const [e] = errors(await collect(readBuffer('scripts.htm', Buffer.from('<html><body><script>var a = 1;</script></body></html>'))));
    expect(e.message).toBe('scripts.htm: no text found in the HTML');
  });

  it('reads a .txt file that is really an HTML page as HTML', async () => {
    const [a] = articles(await collect(readBuffer('saved-page.txt', Buffer.from(fixtureText('doorbraak-netanyahu.htm')))));
    expect(a.format).toBe('html');
    expect(a.meta.language).toBe('nl');
    expect(a.raw.startsWith('De Israëlische premier Benjamin Netanyahu heeft verklaard')).toBe(true);
  });

  it('decodes a Windows-1252 page that declares its charset', async () => {
    const html = '<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head><body><article><p>Netanyahu\x92s visit cost \x80 5 million \x96 a \x93record\x94.</p></article></body></html>';
    const [a] = articles(await collect(readBuffer('cp1252.html', Buffer.from(html, 'latin1'))));
    expect(a.encoding).toBe('windows-1252');
    expect(a.meta.title).toBe('Café');
    expect(a.raw).toBe('Netanyahu’s visit cost € 5 million – a “record”.');
  });
});

describe('page metadata precedence', () => {
  const page = (head: string, body = '<article><p>Israeli negotiators recently submitted a proposal for a temporary cease-fire.</p></article>') =>
    `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;

  it('prefers JSON-LD headline, then og:title, then <title>', () => {
    expect(htmlToArticle(page('<title>T - Site</title>'), 'a.html').meta.title).toBe('T - Site');
    expect(htmlToArticle(page('<title>T - Site</title><meta property="og:title" content="OG T">'), 'a.html').meta.title).toBe('OG T');
    const ld = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"LD T"}</script>';
    expect(htmlToArticle(page(`<title>T - Site</title><meta property="og:title" content="OG T">${ld}`), 'a.html').meta.title).toBe('LD T');
  });

  it('takes the canonical link over og:url, and resolves relative URLs against it', () => {
    const { meta } = htmlToArticle(
      page('<link rel="canonical" href="https://news.example/world/2024/05/01/blinken"><meta property="og:url" content="https://news.example/amp/blinken">', '<article><p>Israeli negotiators recently submitted a proposal.</p><img src="../../img/2024-05-01/a.jpg"></article>'),
      'a.html',
    );
    expect(meta.url).toBe('https://news.example/world/2024/05/01/blinken');
    expect(meta.urls).toEqual([
      'https://news.example/world/2024/05/01/blinken',
      'https://news.example/amp/blinken',
      'https://news.example/world/2024/img/2024-05-01/a.jpg',
    ]);
  });

  it('skips invalid JSON-LD, finds the article in @graph, joins several authors', () => {
    const ld = [
      '<script type="application/ld+json">{ not json </script>',
      '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":["ReportageNewsArticle"],"headline":"H","datePublished":"2024-05-01","author":[{"name":"Ryan Morgan"},{"name":"Jane Roe"}],"publisher":{"@type":"Organization","name":"Pub"}}]}</script>',
    ].join('');
    const { meta } = htmlToArticle(page(ld), 'a.html');
    expect(meta).toMatchObject({ title: 'H', publishedAt: '2024-05-01', byline: 'Ryan Morgan, Jane Roe', source: 'Pub' });
  });

  it('reads upper-case attribute names and values (linkedom matches attribute names case-sensitively)', () => {
    const head =
      '<LINK REL="Canonical" HREF="https://news.example/2024/05/01/blinken"><META PROPERTY="og:site_name" CONTENT="Site">' +
      '<SCRIPT TYPE="Application/LD+JSON">{"@type":"NewsArticle","headline":"HL","datePublished":"2024-05-01"}</SCRIPT>';
    const { meta } = htmlToArticle(page(head, '<ARTICLE><P CLASS="x">Israeli negotiators recently submitted a proposal.</P><IMG SRC="/img/2024/05/01/a.jpg"></ARTICLE>'), 'a.html');
    expect(meta).toEqual({
      title: 'HL',
      url: 'https://news.example/2024/05/01/blinken',
      source: 'Site',
      publishedAt: '2024-05-01',
      urls: ['https://news.example/2024/05/01/blinken', 'https://news.example/img/2024/05/01/a.jpg'],
    });
  });

  it('takes og:site_name over the JSON-LD publisher, article:published_time over JSON-LD datePublished', () => {
    const head =
      '<meta property="og:site_name" content="OG Site"><meta property="article:published_time" content="2024-05-01T10:00:00Z">' +
      '<script type="application/ld+json">[{"@type":"Article","datePublished":"2024-04-30","publisher":{"name":"LD Pub"}}]</script>';
    expect(htmlToArticle(page(head), 'a.html').meta).toMatchObject({ source: 'OG Site', publishedAt: '2024-05-01T10:00:00Z' });
  });
});

describe('HTML to text', () => {
  it('turns blocks into paragraphs and <br> into a line break', () => {
    expect(fragmentToText('<p>One  <b>bold</b>\n word.</p><p>Two<br>lines</p><h2>Head</h2>tail')).toBe('One bold word.\n\nTwo\nlines\n\nHead\n\ntail');
  });

  it('handles lists, tables, <pre>, entities and skips scripts', () => {
    const html = '<ul><li>a</li><li>b &amp; c</li></ul><table><tr><td>Gaza</td><td>66,000</td></tr></table><pre>x  =  1\n  y</pre><script>alert(1)</script><p>&ldquo;q&rdquo;&nbsp;end</p>';
    expect(fragmentToText(html)).toBe('a\n\nb & c\n\nGaza\t66,000\n\nx  =  1\n  y\n\n“q”\u00a0end');
  });

  it('passes plain text through a fragment reader without collapsing its paragraphs', () => {
    const text = exampleText('000_3a9e140460d11d4b.txt');
    expect(htmlFragmentToArticle(text, 'x').raw).toBe(text.trim());
  });

  it('sends a whole page given as a fragment through Readability', () => {
    const r = htmlFragmentToArticle(fixtureText('epoch-blinken.html'), 'x');
    expect(r.extractedBy).toBe('readability');
    expect(r.meta.source).toBe('The Epoch Times');
  });
});
