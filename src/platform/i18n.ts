/**
 * The extension's messages, for extension pages and for the UI put into pages (loaded on demand by the observer).
 * Both have `i18n` natively (Firefox's `browser`, Chromium's `chrome`), so this needs no polyfill: it would add it
 * to every on-demand part a page loads.
 */
const api = __JL_FIREFOX__ ? (globalThis as unknown as { browser: typeof chrome }).browser : chrome;

export function getMessage(key: string, substitutions: string[]): string {
  return api.i18n.getMessage(key, substitutions);
}

export function getUILanguage(): string {
  return api.i18n.getUILanguage();
}
