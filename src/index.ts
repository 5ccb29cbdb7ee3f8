// Library entry: the same analysis the CLI and server use, in-process.
export { createAnalyzer, contentHash, articleId } from './analyze.ts';
export type { Analyzer, AnalyzerOptions } from './analyze.ts';
export * from './types.ts';
