/**
 * The five faces of the emotion scale (−2…+2) as line drawings on a 24 × 24 grid, shared by the survey card, the
 * map on screen and the map's SVG/PNG export: as emoji, two of them were empty boxes where no emoji font is
 * installed.
 */
export const FACE_MOUTH: Readonly<Record<number, string>> = {
  [-2]: 'M7.5 17.5 Q12 12.5 16.5 17.5',
  [-1]: 'M8.5 16.5 Q12 14 15.5 16.5',
  0: 'M8.5 15.5 H15.5',
  1: 'M8.5 14.5 Q12 17.5 15.5 14.5',
  2: 'M7.5 13.5 Q12 19.5 16.5 13.5 Z',
};

/** Squeezed eyes on the very unhappy face; the others have round ones (`FACE_EYE_DOTS`). */
export const FACE_EYES: Readonly<Record<number, string>> = {
  [-2]: 'M7.5 8.5 L10 10 L7.5 11.5 M16.5 8.5 L14 10 L16.5 11.5',
};

export const FACE_EYE_DOTS: ReadonlyArray<readonly [number, number]> = [
  [8.8, 9.8],
  [15.2, 9.8],
];

/** The face for a mean: the nearest whole step of the scale. */
export function faceOf(value: number): number {
  return Math.max(-2, Math.min(2, Math.round(value)));
}
