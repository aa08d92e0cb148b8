import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __JL_TEST_HOOKS__: 'false' },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
