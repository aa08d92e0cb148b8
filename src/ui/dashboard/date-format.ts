import { uiLanguage } from '../../shared/i18n';

let cached: Intl.DateTimeFormat | null = null;

/**
 * Date and time as `formatDateTime` (src/shared/format.ts) writes them, with one formatter for the page: building an
 * Intl.DateTimeFormat costs about as much as formatting a hundred dates, and an evidence list formats hundreds.
 */
export function dateTime(epochMs: number): string {
  cached ??= new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
  return cached.format(epochMs);
}
