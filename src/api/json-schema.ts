// The API's schemas as JSON Schema (draft-07, what Fastify's ajv validates and fast-json-stringify
// serialises with, and what the OpenAPI document shows). Response shapes are zod schemas named in
// one registry: each becomes one shared JSON schema ($id = its name) that routes and other shapes
// point to with { $ref: 'Name#' }. Requests (query strings, bodies) are converted inline, as input:
// a field with a default is optional there.
import { z } from 'zod/v4';

/** The named response shapes, by name. */
const apiSchemas = z.registry<{ id: string }>();

/** Names a response shape: it becomes a shared schema, referenced wherever it is used. */
export function named<T extends z.ZodType>(id: string, schema: T): T {
  apiSchemas.add(schema, { id });
  return schema;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * zod's output written the way Fastify and the OpenAPI document read best: `anyOf [X, null]` as
 * `type: [X, 'null']` (fast-json-stringify serialises a type list directly, an anyOf by validating
 * each branch), no ±2^53 bounds on integers, no `propertyNames: string` on records, and shared
 * schemas referenced as 'Name#' (the form ajv and @fastify/swagger resolve against an $id).
 */
function normalise(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalise);
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$schema') continue;
    if (k === 'propertyNames' && isObject(v) && v.type === 'string' && Object.keys(v).length === 1) continue;
    if ((k === 'minimum' && v === Number.MIN_SAFE_INTEGER) || (k === 'maximum' && v === Number.MAX_SAFE_INTEGER)) continue;
    if (k === '$ref' && typeof v === 'string' && !v.includes('#')) out[k] = `${v}#`;
    else out[k] = normalise(v);
  }
  const branches = out.anyOf;
  if (Array.isArray(branches) && branches.length === 2) {
    const nullAt = branches.findIndex((b) => isObject(b) && b.type === 'null' && Object.keys(b).length === 1);
    const other = branches[1 - nullAt];
    if (nullAt >= 0 && isObject(other) && typeof other.type === 'string') {
      const { anyOf: _anyOf, ...rest } = out;
      const merged: Json = { ...other, ...rest, type: [other.type, 'null'] };
      if (Array.isArray(other.enum)) merged.enum = [...other.enum, null];
      return merged;
    }
  }
  return out;
}

/** The JSON Schema of a request part (query string, params, body): defaults make fields optional. */
export function requestSchema(schema: z.ZodType): Json {
  return normalise(z.toJSONSchema(schema, { target: 'draft-7', io: 'input' })) as Json;
}

/** Every named response shape as a JSON schema with its $id, for `app.addSchema`. */
export function sharedSchemas(): Json[] {
  const { schemas } = z.toJSONSchema(apiSchemas, { target: 'draft-7', uri: (id) => id });
  return Object.entries(schemas).map(([id, s]) => {
    // a shape used in several places but not named would land in `__shared`: name it instead
    if (id === '__shared') throw new Error(`name every response shape that is reused (${Object.keys(s).join(', ')})`);
    return { ...(normalise(s) as Json), $id: id };
  });
}

/** A reference to a named response shape, for a route's `response`. */
export function ref(schema: z.ZodType): { $ref: string } {
  const meta = apiSchemas.get(schema);
  if (!meta) throw new Error('ref: the schema is not named (see named())');
  return { $ref: `${meta.id}#` };
}
