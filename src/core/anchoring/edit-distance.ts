/**
 * Bounded edit distance of two whole strings (Levenshtein: insert, delete, substitute, each 1). The search for a
 * quote inside a page is approx-string-match's (quote.ts); comparing two texts of known extent is this.
 */

/**
 * Edit distance of `a` and `b`, or `max + 1` as soon as it is certain to exceed `max`. Only the band of diagonals
 * |i − j| ≤ max can hold values ≤ max (Ukkonen 1985), so this is O(min(|a|, |b|) · max).
 */
export function editDistance(a: string, b: string, max: number): number {
  const over = max + 1;
  if (Math.abs(a.length - b.length) > max) return over;
  const m = b.length;
  let prev = new Int32Array(m + 2);
  let cur = new Int32Array(m + 2);
  for (let j = 0; j <= m + 1; j++) prev[j] = j <= max ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    cur[lo - 1] = lo === 1 ? i : over;
    let rowMin = cur[lo - 1]!;
    const ch = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const v = Math.min(prev[j - 1]! + (ch === b.charCodeAt(j - 1) ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1, over);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // The next row reads one cell past this band: it must read "too far", not a value left from two rows ago.
    cur[hi + 1] = over;
    if (rowMin > max) return over;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[m]!, over);
}
