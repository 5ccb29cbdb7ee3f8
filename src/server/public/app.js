// Minimal UI: article list, search and article view. Article text is untrusted: it is only ever
// inserted with textContent / text nodes, never as HTML.
const $ = (sel) => document.querySelector(sel);
const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = v;
    else if (k === 'href') node.setAttribute('href', v);
    else node[k] = v;
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c ?? '')));
  return node;
};

async function api(path) {
  const res = await fetch(path);
  const body = await res.json();
  if (!res.ok) throw new Error(body.message || res.statusText);
  return body;
}

/** Turns "a [[b]] c" into text nodes and <mark> elements without ever parsing HTML. */
function snippetNodes(snippet) {
  const out = [];
  const parts = snippet.split(/\[\[|\]\]/);
  parts.forEach((p, i) => out.push(i % 2 ? el('mark', {}, p) : document.createTextNode(p)));
  return out;
}

function row(a, snippet) {
  const title = el('a', { href: `#/article/${a.id}` }, a.title || '(untitled)');
  const first = el('td', {}, title);
  if (snippet) first.append(el('div', { class: 'snippet' }, ...snippetNodes(snippet)));
  return el('tr', {}, first, el('td', {}, a.source || '—'), el('td', {}, a.language),
    el('td', { class: a.publishedAt ? '' : 'muted' }, a.publishedAt || 'unknown'));
}

async function showList(query) {
  $('#article').hidden = true;
  $('#articles').hidden = false;
  const body = $('#articles tbody');
  body.replaceChildren();
  try {
    if (query) {
      const r = await api(`/api/search?q=${encodeURIComponent(query)}&limit=100`);
      $('#status').textContent = `${r.total} article(s) match “${query}”`;
      for (const h of r.hits) body.append(row(h, h.snippet));
    } else {
      const r = await api('/api/articles?limit=500');
      $('#status').textContent = `${r.total} article(s)`;
      for (const a of r.items) body.append(row(a));
    }
  } catch (e) {
    $('#status').textContent = `Error: ${e.message}`;
  }
}

async function showArticle(id) {
  $('#articles').hidden = true;
  const box = $('#article');
  box.hidden = false;
  box.replaceChildren();
  try {
    const a = await api(`/api/articles/${encodeURIComponent(id)}`);
    $('#status').textContent = '';
    box.append(
      el('p', {}, el('a', { href: '#/' }, '← all articles')),
      el('h2', {}, a.title || '(untitled)'),
      el('p', { class: 'muted' }, [a.source, a.byline, a.language, a.publishedAt ? `${a.publishedAt} (from ${a.publishedAtFrom})` : 'date unknown'].filter(Boolean).join(' · ')),
    );
    if (a.dek) box.append(el('p', {}, el('em', {}, a.dek)));
    box.append(el('pre', {}, a.text));
  } catch (e) {
    $('#status').textContent = `Error: ${e.message}`;
  }
}

function route() {
  const h = location.hash;
  const m = /^#\/article\/([0-9a-f]+)/.exec(h);
  if (m) return showArticle(m[1]);
  const s = /^#\/search\/(.*)$/.exec(h);
  const q = s ? decodeURIComponent(s[1]) : '';
  $('#q').value = q;
  return showList(q);
}

$('#search').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const q = $('#q').value.trim();
  location.hash = q ? `#/search/${encodeURIComponent(q)}` : '#/';
});
window.addEventListener('hashchange', route);
route();
