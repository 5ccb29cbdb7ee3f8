import { describe, expect, it } from 'vitest';
import { detectKind } from '../../src/readers/index.ts';
import { exampleText, fixtureText } from './helpers.ts';

describe('detectKind', () => {
  it('reads the examples as plain text, including 003 with an <a href> in its text', () => {
    for (const name of ['000_3a9e140460d11d4b.txt', '003_1d174a4085385254.txt', '004_ed9a467948e1cb24.txt']) {
      expect(detectKind(name, exampleText(name))).toBe('txt');
    }
    expect(detectKind('003_no_extension', exampleText('003_1d174a4085385254.txt'))).toBe('txt');
  });

  it('goes by extension when the content says nothing', () => {
    expect(detectKind('a.HTM', 'Just words')).toBe('html');
    expect(detectKind('a.jsonl', 'not json at all')).toBe('jsonl');
    expect(detectKind('a.xml', 'not xml')).toBe('feed');
    expect(detectKind('a.atom', '')).toBe('feed');
    expect(detectKind('notes', 'Just words')).toBe('txt');
  });

  it('sees a .txt that is really an HTML page or a feed', () => {
    expect(detectKind('page.txt', fixtureText('epoch-blinken.html'))).toBe('html');
    expect(detectKind('page.txt', '\uFEFF\n<p>Netanyahu said</p>\n<p>more</p>')).toBe('html');
    expect(detectKind('feed.txt', fixtureText('independent-world.rss'))).toBe('feed');
    expect(detectKind('feed.txt', fixtureText('ntd-middle-east.atom'))).toBe('feed');
    expect(detectKind('feed.txt', '<?xml version="1.0"?>\n<!-- RDF -->\n<rdf:RDF xmlns:rdf="x"><item/></rdf:RDF>')).toBe('feed');
  });

  it('sniffs files without extension', () => {
    expect(detectKind('download', fixtureText('independent-world.rss'))).toBe('feed');
    expect(detectKind('download', fixtureText('doorbraak-netanyahu.htm'))).toBe('html');
    expect(detectKind('download', fixtureText('articles.jsonl'))).toBe('jsonl');
    // the first line cut off by the end of the sniffed bytes
    expect(detectKind('download', '{"html": "<html><body>' + 'x'.repeat(100))).toBe('jsonl');
  });

  it('lets content win over a misleading extension', () => {
    expect(detectKind('items.html', fixtureText('articles.jsonl'))).toBe('jsonl');
    expect(detectKind('page.xml', '<?xml version="1.0"?><!DOCTYPE html><html><body><p>x</p></body></html>')).toBe('html');
  });
});
