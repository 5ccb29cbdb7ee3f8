// The example articles of the seeds' story that the corpus, store, server and CLI tests are built
// on: the five English and Dutch articles 000-004 of examples/. The examples in other languages
// (examples/0NN_<code>_….txt) have tests of their own (test/lang).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const EXAMPLES_DIR = join(import.meta.dirname, '..', '..', 'examples');

/** Absolute paths of the five examples 000-004, in file order. */
export const SEED_EXAMPLES: string[] = readdirSync(EXAMPLES_DIR)
  .filter((f) => /^00[0-4]_[0-9a-f]{16}\.txt$/.test(f))
  .sort()
  .map((f) => join(EXAMPLES_DIR, f));
