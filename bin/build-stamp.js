// The build stamp, dist/build-stamp.json: every file dist/src/ was compiled from (src/**/*.ts, the
// JSON they import, the build script), each with its size, modification time and SHA-1. Written by
// bin/build.js; read by bin/dossier.js before it runs dist/, so a dist/ older than its sources never
// runs. The check stats each file and hashes only the ones whose size or time changed (a touched or
// re-checked-out file with the same content is still current): a few milliseconds.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const STAMP_FILE = 'dist/build-stamp.json';
const FORMAT = 1;

const sha1 = (path) => createHash('sha1').update(readFileSync(path)).digest('hex');

/** The stamp of `files` (paths relative to `root`). */
export function makeStamp(root, files) {
  const inputs = {};
  for (const file of [...new Set(files)].sort()) {
    const path = join(root, file);
    const { size, mtimeMs } = statSync(path);
    inputs[file] = { size, mtimeMs, sha1: sha1(path) };
  }
  return { format: FORMAT, inputs };
}

/**
 * Why the build under `root` is not current ("dist/ is not built", "src/cli/main.ts changed since
 * dist/ was built"), or null when it was built from the sources as they are now. `stampFile` and
 * `what` name another build with a stamp of its own (the web UI's, bin/build-web.js).
 */
export function staleReason(root, stampFile = STAMP_FILE, what = 'dist/') {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(root, stampFile), 'utf8'));
  } catch {
    return `${what} is not built`;
  }
  if (stamp?.format !== FORMAT || typeof stamp.inputs !== 'object') return `${stampFile} is from another version of the build`;
  for (const [file, was] of Object.entries(stamp.inputs)) {
    const path = join(root, file);
    let now;
    try {
      now = statSync(path);
    } catch {
      return `${file} was removed since ${what} was built`;
    }
    if (now.size === was.size && now.mtimeMs === was.mtimeMs) continue;
    if (now.size !== was.size || sha1(path) !== was.sha1) return `${file} changed since ${what} was built`;
  }
  return null;
}
