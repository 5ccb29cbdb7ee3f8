#!/usr/bin/env node
// Entry point of the `dossier` command. Runs the JavaScript that bin/build.js compiled into dist/
// when the build stamp says it was built from the sources as they are now; otherwise runs the
// TypeScript sources through tsx (a slower start) and says so in one line: a dist/ older than its
// sources never runs.
import { fileURLToPath } from 'node:url';
import { staleReason } from './build-stamp.js';

// `dossier … | head` closes the pipe early: that is a normal end, not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
// DOSSIER_DEBUG prints stacks: point them at the TypeScript lines.
if (process.env.DOSSIER_DEBUG) process.setSourceMapsEnabled(true);

const stale = staleReason(fileURLToPath(new URL('..', import.meta.url)));
let cli;
if (stale === null) {
  cli = await import('../dist/src/cli/main.js');
} else {
  process.stderr.write(`dossier: ${stale}: running the TypeScript sources through tsx (slower start; \`npm run build\` compiles them)\n`);
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli/main.ts');
}
await cli.main(process.argv);
