import type { Instrument, SurveyRule } from '../records/survey';

/*
 * The six micro-survey instruments of PRODUCT.md §4: scale, default question and scale labels. Loaded by the
 * in-page card as well as the background, so it imports types only (no zod in the page, STYLE.md / layers test).
 * Wording is held as message keys; the UI turns them into text with `t(…)`.
 */

/** Every message key this folder names; a subset of the English catalogue once the integrator adds them. */
export type SurveyMessageKey =
  | 'surveyQuestionCsat'
  | 'surveyQuestionCes'
  | 'surveyQuestionSeq'
  | 'surveyQuestionNps'
  | 'surveyQuestionEmotion'
  | 'surveyQuestionOpenText'
  | 'surveyScaleCsatLow'
  | 'surveyScaleCsatHigh'
  | 'surveyScaleCesLow'
  | 'surveyScaleCesHigh'
  | 'surveyScaleSeqLow'
  | 'surveyScaleSeqHigh'
  | 'surveyScaleNpsLow'
  | 'surveyScaleNpsHigh'
  | 'surveyEmotionVeryNegative'
  | 'surveyEmotionNegative'
  | 'surveyEmotionNeutral'
  | 'surveyEmotionPositive'
  | 'surveyEmotionVeryPositive';

export interface ScaleStep {
  value: number;
  /** Read out and shown under the step; numeric scales label only their two ends. */
  labelKey: SurveyMessageKey | null;
  /** The emotion scale answers with faces instead of digits. */
  face: string | null;
}

export interface Scale {
  min: number;
  max: number;
  lowKey: SurveyMessageKey;
  highKey: SurveyMessageKey;
  /** One per answerable value, from `min` to `max`. */
  steps: readonly ScaleStep[];
}

export interface InstrumentDefinition {
  instrument: Instrument;
  questionKey: SurveyMessageKey;
  /** Null for open text, which is answered in words. */
  scale: Scale | null;
}

function numericScale(min: number, max: number, lowKey: SurveyMessageKey, highKey: SurveyMessageKey): Scale {
  const steps: ScaleStep[] = [];
  for (let value = min; value <= max; value++) {
    steps.push({ value, labelKey: value === min ? lowKey : value === max ? highKey : null, face: null });
  }
  return { min, max, lowKey, highKey, steps };
}

const EMOTION_STEPS: readonly ScaleStep[] = [
  { value: -2, labelKey: 'surveyEmotionVeryNegative', face: '😣' },
  { value: -1, labelKey: 'surveyEmotionNegative', face: '🙁' },
  { value: 0, labelKey: 'surveyEmotionNeutral', face: '😐' },
  { value: 1, labelKey: 'surveyEmotionPositive', face: '🙂' },
  { value: 2, labelKey: 'surveyEmotionVeryPositive', face: '😄' },
];

export const INSTRUMENTS: Readonly<Record<Instrument, InstrumentDefinition>> = {
  csat: { instrument: 'csat', questionKey: 'surveyQuestionCsat', scale: numericScale(1, 5, 'surveyScaleCsatLow', 'surveyScaleCsatHigh') },
  // CES 2.0 is an agreement statement, so its ends are agree/disagree, not easy/difficult.
  ces: { instrument: 'ces', questionKey: 'surveyQuestionCes', scale: numericScale(1, 7, 'surveyScaleCesLow', 'surveyScaleCesHigh') },
  seq: { instrument: 'seq', questionKey: 'surveyQuestionSeq', scale: numericScale(1, 7, 'surveyScaleSeqLow', 'surveyScaleSeqHigh') },
  nps: { instrument: 'nps', questionKey: 'surveyQuestionNps', scale: numericScale(0, 10, 'surveyScaleNpsLow', 'surveyScaleNpsHigh') },
  emotion: {
    instrument: 'emotion',
    questionKey: 'surveyQuestionEmotion',
    scale: { min: -2, max: 2, lowKey: 'surveyEmotionVeryNegative', highKey: 'surveyEmotionVeryPositive', steps: EMOTION_STEPS },
  },
  open_text: { instrument: 'open_text', questionKey: 'surveyQuestionOpenText', scale: null },
};

/** Same ceiling as `SurveyResponse.text`, so a valid answer is always storable. */
export const OPEN_TEXT_MAX = 5000;

/**
 * A real answer, as opposed to a dismissal or a corrupt record: a whole number on the instrument's scale and no
 * text, or — for open text — some non-blank text and no number.
 */
export function isValidAnswer(instrument: Instrument, value: number | null, text: string | null): boolean {
  const { scale } = INSTRUMENTS[instrument];
  if (!scale) return value === null && text !== null && text.trim() !== '' && text.length <= OPEN_TEXT_MAX;
  return text === null && value !== null && Number.isInteger(value) && value >= scale.min && value <= scale.max;
}

export type Wording = { kind: 'override'; text: string } | { kind: 'message'; key: SurveyMessageKey };

/** The question to show for a rule: the study's own wording when it has some, else the instrument's default. */
export function wordingOf(rule: Pick<SurveyRule, 'instrument' | 'question'>): Wording {
  // A blank override is an emptied field in the editor, not a wish for a card without a question.
  if (rule.question !== null && rule.question.trim() !== '') return { kind: 'override', text: rule.question.trim() };
  return { kind: 'message', key: INSTRUMENTS[rule.instrument].questionKey };
}
