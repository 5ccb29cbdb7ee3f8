#!/usr/bin/env node
// Builds the web UI (web/) into dist/web/ with Vite unless it is current: `npm start` runs it first
// (prestart), and rebuilding an unchanged UI took most of its start-up. Current means built from the
// files it was built from as they are now (their stamp, dist/web-stamp.json, as bin/build-stamp.js
// keeps for dist/src/): the UI's sources, the API contract whose types they import, the Vite and
// TypeScript settings and the locked dependency versions. `--force` builds anyway.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeStamp, staleReason } from './build-stamp.js';

const root = fileURLToPath(new URL('..', import.meta.url));
export const WEB_STAMP_FILE = 'dist/web-stamp.json';

function filesBelow(dir) {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    return e.isDirectory() ? filesBelow(path) : [path];
  });
}

const inputs = [...filesBelow('web'), ...filesBelow('src/api'), 'vite.config.ts', 'package-lock.json'];
const stale = process.argv.includes('--force') ? 'asked to (--force)' : staleReason(root, WEB_STAMP_FILE, 'dist/web/');
if (stale === null) {
  process.stdout.write('dist/web/ is up to date\n');
} else {
  process.stdout.write(`building the web UI: ${stale}\n`);
  // An interrupted build leaves no stamp, so the next start builds again.
  rmSync(join(root, WEB_STAMP_FILE), { force: true });
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(join(root, WEB_STAMP_FILE), JSON.stringify(makeStamp(root, inputs)) + '\n');
}
