import { describe, expect, it } from 'vitest';
import { editDistance } from '../../../src/core/anchoring/edit-distance';

/** The reference: the full table, no band, no cut-off. */
function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
    prev = cur;
  }
  return prev[b.length]!;
}

/** A small deterministic generator (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const word = (next: () => number, length: number, alphabet = 'abc') =>
  Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');

describe('editDistance', () => {
  it('counts inserts, deletes and substitutions', () => {
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('', 'abc', 5)).toBe(3);
    expect(editDistance('abc', '', 5)).toBe(3);
    expect(editDistance('same', 'same', 0)).toBe(0);
  });

  it('stops at max + 1 once the distance is certain to exceed max', () => {
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('kitten', 'sitting', 0)).toBe(1);
    expect(editDistance('short', 'a much longer text', 4)).toBe(5);
  });

  it('agrees with the full table within its band, on random strings', () => {
    const next = random(7);
    for (let n = 0; n < 500; n++) {
      const a = word(next, Math.floor(next() * 12));
      const b = word(next, Math.floor(next() * 12));
      const max = Math.floor(next() * 6);
      const exact = levenshtein(a, b);
      expect(editDistance(a, b, max), `${a} / ${b} / ${max}`).toBe(exact <= max ? exact : max + 1);
    }
  });
});
