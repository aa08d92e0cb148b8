import { getMessage, getUILanguage } from '../platform/i18n';
import type messages from '../../public/_locales/en/messages.json';

/** Every key of the English catalogue; a missing key is a type error, a missing translation a test failure. */
export type MessageKey = keyof typeof messages;

/** Keys with a singular twin (`<key>One`), for messages whose wording changes with a count. */
type CountedKey = { [K in MessageKey]: `${K}One` extends MessageKey ? K : never }[MessageKey];

/**
 * Each message as first read. A card in a page outlives the extension's runtime when the extension updates under
 * it (the observer that showed it hands its answer on, content/succession.ts), and must still render its words.
 */
const read = new Map<string, string>();

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const words = substitutions.map(String);
  const id = [key, ...words].join('\u0000');
  let message = read.get(id);
  if (message === undefined) {
    message = getMessage(key, words) || key;
    read.set(id, message);
  }
  return message;
}

/**
 * A message about `count` things: "1 answer", "2 answers". The language's own plural rules pick the form, so
 * languages without a singular (Korean) always read the plain key.
 */
export function tCount(key: CountedKey, count: number, ...substitutions: (string | number)[]): string {
  const singular = new Intl.PluralRules(uiLanguage()).select(count) === 'one';
  return t(singular ? `${key}One` : key, ...substitutions);
}

/**
 * What went wrong, in the user's language. The background refuses with message keys (`ErrorKey`, core/replies.ts),
 * which travel as the error's message (also through an orphaned observer's successor); anything else is as it says.
 */
export function failureText(failure: unknown): string {
  const text = failure instanceof Error ? failure.message : String(failure);
  return /^(error|storeFailed)[A-Z]\w*$/.test(text) ? t(text as MessageKey) : text;
}

/** The UI's language, for number, date and duration formatting. */
export function uiLanguage(): string {
  return getUILanguage();
}
