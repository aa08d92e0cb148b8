/**
 * The browser's own extension API, for code that must not wait for the polyfill (browser.ts): Chromium's MV3
 * `chrome` and Firefox's `browser` both return promises.
 */
export const native = __JL_FIREFOX__ ? (globalThis as unknown as { browser: typeof chrome }).browser : chrome;
