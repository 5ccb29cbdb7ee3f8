// Small helpers on RawMeta shared by the readers.
import type { RawMeta } from '../types.ts';

/** The metadata without undefined, empty-string or empty-list fields. */
export function compactMeta(meta: RawMeta): RawMeta {
  const out: RawMeta = {};
  for (const [k, v] of Object.entries(meta)) {
    if (v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}
