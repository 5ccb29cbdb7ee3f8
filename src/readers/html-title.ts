// The page's headline: the visible <h1> when the page's metadata titles (JSON-LD headline,
// og:title, twitter:title, <title>) confirm it, else the best metadata title with the site name cut
// off ("Headline | Hertha BSC Blog", "Site » Headline"). A part of a title is the site's name when it
// matches og:site_name, the JSON-LD publisher or the host name, or when it repeats across the
// page's titles where the headline does not.

/** Separators between a headline and a site or section name, with spaces around them. */
const SEPARATOR = /\s+(?:[|–—·•»›«‹~⁄*⋆/]+|:{1,2}|-{1,2}|\/\/)\s+|^\s*[|–—·•»›«‹~⁄*⋆:-]+\s+|\s+[|–—·•»›«‹~⁄*⋆:-]+\s*$/u;
/** "Headline-新华网": CJK titles join the site name without spaces. */
const CJK_SITE_SUFFIX = /^(.{4,}?)[-_|｜—–]\s*([\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\w.]{2,12})$/u;

/** Longest headline taken from an <h1>, in characters. */
const MAX_H1_CHARS = 300;

export interface TitleEvidence {
  /** Metadata titles, most trusted first: JSON-LD headline, og:title, twitter:title, <title>. */
  metaTitles: (string | undefined)[];
  /** Texts of the page's <h1> elements, in document order (kickers left out: see headingText). */
  h1s: string[];
  /** Texts of the page's first <h2> elements. */
  h2s?: string[];
  /** Texts of the <h2>s before the page's first paragraph of prose (a page without <h1> may mark its
   *  headline with the first of them). */
  leadH2s?: string[];
  /** Names the site goes by: og:site_name, application-name, the JSON-LD publisher. */
  siteNames: (string | undefined)[];
  /** The page's URL (its host names the site too). */
  url?: string;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
/** A heading without separators left at its ends ("» Jens Weber", ": Headline"). */
const trimSeparators = (s: string) => {
  // A heading quoted whole ("»frag.jetzt«", "« … »") keeps its quotes.
  const quoted = /^\s*([»«›‹])[^»«›‹]+([»«›‹])\s*$/u.exec(s);
  if (quoted && quoted[1] !== quoted[2]) return s.trim();
  const t = s.replace(/^[\s|–—·•»›«‹~⁄*⋆:>-]+|[\s|–—·•»›«‹~⁄*⋆:<-]+$/gu, '');
  // Guillemets that quote ("»frag.jetzt«", "« Il y a … ». Sur …", "Näßler: «Liebe …»") stay: an
  // opening one is kept when a closing one follows, a closing one when an opening one precedes it.
  const lead = /^\s*([»«›‹])\s*/u.exec(s);
  const tail = /\s*([»«›‹])\s*$/u.exec(s);
  let out = t;
  if (lead && t && /[»«›‹]/u.test(t)) out = s.slice(lead.index, lead.index + lead[0].length).trimStart() + out;
  if (tail && t && /[»«›‹]/u.test(out)) out = out + tail[0].trimEnd();
  return out;
};
/** Comparison key: case, quotes, dashes, punctuation and spacing ignored (as clean/text.ts titleKey). */
const titleKey = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’“”"'«»„`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const squash = (s: string) => titleKey(s).replace(/ /g, '');

/** Lower-case forms a site goes by: its names, and its host without "www." and the top-level domain. */
function siteKeys(e: TitleEvidence): string[] {
  const keys = e.siteNames.filter((s): s is string => !!s && !!titleKey(s)).map(squash);
  try {
    const host = new URL(e.url ?? '').hostname.replace(/^www\d?\./, '');
    if (host) {
      keys.push(squash(host));
      const labels = host.split('.');
      if (labels.length >= 2) keys.push(squash(labels.slice(0, -1).join(' ')), squash(labels[labels.length - 2]));
    }
  } catch {
    // no usable URL
  }
  return [...new Set(keys.filter((k) => k.length >= 3))];
}

/** True when a title part names the site rather than the article. */
function isSitePart(part: string, sites: string[]): boolean {
  const k = squash(part);
  if (!k) return true;
  return sites.some((s) => k === s || (k.length >= 4 && (s.includes(k) || (k.includes(s) && s.length >= 0.5 * k.length))));
}

/** The title split at separators ("A | B - C" -> A, B, C). */
export function titleParts(title: string): string[] {
  return norm(title).split(SEPARATOR).map(norm).filter(Boolean);
}

/**
 * The title without the parts that name the site. When no part is recognised as the site, a title
 * of two parts keeps the longer one only if the shorter is a name-like tail of at most four words;
 * otherwise the whole title stays.
 */
export function stripSiteName(title: string, sites: string[], others: string[] = []): string {
  const t = norm(title);
  const parts = titleParts(t);
  if (parts.length < 2) {
    const cjk = CJK_SITE_SUFFIX.exec(t);
    if (cjk && (isSitePart(cjk[2], sites) || /^\p{Script=Han}{2,5}$/u.test(cjk[2]))) return cjk[1].trim();
    return t;
  }
  let kept = parts.filter((p) => !isSitePart(p, sites));
  if (kept.length === parts.length) {
    // Parts repeated in the page's other titles where the rest differs ("Section - Site" tails).
    const otherParts = others.filter((o) => norm(o) !== t).flatMap(titleParts).map(squash);
    const repeated = parts.filter((p) => otherParts.includes(squash(p)));
    if (repeated.length > 0 && repeated.length < parts.length) kept = parts.filter((p) => !repeated.includes(p));
  }
  if (kept.length === 0) return t;
  if (kept.length === parts.length) return t;
  // The headline is the longest contiguous run of kept parts, joined as it was written.
  const runs: string[][] = [];
  let run: string[] = [];
  for (const p of parts) {
    if (kept.includes(p)) run.push(p);
    else if (run.length) (runs.push(run), (run = []));
  }
  if (run.length) runs.push(run);
  const best = runs.sort((a, b) => b.join(' ').length - a.join(' ').length)[0];
  return joinParts(t, withoutSections(best));
}

/** A title part that reads as a section or category name ("News", "Eintracht Presse"): one or two
 *  words, no digits. */
const isSectionLike = (part: string) => titleKey(part).split(' ').length <= 2 && !/\p{N}/u.test(part);

/** A run of title parts left once the site's name is cut off, without the section names at its
 *  ends ("Headline - Eintracht Presse - News"), as long as a part of four words or more remains. */
function withoutSections(run: string[]): string[] {
  let from = 0;
  let to = run.length;
  const headline = (p: string) => titleKey(p).split(' ').length >= 4;
  if (!run.some(headline)) return run;
  while (to - from > 1 && isSectionLike(run[to - 1])) to--;
  while (to - from > 1 && isSectionLike(run[from])) from++;
  return run.slice(from, to);
}

/** The span of the original title covering the given consecutive parts (their separators kept). */
function joinParts(title: string, parts: string[]): string {
  const start = title.indexOf(parts[0]);
  const last = parts[parts.length - 1];
  const end = title.indexOf(last, start + (parts.length > 1 ? parts[0].length : 0)) + last.length;
  return start >= 0 && end > start ? title.slice(start, end) : parts.join(' ');
}

/** Every run of consecutive parts of a title, and what follows a "Section: " prefix, as comparison keys. */
function partKeys(title: string): Set<string> {
  const parts = titleParts(title);
  const keys = new Set<string>([titleKey(title)]);
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j <= parts.length; j++) {
      const run = parts.slice(i, j).join(' ');
      keys.add(titleKey(run));
      const colon = /^[^:]{2,40}:\s+(.{8,})$/u.exec(run);
      if (colon) keys.add(titleKey(colon[1]));
    }
  }
  keys.delete('');
  return keys;
}

/** True when `inner` is the start or the end of `outer` (whole words), covering half of it or more:
 *  "Kuchen mit Marshmallows" in "Kuchen mit Marshmallows Rezept". */
function isAffixOf(inner: string, outer: string): boolean {
  if (inner.length < 0.5 * outer.length || !inner.includes(' ')) return false;
  return outer.startsWith(`${inner} `) || outer.endsWith(` ${inner}`);
}

/** Chooses the headline (see the file comment); undefined when the page has no title at all. The
 *  headline is in Unicode normal form C, as the cleaned text is, so that it compares and searches
 *  the same however the page encoded its letters. */
export function chooseTitle(e: TitleEvidence): string | undefined {
  return pickTitle(e)?.normalize('NFC');
}

function pickTitle(e: TitleEvidence): string | undefined {
  const metas = e.metaTitles.map((t) => (t ? norm(t) : '')).filter(Boolean);
  const sites = siteKeys(e);
  const usable = (hs: string[]) => hs.map((h) => trimSeparators(norm(h))).filter((h) => h && h.length <= MAX_H1_CHARS && !isSitePart(h, sites));
  const h1s = usable(e.h1s);
  const h2s = usable(e.h2s ?? []);
  const confirmed = new Set(metas.flatMap((m) => [...partKeys(m)]));
  const metaKeys = metas.map(titleKey);
  const confirms = (h: string) => confirmed.has(titleKey(h)) || metaKeys.some((m) => isAffixOf(titleKey(h), m));
  // An <h1> that one of the metadata titles (or a run of its parts) confirms; a one- or two-word
  // <h1> ("News") gives way to a longer confirmed <h2>, the article's own heading under a section's.
  const words = (h: string) => titleKey(h).split(' ').length;
  const confirmedH1s = h1s.filter(confirms);
  const h1 = confirmedH1s.find((h) => words(h) > 2) ?? confirmedH1s[0];
  if (h1 && words(h1) > 2) {
    // An <h1> that only the <title> tag confirms gives way to a heading before the article's first
    // paragraph that the article's own metadata (JSON-LD headline, og:title) confirms: the <h1> is
    // then the site's wording of a teaser, the lead heading the article's.
    const [ld, og] = e.metaTitles.map((t) => (t ? norm(t) : ''));
    const own = [ld, og].filter(Boolean);
    const byOwn = (h: string) => own.some((m) => partKeys(m).has(titleKey(h)) || isAffixOf(titleKey(h), titleKey(m)));
    if (own.length && !byOwn(h1)) {
      const lead = usable(e.leadH2s ?? []).find((h) => words(h) > 2 && byOwn(h));
      if (lead) return lead;
    }
    return pageBesideSiteHeading(h1, metas, e.url) ?? h1;
  }
  const confirmedH2 = h2s.find((h) => confirms(h) && words(h) > 2);
  if (confirmedH2) return confirmedH2;
  if (h1) {
    // A one- or two-word <h1> that ends or starts the article's own metadata title ("privacy
    // policy" in "SibenLab privacy policy") is a label for it: the metadata title is the headline.
    const [ld, og] = e.metaTitles.map((t) => (t ? trimSeparators(stripSiteName(norm(t), sites, metas)) : ''));
    const fuller = [ld, og].find((m) => m && words(m) <= 8 && titleParts(m).length === 1 && isAffixOf(titleKey(h1), titleKey(m)));
    return fuller ?? h1;
  }
  // A page with one visible <h1> that no metadata title confirms: the page shows it as its
  // headline, while the metadata often carries an older or search-engine wording of it — unless a
  // metadata title of two words or more lies inside it (a kicker or subtitle run into the <h1>:
  // "Einheit der WocheLagen-Pyramide mit GA2") or it lies inside one (a short form: "蔡健雅").
  const single = [...new Set(h1s)];
  const long = single.filter((h) => words(h) > 2);
  const only = single.length === 1 ? single[0] : long.length === 1 && single.length <= 3 ? long[0] : undefined;
  if (only) {
    const k = titleKey(only);
    const lower = only.toLowerCase();
    const glued = metas.flatMap(titleParts).some((m) => {
      const at = lower.indexOf(m.toLowerCase());
      return m.includes(' ') && at > 0 && /[\p{L}\p{N}]/u.test(lower[at - 1]);
    });
    // A metadata title that the <h1> ends with after a quotation and a colon is the headline
    // without its quoted lead-in ("\"Pure Leere\": Marita Kramer verpasst …"): the <h1> as shown is
    // the fuller headline. (A topic kicker before a colon, "Energiewende Oberland: …", is not.)
    const leadIn = metas.some((m) => {
      const sm = stripSiteName(m, sites, metas);
      return sm.includes(' ') && new RegExp(`^\\s*["“„«»‚‘'][^:：]{1,80}["”“»«‘’']\\s*[:：]\\s*${escapeRe(sm)}\\s*$`, 'iu').test(only);
    });
    const inside = !leadIn && metas.map((m) => titleKey(stripSiteName(m, sites, metas))).some((m) => m.includes(' ') && k.includes(m));
    const related = glued || inside || [...confirmed].some((m) => m.includes(k));
    if (!related) return only;
  }
  // A page without any <h1> often marks its headline with the first <h2> (older blogs and CMS
  // themes); not a date line ("Samstag, 5. Oktober 2013") nor a one-word section name.
  // The same when the page's only <h1>s are one-word labels no metadata title confirms ("Page",
  // "User": headings of the site's own toolbars).
  const h2 = usable(e.leadH2s ?? []).find((h) => !(words(h) <= 5 && /(?:^|\D)(?:19|20)\d{2}(?:\D|$)/.test(h)));
  const labels = e.h1s.map(titleKey).filter(Boolean);
  const noHeadlineH1 = e.h1s.length === 0 || (!h1 && labels.length > 0 && labels.length === e.h1s.length && labels.every((h) => !h.includes(' ')));
  if (noHeadlineH1 && h2 && words(h2) >= 2 && words(h2) <= 25) return h2;
  const stripped = metas.map((m) => stripSiteName(m, sites, metas));
  return (stripped[0] && trimSeparators(stripped[0])) || stripped[0] || h1s[0];
}

/** Words of four letters or more in the last segment of a URL's path ("…/enchufla",
 *  "…/tote-hummeln-unter-linden/"), lower-cased; none for numeric ids. */
function slugWords(url: string | undefined): string[] {
  let path = '';
  try {
    path = new URL(url ?? '').pathname;
  } catch {
    return [];
  }
  const last = path.split('/').filter(Boolean).pop() ?? '';
  const name = last.replace(/\.[a-z\d]{2,5}$/i, '');
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // a malformed escape: keep it as written
  }
  return titleKey(decoded).split(' ').filter((w) => w.length >= 4 && !/\d/.test(w));
}

/**
 * When the <h1> is the site's own heading — it is the tail (or head) of a metadata title whose
 * other part names the page ("Enchufla Figuren - Salsa-Figuren - Rueda in Berlin" with the <h1>
 * "Salsa-Figuren - Rueda in Berlin") — the page's part, if the URL's last path segment names it
 * and not the <h1>.
 */
function pageBesideSiteHeading(h1: string, metas: string[], url: string | undefined): string | undefined {
  const slug = slugWords(url);
  const h1Key = titleKey(h1);
  if (slug.length === 0 || slug.some((w) => h1Key.includes(w))) return undefined;
  for (const m of metas) {
    const parts = titleParts(m);
    for (let n = 1; n < parts.length; n++) {
      const head = parts.slice(0, n);
      const tail = parts.slice(n);
      for (const [site, page] of [[tail, head], [head, tail]]) {
        const pageKey = titleKey(page.join(' '));
        if (titleKey(site.join(' ')) === h1Key && slug.every((w) => pageKey.includes(w))) return joinParts(norm(m), page);
      }
    }
  }
  return undefined;
}

/** Classes and ids of <h1> elements that are not the article's headline: hidden ones (for screen
 *  readers or collapsed), the site's name or logo, a menu button. */
export const NOT_ARTICLE_HEADING = /(?:^|[\s_-])(?:hidden|aural|sr-only|visually-?hidden|visuallyhidden|screen-?reader|site-?(?:title|name|logo|branding)|logo|brand(?:ing)?|menu(?:-?toggle)?)(?:$|[\s_-])/i;

/** Classes and ids of the parts of a heading that are not the headline: a kicker or overline
 *  ("Klimaschutz", "Dachzeile"), text for screen readers only. */
const NOT_HEADLINE = /kicker|overline|dachzeile|topline|eyebrow|supertitle|roofline|spitzmarke|rubri[ck]|visually-?hidden|sr-only|screen-?reader|a11y/i;

interface HeadingNode {
  nodeType: number;
  nodeValue?: string | null;
  childNodes: ArrayLike<HeadingNode>;
  getAttribute?(name: string): string | null;
}

/** The text of a heading without its kicker and screen-reader parts (an explicit stack: no recursion). */
export function headingText(el: HeadingNode): string {
  let out = '';
  const stack: HeadingNode[] = [el];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      out += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    if (node !== el && NOT_HEADLINE.test(`${node.getAttribute?.('class') ?? ''} ${node.getAttribute?.('id') ?? ''}`)) {
      out += ' ';
      continue;
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return norm(out);
}
