import { compiledOnce } from './patterns';

/*
 * Whether a URL is in a study's scope, as the script in every page asks it: the worker turns the scope's match
 * patterns into regular expressions once (scope.ts scopeExpression), the page only tests them (PRODUCT.md §8:
 * every byte of that script counts). The worker asks through the same test, so both always agree.
 */

/** What a scope expression is tested against: scheme, host (its port unless the default), path and query. */
function scopeTarget(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}${u.search}`;
  } catch {
    return '';
  }
}

export function matchesScope(url: string, expressions: readonly string[]): boolean {
  const target = scopeTarget(url);
  return expressions.some((expression) => compiledOnce(`scope ${expression}`, () => new RegExp(expression)).test(target));
}
