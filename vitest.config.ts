import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __JL_TEST_HOOKS__: 'false' },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Property tests replay hundreds of walks through fake-indexeddb; files run in parallel on two cores, where
    // one that takes 0.7 s alone has taken over 5 s (the default) beside the others.
    testTimeout: 30_000,
  },
});
