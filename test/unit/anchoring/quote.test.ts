import { describe, expect, it } from 'vitest';
import { CONTEXT, QUOTE_MAX, findQuote, fuzzBound, matchesQuote, quoteAt, quoteMatches } from '../../../src/core/anchoring/quote';

const PAGE =
  'Spring sale. Everything in the garden range is twenty percent off until the end of the month. ' +
  'Delivery takes three to five working days for most addresses. Members get free delivery on every order.';

function quoteOf(text: string, part: string) {
  const start = text.indexOf(part);
  return { quote: quoteAt(text, start, start + part.length), position: start };
}

/** Fewest edits turning some substring of `text` into `pattern` (the full Sellers table): the fixtures' guard. */
function bestDistance(text: string, pattern: string): number {
  let column = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  let best = column[pattern.length]!;
  for (const ch of text) {
    const next = [0];
    for (let i = 1; i <= pattern.length; i++) next[i] = Math.min(column[i - 1]! + (pattern[i - 1] === ch ? 0 : 1), column[i]! + 1, next[i - 1]! + 1);
    column = next;
    best = Math.min(best, column[pattern.length]!);
  }
  return best;
}

describe('quoteAt', () => {
  it('quotes the text with 32 characters of context either side', () => {
    const { quote } = quoteOf(PAGE, 'Delivery takes three to five working days');
    expect(quote.exact).toBe('Delivery takes three to five working days');
    expect(quote.prefix).toBe('off until the end of the month. ');
    expect(quote.prefix).toHaveLength(CONTEXT);
    expect(quote.suffix).toBe(' for most addresses. Members get');
  });

  it('has shorter context at the edges of the text', () => {
    expect(quoteAt('Hello world', 0, 5)).toEqual({ exact: 'Hello', prefix: '', suffix: ' world' });
    expect(quoteAt('Hello world', 6, 11)).toEqual({ exact: 'world', prefix: 'Hello ', suffix: '' });
  });

  it('cuts the quote at 500 characters, the suffix following the cut', () => {
    const text = `${'a'.repeat(10)}${'b'.repeat(600)}${'c'.repeat(40)}`;
    const quote = quoteAt(text, 10, 610);
    expect(quote.exact).toBe('b'.repeat(QUOTE_MAX));
    expect(quote.suffix).toBe('b'.repeat(CONTEXT));
  });
});

describe('fuzzBound', () => {
  it('allows a quarter of the quote, rounded down', () => {
    expect(fuzzBound('')).toBe(0);
    expect(fuzzBound('abc')).toBe(0);
    expect(fuzzBound('abcd')).toBe(1);
    expect(fuzzBound('x'.repeat(500))).toBe(125);
  });

  it('decides whether an element text still carries the quote', () => {
    expect(matchesQuote('Add to cart', 'Add to cart')).toBe(true);
    expect(matchesQuote('Add to carts', 'Add to cart')).toBe(true);
    expect(matchesQuote('Add to basket', 'Add to cart')).toBe(false);
    expect(matchesQuote('', '')).toBe(true);
    expect(matchesQuote('Close', '')).toBe(false);
  });
});

describe('findQuote', () => {
  it('finds the exact text', () => {
    const { quote, position } = quoteOf(PAGE, 'twenty percent off');
    expect(findQuote(PAGE, quote, position)).toMatchObject({ start: position, end: position + 18, distance: 0 });
  });

  it('finds it after text was inserted before it, far from the recorded position', () => {
    const { quote, position } = quoteOf(PAGE, 'three to five working days');
    const changed = `${'New arrivals every week. '.repeat(400)}${PAGE}`;
    expect(findQuote(changed, quote, position)).toMatchObject({ start: changed.indexOf('three to five'), distance: 0 });
  });

  it('tells twins apart by their prefix and suffix, then by the recorded position', () => {
    const shop = 'Watering can 12 EUR Add to cart. Garden gloves 8 EUR Add to cart. Rake 15 EUR Add to cart.';
    const second = shop.indexOf('Add to cart', shop.indexOf('gloves'));
    const quote = quoteAt(shop, second, second + 11);
    expect(findQuote(shop, quote, second)?.start).toBe(second);
    // The cards were reordered: the gloves' button moved, its context with it.
    const reordered = 'Garden gloves 8 EUR Add to cart. Rake 15 EUR Add to cart. Watering can 12 EUR Add to cart.';
    expect(findQuote(reordered, quote, second)?.start).toBe(reordered.indexOf('Add to cart'));
    // Identical contexts: the one nearest the recorded position.
    const same = 'Buy now. Buy now. Buy now. Buy now.';
    const third = 18;
    expect(findQuote(same, { exact: 'Buy now', prefix: '', suffix: '' }, third)?.start).toBe(third);
    expect(findQuote(same, { exact: 'Buy now', prefix: '', suffix: '' }, 1)?.start).toBe(0);
  });

  it('finds text with a small edit, fuzzily', () => {
    const { quote, position } = quoteOf(PAGE, 'Everything in the garden range is twenty percent off until the end of the month.');
    const changed = PAGE.replace('twenty percent off until the end of the month', 'thirty percent off until the end of June');
    const found = findQuote(changed, quote, position);
    expect(found?.distance).toBeGreaterThan(0);
    expect(found?.distance).toBeLessThanOrEqual(fuzzBound(quote.exact));
    expect(changed.slice(found!.start, found!.end)).toBe('Everything in the garden range is thirty percent off until the end of June.');
  });

  it('finds text exactly at the edit bound, and not one edit over it', () => {
    const exact = 'Members get free delivery on every order.'; // 41 characters: bound 10
    expect(fuzzBound(exact)).toBe(10);
    const quote = { exact, prefix: '', suffix: '' };
    // Ten single-letter substitutions spread through the words, none at the ends (so no alignment can dodge one).
    const atBound = 'Mxmbxrs gxt fxee dxlivxry xn evxry xrdxr.';
    const overBound = 'Mxmbxrs gxt fxee dxlivxry xn xvxry xrdxr.';
    const text = (middle: string) => `Spring sale. ${middle} Delivery takes three days.`;
    expect(bestDistance(text(atBound), exact)).toBe(10);
    expect(bestDistance(text(overBound), exact)).toBe(11);
    expect(findQuote(text(atBound), quote, 13)).toMatchObject({ start: 13, distance: 10 });
    expect(findQuote(text(overBound), quote, 13)).toBeNull();
  });

  it('matches short quotes only exactly', () => {
    expect(findQuote('a cat sat', { exact: 'cut', prefix: '', suffix: '' }, 0)).toBeNull();
    expect(findQuote('a cut sat', { exact: 'cut', prefix: '', suffix: '' }, 0)).toMatchObject({ start: 2 });
  });

  it('finds nothing for an empty quote or text that is gone', () => {
    expect(findQuote(PAGE, { exact: '', prefix: 'x', suffix: 'y' }, 0)).toBeNull();
    const { quote, position } = quoteOf(PAGE, 'Delivery takes three to five working days for most addresses.');
    expect(findQuote(PAGE.replace(quote.exact, 'Returns are free.'), quote, position)).toBeNull();
  });

  it('offers every place, best first, exact ones before fuzzy ones', () => {
    const text = 'order now, odrer now, order now';
    const places = [...quoteMatches(text, { exact: 'order now', prefix: '', suffix: ', odrer now' }, 0)];
    expect(places.map((p) => [p.start, p.distance])).toEqual([
      [0, 0],
      [22, 0],
      [11, 2],
    ]);
  });

  it('copes with a 200 KB page: finds, finds fuzzily, and gives up, without stalling', () => {
    const words = ['garden', 'delivery', 'order', 'spring', 'members', 'sale', 'tools', 'price', 'return', 'week'];
    let seed = 3;
    const next = () => {
      seed = (seed + 0x6d2b79f5) | 0; // mulberry32
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    let long = '';
    while (long.length < 200_000) long += `${words[Math.floor(next() * words.length)]} `;
    const middle = 100_000;
    const quote = quoteAt(long, middle, middle + 300);
    expect(findQuote(long, quote, middle)).toMatchObject({ start: middle, distance: 0 });

    const edited = `${long.slice(0, middle + 10)}XYZ${long.slice(middle + 13, middle + 200)}QQ${long.slice(middle + 202)}`;
    const found = findQuote(`${'prepended '.repeat(2000)}${edited}`, quote, middle);
    expect(found?.distance).toBeGreaterThan(0);
    expect(found!.start).toBe(middle + 20_000);

    const gone = `${long.slice(0, middle)}${long.slice(middle + 300)}`;
    expect(findQuote(gone, { ...quote, exact: 'Zebra crossings and quartz jewellery: nothing here reads like this.' }, middle)).toBeNull();
  });
});
