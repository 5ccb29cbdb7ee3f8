#!/usr/bin/env node
// Entry point of the `dossier` command: runs the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';
register();
// `dossier … | head` closes the pipe early: that is a normal end, not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
const { main } = await import('../src/cli/main.ts');
await main(process.argv);
