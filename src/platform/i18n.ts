import { native } from './native';

/*
 * The extension's messages, for extension pages and for the UI put into pages (loaded on demand by the observer),
 * from the browser's own `i18n` (native.ts): no polyfill, which would add it to every on-demand part a page loads.
 */

export function getMessage(key: string, substitutions: string[]): string {
  return native.i18n.getMessage(key, substitutions);
}

export function getUILanguage(): string {
  return native.i18n.getUILanguage();
}
