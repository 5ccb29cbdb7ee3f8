// The page's publication date, from the most to the least explicit evidence (as htmldate orders it):
//   1. publication <meta> tags (article:published_time, itemprop datePublished, DC issued, Parse.ly, …),
//      then the article's JSON-LD datePublished (in that order: 278 against 274 right on
//      trafilatura-eval);
//   2. an element marked as the publication date: itemprop="datePublished", <time pubdate>, a <time>
//      or element whose class says "published"/"entry-date"/"post-date";
//   3. a full date in the page's URL (the usual forms are left to cleaning, which reads them; the
//      others, "29-10-2021", "vom_22.04.2020", "/08112021-", "/2020-02/19/", are read here);
//   4. the first <time> element, then the first short element whose class or id names a date
//      ("date", "datum", "fecha", "byline", "post-meta" …) and whose text holds a full date;
//   5. <meta> dates that do not say what they date ("date", "DCTERMS.date": content management
//      systems put the page's last change there; after the date the page shows: +6 right on
//      trafilatura-eval), then a WebPage's JSON-LD datePublished;
//   6. a date in the first words after the <h1> (a date line under the headline), or, where the
//      headline is no <h1>, after the headline's text; then a labelled date ("Datum: …");
// never inside comments, sidebars, footers or related-article lists. A modification date is not a
// publication date. Dates after today or before 1995 are not taken. Linear: each step is one pass,
// and the text of at most MAX_DATE_ELEMENTS short elements is read.
import months from './page-months.json' with { type: 'json' };
import type { DomDocument, DomElement } from './html-dom.ts';
import { NOT_ARTICLE_HEADING } from './html-title.ts';

/** Longest part of a title read as a date (a date alone, with a weekday at most). */
const MAX_TITLE_DATE = 32;
/** Elements whose text is read in step 4. */
export const MAX_DATE_ELEMENTS = 300;
/** Longest text of a date element (a byline line with a date, not a paragraph). */
const MAX_DATE_TEXT = 160;
const MIN_YEAR = 1995;

const PUBLISHED_META = [
  'article:published_time', 'og:article:published_time', 'article.published', 'datepublished', 'publishdate',
  'publish-date', 'publish_date', 'pubdate', 'dc.date.issued', 'dcterms.issued', 'parsely-pub-date', 'sailthru.date',
  'article.created', 'cxenseparse:recs:publishtime', 'citation_publication_date', 'citation_date', 'originalpublicationdate',
  'og:pubdate', 'shareaholic:article_published_time', 'uploaddate',
];
/** <meta> dates that do not say which date they are: content management systems fill them with the
 *  page's creation or last change ("date", "DCTERMS.date"). Taken after a date shown on the page. */
const UNSPECIFIC_META = ['dc.date', 'dcterms.date', 'dcterms.created', 'date', 'created'];

/** Class or id of an element that holds the publication date. */
const PUBLISHED_CLASS = /(?:^|[\s_-])(?:published|publish-?date|pub-?date|entry-date|post-?date|posted-?on|article-?date|date-?published|story-?date|news-?date|meta-?date)(?:$|[\s_-])/i;
/** RDFa property of an element that holds the publication date ("dc:date dc:created", "schema:dateCreated"). */
const PUBLISHED_PROPERTY = /(?:^|[\s:])(?:datePublished|dateCreated|created|issued)(?:$|\s)|(?:^|\s)dc:date(?:$|\s)/;
/** Class or id of an element that may hold a date among other things. */
const DATE_CLASS = /date|datum|fecha|data-publicacao|time|zeit|byline|subline|author|autor|post-?meta|entry-?meta|article-?meta|meta-?info|posted|publi|dateline|info|submitted/i;
/** Containers whose dates are not the article's. */
const NOT_ARTICLE = 'footer, aside, nav, [class*="comment"], [id*="comment"], [class*="related"], [class*="sidebar"], [id*="sidebar"], [class*="teaser"]';

let monthNames: Map<string, number> | undefined;
let monthPattern: string | undefined;

function monthTable(): { names: Map<string, number>; pattern: string } {
  if (!monthNames || !monthPattern) {
    monthNames = new Map();
    months.months.forEach((names, i) => names.forEach((n) => monthNames!.set(n, i + 1)));
    monthPattern = [...monthNames.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  }
  return { names: monthNames, pattern: monthPattern };
}

function isoOf(y: number, m: number, d: number, today: string): string | undefined {
  if (y < 100) y += y < 50 ? 2000 : 1900;
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return undefined;
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return y >= MIN_YEAR && iso <= today ? iso : undefined;
}

let textPatterns: RegExp[] | undefined;

/**
 * The first full date written in a short text, as YYYY-MM-DD: ISO ("2024-05-01"), day first with
 * dots ("1.5.2024", "01.05.24"), with slashes when the day is told by a part over 12 ("25/12/2023"),
 * between bars ("26 | 01 | 2022"),
 * or with a month name in one of the page-months.json languages ("1. Mai 2024", "May 1, 2024",
 * "1 de mayo de 2024").
 */
export function dateInText(text: string, today = todayIso()): string | undefined {
  const { names, pattern } = monthTable();
  textPatterns ??= [
    /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/u,
    /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?![\d.]\d)/u,
    /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/u,
    /(?<![\d|])(\d{1,2}) ?\| ?(\d{1,2}) ?\| ?(\d{4})(?![\d|])/u,
    new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})(?:\\.|er|e|st|nd|rd|th|º)?\\s*(?:de\\s+)?(${pattern})\\.?,?\\s*(?:de\\s+)?(\\d{4})(?!\\d)`, 'iu'),
    new RegExp(`(?<![\\p{L}])(${pattern})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'iu'),
  ];
  let best: { index: number; iso: string } | undefined;
  textPatterns.forEach((re, k) => {
    const m = re.exec(text);
    if (!m) return;
    let iso: string | undefined;
    if (k === 0) iso = isoOf(+m[1], +m[2], +m[3], today);
    else if (k === 1) iso = isoOf(+m[3], +m[2], +m[1], today);
    else if (k === 2) {
      const a = +m[1];
      const b = +m[2];
      iso = a > 12 ? isoOf(+m[3], b, a, today) : b > 12 ? isoOf(+m[3], a, b, today) : undefined;
    } else if (k === 3) iso = isoOf(+m[3], +m[2], +m[1], today);
    else if (k === 4) iso = isoOf(+m[3], names.get(m[2].toLowerCase())!, +m[1], today);
    else iso = isoOf(+m[3], names.get(m[1].toLowerCase())!, +m[2], today);
    if (iso && (!best || m.index < best.index)) best = { index: m.index, iso };
  });
  return best?.iso;
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Time zones of sites by country-code top-level domain, then by the page's language where one zone
 * holds nearly all its readers. A time given in UTC ("…T23:00:00Z", "… 02:41:00 GMT") is the
 * publisher's local day in this zone: "2022-11-06T23:00:00Z" on a .de site was published on 7 November.
 * A time with another offset is already local and is read as written.
 */
const ZONE_BY_TLD: Record<string, string> = {
  de: 'Europe/Berlin', at: 'Europe/Vienna', ch: 'Europe/Zurich', li: 'Europe/Zurich', fr: 'Europe/Paris', be: 'Europe/Brussels',
  nl: 'Europe/Amsterdam', lu: 'Europe/Luxembourg', it: 'Europe/Rome', es: 'Europe/Madrid', pt: 'Europe/Lisbon', pl: 'Europe/Warsaw',
  cz: 'Europe/Prague', sk: 'Europe/Bratislava', hu: 'Europe/Budapest', dk: 'Europe/Copenhagen', se: 'Europe/Stockholm',
  no: 'Europe/Oslo', fi: 'Europe/Helsinki', gr: 'Europe/Athens', ro: 'Europe/Bucharest', ru: 'Europe/Moscow', tr: 'Europe/Istanbul',
  br: 'America/Sao_Paulo', ar: 'America/Argentina/Buenos_Aires', bo: 'America/La_Paz', co: 'America/Bogota', cl: 'America/Santiago',
  pe: 'America/Lima', mx: 'America/Mexico_City', ve: 'America/Caracas', ec: 'America/Guayaquil', uy: 'America/Montevideo',
  cn: 'Asia/Shanghai', jp: 'Asia/Tokyo', kr: 'Asia/Seoul', in: 'Asia/Kolkata', bd: 'Asia/Dhaka', tn: 'Africa/Tunis',
};
const ZONE_BY_LANGUAGE: Record<string, string> = {
  de: 'Europe/Berlin', nl: 'Europe/Amsterdam', it: 'Europe/Rome', pl: 'Europe/Warsaw', cs: 'Europe/Prague', hu: 'Europe/Budapest',
  da: 'Europe/Copenhagen', sv: 'Europe/Stockholm', nb: 'Europe/Oslo', fi: 'Europe/Helsinki', el: 'Europe/Athens', ja: 'Asia/Tokyo',
  ko: 'Asia/Seoul', zh: 'Asia/Shanghai', bn: 'Asia/Dhaka',
};

/** The time zone a site publishes in, from its host's country code or the page's language; undefined when unknown. */
export function siteTimeZone(url: string | undefined, language: string | undefined): string | undefined {
  let host = '';
  try {
    host = new URL(url ?? '').hostname;
  } catch {
    // no usable URL
  }
  const tld = host.split('.').pop() ?? '';
  return ZONE_BY_TLD[tld] ?? ZONE_BY_LANGUAGE[(language ?? '').trim().toLowerCase().split(/[-_]/)[0]];
}

/** A UTC date-time ("2022-11-06T23:00:00Z", "+00:00", "Wed, 04 May 2022 02:41:00 GMT") as the day in `zone`. */
function localDay(t: string, zone: string | undefined): string | undefined {
  if (!zone || t.length > 40) return undefined;
  const utc =
    /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]00:?00)$/i.test(t) ||
    /^(?:[A-Z][a-z]{2}, )?\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}(?::\d{2})? (?:GMT|UTC|\+0000)$/.test(t);
  if (!utc) return undefined;
  const ms = Date.parse(t.replace(/([+-]00):?(00)$/, 'Z').replace(' ', (m) => (/^\d{4}-/.test(t) ? 'T' : m)));
  if (Number.isNaN(ms)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
  } catch {
    return undefined;
  }
}

/** A machine-readable date attribute ("2024-05-01T10:00:00+02:00", "2024-05-01") checked for sanity;
 *  as written, except a UTC time, which is given as the day in the site's zone (see ZONE_BY_TLD). */
function machineDate(s: string | null | undefined, today: string, zone?: string): string | undefined {
  const t = s?.trim();
  if (!t) return undefined;
  const local = localDay(t, zone);
  if (local) return isoOf(+local.slice(0, 4), +local.slice(5, 7), +local.slice(8, 10), today);
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(t) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})/.exec(t);
  if (m) return isoOf(+m[1], +m[2], +m[3], today) ? t : undefined;
  return dateInText(t, today);
}

/** Elements whose class names the page's state rather than a part of it ("has-sidebar",
 *  "comments-open" on <body>): never a reason to leave the page's dates out. */
const PAGE_LEVEL = new Set(['html', 'body', 'main']);
/** A <footer> inside an <article> is the article's own (its byline and dates, as HTML defines it),
 *  not the page's. */
const outsideArticle = (el: DomElement) => {
  const closest = (e: DomElement, sel: string) => (e as unknown as { closest(sel: string): DomElement | null }).closest(sel);
  let c = closest(el, NOT_ARTICLE);
  // A container whose class only names the layout around it ("zen-one-sidebar-second",
  // "has-sidebar") holds the article; look further up.
  while (c !== null && !PAGE_LEVEL.has(c.localName.toLowerCase()) && isLayoutOnly(c)) {
    const up = c.parentNode as DomElement | null;
    c = up && typeof (up as unknown as { closest?: unknown }).closest === 'function' ? closest(up, NOT_ARTICLE) : null;
  }
  if (c === null || PAGE_LEVEL.has(c.localName.toLowerCase())) return inPageChrome(el);
  const kind = c.localName.toLowerCase();
  // An <aside> inside an <article> that holds the article's own metadata ("aside.meta" with the
  // posted date) is the article's, like its <footer>.
  const ownMeta = kind === 'aside' && ARTICLE_META.test(`${c.getAttribute('class') ?? ''} ${c.getAttribute('id') ?? ''}`);
  if (kind !== 'footer' && !ownMeta) return true;
  const article = closest(c, 'article');
  const others = NOT_ARTICLE.replace('footer, ', '').replace(ownMeta ? 'aside, ' : '', '');
  return article === null || closest(el, others) !== null;
};

/** Class or id of a box holding an article's own metadata (date, byline). */
const ARTICLE_META = /(?:^|[\s_-])(?:meta|byline|post-?meta|entry-?meta|article-?meta|article-?info|dateline)(?:$|[\s_-])/i;

/** Class tokens that describe a page's layout (how many sidebars it has), not a sidebar. */
const LAYOUT_TOKEN = /^(?:[\w-]*-)?(?:one|two|three|has|with|no|left|right)-sidebars?(?:-[\w-]*)?$/i;

/** True when an element matched NOT_ARTICLE only through layout class tokens. */
function isLayoutOnly(el: DomElement): boolean {
  const name = el.localName.toLowerCase();
  if (name === 'footer' || name === 'aside' || name === 'nav') return false;
  const id = el.getAttribute('id') ?? '';
  if (/comment|sidebar/i.test(id)) return false;
  const tokens = (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
  const telling = tokens.filter((t) => /comment|related|sidebar|teaser/i.test(t));
  return telling.length > 0 && telling.every((t) => LAYOUT_TOKEN.test(t));
}

/** Ids and class tokens of the site's navigation bar and masthead, where sites show today's date. */
const PAGE_CHROME = /^(?:nav|navbar|navwrap|navtop|navigation|main-?nav|top-?nav|topbar|top-bar|menu|main-?menu|masthead|site-?header)$/i;
/** Ancestors looked at for PAGE_CHROME (the navigation bar sits near the top of the tree). */
const CHROME_DEPTH = 12;

/** True when an element sits in the site's navigation bar or masthead, outside any <article>. */
function inPageChrome(el: DomElement): boolean {
  let e: DomElement | null = el;
  for (let i = 0; e && i < CHROME_DEPTH; i++, e = e.parentNode as DomElement | null) {
    if (typeof e.getAttribute !== 'function') return false;
    const name = e.localName.toLowerCase();
    if (name === 'article' || name === 'main' || name === 'body') return false;
    const tokens = `${e.getAttribute('id') ?? ''} ${e.getAttribute('class') ?? ''}`.split(/\s+/);
    if (tokens.some((t) => PAGE_CHROME.test(t))) return true;
  }
  return false;
}

/** The text of an element when it is short, else undefined (read without walking a long subtree twice). */
function shortText(el: DomElement): string | undefined {
  const t = el.textContent ?? '';
  return t.length <= MAX_DATE_TEXT * 4 ? t.replace(/\s+/g, ' ').trim().slice(0, MAX_DATE_TEXT * 2) : undefined;
}

export interface DateSources {
  /** datePublished of the article's JSON-LD. */
  jsonLd?: string;
  /** datePublished of the page's JSON-LD when it describes no article (a WebPage). */
  pageJsonLd?: string;
  /** The page's metadata titles (<title>, og:title): a part of them that is only a date ("… | DW |
   *  23.05.2011") dates the page. */
  titles?: (string | undefined)[];
  /** The page's headline as chosen (a date line may follow it where it is no <h1>). */
  title?: string;
  /** <meta> tags by lower-cased name/property/itemprop. */
  metaTags: Map<string, string>;
  /** The page's URL (its date is read by cleaning, after the explicit evidence). */
  url?: string;
  /** YYYY-MM-DD: later dates are refused (today by default). */
  today?: string;
  /** The page's language (<html lang>), for the site's time zone when its host does not tell it. */
  language?: string;
}

/** The publication date as a string for cleaning to normalise, or undefined (see the file comment). */
export function pageDate(doc: DomDocument, src: DateSources): string | undefined {
  const today = src.today ?? todayIso();
  const zone = siteTimeZone(src.url, src.language);
  for (const k of PUBLISHED_META) {
    const v = machineDate(src.metaTags.get(k), today, zone);
    if (v) return v;
  }
  const ld = machineDate(src.jsonLd, today, zone);
  if (ld) return ld;
  const elements = Array.from(doc.querySelectorAll('[itemprop="datePublished"], [property], time, [class], [id]'));
  const attrDate = (el: DomElement) =>
    machineDate(el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.getAttribute('data-datetime') ?? el.getAttribute('title'), today, zone);
  // 2. Marked as the publication date.
  let marks = 0;
  for (const el of elements) {
    const name = el.localName.toLowerCase();
    const marked =
      el.getAttribute('itemprop') === 'datePublished' ||
      PUBLISHED_PROPERTY.test(el.getAttribute('property') ?? '') ||
      (name === 'time' && (el.getAttribute('pubdate') !== null || PUBLISHED_CLASS.test(el.getAttribute('class') ?? ''))) ||
      PUBLISHED_CLASS.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);
    if (!marked || outsideArticle(el)) continue;
    if (++marks > MAX_DATE_ELEMENTS) break;
    const d = attrDate(el) ?? dateInText(shortText(el) ?? '', today);
    if (d) return d;
  }
  // 3. A full date in the URL: cleaning reads the usual forms; the others are read here.
  const path = (src.url ?? '').replace(/^[a-z]+:\/\/[^/]*/i, '');
  if (path && /(?:^|[/_.-])(?:19|20)\d{2}([/-])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?=$|[/_.?#-])|[/_-](?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?=$|[/_.?#-])/.test(path)) {
    return undefined;
  }
  const inPath = path ? urlDate(path, today) : undefined;
  if (inPath) return inPath;
  // 4. The first <time>, then the first short date-named element with a date in its text.
  let read = 0;
  for (const el of elements) {
    if (el.localName.toLowerCase() !== 'time' || outsideArticle(el)) continue;
    if (++read > MAX_DATE_ELEMENTS) break;
    const d = attrDate(el) ?? dateInText(shortText(el) ?? '', today);
    if (d) return d;
  }
  read = 0;
  for (const el of elements) {
    if (!DATE_CLASS.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) continue;
    if (++read > MAX_DATE_ELEMENTS) break;
    // A link's text dates what it links to (a document, another article), not this page.
    if (el.localName.toLowerCase() === 'a' && el.getAttribute('href')) continue;
    const t = shortText(el);
    if (!t || t.length > MAX_DATE_TEXT || outsideArticle(el)) continue;
    const d = dateInText(t, today);
    if (d) return d;
  }
  // A part of the page's title that is only a date ("La perte des terres … | DW | 23.05.2011").
  for (const t of src.titles ?? []) {
    for (const part of (t ?? '').split(/\s+[|–—·•-]\s+/u)) {
      const d = part.length <= MAX_TITLE_DATE && !/\p{L}{3,}.*\p{L}{3,}.*\p{L}{3,}/u.test(part) ? dateInText(part, today) : undefined;
      if (d) return d;
    }
  }
  // 5. <meta> dates that do not say what they date, and the datePublished of the page's JSON-LD
  // (a WebPage rather than an article).
  for (const k of UNSPECIFIC_META) {
    const v = machineDate(src.metaTags.get(k), today, zone);
    if (v) return v;
  }
  const pageLd = machineDate(src.pageJsonLd, today, zone);
  if (pageLd) return pageLd;
  // 6. A date line right under the headline ("1. Februar 2022, Daniel Dillenburg").
  // The first <h1> that is not hidden nor the site's name; then a date just before it ("Nachrichten
  // 16.10.2021 <h1>…", a date line above the headline).
  const h1 = Array.from(doc.querySelectorAll('h1')).find((h) => !NOT_ARTICLE_HEADING.test(`${h.getAttribute('class') ?? ''} ${h.getAttribute('id') ?? ''}`));
  const around = (h1?.parentNode?.textContent ?? '').replace(/\s+/g, ' ');
  const headline = (h1?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const nearHeadline = headline ? dateNear(around, headline, today) : undefined;
  return nearHeadline ?? textDate(doc, src.title, today);
}

/** A date written just after (or just before) the first place `headline` appears in `text`. */
function dateNear(text: string, headline: string, today: string, places = 1, after = AFTER_HEADLINE): string | undefined {
  let at = text.indexOf(headline);
  for (let i = 0; i < places && at >= 0; i++, at = text.indexOf(headline, at + headline.length)) {
    const d =
      dateInText(text.slice(at + headline.length, at + headline.length + after), today) ??
      dateInText(text.slice(Math.max(0, at - BEFORE_HEADLINE), at), today);
    if (d) return d;
  }
  return undefined;
}

/** Dates in URL paths in the forms cleaning does not read: "29-10-2021", "vom_22.04.2020",
 *  "/08112021-", "/2020-02/19/". */
function urlDate(path: string, today: string): string | undefined {
  const p = decodeURIComponent(path.replace(/%(?![0-9a-f]{2})/gi, '%25'));
  const dmy = /(?:^|[/_-])(\d{2})([.-]?)(\d{2})\2((?:19|20)\d{2})(?=$|[/_.?#-])/.exec(p);
  if (dmy) {
    const iso = isoOf(+dmy[4], +dmy[3], +dmy[1], today);
    if (iso) return iso;
  }
  const ym = /(?:^|\/)((?:19|20)\d{2})-(\d{2})\/(\d{2})(?=\/)/.exec(p);
  return ym ? isoOf(+ym[1], +ym[2], +ym[3], today) : undefined;
}

/** Characters of text after the headline searched for a date line: after an <h1> in its parent,
 *  after the headline's text in the page (where a dek may come first). */
const AFTER_HEADLINE = 200;
const AFTER_TITLE = 400;
/** A label that introduces the publication date in a page's text ("Datum: 03.11.2021", "Erschienen
 *  am 01.11.2023", "Pressemitteilung vom 20.01.2022", "Published: 30 January 2017"). */
const DATE_LABEL =
  /(?:^|[^\p{L}])(?:Datum|Date|Published(?: on)?|Posted(?: on)?|Publié le|Publicado(?: el| em)?|Pubblicato(?: il)?|Veröffentlicht(?: am)?|Erschienen(?: am)?|Gepubliceerd(?: op)?|Publicerad|(?:Pressemitteilung|Pressemeldung|Meldung) vom)\s?:?\s/giu;
/** Characters of the page's text searched for a labelled date, and labels tried. */
const LABEL_TEXT = 200_000;
const MAX_LABELS = 50;

/** 7. In the page's text outside comments, sidebars and footers: a date line next to the page's
 *  headline where it is not an <h1>, else the first labelled date. */
function textDate(doc: DomDocument, title: string | undefined, today: string): string | undefined {
  const body = doc.body as unknown as { cloneNode(deep: boolean): DomElement } | null;
  if (!body) return undefined;
  const copy = body.cloneNode(true);
  for (const el of Array.from(copy.querySelectorAll(`script, style, noscript, template, ${NOT_ARTICLE}`))) el.remove();
  const text = (copy.textContent ?? '').slice(0, LABEL_TEXT).replace(/\s+/g, ' ');
  const near = title && title.length >= 8 ? dateNear(text, title, today, 3, AFTER_TITLE) : undefined;
  if (near) return near;
  let tried = 0;
  for (const m of text.matchAll(DATE_LABEL)) {
    if (++tried > MAX_LABELS) break;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    const d = /^\d|^\p{L}{3,}\.? \d|^\d{1,2}\.? \p{L}/u.test(after) ? dateInText(after, today) : undefined;
    if (d) return d;
  }
  return undefined;
}

/** Characters of text before the headline searched for a date line above it. */
const BEFORE_HEADLINE = 40;
