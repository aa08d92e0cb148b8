import { describe, expect, it } from 'vitest';
import { PIN_SIZE, pinPositions, popoverPosition } from '../../../src/inpage/annotate/pin-layout';

const half = PIN_SIZE / 2;
/** A page 2000 × 5000 scrolled to the top, with the layer at the document's origin. */
const page = { x: 0, y: 0, width: 2000, height: 5000 };
const origin = { x: 0, y: 0 };

describe('pin positions', () => {
  it('centres a pin on the element’s top-right corner', () => {
    const [at] = pinPositions([{ rect: { x: 100, y: 200, width: 80, height: 30 }, group: 0 }], origin, page);
    expect(at).toEqual({ x: 180 - half, y: 200 - half });
  });

  it('converts viewport coordinates to the layer’s: scrolled down 1000 px, the layer’s origin is 1000 px above the viewport', () => {
    const scrolled = { x: 0, y: -1000, width: 2000, height: 5000 };
    const [at] = pinPositions([{ rect: { x: 100, y: 50, width: 80, height: 30 }, group: 0 }], { x: 0, y: -1000 }, scrolled);
    expect(at).toEqual({ x: 180 - half, y: 1050 - half });
  });

  it('follows a layer that is not at the viewport’s origin (a positioned <html> with a margin)', () => {
    const [at] = pinPositions([{ rect: { x: 100, y: 200, width: 80, height: 30 }, group: 0 }], { x: 8, y: 20 }, page);
    expect(at).toEqual({ x: 180 - half - 8, y: 200 - half - 20 });
  });

  it('lines several notes on one element up leftwards, and numbers groups independently', () => {
    const rect = { x: 100, y: 200, width: 80, height: 30 };
    const other = { x: 400, y: 200, width: 50, height: 30 };
    const [a, b, c, d] = pinPositions(
      [
        { rect, group: 0 },
        { rect, group: 0 },
        { rect: other, group: 1 },
        { rect, group: 0 },
      ],
      origin,
      page,
    );
    expect(b!.x).toBe(a!.x - (PIN_SIZE + 4));
    expect(d!.x).toBe(a!.x - 2 * (PIN_SIZE + 4));
    expect(c).toEqual({ x: 450 - half, y: 200 - half });
    expect(new Set([a!.y, b!.y, d!.y]).size).toBe(1);
  });

  it('keeps pins inside the page at its edges', () => {
    const [topLeft, right] = pinPositions(
      [
        { rect: { x: 0, y: 0, width: 4, height: 10 }, group: 0 },
        { rect: { x: 1900, y: 300, width: 100, height: 10 }, group: 1 },
      ],
      origin,
      page,
    );
    expect(topLeft).toEqual({ x: 0, y: 0 });
    expect(right!.x).toBe(2000 - PIN_SIZE);
  });

  it('gives no pin to an element that is not rendered', () => {
    expect(pinPositions([{ rect: null, group: 0 }, { rect: { x: 10, y: 10, width: 0, height: 0 }, group: 1 }], origin, page)).toEqual([null, null]);
  });
});

describe('popover position', () => {
  const viewport = { width: 1000, height: 800 };
  const size = { width: 320, height: 200 };

  it('opens below the pin, left-aligned with it', () => {
    expect(popoverPosition({ x: 100, y: 100, width: 24, height: 24 }, size, viewport)).toEqual({ x: 100, y: 130 });
  });

  it('opens above when there is no room below', () => {
    expect(popoverPosition({ x: 100, y: 700, width: 24, height: 24 }, size, viewport)).toEqual({ x: 100, y: 700 - 6 - 200 });
  });

  it('stays inside the viewport horizontally', () => {
    expect(popoverPosition({ x: 950, y: 100, width: 24, height: 24 }, size, viewport).x).toBe(1000 - 8 - 320);
    expect(popoverPosition({ x: -40, y: 100, width: 24, height: 24 }, size, viewport).x).toBe(8);
  });

  it('stays below when there is no room above either', () => {
    expect(popoverPosition({ x: 10, y: 100, width: 24, height: 24 }, { width: 320, height: 780 }, viewport).y).toBe(130);
  });
});
