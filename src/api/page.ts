// Pieces every resource shares: integers, paging (query and response) and the article filters.
import { z } from 'zod/v4';

export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 50;

export const int = z.number().int();

/** `limit` and `offset` of a list, with its own default and maximum page size. */
export function pageParams(what: string, def: number, max = MAX_PAGE) {
  return {
    limit: int.min(1).max(max).default(def).describe(`${what} per page (1–${max}).`),
    offset: int.min(0).default(0).describe(`${what} to skip.`),
  };
}

/** `limit` and `offset` on every list of articles or layer rows. */
export const pageQuery = pageParams('Items', DEFAULT_PAGE);

/** A page of rows: total over all pages, the page asked for and its items. */
export function pageOf<T extends z.ZodType>(items: T) {
  return z.object({ total: int, limit: int, offset: int, items: z.array(items) });
}

const isoPrefix = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The article filters every list and search accepts. `lang` and `source` may repeat (any of them). */
export const filterQuery = {
  lang: z
    .array(z.string().regex(/^[a-z]{2,3}$/))
    .max(20)
    .optional()
    .describe('ISO 639-1 language code; repeat for several (any of them).'),
  source: z.array(z.string().min(1).max(200)).max(50).optional().describe('Exact source (outlet) name; repeat for several.'),
  entity: z.string().min(1).max(300).optional().describe('Only articles naming this entity: its key (per:benjamin-netanyahu; see /api/entities).'),
  from: z.string().regex(isoPrefix).optional().describe('Published on or after (2024, 2024-05 or 2024-05-01).'),
  to: z.string().regex(isoPrefix).optional().describe('Published on or before, the whole prefix included (to=2024-05 includes 31 May).'),
};

export const filterPageQuery = z.strictObject({ ...filterQuery, ...pageQuery });
/** The filters and page of a list, as the route receives them (defaults applied). */
export type FilterQuery = z.output<typeof filterPageQuery>;
