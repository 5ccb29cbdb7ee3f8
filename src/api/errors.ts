// Error bodies: every error, and the 409 of a name that fits several entities.
import { z } from 'zod/v4';
import { entityType } from './articles.ts';
import { int } from './page.ts';
import { named } from './json-schema.ts';

const errorShape = { statusCode: int, error: z.string(), message: z.string() };

export const errorSchema = named(
  'Error',
  z.object(errorShape).describe('Every error: the HTTP status, its name and a message for people. Never a stack trace.'),
);

export const entityCandidateSchema = z.object({
  key: z.string(),
  name: z.string(),
  type: entityType,
  articleCount: int,
  mentionCount: int,
  href: z.string().describe('This entity in the API.'),
});

export const ambiguousEntitySchema = named(
  'AmbiguousEntity',
  z
    .object({ ...errorShape, query: z.string(), candidates: z.array(entityCandidateSchema) })
    .describe('A name that fits several entities (409): ask again with the key of one of the candidates.'),
);

export type ErrorBody = z.infer<typeof errorSchema>;
export type EntityCandidate = z.infer<typeof entityCandidateSchema>;
export type AmbiguousEntity = z.infer<typeof ambiguousEntitySchema>;
