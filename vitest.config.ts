import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    // The CLI the tests start ~200 times, bundled once (scripts/build-cli.mjs).
    globalSetup: ['./scripts/build-cli.mjs'],
  },
});
