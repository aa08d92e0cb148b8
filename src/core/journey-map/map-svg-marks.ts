import { FACE_EYE_DOTS, FACE_EYES, FACE_MOUTH, faceOf } from '../surveys/face-shapes';
import { BAND_COLOURS, type HealthBand } from './health-band';
import { PAIN_SEVERITIES, type PainSeverity } from './pain-severity';
import { LINE } from './svg-palette';

/**
 * The small marks of the exported map, drawn as the screen draws them (dashboard.css): health bands in colour *and*
 * pattern, the low-confidence ring, severity bars, line icons and the faces of the emotion curve.
 */

/** Fills for each band: solid (good), striped (fair), cross-hatched (poor), barred (not measured). */
export const BAND_PATTERNS =
  `<defs>` +
  `<pattern id="jl-band-fair" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${BAND_COLOURS.fair.fill}"/><rect width="3" height="6" fill="${BAND_COLOURS.fair.stroke}"/></pattern>` +
  `<pattern id="jl-band-poor" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="5" height="5" fill="${BAND_COLOURS.poor.fill}"/><rect width="2" height="5" fill="${BAND_COLOURS.poor.stroke}"/><rect width="5" height="2" fill="${BAND_COLOURS.poor.stroke}"/></pattern>` +
  `<pattern id="jl-band-none" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="${BAND_COLOURS.none.fill}"/><rect width="2" height="5" fill="${BAND_COLOURS.none.stroke}"/></pattern>` +
  `</defs>`;

export function bandPaint(band: HealthBand): string {
  return band === 'good' ? BAND_COLOURS.good.stroke : `url(#jl-band-${band})`;
}

/** A band of a health's colour and pattern, `width` wide, down the left of a box. */
export function bandStripe(band: HealthBand, x: number, y: number, width: number, height: number): string {
  return `<rect x="${x}" y="${y}" width="${width}" height="${height}" fill="${bandPaint(band)}" data-band="${band}"/>`;
}

/** The quiet dotted ring that says "low confidence" (the legend says it in words, once). */
export function confidenceRing(cx: number, cy: number, colour: string): string {
  return `<circle cx="${cx}" cy="${cy}" r="4.5" fill="none" stroke="${colour}" stroke-width="1.5" stroke-dasharray="1.6 1.6" data-low-confidence="true"/>`;
}

/** Three bars, as many filled as the pain is severe; `y` is their bottom. */
export function severityBars(severity: PainSeverity, x: number, y: number): string {
  const filled = PAIN_SEVERITIES.length - PAIN_SEVERITIES.indexOf(severity);
  return [0, 1, 2]
    .map((i) => `<rect x="${x + i * 5}" y="${y - 4 - i * 4}" width="3.5" height="${4 + i * 4}" rx="1" fill="${i < filled ? BAND_COLOURS.poor.text : LINE}"/>`)
    .join('');
}

/** A 16 × 16 line icon (map-icons.ts) with its top left at x, y. */
export function lineIcon(d: string, x: number, y: number, colour: string, size = 16): string {
  return `<path transform="translate(${x} ${y}) scale(${size / 16})" d="${d}" fill="none" stroke="${colour}" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"/>`;
}

/** The face of an emotion mean in a ring of `r`, centred on cx, cy. */
export function faceMark(value: number, cx: number, cy: number, r: number, colour: string): string {
  const face = faceOf(value);
  const eyes = FACE_EYES[face];
  const scale = (2 * r) / 24;
  const stroke = `stroke="${colour}" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"`;
  const lines = `fill="none" ${stroke}`;
  return (
    `<g data-face="${face}">` +
    `<circle cx="${cx}" cy="${cy}" r="${r}" fill="#ffffff" stroke="${colour}" stroke-width="2"/>` +
    `<g transform="translate(${cx - r} ${cy - r}) scale(${scale})">` +
    (eyes ? `<path d="${eyes}" ${lines}/>` : FACE_EYE_DOTS.map(([x, y]) => `<circle cx="${x}" cy="${y}" r="1.4" fill="${colour}"/>`).join('')) +
    `<path d="${FACE_MOUTH[face]}" fill="${face === 2 ? colour : 'none'}" ${stroke}/>` +
    `</g></g>`
  );
}
