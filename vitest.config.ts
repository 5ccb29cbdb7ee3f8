import { defineConfig } from 'vitest/config';
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/cli/build-dist.ts'],
    // Hang guards, not speed goals (those live in bench/): a test or set-up that takes a few seconds
    // here must still pass on a machine several times slower or busier. Set-ups (beforeAll: an
    // ingest of the examples, a server, a PostgreSQL cluster) get a generous limit.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
