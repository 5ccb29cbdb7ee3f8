// The OpenAPI document (/api/openapi.json) built from the routes' JSON schemas — generated from the
// API contract in src/api, its named shapes as components — and readable docs (/api/docs, Swagger UI
// served from the installed package: no CDN).
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

export async function registerOpenApi(app: FastifyInstance, opts: { writeRequiresToken: boolean }): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Dossier API',
        version: '0.1.0',
        description:
          'Read a corpus of news articles: articles with every analysis layer (entities, quotes, figures, dates) as ' +
          'spans of the cleaned text, full-text search with facets, and the layers across articles. Lists are paged ' +
          '(`limit`, `offset`; responses carry `total`). Errors are `{ statusCode, error, message }`. ' +
          (opts.writeRequiresToken
            ? 'Write routes need `Authorization: Bearer <DOSSIER_TOKEN>`.'
            : 'Write routes are open to this machine only (the server is bound to loopback without a token).'),
      },
      tags: [
        { name: 'articles', description: 'Articles and their layers' },
        { name: 'search', description: 'Full-text search' },
        { name: 'layers', description: 'Quotes, figures, dates and mentions across articles' },
        { name: 'entities', description: 'People, organisations and places across articles and languages' },
        { name: 'stories', description: 'Storylines and events, their timelines and the source comparison' },
        { name: 'corpus', description: 'Overview of the corpus and the server' },
        { name: 'sources', description: 'Feeds, sitemaps and URL lists followed, with their state' },
        { name: 'write', description: 'Upload, re-analysis, following sources' },
      ],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The DOSSIER_TOKEN the server was started with.' } } },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
    // the UI's policy: its own files only (Swagger UI's inline script and style by hash), no framing
    staticCSP: true,
    transformStaticCSP: docsCsp,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

/** Swagger UI's own policy made as strict as the UI's (web.ts): no framing, no https: or validator
 *  sources (the page loads nothing from elsewhere), no upgrade of requests to https on a plain
 *  http server, forms to this origin only. */
export function docsCsp(header: string): string {
  const kept = header
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d && !/^(?:frame-ancestors|base-uri|upgrade-insecure-requests|form-action)\b/.test(d))
    .map((d) => d.replace(/\s+(?:https:|validator\.swagger\.io)(?=\s|$)/g, ''));
  return [...kept, "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"].join('; ');
}
