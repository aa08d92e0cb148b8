import { describe, expect, it } from 'vitest';
import { Instrument } from '../../../src/core/records/survey';
import { SurveyResponse } from '../../../src/core/records/response';
import { answerRefusal, HIGHEST_ANSWER, INSTRUMENTS, isAnswer, isValidAnswer, LOWEST_ANSWER, wordingOf } from '../../../src/core/surveys/instruments';

describe('instrument definitions', () => {
  it('defines every instrument, each under its own name', () => {
    for (const instrument of Instrument.options) expect(INSTRUMENTS[instrument].instrument).toBe(instrument);
  });

  it('has the scales of PRODUCT.md §4', () => {
    const range = (i: Instrument) => [INSTRUMENTS[i].scale?.min, INSTRUMENTS[i].scale?.max];
    expect(range('csat')).toEqual([1, 5]);
    expect(range('ces')).toEqual([1, 7]);
    expect(range('seq')).toEqual([1, 7]);
    expect(range('nps')).toEqual([0, 10]);
    expect(range('emotion')).toEqual([-2, 2]);
    expect(INSTRUMENTS.open_text.scale).toBeNull();
  });

  it('gives each scale one step per value, labelled at both ends', () => {
    for (const { scale } of Object.values(INSTRUMENTS)) {
      if (!scale) continue;
      expect(scale.steps.map((s) => s.value)).toEqual(Array.from({ length: scale.max - scale.min + 1 }, (_, k) => scale.min + k));
      expect(scale.steps[0]!.labelKey).toBe(scale.lowKey);
      expect(scale.steps.at(-1)!.labelKey).toBe(scale.highKey);
    }
    expect(INSTRUMENTS.ces.scale!.steps[3]!.labelKey).toBeNull();
  });

  it('answers emotion with five named faces from −2 to +2', () => {
    expect(INSTRUMENTS.emotion.scale!.steps.map((s) => s.face)).toEqual(['😣', '🙁', '😐', '🙂', '😄']);
    expect(INSTRUMENTS.emotion.scale!.steps.every((s) => s.labelKey !== null)).toBe(true);
  });

  it('names a distinct question key per instrument', () => {
    const keys = Object.values(INSTRUMENTS).map((d) => d.questionKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(INSTRUMENTS.open_text.questionKey).toBe('surveyQuestionOpenText');
  });
});

describe('isValidAnswer', () => {
  it('takes whole numbers on the scale, ends included', () => {
    expect(isValidAnswer('csat', 1, null)).toBe(true);
    expect(isValidAnswer('csat', 5, null)).toBe(true);
    expect(isValidAnswer('nps', 0, null)).toBe(true);
    expect(isValidAnswer('nps', 10, null)).toBe(true);
    expect(isValidAnswer('emotion', -2, null)).toBe(true);
  });

  it('refuses values off the scale, fractions and missing values', () => {
    expect(isValidAnswer('csat', 0, null)).toBe(false);
    expect(isValidAnswer('csat', 6, null)).toBe(false);
    expect(isValidAnswer('ces', 8, null)).toBe(false);
    expect(isValidAnswer('emotion', 3, null)).toBe(false);
    expect(isValidAnswer('seq', 4.5, null)).toBe(false);
    expect(isValidAnswer('nps', null, null)).toBe(false);
    expect(isValidAnswer('nps', Number.NaN, null)).toBe(false);
  });

  it('takes words, and only words, for open text', () => {
    expect(isValidAnswer('open_text', null, 'The delivery date was hidden')).toBe(true);
    expect(isValidAnswer('open_text', null, '   ')).toBe(false);
    expect(isValidAnswer('open_text', null, null)).toBe(false);
    expect(isValidAnswer('open_text', 3, 'text')).toBe(false);
    expect(isValidAnswer('open_text', null, 'x'.repeat(5001))).toBe(false);
    expect(isValidAnswer('csat', 4, 'also some text')).toBe(false);
  });
});

describe('wordingOf', () => {
  it('uses the study’s wording when it has some', () => {
    expect(wordingOf({ instrument: 'csat', question: ' How was checkout? ' })).toEqual({ kind: 'override', text: 'How was checkout?' });
  });

  it('falls back to the instrument’s default question for no or blank wording', () => {
    expect(wordingOf({ instrument: 'nps', question: null })).toEqual({ kind: 'message', key: 'surveyQuestionNps' });
    expect(wordingOf({ instrument: 'seq', question: '  ' })).toEqual({ kind: 'message', key: 'surveyQuestionSeq' });
  });
});

describe('score units', () => {
  it('score CSAT in percent, NPS from −100 to +100, the means over their scale, open text not at all', () => {
    const unit = (i: Instrument) => INSTRUMENTS[i].score;
    expect(unit('csat')).toEqual({ worst: 0, best: 100 });
    expect(unit('nps')).toEqual({ worst: -100, best: 100 });
    expect(unit('ces')).toEqual({ worst: 1, best: 7 });
    expect(unit('seq')).toEqual({ worst: 1, best: 7 });
    expect(unit('emotion')).toEqual({ worst: -2, best: 2 });
    expect(unit('open_text')).toBeNull();
  });

  it('bound what a stored response may hold by the scales, so the record schema follows the model', () => {
    expect([LOWEST_ANSWER, HIGHEST_ANSWER]).toEqual([-2, 10]);
    const shape = SurveyResponse.shape.value;
    expect(shape.safeParse(HIGHEST_ANSWER).success).toBe(true);
    expect(shape.safeParse(HIGHEST_ANSWER + 1).success).toBe(false);
    expect(shape.safeParse(LOWEST_ANSWER - 1).success).toBe(false);
  });
});

describe('isAnswer', () => {
  const answer = { instrument: 'nps' as const, value: 9, text: null, dismissed: false };
  it('counts a valid answer, never a dismissal or an answer off its scale', () => {
    expect(isAnswer(answer)).toBe(true);
    expect(isAnswer({ ...answer, dismissed: true })).toBe(false);
    expect(isAnswer({ ...answer, instrument: 'csat' })).toBe(false);
    expect(isAnswer({ instrument: 'open_text', value: null, text: 'Slow', dismissed: false })).toBe(true);
    expect(isAnswer({ instrument: 'open_text', value: null, text: ' ', dismissed: false })).toBe(false);
  });
});

describe('answerRefusal (every path an answer comes in by)', () => {
  const rule = { instrument: 'seq' as const };
  const answer = { instrument: 'seq' as const, value: 6, text: null, dismissed: false };
  it('takes an answer on the survey’s scale, and an empty dismissal', () => {
    expect(answerRefusal(rule, answer)).toBeNull();
    expect(answerRefusal(rule, { ...answer, value: null, dismissed: true })).toBeNull();
  });

  it('refuses an answer to no survey of the study, or with another instrument', () => {
    expect(answerRefusal(undefined, answer)).toBe('errorSurveyNotInStudy');
    expect(answerRefusal({ instrument: 'nps' }, answer)).toBe('errorSurveyNotInStudy');
  });

  it('refuses values off the scale, and dismissals that hold an answer', () => {
    expect(answerRefusal(rule, { ...answer, value: 8 })).toBe('errorAnswerOffScale');
    expect(answerRefusal(rule, { ...answer, value: 0 })).toBe('errorAnswerOffScale');
    expect(answerRefusal(rule, { ...answer, text: 'and words' })).toBe('errorAnswerOffScale');
    expect(answerRefusal(rule, { ...answer, dismissed: true })).toBe('errorAnswerOffScale');
  });
});
