// The API contract: one module per resource, each with its zod schemas (what routes validate,
// serialise and document) and the TypeScript types inferred from them (what the store, the story
// views and the web UI use). The web UI imports types only from here, so zod stays out of its bundle.
export * from './articles.ts';
export * from './entities.ts';
export * from './errors.ts';
export * from './layers.ts';
export * from './meta.ts';
export * from './page.ts';
export * from './queue.ts';
export * from './reanalysis.ts';
export * from './json-schema.ts';
export * from './search.ts';
export * from './stories.ts';
export * from './upload.ts';
export * from './sources.ts';
