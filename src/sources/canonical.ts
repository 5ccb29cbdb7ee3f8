// The canonical form of an item URL, the key items are deduplicated on: scheme and host lower
// case, default port, fragment and tracking parameters (utm_*, fbclid, gclid, ...) dropped, the
// remaining query parameters kept in their order.

const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|ocid|cmpid|at_medium|at_campaign|at_custom\d*)$/i;

export function canonicalUrl(u: string): string {
  const url = new URL(u);
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
  if (url.search === '?') url.search = '';
  return url.href; // URL already lower-cases scheme and host and drops default ports
}

/** The canonical URL a page names for itself (<link rel=canonical>, og:url, as the reader found it),
 *  when it is an http(s) URL; else the URL it was fetched from. */
export function pageCanonical(declared: string | undefined, fetched: string): string {
  if (declared) {
    try {
      const abs = new URL(declared, fetched);
      if (abs.protocol === 'http:' || abs.protocol === 'https:') return canonicalUrl(abs.href);
    } catch {
      // not a URL: the fetched one stands
    }
  }
  return canonicalUrl(fetched);
}
