// Regression tests for the super-linear spots found by the fuzz harness and by hand (issue 15), each
// on the pathological input itself. Linearity is asserted by counting work (characters handed to
// the segmenter, passes over the tokens), never by the clock; the inputs are sized so that the old
// code would not finish within the test timeout.
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyze.ts';
import { segmentSentences } from '../../src/analysis/sentences/segment.ts';
import { tagArticle } from '../../src/analysis/mentions/tag-article.ts';
import { entityLanguage } from '../../src/analysis/mentions/language.ts';
import { nameIndex, titleBefore } from '../../src/analysis/mentions/roles.ts';
import { htmlFragmentToArticle, htmlToArticle, MAX_READABILITY_DEPTH } from '../../src/readers/html.ts';
import { MAX_PARSE_DEPTH, nestingDepth } from '../../src/readers/html-flat.ts';
import { domToText } from '../../src/readers/html-text.ts';
import type { DomNode } from '../../src/readers/html-dom.ts';
import { readBuffer } from '../../src/readers/index.ts';
import { articles, collect } from '../readers/helpers.ts';
import { segmentText, SEGMENT_WINDOW } from '../../src/text/segments.ts';
import type { RawArticle } from '../../src/types.ts';
import { PATHOLOGICAL } from '../../support/fuzz/inputs.ts';
import { exampleText } from '../readers/helpers.ts';

/** A segmenter that counts the characters it is given to segment. */
function countingSegmenter(granularity: 'sentence' | 'word') {
  const real = new Intl.Segmenter('en', { granularity });
  const counter = { chars: 0 };
  const seg = { segment: (s: string) => ((counter.chars += s.length), real.segment(s)) } as unknown as Intl.Segmenter;
  return { seg, counter, real };
}

/** Real text of about `size` characters in one paragraph (the examples, newlines removed). */
function oneParagraph(size: number): string {
  const src = ['000_3a9e140460d11d4b.txt', '001_4f95569abf96a48a.txt', '003_1d174a4085385254.txt'].map(exampleText).join(' ').replace(/\s+/g, ' ');
  let t = '';
  while (t.length < size) t += src + ' ';
  return t.slice(0, size);
}

describe('Intl.Segmenter in windows (sentences, words)', () => {
  it('gives exactly the segments of one pass over real text many windows long', () => {
    const text = oneParagraph(30_000);
    for (const granularity of ['sentence', 'word'] as const) {
      const { seg, real } = countingSegmenter(granularity);
      const windowed = Array.from(segmentText(seg, text), (s) => [s.index, s.segment]);
      const whole = Array.from(real.segment(text), (s) => [s.index, s.segment]);
      expect(windowed, granularity).toEqual(whole);
    }
  });

  it('hands the segmenter about the text once, whatever its repetition (140 kB of "Mr. ", one 100 kB word)', () => {
    for (const text of ['Mr. '.repeat(35_000), 'He went home. '.repeat(10_000), 'abcdefghij'.repeat(10_000)]) {
      for (const granularity of ['sentence', 'word'] as const) {
        const { seg, counter } = countingSegmenter(granularity);
        let n = 0;
        let last = 0;
        for (const s of segmentText(seg, text)) {
          expect(s.index).toBe(last);
          last = s.index + s.segment.length;
          n++;
        }
        expect(last).toBe(text.length);
        expect(n).toBeGreaterThan(0);
        // each window's last segment is handed over again: at most about twice the text, plus the
        // doubling of a window for one segment longer than a window
        expect(counter.chars / text.length, `${granularity} ${text.slice(0, 12)}`).toBeLessThan(4);
      }
    }
  });

  it('keeps "Mr. Mr. Mr. …" as one sentence (the abbreviation joins every split)', () => {
    const text = 'Mr. '.repeat(35_000);
    expect(segmentSentences(text, 'en')).toEqual([{ start: 0, end: text.length - 1 }]);
  });

  it('segments text of up to one window in a single pass, as before', () => {
    const text = oneParagraph(SEGMENT_WINDOW - 10);
    const { seg, counter } = countingSegmenter('sentence');
    Array.from(segmentText(seg, text));
    expect(counter.chars).toBe(text.length);
  });
});

describe('titles before names', () => {
  it('read the token norms once per article, not once per name', () => {
    const text = 'President Joe Biden met Prime Minister Benjamin Netanyahu in Washington. '.repeat(300);
    const sentences = segmentSentences(text, 'en');
    const person = new Set(['Joe', 'Biden', 'Benjamin', 'Netanyahu']);
    const art = tagArticle(text, sentences, 'en', (words) =>
      words.map((ws) => ws.map((w, i) => (person.has(w) ? (person.has(ws[i - 1] ?? '') ? 'I-PER' : 'B-PER') : 'O'))),
    );
    let maps = 0;
    art.tokens = new Proxy(art.tokens, {
      get(t, k, r) {
        if (k === 'map') maps++;
        return Reflect.get(t, k, r);
      },
    });
    const el = entityLanguage('en');
    const at = nameIndex(art);
    const heads = art.names.map((n) => titleBefore(art, el, at, n.first)?.head);
    expect(art.names).toHaveLength(600);
    expect(heads.filter((h) => h === 'president')).toHaveLength(300);
    expect(heads.filter((h) => h === 'prime minister')).toHaveLength(300);
    expect(maps).toBeLessThanOrEqual(1);
  });
});

describe('deeply nested HTML', () => {
  it(`skips Readability past ${MAX_READABILITY_DEPTH} levels and keeps the text, with a note`, () => {
    for (const depth of [1_000, 20_000]) {
      const html = `<html><body>${'<div>'.repeat(depth)}Deeply nested text.${'</div>'.repeat(depth)}</body></html>`;
      const a = htmlToArticle(html, 'nest.html');
      expect(a.raw).toBe('Deeply nested text.');
      expect(a.extractedBy).toBe('body');
      // up to MAX_PARSE_DEPTH the DOM's body text, past it the markup's text without a DOM
      expect(a.note).toMatch(depth <= MAX_PARSE_DEPTH ? `nested ${depth + 1} deep` : `nested ${depth} deep`);
    }
  });

  it('still uses Readability on a real page nested within the limit', () => {
    const text = exampleText('003_1d174a4085385254.txt');
    const paras = text.split(/\n\s*\n/).map((p) => `<p>${p.replace(/[<&]/g, ' ')}</p>`).join('');
    const wrap = MAX_READABILITY_DEPTH - 10;
    const html = `<html><head><title>T</title></head><body><nav>Home</nav>${'<div>'.repeat(wrap)}<article>${paras}</article>${'</div>'.repeat(wrap)}</body></html>`;
    const a = htmlToArticle(html, 'page.html');
    expect(a.extractedBy).toBe('readability');
    expect(a.note).toBeUndefined();
    expect(a.raw).not.toContain('Home');
  });
});

describe('markup nested too deep for the HTML parser', () => {
  it(`takes the text of 1 MB of unclosed <b><i><span> (${MAX_PARSE_DEPTH}+ deep; minutes in the parser) without a DOM, with a note`, async () => {
    const { body } = PATHOLOGICAL['nest-unclosed'](1_000_000, '');
    const html = String(body);
    expect(nestingDepth(html)).toBeGreaterThan(200_000);
    const a = htmlToArticle(html, 'unclosed.html');
    expect(a.raw).toMatch(/^(?:x )+x$/);
    expect(a.raw.length).toBeGreaterThan(140_000);
    expect(a.note).toMatch(/without parsing it into a document/);
    // the same in a feed item and a JSONL html field
    const fragment = htmlFragmentToArticle(html.replace(/<\/?(?:html|body)>/g, ''), 'feed.rss', 1);
    expect(fragment.raw).toBe(a.raw);
    const [fromJson] = articles(await collect(readBuffer('a.jsonl', Buffer.from(JSON.stringify({ html })))));
    expect(fromJson.raw).toBe(a.raw);
  }, 60_000);

  it('counts depth as the parser would for real pages: left-out end tags of paragraphs and cells do not add up', () => {
    expect(nestingDepth('<html><body><div><p>one<p>two<p>three<ul><li>a<li>b</ul></div></body></html>')).toBe(2);
    expect(nestingDepth('<table>' + '<tr><td>cell'.repeat(5000) + '</table>')).toBe(1);
    expect(nestingDepth('<div>'.repeat(50) + '</div>'.repeat(50))).toBe(50);
  });

  it("reads each element's children once when turning a DOM into text (linkedom builds the list at every access)", () => {
    let reads = 0;
    const kids: DomNode[] = Array.from({ length: 10_000 }, (_, i) => ({ nodeType: 3, nodeValue: `w${i} `, textContent: null, childNodes: [], parentNode: null }));
    const root = {
      nodeType: 1,
      localName: 'p',
      textContent: null,
      parentNode: null,
      get childNodes() {
        reads++;
        return [...kids];
      },
    } as DomNode;
    expect(domToText(root).split(' ')).toHaveLength(10_000);
    expect(reads).toBe(1);
  });
});

describe('whole articles on the pathological inputs', () => {
  const analyze = async (text: string) => {
    const analyzer = await createAnalyzer();
    const raw: RawArticle = { file: 'p.txt', format: 'txt', raw: text, original: text, meta: { language: 'en' } };
    return analyzer.analyze(raw);
  };

  it('a 400 kB run of digits (figures took over 60 s): the masks scan it once', async () => {
    const { body } = PATHOLOGICAL['digit-run'](400_000, '');
    const doc = await analyze(String(body));
    expect(doc.text).toContain('1'.repeat(1000));
    for (const f of doc.figures) expect(doc.text.slice(f.start, f.end)).toBe(f.text);
  }, 60_000);

  it('1 MB of "1,000." in one sentence (figures took 112 s): what a figure counts is looked for in a bounded stretch before it', async () => {
    const { body } = PATHOLOGICAL['digit-groups'](1_000_000, '');
    const doc = await analyze(String(body));
    expect(doc.sentences.length).toBeLessThan(10);
    expect(doc.figures.length).toBeGreaterThan(1000);
    for (const f of doc.figures) expect(doc.text.slice(f.start, f.end)).toBe(f.text);
  }, 60_000);

  it('250 kB of "\"We are close,\" he said. \"" (fuzz: quotes grew with the square of the drafts, 4 s at 40 kB): rules and model drafts are matched by overlap', async () => {
    const { body } = PATHOLOGICAL['repeat-quote'](250_000, '');
    const doc = await analyze(String(body));
    const repeats = String(body).split('he said').length - 1;
    expect(doc.quotes.length).toBeGreaterThan(repeats / 2);
    expect(doc.quotes.length).toBeLessThanOrEqual(repeats * 2);
    for (const q of doc.quotes) expect(doc.text.slice(q.start, q.end)).toBe(q.text);
  }, 60_000);

  it('an article naming the same two people 9,000 times (entities grew with the square of the mentions): each distinct name key kept once', async () => {
    const { body } = PATHOLOGICAL['repeat-name'](400_000, '');
    const doc = await analyze(String(body));
    const occurrences = String(body).split('Netanyahu').length - 1;
    const netanyahu = doc.entities.find((e) => e.name.includes('Netanyahu'));
    expect(netanyahu?.mentions.length).toBe(occurrences);
    for (const e of doc.entities) for (const m of e.mentions) expect(doc.text.slice(m.start, m.end)).toBe(m.text);
  }, 60_000);
});
