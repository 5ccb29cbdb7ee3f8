// The rules of main-content extraction, each on a small page written for it: the headline (site
// names cut off, the <h1> when the metadata confirms it), the publication date (its precedence and
// sanity checks) and the body (boilerplate left out, real first paragraphs kept).
import { describe, expect, it } from 'vitest';
import { htmlToArticle } from '../../src/readers/html.ts';
import { chooseTitle, stripSiteName } from '../../src/readers/html-title.ts';
import { dateInText } from '../../src/readers/html-date.ts';
import { cleanArticle } from '../../src/clean/index.ts';
import { parseDocument } from '../../src/readers/html-dom.ts';

const LONG =
  'The council voted on Tuesday to close the old bridge for repairs that engineers say are overdue by a decade. ' +
  'Residents will have to drive an extra twelve kilometres until the work is finished next spring, officials said.';
const SECOND =
  'Engineers found corrosion in three of the bridge supports during an inspection in March, according to the report. ' +
  'The repairs are expected to cost about four million euros, paid for by the region and the national government.';

const page = (head: string, body: string) => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
const article = (inner: string) => `<article>${inner}<p>${LONG}</p><p>${SECOND}</p></article>`;
const read = (html: string, url?: string) => {
  const a = htmlToArticle(html, 'a.html', undefined, { url });
  return { ...a, clean: cleanArticle({ file: 'a.html', format: 'html', raw: a.raw, original: html, meta: a.meta }) };
};

describe('the headline', () => {
  it('cuts the site name off the <title> by og:site_name, whichever side it is on', () => {
    const head = '<title>Der Lange und die alte Dame | Hertha BSC Blog</title><meta property="og:site_name" content="Hertha BSC Blog">';
    expect(read(page(head, article(''))).meta.title).toBe('Der Lange und die alte Dame');
    const prefixed = '<title>Hertha BSC Blog » Der Lange und die alte Dame</title><meta property="og:site_name" content="Hertha BSC Blog">';
    expect(read(page(prefixed, article(''))).meta.title).toBe('Der Lange und die alte Dame');
  });

  it('recognises the site by its host when the page names none', () => {
    expect(read(page('<title>CDPATH replacements - anarcat</title>', article('')), 'https://anarc.at/blog/x/').meta.title).toBe('CDPATH replacements');
    expect(stripSiteName('Items We Never Knew We Wanted : The Perspective', ['theperspective'])).toBe('Items We Never Knew We Wanted');
  });

  it('keeps a title whose parts are all the article (no site recognised)', () => {
    expect(stripSiteName('Klimaschutz: Bohren, bis es heiß wird', ['zeit'])).toBe('Klimaschutz: Bohren, bis es heiß wird');
    expect(stripSiteName('Budget talks - what comes next', ['example'])).toBe('Budget talks - what comes next');
  });

  it('takes the <h1> as written when a metadata title confirms it, without its kicker', () => {
    const head = '<title>Klimaschutz: Bohren, bis es heiß wird | ZEIT ONLINE</title>';
    const h1 = '<h1><span class="article-heading__kicker">Klimaschutz</span><span class="visually-hidden">:</span> <span class="article-heading__title">Bohren, bis es heiß wird</span></h1>';
    expect(read(page(head, article(h1))).meta.title).toBe('Bohren, bis es heiß wird');
  });

  it('leaves out hidden and site-name <h1>s, and prefers a confirmed <h1> of more than two words', () => {
    const head = '<title>Zoll online - Fachmeldungen - Verkündung des Tabaksteuermodernisierungsgesetzes</title>';
    const h1s = '<h1 class="aural">Zoll</h1><h1>Fachmeldungen</h1><h1>Verkündung des Tabaksteuermodernisierungsgesetzes</h1>';
    expect(read(page(head, article(h1s))).meta.title).toBe('Verkündung des Tabaksteuermodernisierungsgesetzes');
    const blog = '<title>Was ist der Unterschied? – Ansichten und Einsichten</title>';
    const blogH1s = '<h1 class="site-title">Ansichten und Einsichten</h1><h1 class="entry-title">Was ist der Unterschied?</h1>';
    expect(read(page(blog, article(blogH1s))).meta.title).toBe('Was ist der Unterschied?');
  });

  it('takes the one visible <h1> over a metadata title worded otherwise', () => {
    const head = '<title>Brexit: Nervenkrieg geht in nächste Runde</title>';
    const h1s = '<h1 class="pagetitle hidden">News</h1><h1>Der Nervenkrieg um den Brexit geht in die nächste Runde</h1>';
    expect(read(page(head, article(h1s))).meta.title).toBe('Der Nervenkrieg um den Brexit geht in die nächste Runde');
    // …but not when a metadata title lies inside it with a kicker run into it.
    const kicker = '<meta property="og:title" content="Lagen-Pyramide mit GA2"><title>Einheit der Woche | Lagen-Pyramide mit GA2 - SWIM.DE</title>';
    expect(read(page(kicker, article('<h1>Einheit der WocheLagen-Pyramide mit GA2</h1>')), 'https://swim.de/x/').meta.title).toBe(
      'Lagen-Pyramide mit GA2',
    );
  });

  it('keeps guillemets that quote at the ends of a headline', () => {
    const head = '<title>Benjamin Näßler: «Liebe kennt keine Pause – gegen Homophobie in Katar»</title>';
    expect(read(page(head, article('<h1>Benjamin Näßler: «Liebe kennt keine Pause – gegen Homophobie in Katar»</h1>'))).meta.title).toBe(
      'Benjamin Näßler: «Liebe kennt keine Pause – gegen Homophobie in Katar»',
    );
    expect(chooseTitle({ metaTitles: [], h1s: ['« Il y a le poids de la géographie ». Sur les migrations'], siteNames: [] })).toBe(
      '« Il y a le poids de la géographie ». Sur les migrations',
    );
    expect(chooseTitle({ metaTitles: [], h1s: ['» Jens Weber'], siteNames: [] })).toBe('Jens Weber');
  });

  it('does not take an <h1> that only names the site', () => {
    const head = '<title>Davor und Danach - ICON Magazine</title><meta property="og:site_name" content="ICON Magazine">';
    expect(read(page(head, `<h1>ICON Magazine</h1>${article('')}`)).meta.title).toBe('Davor und Danach');
  });

  it('keeps the quotes of a heading quoted whole, and takes the one long <h1> among short or repeated ones', () => {
    expect(chooseTitle({ metaTitles: ['»frag.jetzt« – ARSnova'], h1s: ['»frag.jetzt«'], siteNames: [] })).toBe('»frag.jetzt«');
    const e = { metaTitles: ['Run Windows on Mac - Parallels Desktop 15 Virtual Machine for Mac'], siteNames: [] };
    expect(chooseTitle({ ...e, h1s: ['Parallels Desktop 15 for Mac', 'Parallels Desktop 15 for Mac'] })).toBe('Parallels Desktop 15 for Mac');
    expect(chooseTitle({ ...e, h1s: ['Parallels Desktop 15 for Mac', 'Anwendung'] })).toBe('Parallels Desktop 15 for Mac');
    // A metadata title inside the <h1> with more around it (a kicker, a subtitle) is the headline.
    expect(chooseTitle({ metaTitles: ['Klimavorreiter Oberland? - Tegernseerstimme'], h1s: ['Energiewende Oberland: Klimavorreiter Oberland?'], siteNames: ['Tegernseerstimme'] })).toBe(
      'Klimavorreiter Oberland?',
    );
  });

  it("takes the first <h2> of a page without <h1>, not a date line, and names the site by an archived page's own host", () => {
    const e = { metaTitles: ['Feuerwehr Oldenburg - Ausbildung'], h1s: [], siteNames: [] };
    expect(chooseTitle({ ...e, leadH2s: ['Samstag, 5. Oktober 2013', 'Bootsdienst Ausbildung'] })).toBe('Bootsdienst Ausbildung');
    const archived = page('<title>Werkzeuge der Neandertaler | Steinzeitwissen</title>', article('<h2>Menu</h2>'));
    expect(read(archived, 'https://web.archive.org/web/20150206075900/http://www.steinzeitwissen.de/werkzeuge').meta.title).toBe('Werkzeuge der Neandertaler');
  });

  it('falls back to the <h1> when the page has no metadata title', () => {
    expect(chooseTitle({ metaTitles: [], h1s: ['  Bridge closes for repairs '], siteNames: [] })).toBe('Bridge closes for repairs');
  });

  it('cuts section names off the far end of a <title> once the site name is cut off', () => {
    const title = 'EFC Bayrische Bembel Regensburg - Eintracht Frankfurt stellt Weichen für die Zukunft - Eintracht Presse - News';
    expect(chooseTitle({ metaTitles: [title], h1s: [], siteNames: [], url: 'http://bayrische-bembel.de/bbr/article.php?storyid=504' })).toBe(
      'Eintracht Frankfurt stellt Weichen für die Zukunft',
    );
    // A numbered part ("Teil 49") is no section name.
    expect(stripSiteName('Die Haubenfahrzeuge der Nachkriegszeit - Teil 49 - BOS-Fahrzeuge', ['bosfahrzeuge'])).toBe('Die Haubenfahrzeuge der Nachkriegszeit - Teil 49');
  });

  it('gives the headline in Unicode normal form C', () => {
    // U+09DC (Bengali RRA) is a composition exclusion: NFC writes it as DDA + NUKTA.
    expect(chooseTitle({ metaTitles: [], h1s: ['বাড\u09DCির সামনেই'], siteNames: [] })).toBe('বাড\u09A1\u09BCির সামনেই');
  });

  it('keeps a quoted lead-in of the <h1> that the metadata title leaves out, not a topic kicker', () => {
    const e = { metaTitles: [null, 'Marita Kramer verpasst Olympische Spiele in Peking - skispringen.com'], siteNames: ['skispringen.com'] };
    expect(chooseTitle({ ...e, metaTitles: e.metaTitles as string[], h1s: ['"Pure Leere": Marita Kramer verpasst Olympische Spiele in Peking'] })).toBe(
      '"Pure Leere": Marita Kramer verpasst Olympische Spiele in Peking',
    );
    const kicker = { metaTitles: ['Klimavorreiter Oberland? - Tegernseerstimme'], h1s: ['Energiewende Oberland: Klimavorreiter Oberland?'], siteNames: ['Tegernseerstimme'] };
    expect(chooseTitle(kicker)).toBe('Klimavorreiter Oberland?');
  });

  it('takes the lead <h2> when the only <h1>s are one-word toolbar labels', () => {
    const e = { metaTitles: ['BeginnersGuide/Download - Python Wiki'], h1s: ['Page', 'User'], leadH2s: ['Downloading Python'], siteNames: [] };
    expect(chooseTitle(e)).toBe('Downloading Python');
    expect(chooseTitle({ ...e, h1s: [''], metaTitles: ['mediaarchitecture.de // » Jens Weber'], leadH2s: ['[> Jens Weber'] })).not.toBe('[> Jens Weber');
  });

  it("prefers a lead heading the article's JSON-LD or og:title confirms to an <h1> only the <title> confirms", () => {
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"&#8222;Arschloch&#8220;: Danni und Ennesto trennen sich"}</script>';
    const head = `<title>Danni und Ennesto trennen sich: "Arschloch"</title>${ld}`;
    const body = `<h1>Danni und Ennesto trennen sich: "Arschloch"</h1><h2>„Arschloch“: Danni und Ennesto trennen sich</h2>${article('')}`;
    expect(read(page(head, body)).meta.title).toBe('„Arschloch“: Danni und Ennesto trennen sich');
  });

  it("takes the page's part of the <title> when the <h1> is the site's heading and the URL names the page", () => {
    const e = { metaTitles: ['Enchufla Figuren - Salsa-Figuren - Rueda in Berlin'], h1s: ['Salsa-Figuren - Rueda in Berlin'], siteNames: [] };
    expect(chooseTitle({ ...e, url: 'http://rueda.wikidot.com/enchufla' })).toBe('Enchufla Figuren');
    expect(chooseTitle({ ...e, url: 'http://rueda.wikidot.com/start' })).toBe('Salsa-Figuren - Rueda in Berlin');
  });

  it("takes the article's own metadata title over a one- or two-word <h1> that labels it", () => {
    const e = { metaTitles: [null, 'SibenLab privacy policy', null, null, 'privacy policy: SibenLab privacy policy'] as string[], h1s: ['privacy policy'], siteNames: [] };
    expect(chooseTitle(e)).toBe('SibenLab privacy policy');
  });
});

describe('the publication date', () => {
  it('takes JSON-LD datePublished over a misleading date shown on the page', () => {
    const head = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-03-04T09:00:00+01:00"}</script>';
    const body = article('<h1>Bridge closes</h1><div class="date">Updated 12.05.2023</div>');
    expect(read(page(head, body)).clean.publishedAt).toBe('2021-03-04');
  });

  it("gives a UTC time as the publisher's local day, by the site's country code or language", () => {
    const head = '<meta property="article:published_time" content="2022-11-06T23:00:00.000Z">';
    expect(read(page(head, article('<h1>Bridge closes</h1>')), 'https://news.example.de/bridge').clean.publishedAt).toBe('2022-11-07');
    const rfc = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"Wed, 04 May 2022 02:41:00 GMT"}</script>';
    expect(read(page(rfc, article('<h1>Bridge closes</h1>')), 'https://news.example.bo/bridge').clean.publishedAt).toBe('2022-05-03');
    const lang = `<!DOCTYPE html><html lang="de-DE"><head>${head}</head><body>${article('<h1>Bridge closes</h1>')}</body></html>`;
    expect(read(lang, 'https://news.example.com/bridge').clean.publishedAt).toBe('2022-11-07');
    // An unknown zone, or a time with its own offset, is read as written.
    expect(read(page(head, article('<h1>Bridge closes</h1>')), 'https://news.example.com/bridge').clean.publishedAt).toBe('2022-11-06');
    const offset = '<meta property="article:published_time" content="2022-11-06T23:00:00-05:00">';
    expect(read(page(offset, article('<h1>Bridge closes</h1>')), 'https://news.example.de/bridge').clean.publishedAt).toBe('2022-11-06');
  });

  it('reads a date on a page whose <body> class names a sidebar or comments (the page state, not a part of it)', () => {
    const html = `<!DOCTYPE html><html><head></head><body class="single has-sidebar comments-open">${article(
      '<h1>Bridge closes</h1><span class="posted-on"><time class="entry-date published" datetime="2019-02-10T09:30:10+01:00">10. Februar 2019</time></span>',
    )}<aside class="sidebar"><time datetime="2018-01-01">1 Jan</time></aside></body></html>`;
    expect(read(html).clean.publishedAt).toBe('2019-02-10');
  });

  it('reads an RDFa creation date and a date line just above the headline', () => {
    const rdfa = '<h1>Bridge closes</h1><p><span property="dc:date dc:created" content="2019-07-07T18:44:31+02:00">7. Juli 2019</span></p>';
    expect(read(page('', article(rdfa))).clean.publishedAt).toBe('2019-07-07');
    const above = '<div><span>Nachrichten</span> <span>16.10.2021</span><h1 class="headline">Bridge closes</h1></div>';
    expect(read(page('', `<h1 class="site-title">Bridge News</h1>${article(above)}`)).clean.publishedAt).toBe('2021-10-16');
  });

  it('reads a labelled date in the text, not one in the comments', () => {
    const body = `${article('<h1>Bridge closes</h1>')}<p>Bewertungen 1,0 Datum: 03.11.2021 Autor: Peter</p><div class="comments">Published: 4 May 2022</div>`;
    expect(read(page('', body)).clean.publishedAt).toBe('2021-11-03');
    const comment = `${article('<h1>Bridge closes</h1>')}<div class="comments">Published: 4 May 2022</div>`;
    expect(read(page('', comment)).clean.publishedAt).toBeNull();
  });

  it('reads a date element by its class, day first with dots or with a German month name', () => {
    expect(read(page('', article('<h1>Bridge closes</h1><span class="post-date">Veröffentlicht am 23.03.2008</span>'))).clean.publishedAt).toBe('2008-03-23');
    expect(read(page('', article('<h1>Bridge closes</h1><div class="meta-info">1. Februar 2022, Daniel Dillenburg</div>'))).clean.publishedAt).toBe(
      '2022-02-01',
    );
  });

  it('leaves out dates in comments and sidebars, and a modification date', () => {
    const body = `${article('<h1>Bridge closes</h1>')}<aside><span class="date">01.01.2020</span></aside><div class="comments"><time datetime="2019-02-02">2 Feb</time></div>`;
    const head = '<meta property="article:modified_time" content="2022-06-01">';
    expect(read(page(head, body)).clean.publishedAt).toBeNull();
  });

  it("reads the date in an article's own <footer> (not the page's) and in an author line", () => {
    const own = `<article><h1>Bridge closes</h1><p>${LONG}</p><p>${SECOND}</p><footer class="node__meta"><span property="schema:dateCreated" content="2022-01-28T12:45:46+00:00"></span></footer></article>`;
    expect(read(page('', own)).clean.publishedAt).toBe('2022-01-28');
    const pageFooter = `${article('<h1>Bridge closes</h1>')}<footer><span property="schema:dateCreated" content="2022-01-28"></span></footer>`;
    expect(read(page('', pageFooter)).clean.publishedAt).toBeNull();
    expect(read(page('', article('<h1>Bridge closes</h1><div class="left author">Author: Bo2man am 29.12.2010, 13:36 Uhr</div>'))).clean.publishedAt).toBe('2010-12-29');
  });

  it("reads a date that is a whole part of the page's <title>, and a date in the line under the headline", () => {
    const head = '<title>La perte des terres fertiles | Environnement | DW | 23.05.2011</title>';
    expect(read(page(head, article('<h1>La perte des terres fertiles</h1>'))).clean.publishedAt).toBe('2011-05-23');
    expect(read(page('<title>Ferry prices rise in 2021 | Port News</title>', article('<h1>Ferry prices</h1>'))).clean.publishedAt).toBeNull();
    expect(read(page('', article('<div class="subline"><table><tr><td>26 | 01 | 2022</td><td>Schweiz</td></tr></table></div><h1>Bridge closes</h1>'))).clean.publishedAt).toBe('2022-01-26');
  });

  it('prefers a full date in the URL to a date found in the text', () => {
    const body = article('<h1>Bridge closes</h1><p class="byline">Posted 02/03/2015 by Ann</p>');
    expect(read(page('', body), 'https://news.example/2016/05/07/bridge').clean.publishedAt).toBe('2016-05-07');
  });

  it('takes a date shown on the page over an unspecific "date" <meta> a CMS fills with its last change', () => {
    const head = '<meta name="date" content="2021-12-20T11:02:44+01:00">';
    expect(read(page(head, article('<h1>Bridge closes</h1><span class="date">27.01.2022</span>'))).clean.publishedAt).toBe('2022-01-27');
    expect(read(page(head, article('<h1>Bridge closes</h1>'))).clean.publishedAt).toBe('2021-12-20');
  });

  it("reads a WebPage's JSON-LD datePublished when the page describes no article", () => {
    const head = '<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"CC"},{"@type":"WebPage","datePublished":"2014-03-17T01:44:37+00:00","dateModified":"2018-09-16T06:34:07+00:00"}]}</script>';
    expect(read(page(head, article('<h1>Bridge closes</h1>'))).clean.publishedAt).toBe('2014-03-17');
  });

  it('reads URL dates written day first or without separators, and a date line next to a headline that is no <h1>', () => {
    const body = article('<h2>Bridge closes</h2>');
    expect(read(page('', body), 'https://example.de/meldungen/29-10-2021').clean.publishedAt).toBe('2021-10-29');
    expect(read(page('', body), 'https://example.de/artikel/bericht_vom_22.04.2020_bridge').clean.publishedAt).toBe('2020-04-22');
    expect(read(page('', body), 'https://example.de/aktuelles/08112021-bridge').clean.publishedAt).toBe('2021-11-08');
    expect(read(page('', body), 'https://example.cn/local/2020-02/19/c_1125.htm').clean.publishedAt).toBe('2020-02-19');
    const titled = page('<title>The old bridge closes for repairs | Example</title>', `<div class="headline">The old bridge closes for repairs</div><div>Von Claudia Lindner 27.1.2022</div>${article('')}`);
    expect(read(titled, 'https://example.de/bridge').clean.publishedAt).toBe('2022-01-27');
  });

  it('reads a date in a container whose class names only the layout around it ("zen-one-sidebar-second")', () => {
    const body = `<div class="panel-display zen-one-sidebar-second">${article('<h1>Bridge closes</h1><span class="field-field-published-at">le 07 Mai 2020</span>')}</div><div class="sidebar"><span class="date">01.01.2020</span></div>`;
    expect(read(page('', body)).clean.publishedAt).toBe('2020-05-07');
  });

  it("does not take today's date from the site's navigation bar", () => {
    const body = `<div id="navwrap"><div class="navtop"><time datetime="2023-11-01T13:56:20+01:00">Mittwoch, 01. November 2023</time></div></div>${article('<h1>Im Schlepptau</h1><p><span class="text_datum">31. Oktober 2023.</span></p>')}`;
    expect(read(page('', body)).clean.publishedAt).toBe('2023-10-31');
  });

  it("does not date the page by a linked document's title, and reads a Drupal \"submitted\" line", () => {
    const links = article(
      '<h1>Verkündung des Gesetzes</h1><div class="docData"><span class="label">Datum:</span> <span class="value">18.10.2021</span></div><p>Im Bundesgesetzblatt wurde das Gesetz verkündet.</p><p><a class="Publication" href="/doc.pdf">Informationsschreiben vom 14. Oktober 2021</a></p>',
    );
    expect(read(page('', links)).clean.publishedAt).toBe('2021-10-18');
    const drupal = article('<h1>Faircoin Hackathon</h1><div class="submitted">Gespeichert von rasos am 24. Juli 2017 - 18:55</div>');
    expect(read(page('', drupal)).clean.publishedAt).toBe('2017-07-24');
  });

  it("reads the posted date in an article's own <aside class=\"meta\">", () => {
    const own = `<article><h1>Bridge closes</h1><aside class="meta"><p class="meta__content"><time datetime="2022-01-21">21.01.2022</time></p></aside><p>${LONG}</p><p>${SECOND}</p></article>`;
    expect(read(page('', own)).clean.publishedAt).toBe('2022-01-21');
    const related = `<article><h1>Bridge closes</h1><aside class="related"><time datetime="2022-01-21">21.01.2022</time></aside><p>${LONG}</p><p>${SECOND}</p></article>`;
    expect(read(page('<meta property="article:published_time" content="2022-01-25">', related)).clean.publishedAt).toBe('2022-01-25');
  });

  it('finds full dates in short texts, refusing impossible and future ones', () => {
    expect(dateInText('mardi 5 juin 2018', '2025-01-01')).toBe('2018-06-05');
    expect(dateInText('March 23rd, 2008 at 10:00', '2025-01-01')).toBe('2008-03-23');
    expect(dateInText('el 3 de mayo de 2022', '2025-01-01')).toBe('2022-05-03');
    expect(dateInText('25/12/2023', '2025-01-01')).toBe('2023-12-25');
    expect(dateInText('26 | 01 | 2022', '2025-01-01')).toBe('2022-01-26');
    expect(dateInText('03/04/2023', '2025-01-01')).toBeUndefined(); // day or month first: unknown
    expect(dateInText('31.02.2020', '2025-01-01')).toBeUndefined();
    expect(dateInText('08.09.2080', '2025-01-01')).toBeUndefined();
  });
});

describe('the body', () => {
  const body = (html: string) => read(page('<title>Bridge closes for repairs</title>', html)).clean.text;

  it('drops captions and image credits', () => {
    const text = body(
      article('<figure><img src="a.jpg"><figcaption>The old bridge in 2019. Photo: Jan Smit</figcaption></figure><p class="image-credit">Foto: dpa</p>'),
    );
    expect(text).toBe(`${LONG}\n\n${SECOND}`);
  });

  it('drops a "you may also like" link list with its heading, and a "read also" line', () => {
    const related =
      '<h3>You may also like...</h3><ul><li><a href="/a">Ferry prices rise</a></li><li><a href="/b">New tram line opens</a></li><li><a href="/c">Road works in May</a></li></ul>';
    const text = body(`<article><p>${LONG}</p><p>Lea también: <a href="/x">Impiden ingreso a reportero</a></p><p>${SECOND}</p>${related}</article>`);
    expect(text).toBe(`${LONG}\n\n${SECOND}`);
  });

  it('keeps a section whose BEM modifier names an ad slot inside it, not the block itself', () => {
    const text = body(
      `<article><h1>Bridge closes</h1><section class="TestReport__Section TestReport__Section--Ads"><p>${LONG}</p></section><section class="TestReport__Section--Ads"><p>${SECOND}</p></section><div class="Teaser--Dark"><p>Ferry prices rise again this summer.</p></div></article>`,
    );
    expect(text).toBe(`${LONG}\n\n${SECOND}`);
  });

  it('drops short call-to-action and label lines in several languages, not sentences that begin alike', () => {
    const lines = ['Möchten Sie den Artikel teilen?', 'Gefällt Ihnen dieser Artikel?', 'Subscribe now to our eNATION edition for the full story.', 'Kontakt:', 'Aktualisiert am 3.2.2021', 'Permalien', 'HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS', 'Last modified: 2 May 2020'];
    const kept = 'Kontaktbeschränkungen gelten weiter, sagte die Ministerin am Montag in Berlin.';
    const text = body(`<article><p>${LONG}</p>${lines.map((l) => `<p>${l}</p>`).join('')}<p>${kept}</p><p>${SECOND}</p></article>`);
    expect(text).toBe(`${LONG}\n\n${kept}\n\n${SECOND}`);
  });

  it('drops a byline label standing alone, a permalink with its URL and a publication line, and keeps a credit with its name', () => {
    const lines = ['Von:', 'Autoren:', 'Permalien https://p.dw.com/p/RPYx', 'Veröffentlichung: 2. Februar 2022', 'Originalartikel:', 'Zusatzinformationen:'];
    const credit = 'Autor: Steffen Pache, Sächsische Landesanstalt für Landwirtschaft, Köllitsch (D)';
    const kept = 'Von Berlin aus fuhr der Zug weiter nach Hamburg, wo er am Abend ankam.';
    const text = body(`<article><p>${LONG}</p>${lines.map((l) => `<p>${l}</p>`).join('')}<p>${kept}</p><p>${SECOND}</p><p>${credit}</p></article>`);
    expect(text).toBe(`${LONG}\n\n${kept}\n\n${SECOND}\n\n${credit}`);
  });

  it('drops share, newsletter, tag and byline blocks named by their class', () => {
    const text = body(
      article(
        '<div class="share-buttons">Share on Facebook Share on X</div><div class="newsletter-signup">Get our newsletter every morning</div>' +
          '<div class="post-tags">bridges, transport</div><div class="article-meta">By Ann Lee, 12 May 2024</div>',
      ),
    );
    expect(text).toBe(`${LONG}\n\n${SECOND}`);
  });

  it("keeps an article whose container's classes name its tags or sit in a sidebar layout, beside a long sidebar", () => {
    const sidebar = `<div class="widget-area">${Array.from({ length: 12 }, (_, i) => `<div class="widget"><p>${SECOND} (${i})</p></div>`).join('')}</div>`;
    const tagged = `<div class="post-full post type-post tag-bridges category-news"><h1>Bridge closes</h1><p>${LONG}</p><p>${SECOND}</p></div>${sidebar}`;
    expect(body(tagged)).toContain(LONG);
    const layout = `<div class="post-wrap cb-sidebar-right"><article class="post"><h1>Bridge closes</h1><p>${LONG}</p><p>${SECOND}</p></article></div>${sidebar}`;
    expect(body(layout)).toContain(LONG);
  });

  it('reads a page that has markup before its <!DOCTYPE> (a stray include)', () => {
    const html = `<style>.a { color: red }</style>\n<!DOCTYPE html>\n<!--[if lt IE 9]><html class="ie"><![endif]-->\n<html lang="en"><head><title>Bridge closes</title></head><body>${article('<h1>Bridge closes</h1>')}</body></html>`;
    expect(body(html)).toBe(`${LONG}\n\n${SECOND}`);
    expect(parseDocument(html).documentElement.localName).toBe('html');
  });

  it('drops the text of an image block (a caption or credit), not a sentence beside an image; a negated class is no boilerplate', () => {
    const withImage = `<article><h1>Bridge closes</h1><p>${LONG}</p><div class="imginline"><img src="b.jpg"><span>Abbildung: die alte Brücke im Winter</span></div><div class="step"><img src="s.jpg"><p>Cut the board along the marked line first, then sand both of its edges until they are smooth.</p></div><p>${SECOND}</p></article>`;
    const text = body(withImage);
    expect(text).not.toContain('Abbildung');
    expect(text).toContain('Cut the board along the marked line');
    const negated = body(`<article><h1>Bridge closes</h1><section class="row non-paywall"><p>${LONG}</p></section><p>${SECOND}</p></article>`);
    expect(negated).toContain(LONG);
  });

  it("reads a Blogger post sent as markup in a <script type=\"text/template\"> inside its articleBody", () => {
    const esc = `<p>${LONG}</p><p>${SECOND}</p>`;
    const body = `<div class="post"><h2 class="title">Bridge closes</h2><div class="post-body"><div itemprop="articleBody"><script type="text/template">${esc}</script></div></div></div><div class="sidebar"><script type="text/template"><p>Not the article at all, a template of the sidebar that must stay a script.</p></script></div>`;
    const text = read(page('<title>Bridge closes</title>', body)).clean.text;
    expect(text).toContain('overdue by a decade');
    expect(text).toContain('four million euros');
    expect(text).not.toContain('Not the article');
  });

  it('keeps a real first paragraph that the page also uses as its description', () => {
    const html = page(`<title>Bridge closes</title><meta name="description" content="${LONG}">`, `<article><h1>Bridge closes</h1><p>${LONG}</p><p>${SECOND}</p></article>`);
    expect(read(html).clean.text).toBe(`${LONG}\n\n${SECOND}`);
  });

  it('keeps headings, lists and links that are part of the text', () => {
    const text = body(
      `<article><p>${LONG}</p><h2>What changes for drivers</h2><ul><li>The detour adds twelve kilometres to the trip.</li><li>Buses keep their timetable.</li></ul><p>The <a href="/r">full report</a> was published by the council on Monday, with the costs of every repair listed in detail for each of the supports.</p><p>${SECOND}</p></article>`,
    );
    expect(text).toContain('What changes for drivers');
    expect(text).toContain('Buses keep their timetable.');
    expect(text).toContain('The full report was published by the council on Monday');
  });

  it('does not take a sentence for furniture because of its first word', () => {
    const line = 'Themen der Woche sind die Brücke und der Umweg.';
    expect(body(`<article><p>${line}</p><p>${LONG}</p><p>${SECOND}</p></article>`)).toContain(line);
  });

  it('falls back to the page body when the main content found is a fragment of it', () => {
    const items = Array.from({ length: 6 }, (_, i) => `<div class="c"><b>Step ${i + 1}.</b> ${SECOND}</div>`).join('');
    const text = body(`<div id="x"><div class="intro"><p>Short intro line.</p></div>${items}</div>`);
    expect(text).toContain('Step 6.');
  });
});
