import { describe, expect, it } from 'vitest';
import { withoutSiteName } from '../../../src/core/journey-map/site-name';

describe('touchpoint names from page titles', () => {
  it('takes the site name most titles end with off each of them', () => {
    expect(
      withoutSiteName({
        a: 'Your cart – Northwind Phones',
        b: 'Returns and refunds – Help centre – Northwind Phones',
        c: 'Northwind Phones',
        d: 'Checkout | Northwind Phones',
      }),
    ).toEqual({ a: 'Your cart', b: 'Returns and refunds – Help centre', c: 'Northwind Phones', d: 'Checkout' });
  });

  it('leaves titles alone when no ending is shared by two of them, or by most', () => {
    const one = { a: 'Your cart – Northwind', b: 'Checkout' };
    expect(withoutSiteName(one)).toEqual(one);
    const split = { a: 'A – X', b: 'B – X', c: 'C – Y', d: 'D – Z', e: 'E – W', f: 'F – V' };
    expect(withoutSiteName(split)).toEqual(split);
  });

  it('keeps a hyphenated word whole: only a separator with spaces around it counts', () => {
    const titles = { a: 'E-mail sign-up', b: 'Check-out' };
    expect(withoutSiteName(titles)).toEqual(titles);
  });
});
