import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in one browser per file (Chromium; Firefox in test/firefox); they share the machine's two cores, so one at a time.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts', 'test/firefox/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // The popup polls every 1.5 s and pages batch their events: give UI expectations a few seconds.
    expect: { poll: { timeout: 8000, interval: 100 } },
  },
});
