/** What the patterns a study is written in (scope match patterns, stage rules) share on their way to expressions. */

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * What a pattern compiles to, worked out once per key: the dead-end check matches the scope and the rules against
 * every link of a page, on every page load (PRODUCT.md §8). A study has a handful of patterns; no expression
 * compiled here is global or sticky, so sharing one is safe.
 */
const compiled = new Map<string, unknown>();
export function compiledOnce<T>(key: string, compile: () => T): T {
  if (!compiled.has(key)) compiled.set(key, compile());
  return compiled.get(key) as T;
}
