import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };
import { observerScript } from './scripts/observer-script.ts';
import { userDocs } from './scripts/user-docs.ts';

/** The Firefox add-on id: AMO and `browser_specific_settings` need one, and tests address the add-on by it. */
const GECKO_ID = 'journey-lens@journeylens.app';

/**
 * manifest.json is written for Chromium; Firefox's differs only here. Firefox 128 is the first with
 * `world: 'MAIN'` in scripting.registerContentScripts (the page-world script) and `optional_host_permissions`,
 * and it grants MV3 host_permissions at install (since 127), so loopback study pages work without a prompt.
 */
function firefoxManifest(chromium: typeof manifest) {
  const { minimum_chrome_version: _chromeOnly, side_panel: panel, background, ...common } = chromium;
  return {
    ...common,
    // Chromium's side panel is Firefox's sidebar, with the same page.
    permissions: common.permissions.filter((permission) => permission !== 'sidePanel'),
    sidebar_action: { default_panel: panel.default_path, default_title: '__MSG_panelTitle__' },
    // Firefox runs MV3 backgrounds as event pages, not service workers; crxjs takes the first script as the entry.
    background: { scripts: [background.service_worker], type: background.type },
    browser_specific_settings: {
      gecko: { id: GECKO_ID, strict_min_version: '128.0', data_collection_permissions: { required: ['none' as const] } },
    },
  };
}

/**
 * `vite build` makes the shipped Chromium extension in dist/; `vite build --mode firefox` the Firefox one in
 * dist-firefox/. `vite build --mode e2e` makes dist-test/ for the Chromium end-to-end tests only: it may capture
 * any tab (Playwright cannot grant activeTab) and exposes a hook to run what a context-menu click or keyboard
 * command runs (Playwright cannot reach either). A test proves dist/ has neither.
 */
export default defineConfig(({ mode }) => {
  const testBuild = mode === 'e2e';
  const firefox = mode === 'firefox';
  const builtManifest = firefox
    ? firefoxManifest(manifest)
    : testBuild
      ? { ...manifest, host_permissions: [...manifest.host_permissions, '<all_urls>'] }
      : manifest;
  return {
    plugins: [crx({ manifest: builtManifest, browser: firefox ? 'firefox' : 'chrome' }), observerScript(), userDocs()],
    define: { __JL_TEST_HOOKS__: JSON.stringify(testBuild), __JL_FIREFOX__: JSON.stringify(firefox) },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: firefox ? 'dist-firefox' : testBuild ? 'dist-test' : 'dist',
      emptyOutDir: true,
      sourcemap: false,
      target: firefox ? 'firefox128' : 'chrome121',
      // Pages crxjs does not take from the manifest (the compose page, framed by the side panel or opened as a
      // window of its own; the side panel, which Firefox names as a sidebar): built as pages all the same.
      rollupOptions: { input: { compose: 'src/ui/compose/index.html', panel: 'src/ui/panel/index.html' } },
      // Browsers preload modules natively; Vite's polyfill would be the only fetch() in the extension. A dynamic
      // import preloads nothing: from a content script its <link>s would go into the host page's <head>, and the
      // list of them would sit in the script injected into every page (PRODUCT.md §8). HTML pages keep theirs.
      modulePreload: { polyfill: false, resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []) },
    },
  };
});
