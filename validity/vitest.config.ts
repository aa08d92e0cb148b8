import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// `npm run validity`: the scripted walks over the validity site and the demo shop with the built extension (dist/).
export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  test: {
    include: ['validity/**/*.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
