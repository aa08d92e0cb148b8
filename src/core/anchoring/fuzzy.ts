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
 * Alignments of `pattern` ending in `text[from, to)` with at most k edits: Sellers' dynamic programming with
 * Ukkonen's cut-off (only rows up to the last one still ≤ k are computed), each cell also carrying where its
 * alignment started. Of a run of adjacent ends (the same place, give or take a character) only the closest is kept.
 * Used on the short stretch before an end the bit-parallel scan found, to learn where that match starts.
 */
function alignments(text: string, pattern: string, k: number, from: number, to: number): TextMatch[] {
  const m = pattern.length;
  const cost = new Int32Array(m + 1);
  const origin = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    cost[i] = i;
    origin[i] = from;
  }
  const found: TextMatch[] = [];
  let best: TextMatch | null = null;
  let runEnd = -1;
  let last = k; // the deepest row whose cost is ≤ k; rows below it hold values > k
  for (let j = from; j < to; j++) {
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
        if (left < v) {
          v = left;
          o = leftOrigin;
        }
        if (up < v) {
          v = up;
          o = upOrigin;
        }
        v++;
      }
      cost[i] = v;
      origin[i] = o;
      diag = left;
      diagOrigin = leftOrigin;
      up = v;
      upOrigin = o;
    }
    last = top;
    while (cost[last]! > k) last--;
    if (last === m) {
      best = collect(found, best, runEnd, origin[m]!, j + 1, cost[m]!);
      runEnd = j + 1;
    }
  }
  return found;
}

/** Adds a match at `end`, or, when it continues the current run of adjacent ends, keeps the closer of the two. */
function collect(found: TextMatch[], best: TextMatch | null, runEnd: number, start: number, end: number, distance: number): TextMatch {
  if (best && runEnd === end - 1) {
    if (distance < best.distance) Object.assign(best, { start, end, distance });
    return best;
  }
  const match = { start, end, distance };
  found.push(match);
  return match;
}

const W = 32;

/**
 * The ends (and distances) of matches, computed 32 pattern rows at a time: Myers' bit-vector algorithm (J. ACM
 * 46(3), 1999), by blocks, with the block-wise cut-off of its section 5 — O(n · k / 32) on ordinary text.
 * Each block keeps the signs of the vertical differences of its column (P: +1, M: −1) and the value of its last row.
 */
function matchEnds(text: string, pattern: string, k: number, from: number, to: number, budget: number): TextMatch[] {
  const m = pattern.length;
  const blocks = Math.ceil(m / W);
  const peq = new Map<number, Int32Array>(); // per character: the bits of the pattern rows holding it
  for (let i = 0; i < m; i++) {
    const code = pattern.charCodeAt(i);
    let bits = peq.get(code);
    if (!bits) peq.set(code, (bits = new Int32Array(blocks)));
    bits[(i / W) | 0]! |= 1 << i % W;
  }
  const absent = new Int32Array(blocks);
  const plus = new Int32Array(blocks).fill(-1);
  const minus = new Int32Array(blocks);
  const score = new Int32Array(blocks);
  for (let b = 0; b < blocks; b++) score[b] = Math.min(m, (b + 1) * W);
  const lastRow = (b: number) => 1 << (b === blocks - 1 ? (m - 1) % W : W - 1);

  /** One block of one column, given the horizontal difference entering its top; returns the one leaving its bottom. */
  const advance = (b: number, eqs: Int32Array, hin: number): number => {
    const pv = plus[b]!;
    const mv = minus[b]!;
    const eq = eqs[b]! | (hin < 0 ? 1 : 0);
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    const bottom = lastRow(b);
    const hout = ph & bottom ? 1 : mh & bottom ? -1 : 0;
    ph = (ph << 1) | (hin > 0 ? 1 : 0);
    mh = (mh << 1) | (hin < 0 ? 1 : 0);
    plus[b] = mh | ~(xv | ph);
    minus[b] = ph & xv;
    return hout;
  };

  const found: TextMatch[] = [];
  let best: TextMatch | null = null;
  let runEnd = -1;
  let y = Math.max(0, Math.ceil(k / W) - 1); // the last block computed: those below it hold only values > k
  let cells = 0;
  for (let j = from; j < to && cells <= budget; j++) {
    const eqs = peq.get(text.charCodeAt(j)) ?? absent;
    let carry = 0; // row 0 is 0 in every column: a match may start anywhere
    for (let b = 0; b <= y; b++) {
      carry = advance(b, eqs, carry);
      score[b]! += carry;
    }
    cells += (y + 1) * W;
    if (y < blocks - 1 && score[y]! - carry <= k && (eqs[y + 1]! & 1 || carry < 0)) {
      // The next block's first row can be ≤ k now: start it as if its last column rose by 1 a row.
      y++;
      plus[y] = -1;
      minus[y] = 0;
      score[y] = score[y - 1]! + (y === blocks - 1 ? m - y * W : W) - carry + advance(y, eqs, carry);
    } else {
      while (y > 0 && score[y]! >= k + W) y--;
    }
    if (y === blocks - 1 && score[y]! <= k) {
      best = collect(found, best, runEnd, -1, j + 1, score[y]!);
      runEnd = j + 1;
    }
  }
  return found;
}

/**
 * Every place in `text[from, to)` where `pattern` occurs with at most `maxErrors` edits, the closest of each run of
 * adjacent ends. Ends come from the bit-parallel scan; each start from a small alignment over the m + k characters
 * before its end. `budget` caps the cells scanned (32 per block and character), so a long, repetitive page cannot
 * stall the caller: the scan stops there.
 */
export function approximateMatches(text: string, pattern: string, maxErrors: number, from = 0, to = text.length, budget = Infinity): TextMatch[] {
  const m = pattern.length;
  const k = Math.min(maxErrors, m);
  if (m === 0) return [];
  return matchEnds(text, pattern, k, from, to, budget).map(({ end, distance }) => {
    const before = alignments(text, pattern, k, Math.max(from, end - m - k), end);
    return { start: before.at(-1)?.start ?? Math.max(from, end - m), end, distance };
  });
}
