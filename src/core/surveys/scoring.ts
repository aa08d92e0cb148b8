import type { SurveyResponse } from '../records/response';
import type { Instrument } from '../records/survey';
import { isValidAnswer } from './instruments';

/*
 * Scores of PRODUCT.md §4, over whatever set of responses the caller picked (a touchpoint, a stage, a session …).
 * Dismissals are counted but never scored; a set without answers scores null, never NaN, so callers can say
 * "no answers" instead of drawing a zero.
 */

export type ScoredResponse = Pick<SurveyResponse, 'instrument' | 'value' | 'text' | 'dismissed' | 'stageId'>;

export interface InstrumentScore {
  answered: number;
  dismissed: number;
  /** CSAT 0…100 (%), CES and SEQ 1…7, NPS −100…+100, emotion −2…+2; null without answers and for open text. */
  score: number | null;
}

export interface NpsScore extends InstrumentScore {
  promoters: number;
  passives: number;
  detractors: number;
}

export type ScoreSummary = { [I in Instrument]: I extends 'nps' ? NpsScore : InstrumentScore };

// Satisfied = the top two boxes of five (the usual CSAT convention).
const CSAT_SATISFIED_MIN = 4;
// NPS (Reichheld): 9–10 promote, 7–8 are passive, 0–6 detract.
const NPS_PROMOTER_MIN = 9;
const NPS_DETRACTOR_MAX = 6;

/** A stored answer that counts: not dismissed and on its instrument's scale (a corrupt value is left out, not clamped). */
export function isAnswer(response: Pick<ScoredResponse, 'instrument' | 'value' | 'text' | 'dismissed'>): boolean {
  return !response.dismissed && isValidAnswer(response.instrument, response.value, response.text);
}

const mean = (values: readonly number[]): number | null => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
const share = (part: number, whole: number): number => (100 * part) / whole;

export function scoreResponses(responses: readonly ScoredResponse[]): ScoreSummary {
  const values: Record<Instrument, number[]> = { csat: [], ces: [], seq: [], nps: [], emotion: [], open_text: [] };
  const answered: Record<Instrument, number> = { csat: 0, ces: 0, seq: 0, nps: 0, emotion: 0, open_text: 0 };
  const dismissed: Record<Instrument, number> = { csat: 0, ces: 0, seq: 0, nps: 0, emotion: 0, open_text: 0 };
  for (const r of responses) {
    if (r.dismissed) dismissed[r.instrument]++;
    else if (isAnswer(r)) {
      answered[r.instrument]++;
      if (r.value !== null) values[r.instrument].push(r.value);
    }
  }
  const base = (i: Instrument, score: number | null): InstrumentScore => ({ answered: answered[i], dismissed: dismissed[i], score });

  const csat = values.csat;
  const nps = values.nps;
  const promoters = nps.filter((v) => v >= NPS_PROMOTER_MIN).length;
  const detractors = nps.filter((v) => v <= NPS_DETRACTOR_MAX).length;
  return {
    csat: base('csat', csat.length ? share(csat.filter((v) => v >= CSAT_SATISFIED_MIN).length, csat.length) : null),
    ces: base('ces', mean(values.ces)),
    seq: base('seq', mean(values.seq)),
    nps: {
      ...base('nps', nps.length ? share(promoters, nps.length) - share(detractors, nps.length) : null),
      promoters,
      passives: nps.length - promoters - detractors,
      detractors,
    },
    emotion: base('emotion', mean(values.emotion)),
    // Open text is read verbatim, not scored; its count is `answered`.
    open_text: base('open_text', null),
  };
}

/** Answers of one instrument (open text unless told) per stage; null keys the untagged pages. */
export function countByStage(responses: readonly ScoredResponse[], instrument: Instrument = 'open_text'): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const r of responses) {
    if (r.instrument === instrument && isAnswer(r)) counts.set(r.stageId, (counts.get(r.stageId) ?? 0) + 1);
  }
  return counts;
}

/** The instruments that yield a number; open text is read, not scored. */
export type ScoredInstrument = Exclude<Instrument, 'open_text'>;

/**
 * A score on 0…1 (1 = best) for the health formula (PRODUCT.md §6), so scales of different width weigh alike.
 * Null stays null (no answers), and so does open text, which has no score. The first form fits health's `Normalise`.
 */
export function normalisedScore(instrument: ScoredInstrument, score: number): number;
export function normalisedScore(instrument: Instrument, score: number | null): number | null;
export function normalisedScore(instrument: Instrument, score: number | null): number | null {
  if (score === null) return null;
  const unit = ((): number | null => {
    switch (instrument) {
      case 'csat':
        return score / 100;
      case 'ces':
      case 'seq':
        return (score - 1) / 6;
      case 'nps':
        return (score + 100) / 200;
      case 'emotion':
        return (score + 2) / 4;
      case 'open_text':
        return null;
    }
  })();
  // Clamped so a hand-edited or imported score can never push health outside 0…100.
  return unit === null ? null : Math.min(1, Math.max(0, unit));
}
