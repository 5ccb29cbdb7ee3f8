// `dossier analyze` and `dossier show` say which layers an article in a language without full
// support did not get, and why (AnalyzedArticle.unsupported), instead of printing empty layers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = new URL('../../bin/dossier.js', import.meta.url).pathname;

// Polish: a language without a folder (German, Spanish … are supported now).
const POLISH =
  'Premier Donald Tusk rozmawiał w poniedziałek w Warszawie z prezydentem Francji o sytuacji na Bliskim Wschodzie.\n\n' +
  'Obaj politycy wezwali do natychmiastowego zawieszenia broni i większej pomocy humanitarnej dla mieszkańców Strefy Gazy.\n\n' +
  'Według Organizacji Narodów Zjednoczonych ponad dwa miliony ludzi potrzebuje pomocy.\n';

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-note-'));
  file = join(dir, 'tusk.txt');
  writeFileSync(file, POLISH);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the language note on the command line', () => {
  it('analyze prints the layers not analysed and why', async () => {
    const { stdout } = await run('node', [BIN, 'analyze', file]);
    expect(stdout).toContain('not analysed: entities, quotes, figures, times — "pl" is not a supported language');
  });

  it('analyze --json carries it as `unsupported`', async () => {
    const { stdout } = await run('node', [BIN, 'analyze', file, '--json']);
    expect(JSON.parse(stdout).unsupported).toEqual({ layers: ['entities', 'quotes', 'figures', 'times'], reason: '"pl" is not a supported language (no src/lang/pl/language.json)' });
  });

  it('show prints it under the heading', async () => {
    const { stdout } = await run('node', [BIN, 'show', file]);
    expect(stdout).toContain('Not analysed: entities, quotes, figures, times — "pl" is not a supported language');
  });
});
