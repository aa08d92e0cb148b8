import { uiLanguage } from '../shared/i18n';

let collator: Intl.Collator | undefined;

/**
 * Studies and personas in the one order every list shows them (popup, options, dashboard): by name in the UI's
 * language, digits by value ("Walk 2" before "Walk 10").
 */
export function byName<T extends { name: string }>(items: readonly T[]): T[] {
  collator ??= new Intl.Collator(uiLanguage(), { numeric: true });
  return [...items].sort((a, b) => collator!.compare(a.name, b.name));
}
