import { describe, expect, it } from 'vitest';
import { emptyTally, instrumentScores, normaliseLinear, scoredValue, tallyAnswer, type AnswerTally } from '../../../src/core/health/scores';
import type { Instrument } from '../../../src/core/records/survey';

/** A stored response as scoring reads it. */
interface Answer {
  instrument: Instrument;
  value: number | null;
  text: string | null;
  dismissed: boolean;
}

const answer = (instrument: Instrument, value: number): Answer => ({ instrument, value, text: null, dismissed: false });
const answers = (instrument: Instrument, values: number[]) => values.map((v) => answer(instrument, v));
const words = (text: string): Answer => ({ instrument: 'open_text', value: null, text, dismissed: false });
const dismissal = (instrument: Instrument): Answer => ({ instrument, value: null, text: null, dismissed: true });

/** What a journey map does with a set of responses: tally the scored ones, then work out the scores. */
function tallyOf(responses: readonly Answer[]): AnswerTally {
  const tally = emptyTally();
  for (const r of responses) {
    const value = scoredValue(r);
    if (value !== null) tallyAnswer(tally, r.instrument, value);
  }
  return tally;
}
const scoresOf = (responses: readonly Answer[]) => instrumentScores(tallyOf(responses));

describe('instrument scores', () => {
  it('scores CSAT as the share of 4–5 answers', () => {
    // 4, 5, 5 satisfied; 3, 1 not → 3 / 5 = 60 %.
    expect(scoresOf(answers('csat', [4, 5, 5, 3, 1])).csat).toBe(60);
    expect(scoresOf(answers('csat', [3, 3])).csat).toBe(0);
  });

  it('scores CES and SEQ as means', () => {
    expect(scoresOf(answers('ces', [7, 6, 2])).ces).toBe(5);
    expect(scoresOf(answers('seq', [5, 6])).seq).toBe(5.5);
  });

  it('scores NPS as % promoters minus % detractors, with the cut-offs at 6 and 9', () => {
    // 10, 9 promote; 8, 7 passive; 6, 0 detract → 2/6 − 2/6 = 0.
    expect(tallyOf(answers('nps', [10, 9, 8, 7, 6, 0])).nps).toEqual({ answers: 6, promoters: 2, detractors: 2 });
    expect(scoresOf(answers('nps', [10, 9, 8, 7, 6, 0])).nps).toBe(0);
    expect(scoresOf(answers('nps', [9, 9, 9, 7])).nps).toBe(75);
    // 6 is a detractor, 7 is not: 0 − 50 = −50.
    expect(scoresOf(answers('nps', [6, 7])).nps).toBe(-50);
    expect(scoresOf(answers('nps', [0, 0])).nps).toBe(-100);
    expect(scoresOf(answers('nps', [10])).nps).toBe(100);
  });

  it('scores emotion as the mean of −2…+2', () => {
    expect(scoresOf(answers('emotion', [-2, 1, 2, 1])).emotion).toBe(0.5);
  });

  it('keeps instruments apart', () => {
    const scores = scoresOf([answer('csat', 5), answer('ces', 2), answer('nps', 10)]);
    expect([scores.csat, scores.ces, scores.seq, scores.nps]).toEqual([100, 2, null, 100]);
  });

  it('scores null, never NaN, without answers', () => {
    expect(Object.values(scoresOf([]))).toEqual([null, null, null, null, null]);
  });

  it('never scores dismissals or open text', () => {
    expect(Object.values(scoresOf([dismissal('csat'), dismissal('nps'), dismissal('open_text'), words('Too many steps')]))).toEqual([null, null, null, null, null]);
    // A dismissal next to an answer does not pull the share down.
    expect(scoresOf([answer('csat', 5), dismissal('csat')]).csat).toBe(100);
  });

  it('leaves answers off their scale out instead of clamping them (the model’s own check)', () => {
    expect(scoresOf([answer('csat', 9), answer('csat', 5), answer('emotion', 3), answer('seq', 0)])).toEqual({ csat: 100, ces: null, seq: null, nps: null, emotion: null });
    // A value that fits another instrument's scale does not make it a CSAT answer.
    expect(scoredValue(answer('csat', 0))).toBeNull();
    expect(scoredValue({ ...answer('ces', 4), text: 'and words' })).toBeNull();
    // A dismissal holding a value is still a dismissal.
    expect(scoredValue({ ...answer('nps', 9), dismissed: true })).toBeNull();
  });
});

describe('normaliseLinear', () => {
  it('maps each score unit’s worst to 0 and best to 1', () => {
    expect([normaliseLinear('csat', 0), normaliseLinear('csat', 100)]).toEqual([0, 1]);
    expect([normaliseLinear('ces', 1), normaliseLinear('ces', 7)]).toEqual([0, 1]);
    expect([normaliseLinear('seq', 1), normaliseLinear('seq', 7)]).toEqual([0, 1]);
    expect([normaliseLinear('nps', -100), normaliseLinear('nps', 100)]).toEqual([0, 1]);
    expect([normaliseLinear('emotion', -2), normaliseLinear('emotion', 2)]).toEqual([0, 1]);
  });

  it('maps the middles linearly', () => {
    expect(normaliseLinear('csat', 60)).toBeCloseTo(0.6);
    expect(normaliseLinear('ces', 4)).toBeCloseTo(0.5);
    expect(normaliseLinear('seq', 5.5)).toBeCloseTo(0.75);
    expect(normaliseLinear('nps', 0)).toBeCloseTo(0.5);
    expect(normaliseLinear('emotion', 0.5)).toBeCloseTo(0.625);
  });

  it('keeps out-of-range scores within 0…1', () => {
    expect(normaliseLinear('ces', 0)).toBe(0);
    expect(normaliseLinear('emotion', 3)).toBe(1);
  });

  it('normalises what the tally scores', () => {
    expect(normaliseLinear('seq', scoresOf(answers('seq', [4, 7])).seq!)).toBeCloseTo(0.75);
  });
});
