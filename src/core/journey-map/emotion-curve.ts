import { INSTRUMENTS } from '../surveys/instruments';

/*
 * Geometry of the emotion curve (−2…+2 across the stages), shared by the map on screen and the SVG export. A stage
 * nobody rated is a gap: the line stops there instead of guessing, so two lines never pretend to be one.
 */

/** The emotion instrument's scale, as the one survey model defines it. */
export const { min: EMOTION_MIN, max: EMOTION_MAX } = INSTRUMENTS.emotion.scale;

/** The y of an emotion value in a band from `top` (+2) to `top + height` (−2); values are clamped to the scale. */
export function emotionY(value: number, top: number, height: number): number {
  const clamped = Math.min(EMOTION_MAX, Math.max(EMOTION_MIN, value));
  return top + ((EMOTION_MAX - clamped) / (EMOTION_MAX - EMOTION_MIN)) * height;
}

/** Pairs of neighbouring stage indexes that both have a value: the segments to draw. */
export function emotionSegments(values: ReadonlyArray<number | null>): Array<[number, number]> {
  const segments: Array<[number, number]> = [];
  for (let i = 1; i < values.length; i++) if (values[i - 1] != null && values[i] != null) segments.push([i - 1, i]);
  return segments;
}

/** Where a value's label goes: above a point in the lower half, below one in the upper half, so it stays inside. */
export function labelBelow(value: number): boolean {
  return value > 0.5;
}
