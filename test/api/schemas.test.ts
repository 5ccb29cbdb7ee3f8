// The JSON schemas generated from the API contract: draft-07 as Fastify's ajv and fast-json-stringify
// read them, strict everywhere (an object declares every property and allows no other), and
// nullable as a type list, which fast-json-stringify writes directly.
import { describe, expect, it } from 'vitest';
import '../../src/api/index.ts';
import { filterPageQuery } from '../../src/api/page.ts';
import { requestSchema, sharedSchemas } from '../../src/api/json-schema.ts';
import { uploadBody } from '../../src/api/upload.ts';

type Json = Record<string, unknown>;

/** Every sub-schema of a schema, with its path. */
function* walk(node: unknown, path = '#'): Generator<[string, Json]> {
  if (Array.isArray(node)) {
    for (const [i, x] of node.entries()) yield* walk(x, `${path}/${i}`);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  yield [path, node as Json];
  for (const [k, v] of Object.entries(node)) yield* walk(v, `${path}/${k}`);
}

const isObjectSchema = (s: Json) => s.type === 'object' || (Array.isArray(s.type) && s.type.includes('object'));

describe('response schemas', () => {
  const shared = sharedSchemas();

  it('are named, and reference each other by name', () => {
    const ids = new Set(shared.map((s) => s.$id));
    expect(ids.size).toBe(shared.length);
    for (const s of shared) {
      for (const [path, node] of walk(s)) {
        if (typeof node.$ref === 'string') expect(ids.has(node.$ref.replace(/#$/, '')), `${s.$id} ${path}: ${node.$ref}`).toBe(true);
        expect(node.$schema, `${s.$id} ${path}`).toBeUndefined();
      }
    }
  });

  it('are strict: every object lists its properties and allows no other (a map says what its values are)', () => {
    for (const s of shared) {
      for (const [path, node] of walk(s)) {
        if (!isObjectSchema(node)) continue;
        const where = `${s.$id} ${path}`;
        if (node.properties) expect(node.additionalProperties, where).toBe(false);
        else expect(typeof node.additionalProperties, where).toBe('object');
      }
    }
  });

  it('write a nullable value as a type list, not an anyOf', () => {
    const article = shared.find((s) => s.$id === 'Article') as { properties: Record<string, Json> };
    expect(article.properties.title).toEqual({ type: ['string', 'null'] });
    const figure = shared.find((s) => s.$id === 'FigureRow') as { properties: { claims: { items: { properties: Record<string, Json> } } } };
    expect(figure.properties.claims.items.properties.asOfFrom).toEqual({ type: ['string', 'null'], enum: ['published', 'text', 'event', null] });
    for (const s of shared) {
      for (const [path, node] of walk(s)) {
        const branches = (node.anyOf ?? []) as Json[];
        expect(branches.some((b) => b.type === 'null'), `${s.$id} ${path}`).toBe(false);
      }
    }
  });
});

describe('request schemas', () => {
  it('reject unknown query parameters and make defaulted ones optional', () => {
    const q = requestSchema(filterPageQuery);
    expect(q).toMatchObject({ type: 'object', additionalProperties: false });
    expect(q.required).toBeUndefined();
    expect((q.properties as Record<string, Json>).limit).toEqual({ type: 'integer', minimum: 1, maximum: 500, default: 50, description: 'Items per page (1–500).' });
    expect((q.properties as Record<string, Json>).lang).toMatchObject({ type: 'array', items: { type: 'string', pattern: '^[a-z]{2,3}$' }, maxItems: 20 });
  });

  it('need "text" or "html" in every uploaded article', () => {
    const body = requestSchema(uploadBody(10)) as { properties: { articles: { items: Json; maxItems: number } } };
    expect(body.properties.articles.maxItems).toBe(10);
    expect(body.properties.articles.items).toMatchObject({ additionalProperties: false, anyOf: [{ required: ['text'] }, { required: ['html'] }] });
    expect(body.properties.articles.items.required).toBeUndefined();
  });
});
