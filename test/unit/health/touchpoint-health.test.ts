import { describe, expect, it } from 'vitest';
import { SignalKind } from '../../../src/core/records/signal';
import {
  HEALTH_WEIGHTS,
  SIGNAL_SEVERITY,
  touchpointHealth,
  worstParts,
  type TouchpointAggregate,
} from '../../../src/core/health/touchpoint-health';
import { attitudeInputs, emptyTally, instrumentScores, normaliseLinear, scoredValue, tallyAnswer } from '../../../src/core/health/scores';

const NO_ATTITUDE = { csat: null, ces: null, seq: null, emotion: null };

const near = (n: number) => expect.closeTo(n, 9);

function tp(over: Partial<TouchpointAggregate>): TouchpointAggregate {
  return {
    key: 'stage|/page',
    kind: 'page',
    stageId: 'stage',
    pageKey: '/page',
    visits: 0,
    signalsByKind: {},
    exits: 0,
    deadEnds: 0,
    attitude: NO_ATTITUDE,
    answers: 0,
    openPainPoints: 0,
    ...over,
  };
}

describe('touchpoint health', () => {
  it('weights add up to 100 and every signal kind has a severity in 0…1', () => {
    expect(Object.values(HEALTH_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    for (const kind of SignalKind.options) {
      expect(SIGNAL_SEVERITY[kind], kind).toBeGreaterThanOrEqual(0);
      expect(SIGNAL_SEVERITY[kind], kind).toBeLessThanOrEqual(1);
    }
    expect(SIGNAL_SEVERITY.error).toBeGreaterThan(SIGNAL_SEVERITY.slow_click);
    expect(SIGNAL_SEVERITY.rage_click).toBeGreaterThan(SIGNAL_SEVERITY.excessive_scroll);
  });

  it('matches a hand-computed example with every part present', () => {
    // friction (2×1 rage + 1×1 error + 4×0.3 slow + 1×1 dead end) / 10 = 0.52 per visit, past the 0.5 saturation
    // → 40; exits 3/10 → 15 × 0.3 = 4.5; dead ends 1/10 → 15 × 0.1 = 1.5; attitude mean(0.5, 0.5) → 20 × 0.5 = 10;
    // pain 1/3 → 10/3 ≈ 3.33. 100 − 59.33 = 40.67 → 41.
    const health = touchpointHealth(
      tp({
        visits: 10,
        signalsByKind: { rage_click: 2, error: 1, slow_click: 4, exit: 3, dead_end: 1 },
        exits: 3,
        deadEnds: 1,
        attitude: { csat: 0.5, ces: 0.5, seq: null, emotion: null },
        answers: 4,
        openPainPoints: 1,
      }),
    );
    expect(health.score).toBe(41);
    expect(health.lowConfidence).toBe(false);
    expect(health.reason).toBeUndefined();
    expect(health.parts.friction).toEqual({ raw: near(0.52), badness: 1, weight: 40, contribution: 40 });
    expect(health.parts.exits).toEqual({ raw: 0.3, badness: 0.3, weight: 15, contribution: 4.5 });
    expect(health.parts.deadEnd).toEqual({ raw: 0.1, badness: 0.1, weight: 15, contribution: 1.5 });
    expect(health.parts.attitude).toEqual({ raw: 0.5, badness: 0.5, weight: 20, contribution: 10 });
    expect(health.parts.painPoints.contribution).toBe(3.3);
    expect(health.parts.painPoints.raw).toBe(1);
    expect(worstParts(health).map((p) => p.part)).toEqual(['friction', 'attitude', 'exits', 'painPoints', 'deadEnd']);
  });

  it('leaves attitude out without answers, shares its weight, and says low confidence under 10 visits', () => {
    // Weights without attitude (shared over 80): friction 50, exits 18.75, dead end 18.75, pain 12.5.
    // friction 4 × 0.6 / 8 = 0.3 → 0.3 / 0.5 → 50 × 0.6 = 30; exits 2/8 = 0.25 → 4.69. 100 − 34.69 = 65.31 → 65.
    const health = touchpointHealth(tp({ visits: 8, signalsByKind: { dead_click: 4 }, exits: 2 }));
    expect(health.score).toBe(65);
    expect(health.parts.attitude).toEqual({ raw: null, badness: null, weight: 0, contribution: 0 });
    expect(health.parts.friction).toEqual({ raw: 0.3, badness: near(0.6), weight: 50, contribution: 30 });
    expect(health.parts.exits).toEqual({ raw: 0.25, badness: 0.25, weight: 18.8, contribution: 4.7 });
    expect(health.lowConfidence).toBe(true);
    expect(health.reason).toBe('few_visits_no_answers');
  });

  it('is confident from 10 visits without answers, or from 5 with answers', () => {
    expect(touchpointHealth(tp({ visits: 10 })).lowConfidence).toBe(false);
    expect(touchpointHealth(tp({ visits: 9 })).lowConfidence).toBe(true);
    const answered = { attitude: { ...NO_ATTITUDE, emotion: 0.75 }, answers: 1 };
    expect(touchpointHealth(tp({ visits: 5, ...answered })).lowConfidence).toBe(false);
    const four = touchpointHealth(tp({ visits: 4, ...answered }));
    expect(four).toMatchObject({ lowConfidence: true, reason: 'few_visits' });
    // 20 × (1 − 0.75) = 5 → 95: the score is still shown, with the warning.
    expect(four.score).toBe(95);
  });

  it('is 100 for a spotless touchpoint and 0 when every part is saturated', () => {
    expect(touchpointHealth(tp({ visits: 12, attitude: { csat: 1, ces: 1, seq: 1, emotion: 1 }, answers: 4 })).score).toBe(100);
    const worst = touchpointHealth(
      tp({ visits: 5, signalsByKind: { rage_click: 10 }, exits: 5, deadEnds: 5, attitude: { csat: 0, ces: 0, seq: 0, emotion: 0 }, answers: 8, openPainPoints: 7 }),
    );
    expect(worst.score).toBe(0);
    expect(worst.parts.friction).toMatchObject({ raw: 2, badness: 1, contribution: 40 });
    expect(worst.parts.painPoints).toMatchObject({ raw: 7, badness: 1, contribution: 10 });
  });

  it('has no score without visits; an off-site touchpoint is "not measured"', () => {
    const annotated = touchpointHealth(tp({ openPainPoints: 2 }));
    expect(annotated).toMatchObject({ score: null, lowConfidence: true, reason: 'no_visits', visits: 0 });
    expect(annotated.parts.painPoints).toEqual({ raw: 2, badness: null, weight: 0, contribution: 0 });
    expect(touchpointHealth(tp({ key: 'offsite|x', kind: 'offsite', pageKey: null }))).toMatchObject({ score: null, reason: 'not_measured' });
  });

  it('ignores exits as friction (they have a part of their own), but not dead ends', () => {
    const health = touchpointHealth(tp({ visits: 10, signalsByKind: { exit: 10 }, exits: 0, deadEnds: 0 }));
    expect(health.parts.friction.raw).toBe(0);
    expect(health.score).toBe(100);
  });

  it('reads a page every visit of which was a dead end (a 404) as poor', () => {
    // friction 1 per visit, saturated → 50 of the 80 shared without answers; dead ends 100 % → 18.75. 100 − 68.75 → 31.
    const notFound = touchpointHealth(tp({ visits: 10, signalsByKind: { dead_end: 10 }, deadEnds: 10 }));
    expect(notFound.score).toBe(31);
  });

  it('adds up friction the same whatever order the signal kinds were counted in', () => {
    // Summed in this order, 0.5·5 + 0.6·4 + 0.7·1 is 5.6000000000000005; the other way round, 5.6.
    const one = touchpointHealth(tp({ visits: 10, signalsByKind: { quick_back: 5, dead_click: 4, form_abandonment: 1 } }));
    const other = touchpointHealth(tp({ visits: 10, signalsByKind: { form_abandonment: 1, dead_click: 4, quick_back: 5 } }));
    expect(one).toEqual(other);
  });
});

describe('survey scores for attitude', () => {
  it('tallies answers, ignoring dismissals and values off the scale', () => {
    const tally = emptyTally();
    const answers = [
      { instrument: 'csat', value: 5 },
      { instrument: 'csat', value: 4 },
      { instrument: 'csat', value: 2 },
      { instrument: 'csat', value: 7 },
      { instrument: 'ces', value: 4 },
      { instrument: 'ces', value: 7 },
      { instrument: 'emotion', value: -2 },
      { instrument: 'emotion', value: 1 },
      { instrument: 'nps', value: 10 },
      { instrument: 'nps', value: 8 },
      { instrument: 'nps', value: 3 },
      { instrument: 'nps', value: 0 },
    ] as const;
    for (const a of answers) {
      const value = scoredValue({ ...a, text: null, dismissed: false });
      if (value !== null) tallyAnswer(tally, a.instrument, value);
    }
    expect(scoredValue({ instrument: 'emotion', value: 2, text: null, dismissed: true })).toBeNull();
    expect(scoredValue({ instrument: 'open_text', value: null, text: 'words', dismissed: false })).toBeNull();
    const scores = instrumentScores(tally);
    expect(scores.csat).toBeCloseTo((2 / 3) * 100);
    expect(scores.ces).toBe(5.5);
    expect(scores.seq).toBeNull();
    expect(scores.emotion).toBe(-0.5);
    expect(scores.nps).toBe(-25);
    // CSAT 66.7 % → 0.667; CES (5.5 − 1) / 6 = 0.75; emotion (−0.5 + 2) / 4 = 0.375.
    const inputs = attitudeInputs(tally);
    expect(inputs.csat).toBeCloseTo(2 / 3);
    expect(inputs.ces).toBe(0.75);
    expect(inputs.seq).toBeNull();
    expect(inputs.emotion).toBe(0.375);
  });

  it('accepts another normalisation', () => {
    const tally = emptyTally();
    tallyAnswer(tally, 'seq', 7);
    expect(attitudeInputs(tally, () => 0.2).seq).toBe(0.2);
    expect(normaliseLinear('nps', 0)).toBe(0.5);
    expect(normaliseLinear('emotion', 2)).toBe(1);
  });

});
