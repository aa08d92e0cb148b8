/**
 * Hangul syllable arithmetic (Unicode's composition formula): a syllable is 0xAC00 + (initial × 21 + medial) × 28 +
 * final. The Korean folding rules need only the medial vowel and the final consonant of a syllable.
 */
const BASE = 0xac00;
const LAST = 0xd7a3;

export const FINAL = { none: 0, n: 4, l: 8, m: 16, b: 17, ss: 20 } as const;
export const MEDIAL = { a: 0, ae: 1, ya: 2, eo: 4, e: 5, yeo: 6, o: 8, wa: 9, wae: 10, oe: 11, u: 13, wo: 14, eu: 18, i: 20 } as const;

export function isSyllable(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code >= BASE && code <= LAST;
}

export function hasHangul(text: string): boolean {
  for (const ch of text) if (isSyllable(ch)) return true;
  return false;
}

export interface Syllable {
  initial: number;
  medial: number;
  final: number;
}

export function split(ch: string): Syllable | undefined {
  if (!isSyllable(ch)) return undefined;
  const n = ch.charCodeAt(0) - BASE;
  return { initial: Math.floor(n / 588), medial: Math.floor((n % 588) / 28), final: n % 28 };
}

export function join(s: Syllable): string {
  return String.fromCharCode(BASE + (s.initial * 21 + s.medial) * 28 + s.final);
}

/** The final consonant of a word's last syllable (0 for none or for a non-Hangul ending). */
export function lastFinal(word: string): number {
  return split(word.slice(-1))?.final ?? 0;
}

/** The word with its last syllable's final consonant set. */
export function withFinal(word: string, final: number): string {
  const last = split(word.slice(-1));
  return last ? word.slice(0, -1) + join({ ...last, final }) : word;
}
