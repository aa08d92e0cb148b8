/*
 * Where pins and their popover go. Pure arithmetic on rectangles so it can be tested without layout: the pins
 * layer reads the rectangles (viewport coordinates) and writes the results as offsets from its own origin.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** A pin is a round button this wide; 24 px is the smallest comfortable target (WCAG 2.5.8). */
export const PIN_SIZE = 24;
const PIN_GAP = 4;

export interface PinRequest {
  /** The element's box in the viewport; null (or empty) when it is not rendered: no pin then. */
  rect: Box | null;
  /** Notes on the same element share a group and line up leftwards from its corner. */
  group: number;
}

/**
 * Each pin on the top-right corner of its element, centred on the corner so it covers little of the element;
 * further pins of the same element step left. Pins are kept inside the page (`page`: its scrollable area in
 * viewport coordinates) and are returned relative to `origin`, the layer's own top-left in the viewport.
 */
export function pinPositions(requests: readonly PinRequest[], origin: Point, page: Box): (Point | null)[] {
  const placed = new Map<number, number>();
  return requests.map(({ rect, group }) => {
    if (!rect || rect.width <= 0 || rect.height <= 0) return null;
    const index = placed.get(group) ?? 0;
    placed.set(group, index + 1);
    const x = rect.x + rect.width - PIN_SIZE / 2 - index * (PIN_SIZE + PIN_GAP);
    const y = rect.y - PIN_SIZE / 2;
    return {
      x: clamp(x, page.x, page.x + page.width - PIN_SIZE) - origin.x,
      y: clamp(y, page.y, page.y + page.height - PIN_SIZE) - origin.y,
    };
  });
}

/**
 * A popover of `size` for the pin at `pin` (both in the viewport): below the pin, or above it when there is no
 * room below and there is above; its left edge follows the pin's but never leaves the viewport.
 */
export function popoverPosition(pin: Box, size: { width: number; height: number }, viewport: { width: number; height: number }, margin = 8): Point {
  const below = pin.y + pin.height + 6;
  const above = pin.y - 6 - size.height;
  const y = below + size.height > viewport.height - margin && above >= margin ? above : below;
  const x = clamp(pin.x, margin, viewport.width - margin - size.width);
  return { x, y };
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}
