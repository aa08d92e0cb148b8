import { describe, expect, it } from 'vitest';
import { measure } from '../../../validity/sentiment';

/** PRODUCT.md §8: polarity accuracy ≥ 0.80 per language on the labelled answers (dev and held-out together). */
describe('sentiment accuracy on the labelled answers', () => {
  for (const language of ['en', 'ko'] as const) {
    it(`${language}: ≥ 0.80, well above the majority baseline`, () => {
      const f = measure(language);
      expect(f.n).toBeGreaterThanOrEqual(200);
      expect(f.baseline).toBeLessThan(0.5);
      expect(f.accuracy).toBeGreaterThanOrEqual(0.8);
    });
  }
});
