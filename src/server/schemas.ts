// The API contract (src/api) as Fastify takes it: every named response shape for `addSchema`,
// request parts as JSON Schema, references to response shapes, and the error responses of a route.
import { errorSchema } from '../api/errors.ts';
import { ref, requestSchema, sharedSchemas as namedSchemas } from '../api/json-schema.ts';
// Every resource module names its shapes when loaded: load them all before listing the shapes.
import '../api/index.ts';

export type { FilterQuery as FilterQS } from '../api/page.ts';
export { ref, requestSchema };

/** Schemas registered with `addSchema`, referenced as { $ref: 'Name#' }. */
export const sharedSchemas = namedSchemas();

/** The error responses a route documents besides its success. */
export function errors(...codes: number[]) {
  return Object.fromEntries(codes.map((c) => [c, ref(errorSchema)]));
}
