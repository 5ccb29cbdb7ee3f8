// Worker-thread entry: module hooks registered in the parent thread do not reach worker threads on
// Node 20, so the worker registers tsx itself before loading the TypeScript worker.
import { register } from 'tsx/esm/api';
register();
await import('./analysis-worker.ts');
