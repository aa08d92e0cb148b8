import { describe, expect, it } from 'vitest';
import type { Arrival } from '../../../src/core/records/visit';
import { isQuickBack } from '../../../src/core/signals/quick-back';
import { settings } from './timeline';

const visit = (path: string, enteredAt: number, arrival: Arrival = 'navigate') => ({ url: `https://shop.test${path}`, enteredAt, arrival });
const category = visit('/category/phones', 0);
const product = visit('/product/7', 5000);

describe('quick back', () => {
  it('is a back navigation after less than 10 s on the page', () => {
    expect(isQuickBack(category, product, visit('/category/phones', 14_000, 'back_forward'), settings())).toBe(true);
    expect(isQuickBack(category, product, visit('/category/phones', 16_000, 'back_forward'), settings())).toBe(false);
    expect(isQuickBack(category, product, visit('/category/phones', 15_000, 'back_forward'), settings())).toBe(false);
  });

  it('is a return to the previous page by a link too', () => {
    expect(isQuickBack(category, product, visit('/category/phones', 8000), settings())).toBe(true);
  });

  it('is not moving on to another page, even one of the previous page’s touchpoint', () => {
    expect(isQuickBack(category, product, visit('/cart', 8000), settings())).toBe(false);
    // Article A → About → article B: the same page key (/journal/:slug), no return.
    const article = visit('/journal/packing-light', 0);
    expect(isQuickBack(article, visit('/about', 2000), visit('/journal/rain-ready', 9750), settings())).toBe(false);
  });

  it('is not a third page of the same touchpoint (product to product to product), unless by the back button', () => {
    const another = visit('/product/8', 2000);
    expect(isQuickBack(product, another, visit('/product/9', 4000), settings())).toBe(false);
    expect(isQuickBack(product, another, visit('/product/7', 4000, 'back_forward'), settings())).toBe(true);
  });

  it('reads the threshold from the settings', () => {
    expect(isQuickBack(category, product, visit('/category/phones', 16_000, 'back_forward'), settings({ quickBackMs: 12_000 }))).toBe(true);
  });
});
