import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// `npm run validity:sentiment`: the sentiment figures alone (no browser, no build).
export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  test: { include: ['validity/sentiment.test.ts'], environment: 'node' },
});
