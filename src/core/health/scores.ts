import type { Instrument } from '../records/survey';
import { INSTRUMENTS, isAnswer, type ScoredInstrument } from '../surveys/instruments';

/**
 * Survey answers counted where they were given (a touchpoint, a stage), and the instruments' scores worked out from
 * those counts (PRODUCT.md §4). Kept as counts, not means, so touchpoints add up to stages without losing anything.
 * Scales and score units come from the instruments' one definition (`core/surveys/instruments.ts`).
 */

// Satisfied = the top two boxes of five (the usual CSAT convention).
const CSAT_SATISFIED_MIN = 4;
// NPS (Reichheld): 9–10 promote, 7–8 are passive, 0–6 detract.
const NPS_PROMOTER_MIN = 9;
const NPS_DETRACTOR_MAX = 6;

export interface AnswerTally {
  csat: { answers: number; satisfied: number };
  ces: { answers: number; sum: number };
  seq: { answers: number; sum: number };
  nps: { answers: number; promoters: number; detractors: number };
  emotion: { answers: number; sum: number };
  /** Non-empty open-text answers. */
  openText: number;
}

export function emptyTally(): AnswerTally {
  return {
    csat: { answers: 0, satisfied: 0 },
    ces: { answers: 0, sum: 0 },
    seq: { answers: 0, sum: 0 },
    nps: { answers: 0, promoters: 0, detractors: 0 },
    emotion: { answers: 0, sum: 0 },
    openText: 0,
  };
}

/**
 * The number a response scores, or null: dismissals, open text and anything `isAnswer` refuses (a corrupt or
 * imported value off its scale) count for nothing; they are left out, never clamped.
 */
export function scoredValue(response: { instrument: Instrument; value: number | null; text: string | null; dismissed: boolean }): number | null {
  return response.instrument !== 'open_text' && isAnswer(response) ? response.value : null;
}

/** Counts one answer (already checked by `scoredValue`) into the tally. */
export function tallyAnswer(tally: AnswerTally, instrument: Instrument, value: number): void {
  switch (instrument) {
    case 'csat':
      tally.csat.answers++;
      if (value >= CSAT_SATISFIED_MIN) tally.csat.satisfied++;
      return;
    case 'nps':
      tally.nps.answers++;
      if (value >= NPS_PROMOTER_MIN) tally.nps.promoters++;
      else if (value <= NPS_DETRACTOR_MAX) tally.nps.detractors++;
      return;
    case 'ces':
    case 'seq':
    case 'emotion':
      tally[instrument].answers++;
      tally[instrument].sum += value;
      return;
    case 'open_text':
      return;
  }
}

export interface InstrumentScores {
  /** Share of 4–5 answers, in percent (0–100). */
  csat: number | null;
  /** Mean on 1–7. */
  ces: number | null;
  /** Mean on 1–7 (typical ≈ 5.5). */
  seq: number | null;
  /** % promoters (9–10) minus % detractors (0–6), −100…+100. */
  nps: number | null;
  /** Mean on −2…+2. */
  emotion: number | null;
}

/** Each instrument's score in its own unit (PRODUCT.md §4), null without answers. */
export function instrumentScores(tally: AnswerTally): InstrumentScores {
  const mean = (t: { answers: number; sum: number }) => (t.answers ? t.sum / t.answers : null);
  return {
    csat: tally.csat.answers ? (100 * tally.csat.satisfied) / tally.csat.answers : null,
    ces: mean(tally.ces),
    seq: mean(tally.seq),
    nps: tally.nps.answers ? (100 * (tally.nps.promoters - tally.nps.detractors)) / tally.nps.answers : null,
    emotion: mean(tally.emotion),
  };
}

/** Maps an instrument's score (in the unit `instrumentScores` gives) onto 0 (worst) … 1 (best). */
export type Normalise = (instrument: ScoredInstrument, score: number) => number;

/** Linear: the score unit's worst end is 0, its best end 1; clamped, so an odd score never pushes health past 0…100. */
export const normaliseLinear: Normalise = (instrument, score) => {
  const { worst, best } = INSTRUMENTS[instrument].score;
  return Math.min(1, Math.max(0, (score - worst) / (best - worst)));
};

/** The attitude inputs of touchpoint health: normalised 0…1 scores, null where nobody answered. */
export interface AttitudeInputs {
  csat: number | null;
  ces: number | null;
  seq: number | null;
  emotion: number | null;
}

/**
 * The tally's attitude inputs. NPS is left out on purpose: it asks about the brand, not the step, so it says little
 * about one touchpoint (it is still shown per stage).
 */
export function attitudeInputs(tally: AnswerTally, normalise: Normalise = normaliseLinear): AttitudeInputs {
  const scores = instrumentScores(tally);
  const norm = (instrument: keyof AttitudeInputs) => {
    const score = scores[instrument];
    return score === null ? null : normalise(instrument, score);
  };
  return { csat: norm('csat'), ces: norm('ces'), seq: norm('seq'), emotion: norm('emotion') };
}

/** How many answers feed the attitude part (NPS and open text do not). */
export function attitudeAnswers(tally: AnswerTally): number {
  return tally.csat.answers + tally.ces.answers + tally.seq.answers + tally.emotion.answers;
}

export function addTally(into: AnswerTally, from: AnswerTally): void {
  into.csat.answers += from.csat.answers;
  into.csat.satisfied += from.csat.satisfied;
  into.ces.answers += from.ces.answers;
  into.ces.sum += from.ces.sum;
  into.seq.answers += from.seq.answers;
  into.seq.sum += from.seq.sum;
  into.nps.answers += from.nps.answers;
  into.nps.promoters += from.nps.promoters;
  into.nps.detractors += from.nps.detractors;
  into.emotion.answers += from.emotion.answers;
  into.emotion.sum += from.emotion.sum;
  into.openText += from.openText;
}
