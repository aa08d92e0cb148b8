/** Whole texts remembered by the text analyses: more answers than a long study has, at a few hundred bytes each. */
export const TEXTS_REMEMBERED = 20_000;

/**
 * Remembers a one-argument function's answers: answers share most of their words, so folding each word once makes
 * 10k answers several times cheaper. Emptied when full, as a study's vocabulary is far smaller than the cap.
 */
export function memo<T>(fn: (key: string) => T, max = 50_000): (key: string) => T {
  const seen = new Map<string, T>();
  return (key) => {
    let value = seen.get(key);
    if (value === undefined && !seen.has(key)) {
      if (seen.size >= max) seen.clear();
      value = fn(key);
      seen.set(key, value);
    }
    return value as T;
  };
}
