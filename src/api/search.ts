// Full-text search: ranked hits with snippets, and facets over all matches.
import { z } from 'zod/v4';
import { articleSummarySchema, entityType } from './articles.ts';
import { filterQuery, int, pageQuery } from './page.ts';
import { named } from './json-schema.ts';

export const searchHitSchema = named(
  'SearchHit',
  articleSummarySchema.extend({
    score: z.number().describe('Relevance, higher is better (negated BM25; the title weighs most, then the dek, then the text).'),
    snippet: z.string().describe('Excerpt with each matched term wrapped in [[ ]]; … marks cut text.'),
  }),
);

export const facetCountSchema = z.object({
  value: z.string().nullable().describe('null collects articles without one.'),
  count: int,
});

export const entityFacetCountSchema = z.object({
  value: z.string().describe('The entity key (filter with entity=).'),
  name: z.string(),
  type: entityType,
  count: int,
});

export const searchFacetsSchema = named(
  'SearchFacets',
  z
    .object({
      language: z.array(facetCountSchema),
      source: z.array(facetCountSchema),
      entity: z.array(entityFacetCountSchema).describe('The 20 entities named by most matches (counted over the 500 most recent matches when there are more).'),
      month: z.array(facetCountSchema).describe('"YYYY-MM" of publication ("YYYY" when only the year is known).'),
    })
    .describe('Counts over all matches (estimated from a sample when facetsFrom is present); value null collects articles without one.'),
);

export const searchResponseSchema = named(
  'SearchResponse',
  z.object({
    query: z.string(),
    total: int,
    limit: int,
    offset: int,
    hits: z.array(searchHitSchema),
    facets: searchFacetsSchema,
    facetsFrom: int
      .optional()
      .describe('Present when there are more than 2,000 matches: the language, source and month counts are estimates, scaled to the total from this many matches picked at random (the total is exact).'),
    rankedFrom: int.optional().describe('Present when there are more than 10,000 matches: the hits are ranked among this many most recent matches.'),
  }),
);

export const searchQuery = z.strictObject({
  q: z.string().min(1).max(1000).describe('The query.'),
  ...filterQuery,
  ...pageQuery,
});

export type SearchHit = z.infer<typeof searchHitSchema>;
export type FacetCount = z.infer<typeof facetCountSchema>;
export type EntityFacetCount = z.infer<typeof entityFacetCountSchema>;
export type SearchFacets = z.infer<typeof searchFacetsSchema>;
export type SearchResponse = z.infer<typeof searchResponseSchema>;
export type SearchQuery = z.output<typeof searchQuery>;
