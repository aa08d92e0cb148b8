import type { Instrument } from '../records/survey';

/**
 * Survey answers counted where they were given (a touchpoint, a stage), and the instruments' scores worked out from
 * those counts (PRODUCT.md §4). Kept as counts, not means, so touchpoints add up to stages without losing anything.
 * The survey module has its own scoring; these simple forms exist so health does not wait on it, and the caller can
 * swap the normalisation for that module's `normalisedScore` (see `Normalise`).
 */

/** The instruments that yield a number; open text is a verbatim, never a score. */
export type ScoredInstrument = Exclude<Instrument, 'open_text'>;

/** Each instrument's scale; an answer outside it is ignored (it cannot come from our prompt). */
export const SCALE: Record<ScoredInstrument, { min: number; max: number }> = {
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
  seq: { min: 1, max: 7 },
  nps: { min: 0, max: 10 },
  emotion: { min: -2, max: 2 },
};

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

/** The answer a response holds, or null: dismissals and values off the instrument's scale count for nothing. */
export function scoredValue(response: { instrument: Instrument; value: number | null; dismissed: boolean }): number | null {
  if (response.dismissed || response.value === null || response.instrument === 'open_text') return null;
  const scale = SCALE[response.instrument];
  return response.value >= scale.min && response.value <= scale.max ? response.value : null;
}

/** Counts one answer (already checked by `scoredValue`) into the tally. */
export function tallyAnswer(tally: AnswerTally, instrument: Instrument, value: number): void {
  switch (instrument) {
    case 'csat':
      tally.csat.answers++;
      if (value >= 4) tally.csat.satisfied++;
      return;
    case 'nps':
      tally.nps.answers++;
      if (value >= 9) tally.nps.promoters++;
      else if (value <= 6) tally.nps.detractors++;
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

/** Linear: the scale's worst end is 0, its best end 1. */
export const normaliseLinear: Normalise = (instrument, score) => {
  const [worst, best] = instrument === 'csat' ? [0, 100] : instrument === 'nps' ? [-100, 100] : [SCALE[instrument].min, SCALE[instrument].max];
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
