import type { HealthPartName } from '../health/touchpoint-health';
/**
 * Number formats shared by the map on screen and its SVG and report exports, so the same figure reads the same
 * everywhere. A real minus sign (U+2212) keeps −1.0 from reading as a dash.
 */

const MINUS = '\u2212';

/** An emotion mean on −2…+2 with its sign: "+1.3", "−0.5", "0.0". */
export function formatEmotion(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  if (rounded === 0) return '0.0';
  return `${rounded > 0 ? '+' : MINUS}${Math.abs(rounded).toFixed(1)}`;
}

/** A signed whole number (NPS): "+20", "−15", "0". */
export function formatSigned(value: number): string {
  const rounded = Math.round(value);
  return rounded > 0 ? `+${rounded}` : rounded < 0 ? `${MINUS}${-rounded}` : '0';
}

/** A share 0…1 as a whole percentage: "33%". */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A mean on a 1–7 scale: one decimal. */
export function formatMean(value: number): string {
  return value.toFixed(1);
}

/** Elapsed time as a stopwatch reads it: "0:45", "12:05", "1:02:05". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** A median that may fall between two whole numbers: "3" or "3.5". */
export function formatCount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** A health part's measured value as people read it: friction per visit, a share, or a count. */
export function formatHealthPartValue(part: HealthPartName, raw: number): string {
  switch (part) {
    case 'friction':
      return raw.toFixed(2);
    case 'exits':
    case 'deadEnd':
    case 'attitude':
      return formatShare(raw);
    case 'painPoints':
      return String(raw);
  }
}
