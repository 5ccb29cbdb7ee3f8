// Checks the filters and paging every store accepts, so all implementations reject the same input.
import { DEFAULT_LIMIT, MAX_LIMIT, StoreInputError, type ArticleFilter, type Page } from './store.ts';

/** A date filter: a year, year-month, date, or full ISO timestamp. */
const ISO_PREFIX = /^\d{4}(-\d{2}(-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

export function resolvePage(page: Page | undefined): { limit: number; offset: number } {
  const limit = page?.limit ?? DEFAULT_LIMIT;
  const offset = page?.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new StoreInputError(`limit must be an integer from 1 to ${MAX_LIMIT}, got ${limit}`);
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new StoreInputError(`offset must be a non-negative integer, got ${offset}`);
  }
  return { limit, offset };
}

/** Filter values as lists. For language and source, undefined, null, "" and [] mean "no filter";
 *  for ids, [] means "no article". */
export interface ResolvedFilter {
  languages?: string[];
  sources?: string[];
  from?: string;
  /** Inclusive upper bound as given (a prefix); implementations include everything it prefixes. */
  to?: string;
  ids?: string[];
  /** A global entity key. */
  entity?: string;
}

const given = (v: string | undefined | null): v is string => typeof v === 'string' && v !== '';

function list(name: string, v: string | string[] | undefined | null): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  const values = Array.isArray(v) ? v : [v];
  for (const x of values) if (typeof x !== 'string') throw new StoreInputError(`${name} must be a string, got ${typeof x}`);
  const kept = values.filter(given);
  return kept.length === 0 ? undefined : kept;
}

export function resolveFilter(f: ArticleFilter | undefined): ResolvedFilter {
  const out: ResolvedFilter = {};
  if (!f) return out;
  out.languages = list('language', f.language);
  out.sources = list('source', f.source);
  for (const key of ['from', 'to'] as const) {
    const v = f[key];
    if (!given(v)) continue;
    if (!ISO_PREFIX.test(v)) {
      throw new StoreInputError(`${key} must be an ISO date such as 2024, 2024-05 or 2024-05-01, got "${v}"`);
    }
    out[key] = v;
  }
  if (f.ids !== undefined && f.ids !== null) {
    if (!Array.isArray(f.ids)) throw new StoreInputError('ids must be an array of article ids');
    out.ids = f.ids;
  }
  if (f.entity !== undefined && f.entity !== null) {
    if (typeof f.entity !== 'string') throw new StoreInputError(`entity must be an entity key, got ${typeof f.entity}`);
    if (given(f.entity.trim())) out.entity = f.entity.trim();
  }
  return out;
}

/** A substring filter value, or undefined when absent or empty. */
export function optionalText(v: string | undefined | null): string | undefined {
  return given(v) ? v : undefined;
}
