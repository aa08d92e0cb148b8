/**
 * Bounded edit distance (Levenshtein: insert, delete, substitute, each 1), whole-string and as an approximate
 * substring search. Both only ever look at cells whose value can still be within the bound, so the cost grows with
 * the bound k, not with the square of the lengths.
 */

export interface TextMatch {
  /** Offsets in the searched text, end exclusive. */
  start: number;
  end: number;
  distance: number;
}

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

/**
 * Every place in `text[from, to)` where `pattern` occurs with at most `maxErrors` edits: Sellers' dynamic
 * programming with Ukkonen's cut-off (only rows up to the last one still ≤ k are computed; expected O(n · k) on
 * ordinary text). Each cell also carries where its alignment started, so a match knows its start. Of a run of
 * adjacent end offsets (the same place, give or take a character) only the closest one is kept.
 * `budget` caps the cells computed, so a long, repetitive page cannot stall the caller: the scan stops there.
 */
export function approximateMatches(text: string, pattern: string, maxErrors: number, from = 0, to = text.length, budget = Infinity): TextMatch[] {
  const m = pattern.length;
  const k = Math.min(maxErrors, m);
  if (m === 0) return [];
  const cost = new Int32Array(m + 1);
  const origin = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    cost[i] = i;
    origin[i] = from;
  }
  const found: TextMatch[] = [];
  let best: TextMatch | null = null; // the closest match of the current run of adjacent ends
  let runEnd = -1;
  let last = k; // the deepest row whose cost is ≤ k; rows below it hold values > k
  let cells = 0;
  for (let j = from; j < to && cells <= budget; j++) {
    const ch = text.charCodeAt(j);
    let diag = 0; // row 0 of the previous column: a match may start anywhere, for free
    let diagOrigin = j;
    let up = 0;
    let upOrigin = j + 1;
    const top = Math.min(last + 1, m);
    for (let i = 1; i <= top; i++) {
      const left = cost[i]!;
      const leftOrigin = origin[i]!;
      let v = diag;
      let o = diagOrigin;
      if (pattern.charCodeAt(i - 1) !== ch) {
        v = diag + 1;
        if (left + 1 < v) {
          v = left + 1;
          o = leftOrigin;
        }
        if (up + 1 < v) {
          v = up + 1;
          o = upOrigin;
        }
      }
      cost[i] = v;
      origin[i] = o;
      diag = left;
      diagOrigin = leftOrigin;
      up = v;
      upOrigin = o;
    }
    cells += top;
    last = top;
    while (cost[last]! > k) last--;
    if (last === m) {
      const distance = cost[m]!;
      if (best && runEnd === j) {
        if (distance < best.distance) Object.assign(best, { start: origin[m]!, end: j + 1, distance });
      } else {
        best = { start: origin[m]!, end: j + 1, distance };
        found.push(best);
      }
      runEnd = j + 1;
    }
  }
  return found;
}
