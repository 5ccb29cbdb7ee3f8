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

const GERMAN =
  'Bundeskanzler Olaf Scholz hat am Montag in Berlin mit dem französischen Präsidenten über die Lage im Nahen Osten gesprochen.\n\n' +
  'Die beiden Politiker forderten eine sofortige Waffenruhe und mehr humanitäre Hilfe für die Menschen im Gazastreifen.\n\n' +
  'Nach Angaben der Vereinten Nationen sind mehr als zwei Millionen Menschen auf Hilfe angewiesen.\n';

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-note-'));
  file = join(dir, 'scholz.txt');
  writeFileSync(file, GERMAN);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the language note on the command line', () => {
  it('analyze prints the layers not analysed and why', async () => {
    const { stdout } = await run('node', [BIN, 'analyze', file]);
    expect(stdout).toContain('not analysed: entities, quotes, figures, times — "de" is not a supported language');
  });

  it('analyze --json carries it as `unsupported`', async () => {
    const { stdout } = await run('node', [BIN, 'analyze', file, '--json']);
    expect(JSON.parse(stdout).unsupported).toEqual({ layers: ['entities', 'quotes', 'figures', 'times'], reason: '"de" is not a supported language (no src/lang/de/language.json)' });
  });

  it('show prints it under the heading', async () => {
    const { stdout } = await run('node', [BIN, 'show', file]);
    expect(stdout).toContain('Not analysed: entities, quotes, figures, times — "de" is not a supported language');
  });
});
