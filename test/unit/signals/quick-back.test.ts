import { describe, expect, it } from 'vitest';
import type { Arrival } from '../../../src/core/records/visit';
import { isQuickBack } from '../../../src/core/signals/quick-back';
import { settings } from './timeline';

const visit = (pageKey: string, enteredAt: number, arrival: Arrival = 'navigate') => ({ pageKey, enteredAt, arrival });
const category = visit('/category/:slug', 0);
const product = visit('/product/:id', 5000);

describe('quick back', () => {
  it('is a back navigation after less than 10 s on the page', () => {
    expect(isQuickBack(category, product, visit('/category/:slug', 14_000, 'back_forward'), settings())).toBe(true);
    expect(isQuickBack(category, product, visit('/category/:slug', 16_000, 'back_forward'), settings())).toBe(false);
    expect(isQuickBack(category, product, visit('/category/:slug', 15_000, 'back_forward'), settings())).toBe(false);
  });

  it('is a return to the previous page key by a link too', () => {
    expect(isQuickBack(category, product, visit('/category/:slug', 8000), settings())).toBe(true);
  });

  it('is not moving on to another page', () => {
    expect(isQuickBack(category, product, visit('/cart', 8000), settings())).toBe(false);
  });

  it('is not a third page of the same touchpoint (product to product to product), unless by the back button', () => {
    const another = visit('/product/:id', 2000);
    expect(isQuickBack(product, another, visit('/product/:id', 4000), settings())).toBe(false);
    expect(isQuickBack(product, another, visit('/product/:id', 4000, 'back_forward'), settings())).toBe(true);
  });

  it('reads the threshold from the settings', () => {
    expect(isQuickBack(category, product, visit('/category/:slug', 16_000, 'back_forward'), settings({ quickBackMs: 12_000 }))).toBe(true);
  });
});
