// bin/dossier.js runs dist/ only when its build stamp matches the sources, else the sources through
// tsx with a one-line note. Tried on a small package of its own in a temporary folder: the real
// bin/ files, a src/cli/main.ts that says where it runs from, and node_modules linked to the real one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
// @ts-expect-error: plain JavaScript without declarations
import { makeStamp, staleReason, STAMP_FILE } from '../../bin/build-stamp.js';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
const MAIN = (from: string) => `export async function main(argv: string[]): Promise<void> { process.stdout.write('${from} ' + argv.slice(2).join(' ')); }\n`;

let pkg: string;
const at = (p: string) => join(pkg, p);

function build(): void {
  mkdirSync(at('dist/src/cli'), { recursive: true });
  writeFileSync(at('dist/src/cli/main.js'), MAIN('dist').replace(': string[]', '').replace(': Promise<void>', ''));
  writeFileSync(at(STAMP_FILE), JSON.stringify(makeStamp(pkg, ['src/cli/main.ts'])));
}

async function dossier(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run('node', [at('bin/dossier.js'), ...args]);
}

beforeAll(() => {
  pkg = mkdtempSync(join(tmpdir(), 'dossier-launcher-'));
  mkdirSync(at('bin'));
  mkdirSync(at('src/cli'), { recursive: true });
  for (const f of ['dossier.js', 'build-stamp.js']) copyFileSync(join(ROOT, 'bin', f), at(`bin/${f}`));
  copyFileSync(join(ROOT, 'package.json'), at('package.json'));
  symlinkSync(join(ROOT, 'node_modules'), at('node_modules'));
  writeFileSync(at('src/cli/main.ts'), MAIN('src'));
});
afterAll(() => rmSync(pkg, { recursive: true, force: true }));

describe('bin/dossier.js', () => {
  it('runs the sources through tsx, saying so, when dist/ was never built', async () => {
    expect(staleReason(pkg)).toBe('dist/ is not built');
    const r = await dossier('--version');
    expect(r.stdout).toBe('src --version');
    expect(r.stderr).toBe('dossier: dist/ is not built: running the TypeScript sources through tsx (slower start; `npm run build` compiles them)\n');
  });

  it('runs dist/ silently when it was built from the sources as they are', async () => {
    build();
    expect(staleReason(pkg)).toBeNull();
    expect(await dossier('search', 'x')).toEqual({ stdout: 'dist search x', stderr: '' });
  });

  it('still runs dist/ when a source was only touched (same content)', async () => {
    build();
    const later = new Date(Date.now() + 60_000);
    utimesSync(at('src/cli/main.ts'), later, later);
    expect(staleReason(pkg)).toBeNull();
  });

  it('never runs a dist/ older than its sources', async () => {
    build();
    writeFileSync(at('src/cli/main.ts'), MAIN('src') + '// changed\n');
    expect(staleReason(pkg)).toBe('src/cli/main.ts changed since dist/ was built');
    const r = await dossier('stats');
    expect(r.stdout).toBe('src stats');
    expect(r.stderr).toMatch(/^dossier: src\/cli\/main\.ts changed since dist\/ was built: running the TypeScript sources through tsx/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('treats a removed source and a stamp of another format as stale', () => {
    build();
    rmSync(at('src/cli/main.ts'));
    expect(staleReason(pkg)).toBe('src/cli/main.ts was removed since dist/ was built');
    writeFileSync(at('src/cli/main.ts'), MAIN('src'));
    writeFileSync(at(STAMP_FILE), JSON.stringify({ format: 0, inputs: {} }));
    expect(staleReason(pkg)).toBe(`${STAMP_FILE} is from another version of the build`);
  });
});

describe('the web UI build stamp (bin/build-web.js, npm start)', () => {
  it('tells a current dist/web/ from one older than the UI it was built from, by its own stamp', () => {
    const WEB = 'dist/web-stamp.json';
    mkdirSync(at('web/src'), { recursive: true });
    writeFileSync(at('web/src/main.ts'), 'export const page = 1;\n');
    expect(staleReason(pkg, WEB, 'dist/web/')).toBe('dist/web/ is not built');
    writeFileSync(at(WEB), JSON.stringify(makeStamp(pkg, ['web/src/main.ts'])));
    expect(staleReason(pkg, WEB, 'dist/web/')).toBeNull();
    writeFileSync(at('web/src/main.ts'), 'export const page = 2;\n');
    expect(staleReason(pkg, WEB, 'dist/web/')).toBe('web/src/main.ts changed since dist/web/ was built');
  });
});
