import { describe, expect, it } from 'vitest';
import type { Instrument } from '../../../src/core/records/survey';
import { countByStage, normalisedScore, scoreResponses, type ScoredInstrument, type ScoredResponse } from '../../../src/core/surveys/scoring';

const PURCHASE = 'stage-purchase';
const answer = (instrument: Instrument, value: number, stageId: string | null = PURCHASE): ScoredResponse => ({ instrument, value, text: null, dismissed: false, stageId });
const answers = (instrument: Instrument, values: number[]) => values.map((v) => answer(instrument, v));
const words = (text: string, stageId: string | null = PURCHASE): ScoredResponse => ({ instrument: 'open_text', value: null, text, dismissed: false, stageId });
const dismissal = (instrument: Instrument): ScoredResponse => ({ instrument, value: null, text: null, dismissed: true, stageId: PURCHASE });

describe('scoreResponses', () => {
  it('scores CSAT as the share of 4–5 answers', () => {
    // 4, 5, 5 satisfied; 3, 1 not → 3 / 5 = 60 %.
    expect(scoreResponses(answers('csat', [4, 5, 5, 3, 1])).csat).toEqual({ answered: 5, dismissed: 0, score: 60 });
    expect(scoreResponses(answers('csat', [3, 3])).csat.score).toBe(0);
  });

  it('scores CES and SEQ as means', () => {
    expect(scoreResponses(answers('ces', [7, 6, 2])).ces.score).toBe(5);
    expect(scoreResponses(answers('seq', [5, 6])).seq.score).toBe(5.5);
  });

  it('scores NPS as % promoters minus % detractors, with the cut-offs at 6 and 9', () => {
    // 10, 9 promote; 8, 7 passive; 6, 0 detract → 2/6 − 2/6 = 0.
    const balanced = scoreResponses(answers('nps', [10, 9, 8, 7, 6, 0])).nps;
    expect(balanced).toEqual({ answered: 6, dismissed: 0, score: 0, promoters: 2, passives: 2, detractors: 2 });
    // 9, 9, 9 promote; 7 passive → 75 − 0 = 75.
    expect(scoreResponses(answers('nps', [9, 9, 9, 7])).nps.score).toBe(75);
    // 6 is a detractor, 7 is not: 0 − 50 = −50.
    expect(scoreResponses(answers('nps', [6, 7])).nps).toMatchObject({ score: -50, detractors: 1, passives: 1, promoters: 0 });
    expect(scoreResponses(answers('nps', [0, 0])).nps.score).toBe(-100);
    expect(scoreResponses(answers('nps', [10])).nps.score).toBe(100);
  });

  it('scores emotion as the mean of −2…+2', () => {
    expect(scoreResponses(answers('emotion', [-2, 1, 2, 1])).emotion.score).toBe(0.5);
  });

  it('counts open text and gives it no score', () => {
    expect(scoreResponses([words('Too many steps'), words('Shipping cost came late')]).open_text).toEqual({ answered: 2, dismissed: 0, score: null });
  });

  it('keeps instruments apart', () => {
    const summary = scoreResponses([answer('csat', 5), answer('ces', 2), answer('nps', 10)]);
    expect([summary.csat.score, summary.ces.score, summary.seq.score, summary.nps.score]).toEqual([100, 2, null, 100]);
  });

  it('scores null, never NaN, without responses', () => {
    const summary = scoreResponses([]);
    for (const score of Object.values(summary)) expect(score).toMatchObject({ answered: 0, dismissed: 0, score: null });
    expect(summary.nps).toMatchObject({ promoters: 0, passives: 0, detractors: 0 });
  });

  it('scores a single answer as itself', () => {
    expect(scoreResponses([answer('csat', 4)]).csat.score).toBe(100);
    expect(scoreResponses([answer('ces', 3)]).ces.score).toBe(3);
    expect(scoreResponses([answer('seq', 7)]).seq.score).toBe(7);
    expect(scoreResponses([answer('nps', 8)]).nps).toMatchObject({ score: 0, passives: 1 });
    expect(scoreResponses([answer('emotion', -1)]).emotion.score).toBe(-1);
  });

  it('counts dismissals but never scores them; all dismissed scores null', () => {
    const all = scoreResponses([dismissal('csat'), dismissal('csat'), dismissal('nps'), dismissal('open_text')]);
    expect(all.csat).toEqual({ answered: 0, dismissed: 2, score: null });
    expect(all.nps).toMatchObject({ answered: 0, dismissed: 1, score: null, detractors: 0 });
    expect(all.open_text).toEqual({ answered: 0, dismissed: 1, score: null });
    // A dismissal next to an answer does not pull the share down.
    expect(scoreResponses([answer('csat', 5), dismissal('csat')]).csat).toEqual({ answered: 1, dismissed: 1, score: 100 });
  });

  it('leaves corrupt answers out instead of scoring them', () => {
    const summary = scoreResponses([answer('csat', 9), answer('csat', 5), words('  ')]);
    expect(summary.csat).toEqual({ answered: 1, dismissed: 0, score: 100 });
    expect(summary.open_text.answered).toBe(0);
  });
});

describe('countByStage', () => {
  it('counts open-text answers per stage, untagged under null, dismissals left out', () => {
    const counts = countByStage([words('a'), words('b'), words('c', 'stage-retention'), words('d', null), dismissal('open_text'), answer('csat', 5)]);
    expect(counts).toEqual(new Map([[PURCHASE, 2], ['stage-retention', 1], [null, 1]]));
  });

  it('counts another instrument when asked', () => {
    expect(countByStage([answer('csat', 5), answer('csat', 2, null)], 'csat')).toEqual(new Map([[PURCHASE, 1], [null, 1]]));
    expect(countByStage([])).toEqual(new Map());
  });
});

describe('normalisedScore', () => {
  it('maps each scale’s worst to 0 and best to 1', () => {
    expect([normalisedScore('csat', 0), normalisedScore('csat', 100)]).toEqual([0, 1]);
    expect([normalisedScore('ces', 1), normalisedScore('ces', 7)]).toEqual([0, 1]);
    expect([normalisedScore('seq', 1), normalisedScore('seq', 7)]).toEqual([0, 1]);
    expect([normalisedScore('nps', -100), normalisedScore('nps', 100)]).toEqual([0, 1]);
    expect([normalisedScore('emotion', -2), normalisedScore('emotion', 2)]).toEqual([0, 1]);
  });

  it('maps the middles linearly', () => {
    expect(normalisedScore('csat', 60)).toBeCloseTo(0.6);
    expect(normalisedScore('ces', 4)).toBeCloseTo(0.5);
    expect(normalisedScore('seq', 5.5)).toBeCloseTo(0.75);
    expect(normalisedScore('nps', 0)).toBeCloseTo(0.5);
    expect(normalisedScore('emotion', 0.5)).toBeCloseTo(0.625);
  });

  it('keeps out-of-range scores within 0…1', () => {
    expect(normalisedScore('ces', 0)).toBe(0);
    expect(normalisedScore('emotion', 3)).toBe(1);
  });

  it('has nothing to say without a score, or for open text', () => {
    expect(normalisedScore('csat', null)).toBeNull();
    expect(normalisedScore('open_text', 3)).toBeNull();
  });

  it('plugs into the health formula’s normaliser, which never passes open text or null', () => {
    const normalise: (instrument: ScoredInstrument, score: number) => number = normalisedScore;
    expect(normalise('ces', 7)).toBe(1);
  });

  it('normalises what scoreResponses returns', () => {
    expect(normalisedScore('seq', scoreResponses(answers('seq', [4, 7])).seq.score)).toBeCloseTo(0.75);
    expect(normalisedScore('seq', scoreResponses([dismissal('seq')]).seq.score)).toBeNull();
  });
});
