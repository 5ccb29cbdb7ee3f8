// Vitest global setup: compiles src/ to dist/ first. The tests run bin/dossier.js as a user does, and
// it runs dist/ only when dist/ was built from the sources under test (otherwise tsx, with a note).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function buildDist(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../../bin/build.js', import.meta.url))], { stdio: ['ignore', 'ignore', 'inherit'] });
}
