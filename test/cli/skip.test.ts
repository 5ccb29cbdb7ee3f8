// Files met in a directory that are clearly not articles are left out with a reason; a file named on
// the command line is always read. The directory is made of real files: the repository's README
// (as README.TXT, the name BBC's data set uses), its decisions log, a screenshot, the build script,
// package.json, a GEXF graph and a CSV as `dossier export` writes them, next to two example
// articles, a JSON Lines file of articles named .json and an RSS feed named .xml.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInputs } from '../../src/readers/index.ts';
import { CooccurrenceGraph, FIGURE_COLUMNS, csvLine } from '../../src/corpus/stories/export.ts';
import { articles, collect, errors, example, fixture, repoRoot, tempDir } from '../readers/helpers.ts';

const tmp = tempDir();
const dir = join(tmp.dir, 'data-set');
const p = (name: string) => join(dir, name);

beforeAll(() => {
  mkdirSync(dir);
  copyFileSync(example('000_3a9e140460d11d4b.txt'), p('000.txt'));
  copyFileSync(example('002_74f363901181367a.txt'), p('002.txt'));
  copyFileSync(join(repoRoot, 'README.md'), p('README.TXT'));
  copyFileSync(join(repoRoot, 'docs/decisions.md'), p('CHANGELOG.md'));
  copyFileSync(join(repoRoot, 'docs/screenshots/story-page.png'), p('story-page.png'));
  copyFileSync(join(repoRoot, 'bin/build.js'), p('build.js'));
  copyFileSync(join(repoRoot, 'package.json'), p('meta.json'));
  copyFileSync(fixture('articles.jsonl'), p('articles.json'));
  copyFileSync(fixture('independent-world.rss'), p('world.xml'));
  writeFileSync(p('graph.xml'), new CooccurrenceGraph().toGexf());
  writeFileSync(p('figures.csv'), csvLine(FIGURE_COLUMNS));
});
afterAll(() => tmp.cleanup());

describe('reading a directory', () => {
  it('skips what is clearly not an article, with the reason, and reads the rest', async () => {
    const skipped: [string, string][] = [];
    const got = await collect(readInputs([dir], { onSkip: (file, reason) => skipped.push([file.slice(dir.length + 1), reason]) }));
    expect(skipped).toEqual([
      ['CHANGELOG.md', 'a CHANGELOG file, not an article'],
      ['README.TXT', 'a README file, not an article'],
      ['build.js', 'source code (.js), not an article'],
      ['figures.csv', 'a table (.csv), not an article'],
      ['graph.xml', 'XML that is not an RSS or Atom feed'],
      ['meta.json', 'JSON that is not JSON Lines of articles: its first line has no "text" or "html" field'],
      ['story-page.png', 'an image (.png), not an article'],
    ]);
    const files = new Set(articles(got).map((a) => a.file.slice(dir.length + 1)));
    expect([...files].sort()).toEqual(['000.txt', '002.txt', 'articles.json', 'world.xml']);
    // the fixtures' deliberately bad lines and items: read, and reported as usual
    expect(new Set(errors(got).map((e) => e.file.slice(dir.length + 1)))).toEqual(new Set(['articles.json', 'world.xml']));
  });

  it('reads a file named on the command line whatever its name', async () => {
    const skipped: string[] = [];
    const got = await collect(readInputs([p('README.TXT'), p('meta.json')], { onSkip: (file) => skipped.push(file) }));
    expect(skipped).toEqual([]);
    expect(articles(got).map((a) => a.file)).toEqual([p('README.TXT'), p('meta.json')]);
  });
});
