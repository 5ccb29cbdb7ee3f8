// bench/baseline.json: the pinned accuracy metrics, and the rule that compares a measured value with
// its pin (a drop beyond float noise fails; a large rise asks for the pin to be raised).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BASELINE_FILE = fileURLToPath(new URL('../../bench/baseline.json', import.meta.url));
export const UPDATE_COMMAND = 'npm run bench:baseline -- --update';
/** Points a metric may fall below its pin (float noise). */
export const DROP_TOLERANCE = 0.01;
/** Points a metric may rise above its pin before the pin must follow. */
export const RISE_TOLERANCE = 0.5;

export interface Pin {
  pin: number;
  what: string;
  command: string;
}

export interface Baseline {
  comment: string;
  metrics: Record<string, Pin>;
}

export const readBaseline = (): Baseline => JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Baseline;

export function writeBaseline(metrics: Record<string, Pin>): void {
  const baseline: Baseline = {
    comment:
      `Pinned accuracy on the development data, in percentage points, rounded down to 2 decimals. ` +
      `test/accuracy/baseline.test.ts fails when a metric falls more than ${DROP_TOLERANCE} below its pin, or rises more than ${RISE_TOLERANCE} above it ` +
      `(then raise the pin). Print all: npm run bench:baseline; pin the current values: ${UPDATE_COMMAND}. ` +
      `Each metric says what it is and the command that prints it in full.`,
    metrics,
  };
  writeFileSync(BASELINE_FILE, JSON.stringify(baseline, null, 2) + '\n');
}

/** A value as pinned: rounded down to 2 decimals (the epsilon keeps 93.51 from flooring to 93.50). */
export const pinOf = (value: number): number => Math.floor(value * 100 + 1e-6) / 100;

/** Why `value` does not pass its pin, or null when it does. */
export function pinVerdict(id: string, value: number, pin: Pin | undefined): string | null {
  if (!pin) return `${id} has no pin in bench/baseline.json (measured ${value.toFixed(2)}): ${UPDATE_COMMAND}`;
  if (value < pin.pin - DROP_TOLERANCE) return `${id} fell: pin ${pin.pin}, measured ${value.toFixed(2)} (${pin.what}). Investigate: ${pin.command}`;
  if (value > pin.pin + RISE_TOLERANCE) return `${id} rose: pin ${pin.pin}, measured ${value.toFixed(2)} (${pin.what}); raise the pin: ${UPDATE_COMMAND}`;
  return null;
}
