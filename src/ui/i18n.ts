import { browser } from '../platform/browser';
import type messages from '../../public/_locales/en/messages.json';

/** Every key of the English catalogue; a missing key is a type error, a missing translation a test failure. */
export type MessageKey = keyof typeof messages;

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return browser.i18n.getMessage(key, substitutions.map(String)) || key;
}

/** The UI's language, for number, date and duration formatting. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}
