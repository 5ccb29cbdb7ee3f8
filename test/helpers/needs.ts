// What a test needs from outside the repository: the public data sets (support/data.ts), the
// optional ONNX runtime (npm run setup:onnx) and Debian's Chromium. Each check returns whether the
// need is met; when it is not, the test file shows ONE skipped line naming what is missing and how
// to get it, and the tests that need it are skipped (`describe.runIf(hasData('bbc'))`). CI, which
// has everything, sets DOSSIER_REQUIRE_DATA / _ONNX / _CHROMIUM=1: then a missing need fails the
// file instead.
import { existsSync } from 'node:fs';
import { it } from 'vitest';
import { missingData } from '../../support/data.ts';
import { resolveTransformers, SETUP_HINT } from '../../src/analysis/mentions/onnx/runtime.ts';

/** Debian's Chromium, which the browser tests (test/e2e) drive. */
export const CHROMIUM = '/usr/bin/chromium';

const shown = new Set<string>();

/** Registers the one skipped line (once per file), or throws when `requireEnv` is set. */
function unmet(requireEnv: string, what: string, how: string): false {
  if (process.env[requireEnv] && process.env[requireEnv] !== '0') throw new Error(`${requireEnv} is set, but this test ${what}: ${how}`);
  const name = `skipped: ${what}`;
  if (!shown.has(name)) {
    shown.add(name);
    it(name, (ctx) => ctx.skip(how));
  }
  return false;
}

/** Whether every named data set (a top folder of the data folder, or a path in one) is there. */
export function hasData(...names: string[]): boolean {
  const m = missingData(...names);
  return !m || unmet('DOSSIER_REQUIRE_DATA', m.what, m.how);
}

/** Whether the optional ONNX runtime behind --ner-model (extras/onnx-ner) is installed. */
export function hasOnnxRuntime(): boolean {
  try {
    resolveTransformers();
    return true;
  } catch {
    return unmet('DOSSIER_REQUIRE_ONNX', 'needs the optional ONNX runtime, which is not installed', SETUP_HINT.replace(/^.*: /, ''));
  }
}

/** Whether Debian's Chromium is installed for the browser tests. */
export function hasChromium(): boolean {
  return existsSync(CHROMIUM) || unmet('DOSSIER_REQUIRE_CHROMIUM', `needs Chromium at ${CHROMIUM}`, 'apt-get install chromium (Debian)');
}
