import type { HealthPart, HealthPartName, LowConfidenceReason } from '../health/touchpoint-health';

/**
 * The traffic light a health score is drawn with. Colour is never the only cue: the map always prints the score
 * too, and low confidence is written out. Good from 80, fair from 60, poor below (docs/health.md): saturated friction
 * alone costs 40–50 points, so a walk full of friction can never be drawn good, and without answers it is poor.
 */
export type HealthBand = 'good' | 'fair' | 'poor' | 'none';

export const BAND_GOOD = 80;
export const BAND_FAIR = 60;

export function healthBand(score: number | null): HealthBand {
  if (score === null) return 'none';
  return score >= BAND_GOOD ? 'good' : score >= BAND_FAIR ? 'fair' : 'poor';
}

/** Colours for documents that leave the extension (SVG/PNG): a light page, contrast ≥ 4.5:1 for the text on them. */
export const BAND_COLOURS: Record<HealthBand, { fill: string; stroke: string; text: string }> = {
  good: { fill: '#dcf3e3', stroke: '#1a7f37', text: '#0f5323' },
  fair: { fill: '#fff1cc', stroke: '#9a6700', text: '#6b4700' },
  poor: { fill: '#fde2df', stroke: '#b42318', text: '#8a1a12' },
  none: { fill: '#eef1f4', stroke: '#8c959f', text: '#424a53' },
};

/** A score as the map shows it, with its band and the parts it is made of: a stage's, or a touchpoint row's. */
export interface ScoreView {
  score: number | null;
  lowConfidence: boolean;
  reason: LowConfidenceReason | null;
  band: HealthBand;
  parts: Record<HealthPartName, HealthPart>;
  visits: number;
}
