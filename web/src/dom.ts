// Building DOM without ever parsing HTML: every string becomes a text node or an attribute value.
// Article text is untrusted; this module is the only way the UI creates elements.

export type Child = Node | string | number | null | undefined | false | Child[];

export interface Props {
  class?: string | (string | false | null | undefined)[];
  dataset?: Record<string, string | undefined>;
  /** CSS custom properties only ("--colour": "#abc"); set through the CSSOM, which the CSP allows. */
  vars?: Record<string, string>;
  [attr: string]: unknown;
}

/** Allows only http(s) links and same-site paths: a "javascript:" URL in an article never becomes a link. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, ...c);
    else parent.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setProps(el, props);
  append(el, ...children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element (a chart, a graph) under the same rules as h(): strings are attribute values or text nodes. */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, props?: Props | null, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
  setProps(el, props);
  append(el, ...children);
  return el;
}

function setProps(el: HTMLElement | SVGElement, props: Props | null | undefined): void {
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') el.setAttribute('class', Array.isArray(v) ? v.filter(Boolean).join(' ') : String(v));
      else if (k === 'dataset') {
        for (const [dk, dv] of Object.entries(v as Record<string, string | undefined>)) if (dv !== undefined) el.dataset[dk] = dv;
      } else if (k === 'vars') for (const [vk, vv] of Object.entries(v as Record<string, string>)) el.style.setProperty(vk, vv);
      else if (k.startsWith('on')) {
        if (typeof v !== 'function') throw new Error(`h(): "${k}" must be a function`);
        el.addEventListener(k.slice(2).toLowerCase(), v as EventListener);
      }
      else if (k === 'href') {
        const href = safeHref(String(v));
        if (href) el.setAttribute('href', href);
      } else if (k === 'style' || k === 'src' || k === 'srcdoc') throw new Error(`h(): "${k}" is not allowed`);
      else if (v === true) el.setAttribute(k, '');
      else el.setAttribute(k, String(v));
    }
  }
}

export const text = (s: string) => document.createTextNode(s);

export function clear(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, ...children);
}
