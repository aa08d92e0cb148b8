import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };

/**
 * `vite build` makes the shipped extension in dist/. `vite build --mode e2e` makes dist-test/ for the
 * end-to-end tests only: it may capture any tab (Playwright cannot grant activeTab) and exposes a hook to
 * run what a context-menu click or keyboard command runs (Playwright cannot reach either). A test proves
 * dist/ has neither.
 */
export default defineConfig(({ mode }) => {
  const testBuild = mode === 'e2e';
  const builtManifest = testBuild ? { ...manifest, host_permissions: [...manifest.host_permissions, '<all_urls>'] } : manifest;
  return {
    plugins: [crx({ manifest: builtManifest })],
    define: { __JL_TEST_HOOKS__: JSON.stringify(testBuild) },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: testBuild ? 'dist-test' : 'dist',
      emptyOutDir: true,
      sourcemap: false,
      target: 'chrome121',
      // Chromium preloads modules natively; Vite's polyfill would be the only fetch() in the extension.
      modulePreload: { polyfill: false },
    },
  };
});
