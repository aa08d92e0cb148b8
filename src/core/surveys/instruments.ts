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

/** The unit an instrument's score is given in (PRODUCT.md §4): its worst and best ends. */
export interface ScoreRange {
  worst: number;
  best: number;
}

/** A survey answered on a scale, scored in its own unit. */
export interface ScaledDefinition {
  instrument: ScoredInstrument;
  questionKey: SurveyMessageKey;
  scale: Scale;
  score: ScoreRange;
}

/** Open text: answered in words, read verbatim, never scored. */
export interface OpenTextDefinition {
  instrument: 'open_text';
  questionKey: SurveyMessageKey;
  scale: null;
  score: null;
}

export type InstrumentDefinition = ScaledDefinition | OpenTextDefinition;

/** The instruments that yield a number; open text is read verbatim, never scored. */
export type ScoredInstrument = Exclude<Instrument, 'open_text'>;

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

/** A score that is the mean answer runs over the scale itself. */
const meanOf = (scale: Scale): ScoreRange => ({ worst: scale.min, best: scale.max });

const CSAT = numericScale(1, 5, 'surveyScaleCsatLow', 'surveyScaleCsatHigh');
// CES 2.0 is an agreement statement, so its ends are agree/disagree, not easy/difficult.
const CES = numericScale(1, 7, 'surveyScaleCesLow', 'surveyScaleCesHigh');
const SEQ = numericScale(1, 7, 'surveyScaleSeqLow', 'surveyScaleSeqHigh');
const NPS = numericScale(0, 10, 'surveyScaleNpsLow', 'surveyScaleNpsHigh');
const EMOTION: Scale = { min: -2, max: 2, lowKey: 'surveyEmotionVeryNegative', highKey: 'surveyEmotionVeryPositive', steps: EMOTION_STEPS };

/** The one definition of each instrument: every scale check, score and card is read from here. */
export const INSTRUMENTS: { readonly [I in Instrument]: I extends ScoredInstrument ? ScaledDefinition : OpenTextDefinition } = {
  // CSAT scores the share of satisfied answers, in percent.
  csat: { instrument: 'csat', questionKey: 'surveyQuestionCsat', scale: CSAT, score: { worst: 0, best: 100 } },
  ces: { instrument: 'ces', questionKey: 'surveyQuestionCes', scale: CES, score: meanOf(CES) },
  seq: { instrument: 'seq', questionKey: 'surveyQuestionSeq', scale: SEQ, score: meanOf(SEQ) },
  // NPS scores % promoters minus % detractors.
  nps: { instrument: 'nps', questionKey: 'surveyQuestionNps', scale: NPS, score: { worst: -100, best: 100 } },
  emotion: { instrument: 'emotion', questionKey: 'surveyQuestionEmotion', scale: EMOTION, score: meanOf(EMOTION) },
  open_text: { instrument: 'open_text', questionKey: 'surveyQuestionOpenText', scale: null, score: null },
};

const SCALES = [CSAT, CES, SEQ, NPS, EMOTION];
/** The lowest and highest value any instrument takes: the bounds a stored response's value is checked against. */
export const LOWEST_ANSWER = Math.min(...SCALES.map((scale) => scale.min));
export const HIGHEST_ANSWER = Math.max(...SCALES.map((scale) => scale.max));

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

/** What an answer holds, as `SurveyResponse` stores it. */
interface AnswerFields {
  instrument: Instrument;
  value: number | null;
  text: string | null;
  dismissed: boolean;
}

/** A stored answer that counts toward scores and verbatims: not dismissed, and valid for its instrument. */
export function isAnswer(response: AnswerFields): boolean {
  return !response.dismissed && isValidAnswer(response.instrument, response.value, response.text);
}

/** Why an answer may not be stored, as a message key the UI translates. */
export type AnswerRefusal = 'errorSurveyNotInStudy' | 'errorAnswerOffScale';

/**
 * The one check of an incoming answer, whichever way it came (the popup's end-of-session card, the in-page card):
 * it answers a survey of its study with that survey's instrument, and is either a dismissal (nothing in it) or a
 * valid answer. Null when it may be stored.
 */
export function answerRefusal(rule: Pick<SurveyRule, 'instrument'> | undefined, answer: AnswerFields): AnswerRefusal | null {
  if (!rule || rule.instrument !== answer.instrument) return 'errorSurveyNotInStudy';
  if (answer.dismissed) return answer.value === null && answer.text === null ? null : 'errorAnswerOffScale';
  return isValidAnswer(answer.instrument, answer.value, answer.text) ? null : 'errorAnswerOffScale';
}

export type Wording = { kind: 'override'; text: string } | { kind: 'message'; key: SurveyMessageKey };

/** The question to show for a rule: the study's own wording when it has some, else the instrument's default. */
export function wordingOf(rule: Pick<SurveyRule, 'instrument' | 'question'>): Wording {
  // A blank override is an emptied field in the editor, not a wish for a card without a question.
  if (rule.question !== null && rule.question.trim() !== '') return { kind: 'override', text: rule.question.trim() };
  return { kind: 'message', key: INSTRUMENTS[rule.instrument].questionKey };
}
