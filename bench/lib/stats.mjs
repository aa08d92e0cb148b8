export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank quantile, for the spread printed beside a median. */
export function quantile(values, q) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function summary(values) {
  return { n: values.length, median: median(values), p25: quantile(values, 0.25), p75: quantile(values, 0.75), min: quantile(values, 0), max: quantile(values, 1) };
}

/**
 * Runs `once(i)` `target` times, or fewer (never under `min`) when the repetitions so far took longer than
 * `capMs` in all — for figures whose single run takes seconds. Returns the results and whether it was capped.
 */
export async function repeat(once, { target = 15, min = 5, capMs = Infinity } = {}) {
  const results = [];
  const started = Date.now();
  for (let i = 0; i < target; i++) {
    results.push(await once(i));
    if (results.length >= min && Date.now() - started > capMs) break;
  }
  return { results, capped: results.length < target };
}

export const round = (value, digits = 1) => (value === null || value === undefined ? null : Number(value.toFixed(digits)));
