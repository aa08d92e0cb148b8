import { describe, expect, it } from 'vitest';
import { approximateMatches, editDistance } from '../../../src/core/anchoring/fuzzy';

/** Reference implementations: the full tables, no bands, no cut-offs. */
function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
    prev = cur;
  }
  return prev[b.length]!;
}

/** For each end offset, the fewest edits turning some substring ending there into the pattern (Sellers). */
function substringDistances(text: string, pattern: string): number[] {
  let column = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  const atEnd = [column[pattern.length]!];
  for (const ch of text) {
    const next = [0];
    for (let i = 1; i <= pattern.length; i++) next[i] = Math.min(column[i - 1]! + (pattern[i - 1] === ch ? 0 : 1), column[i]! + 1, next[i - 1]! + 1);
    column = next;
    atEnd.push(column[pattern.length]!);
  }
  return atEnd;
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

describe('approximateMatches', () => {
  it('finds a pattern with up to k edits, and where it starts', () => {
    expect(approximateMatches('the quick brown fox', 'quick', 0)).toEqual([{ start: 4, end: 9, distance: 0 }]);
    expect(approximateMatches('the quack brown fox', 'quick', 1)).toEqual([{ start: 4, end: 9, distance: 1 }]);
    expect(approximateMatches('the quack brown fox', 'quick', 0)).toEqual([]);
    expect(approximateMatches('a qick one', 'quick', 1)).toEqual([{ start: 2, end: 6, distance: 1 }]);
  });

  it('keeps the closest of adjacent ends, once per place', () => {
    const found = approximateMatches('xx hello xx hello xx', 'hello', 1);
    expect(found.map((m) => [m.start, m.end, m.distance])).toEqual([
      [3, 8, 0],
      [12, 17, 0],
    ]);
  });

  it('scans only the given range, and stops at its budget', () => {
    expect(approximateMatches('hello world hello', 'hello', 0, 1)).toEqual([{ start: 12, end: 17, distance: 0 }]);
    expect(approximateMatches('hello world hello', 'hello', 0, 0, 10)).toEqual([{ start: 0, end: 5, distance: 0 }]);
    expect(approximateMatches('aaaa hello', 'hello', 1, 0, 10, 5)).toEqual([]);
  });

  // Short patterns fit one 32-bit block; long ones span several, with blocks switched on and off along the text.
  for (const [label, seed, patternLength, textLength, alphabet] of [
    ['one block', 11, 8, 40, 'abc'],
    ['several blocks', 13, 120, 400, 'ab'],
    ['several blocks, larger alphabet', 17, 100, 600, 'abcdefgh'],
  ] as const) {
  it(`reports exactly the distances of the full table, and misses no best match, on random strings (${label})`, () => {
    const next = random(seed);
    for (let n = 0; n < 150; n++) {
      const pattern = word(next, 1 + Math.floor(next() * patternLength), alphabet);
      // Half the texts carry a mutated copy of the pattern, so that there is something to find.
      const copy = [...pattern].map((ch) => (next() < 0.1 ? word(next, Math.floor(next() * 2), alphabet) : ch)).join('');
      const text = word(next, Math.floor(next() * textLength), alphabet) + (next() < 0.5 ? copy + word(next, 20, alphabet) : '');
      const k = Math.floor(next() * (pattern.length / 3 + 1));
      const reference = substringDistances(text, pattern);
      const found = approximateMatches(text, pattern, k);
      for (const m of found) {
        expect(m.distance).toBe(reference[m.end]);
        expect(levenshtein(text.slice(m.start, m.end), pattern)).toBe(m.distance);
      }
      const best = Math.min(...reference);
      expect(found.length > 0, `${pattern} in ${text}, k ${k}`).toBe(best <= k);
      if (best <= k) expect(Math.min(...found.map((m) => m.distance))).toBe(best);
      // Every end within the bound belongs to a reported run of adjacent ends.
      const ends = reference.flatMap((d, end) => (d <= k ? [end] : []));
      const reported = new Set(found.map((m) => m.end));
      for (const end of ends) {
        let e = end;
        while (!reported.has(e) && ends.includes(e - 1)) e--;
        let f = end;
        while (!reported.has(f) && ends.includes(f + 1)) f++;
        expect(reported.has(e) || reported.has(f), `end ${end}`).toBe(true);
      }
    }
  });
  }
});
