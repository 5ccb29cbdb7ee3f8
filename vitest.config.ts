import { defineConfig } from 'vitest/config';
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/cli/build-dist.ts'],
    testTimeout: 30000,
    pool: 'forks',
  },
});
