import { describe, expect, it } from 'vitest';
import { aggregateJourney, type HealthRecords } from '../../../src/core/health/raw-rollups';
import { median } from '../../../src/core/health/stage-rollups';
import { touchpointKey } from '../../../src/core/health/session-rollup';
import { offsiteKey } from '../../../src/core/health/touchpoint-rollups';
import { goalCompletion, journeyHappiness, journeyHealth, type JourneyHealth } from '../../../src/core/health/journey-health';
import { newId } from '../../../src/core/records/common';
import type { Annotation, AnnotationType } from '../../../src/core/records/annotation';
import type { SurveyResponse } from '../../../src/core/records/response';
import type { Session } from '../../../src/core/records/session';
import type { Signal, SignalKind } from '../../../src/core/records/signal';
import type { Instrument } from '../../../src/core/records/survey';
import type { Visit } from '../../../src/core/records/visit';
import { testStudy } from '../fixtures/records';
import { healthBand } from '../../../src/core/journey-map/health-band';
import { touchpointHealth } from '../../../src/core/health/touchpoint-health';

const tpHealth = (health: JourneyHealth, key: string) => health.touchpoints.find((h) => h.key === key);
const study = testStudy();
const [aware, consider, purchase] = study.stages.map((s) => s.id) as [string, string, string];
const T0 = Date.UTC(2025, 0, 6, 9);

function session(over: Partial<Session> = {}): Session {
  return { id: newId(), studyId: study.id, personaId: null, goal: 'Buy a phone', role: 'researcher', startedAt: T0, endedAt: null, outcome: null, ...over };
}

function visit(s: Session, stageId: string | null, pageKey: string, enteredAt: number): Visit {
  return {
    id: newId(),
    studyId: study.id,
    sessionId: s.id,
    tabId: 1,
    url: `http://127.0.0.1:4310${pageKey.replace(':id', '1')}`,
    title: pageKey,
    pageKey,
    stageId,
    ruleId: null,
    arrival: 'navigate',
    enteredAt,
    leftAt: enteredAt + 1000,
    maxScrollDepth: 0.5,
    endedBy: 'link',
  };
}

function signal(v: Visit, kind: SignalKind, at = v.enteredAt + 10): Signal {
  return { id: newId(), studyId: study.id, sessionId: v.sessionId, visitId: v.id, pageKey: v.pageKey, stageId: v.stageId, kind, at, element: null, detail: {} };
}

function response(v: Visit, instrument: Instrument, value: number | null, text: string | null = null, dismissed = false): SurveyResponse {
  return {
    id: newId(),
    studyId: study.id,
    sessionId: v.sessionId,
    visitId: v.id,
    pageKey: v.pageKey,
    stageId: v.stageId,
    surveyId: newId(),
    instrument,
    trigger: 'on_demand',
    signalId: null,
    value,
    text,
    dismissed,
    at: v.enteredAt + 20,
  };
}

function annotation(where: { sessionId: string | null; pageKey: string; stageId: string | null }, type: AnnotationType, text: string, status: 'open' | 'resolved' = 'open', createdAt = T0): Annotation {
  return {
    id: newId(),
    studyId: study.id,
    sessionId: where.sessionId,
    visitId: null,
    pageKey: where.pageKey,
    stageId: where.stageId,
    type,
    text,
    emotion: null,
    role: 'pm',
    anchor: { selector: 'main', quote: { exact: '', prefix: '', suffix: '' }, position: 0 },
    status,
    orphaned: false,
    createdAt,
    updatedAt: createdAt,
  };
}

/** Two walks: Minji reaches the cart; Joon leaves from a product page after a dead end. */
function smallStudy() {
  const minji = newId();
  const joon = newId();
  const s1 = session({ personaId: minji, startedAt: T0, endedAt: T0 + 60_000, outcome: 'goal_reached' });
  const s2 = session({ personaId: joon, startedAt: T0 + 100_000, endedAt: T0 + 160_000, outcome: 'abandoned' });
  const s3 = session({ personaId: minji, startedAt: T0 + 86_400_000 }); // next day, still running
  const v1 = visit(s1, aware, '/', T0 + 1000);
  const v2 = visit(s1, consider, '/product/:id', T0 + 5000);
  const v3 = visit(s1, purchase, '/cart', T0 + 20_000);
  const w1 = visit(s2, aware, '/', T0 + 100_000);
  const w2 = visit(s2, aware, '/deals', T0 + 103_000);
  const w3 = visit(s2, consider, '/product/:id', T0 + 109_000);
  const x1 = visit(s3, aware, '/', T0 + 86_400_000);
  const offsite = { id: newId(), studyId: study.id, stageId: aware, channel: 'ad' as const, name: 'Instagram ad', note: '', personaId: null, sessionId: null, at: null, createdAt: T0 };
  const records: HealthRecords = {
    study,
    sessions: [s1, s2, s3],
    visits: [v3, v1, v2, w1, w2, w3, x1], // out of order on purpose
    signals: [signal(v1, 'rage_click'), signal(w2, 'dead_end'), signal(w3, 'exit'), signal(w3, 'exit', w3.enteredAt + 99), signal(x1, 'error')],
    responses: [
      response(v1, 'emotion', 2),
      response(w1, 'emotion', -1),
      response(w1, 'emotion', 1, null, true),
      response(v2, 'emotion', 1),
      response(w3, 'emotion', -2),
      response(v3, 'csat', 5),
      response(v3, 'csat', 7),
      response(w3, 'open_text', null, '가격이 안 보여요 (price hidden)'),
      response(w3, 'open_text', null, '   '),
    ],
    annotations: [
      annotation(w3, 'pain_point', 'Price below the fold'),
      annotation(w3, 'pain_point', 'Old note', 'resolved'),
      annotation(v3, 'opportunity', 'Offer Apple Pay'),
      annotation({ sessionId: null, pageKey: '/deals', stageId: aware }, 'pain_point', 'Deals page is empty'),
    ],
    offsite: [offsite],
  };
  return { records, minji, joon, s1, s2, s3, offsite };
}

describe('aggregating records', () => {
  it('counts visits, exits, dead ends, answers and notes per touchpoint and stage', () => {
    const { records, s3, offsite } = smallStudy();
    const agg = aggregateJourney(records, { to: s3.startedAt - 1 });
    const byKey = new Map(agg.touchpoints.map((tp) => [tp.key, tp]));

    expect(agg.touchpoints.map((tp) => tp.key)).toEqual([
      touchpointKey(aware, '/'),
      touchpointKey(aware, '/deals'),
      offsiteKey(offsite.id),
      touchpointKey(consider, '/product/:id'),
      touchpointKey(purchase, '/cart'),
    ]);
    const product = byKey.get(touchpointKey(consider, '/product/:id'))!;
    expect(product).toMatchObject({ visits: 2, exits: 1, deadEnds: 0, openPainPoints: 1, signalsByKind: { exit: 2 }, answers: 2 });
    // emotion mean (1 − 2) / 2 = −0.5 → (−0.5 + 2) / 4 = 0.375
    expect(product.attitude.emotion).toBe(0.375);
    expect(byKey.get(touchpointKey(aware, '/deals'))).toMatchObject({ visits: 1, deadEnds: 1, openPainPoints: 1 });
    expect(byKey.get(touchpointKey(aware, '/'))).toMatchObject({ visits: 2, signalsByKind: { rage_click: 1 }, answers: 2 });
    expect(byKey.get(touchpointKey(purchase, '/cart'))).toMatchObject({ answers: 1, openOpportunities: 1, attitude: { csat: 1 } });
    expect(byKey.get(offsiteKey(offsite.id))).toMatchObject({ kind: 'offsite', visits: 0, offsite: { name: 'Instagram ad' } });

    const [a, c, p] = agg.stages;
    expect(a).toMatchObject({ visits: 3, sessionsReached: 2, exits: 0, dropOff: 0, openPainPoints: 1 });
    expect(c).toMatchObject({ visits: 2, sessionsReached: 2, exits: 1, dropOff: 0.5, openPainPoints: 1 });
    expect(p).toMatchObject({ visits: 1, sessionsReached: 1, exits: 0, openOpportunities: 1 });
    expect(a!.scores.emotion).toBe(0.5);
    expect(c!.scores.emotion).toBe(-0.5);
    expect(p!.scores).toMatchObject({ csat: 100, emotion: null });
    expect(agg.stages[3]).toMatchObject({ visits: 0, sessionsReached: 0, dropOff: null });

    expect(agg.verbatims.map((v) => v.text)).toEqual(['가격이 안 보여요 (price hidden)']);
    expect(agg.sessions).toEqual({ total: 2, ended: 2, goalReached: 1 });
    expect(agg.counts).toEqual({ visits: 6, signals: 4, responses: 9 });
  });

  it('measures findability from each session’s start, with medians per stage', () => {
    const { records, s1, s2, s3 } = smallStudy();
    const agg = aggregateJourney(records, { to: s3.startedAt - 1 });
    const bySession = new Map(agg.findability.map((f) => [f.sessionId, f]));
    expect(bySession.get(s1.id)).toEqual({
      sessionId: s1.id,
      personaId: s1.personaId,
      arrivals: { [aware]: { timeMs: 1000, pages: 1 }, [consider]: { timeMs: 5000, pages: 2 }, [purchase]: { timeMs: 20_000, pages: 3 } },
      reachedGoalStage: true,
    });
    expect(bySession.get(s2.id)).toMatchObject({ arrivals: { [aware]: { timeMs: 0, pages: 1 }, [consider]: { timeMs: 9000, pages: 3 } }, reachedGoalStage: false });
    expect(agg.stages[0]!.findability).toEqual({ sessions: 2, medianTimeMs: 500, medianPages: 1 });
    expect(agg.stages[1]!.findability).toEqual({ sessions: 2, medianTimeMs: 7000, medianPages: 2.5 });
    expect(agg.stages[2]!.findability).toEqual({ sessions: 1, medianTimeMs: 20_000, medianPages: 3 });
    expect(agg.stages[3]!.findability).toEqual({ sessions: 0, medianTimeMs: null, medianPages: null });
  });

  it('filters by persona, session and start date; notes made outside a walk only without a persona or session filter', () => {
    const { records, minji, s1, s2, s3 } = smallStudy();
    const minjis = aggregateJourney(records, { personaIds: [minji] });
    expect(minjis.sessions.total).toBe(2);
    expect(minjis.counts.visits).toBe(4);
    expect(minjis.annotations.map((a) => a.text)).toEqual(['Offer Apple Pay']);

    const firstDay = aggregateJourney(records, { personaIds: [minji], to: T0 + 86_399_999 });
    expect(firstDay.findability.map((f) => f.sessionId)).toEqual([s1.id]);

    const joon = aggregateJourney(records, { sessionIds: [s2.id] });
    expect(joon.counts).toEqual({ visits: 3, signals: 3, responses: 5 });

    const nextDay = aggregateJourney(records, { from: s3.startedAt });
    expect(nextDay.counts.visits).toBe(1);
    expect(nextDay.annotations).toEqual([]); // the session-less note is from the first day
    expect(aggregateJourney(records).annotations.map((a) => a.text)).toContain('Deals page is empty');
    expect(aggregateJourney(records, { personaIds: [] }).counts.visits).toBe(0);
  });

  it('keeps off-site touchpoints to the maps of their persona, session and date', () => {
    const { records, minji, joon, s2, offsite } = smallStudy();
    const at = T0 + 86_400_000 * 3;
    const minjis = { ...offsite, id: newId(), name: 'Store visit', personaId: minji, at };
    const joons = { ...offsite, id: newId(), name: 'Call', personaId: joon, sessionId: s2.id };
    const all = { ...records, offsite: [offsite, minjis, joons] };
    const names = (filter: Parameters<typeof aggregateJourney>[1]) => aggregateJourney(all, filter).touchpoints.flatMap((tp) => (tp.offsite ? [tp.offsite.name] : [])).sort();
    // The one of no persona belongs to the whole study only; Joon's follows his session.
    expect(names({})).toEqual(['Call', 'Instagram ad', 'Store visit']);
    expect(names({ personaIds: [minji] })).toEqual(['Store visit']);
    expect(names({ personaIds: [joon] })).toEqual(['Call']);
    expect(names({ sessionIds: [s2.id] })).toEqual(['Call']);
    expect(names({ to: at - 1 })).toEqual(['Call', 'Instagram ad']);
  });
});

describe('stage and journey health', () => {
  it('measures happiness over the stages that have emotion answers', () => {
    expect(journeyHappiness([{ emotionMean: 1 }, { emotionMean: -0.5 }, { emotionMean: null }, { emotionMean: 0 }])).toEqual({ share: 1 / 3, positiveStages: 1, stagesWithEmotion: 3 });
    expect(journeyHappiness([{ emotionMean: null }])).toEqual({ share: null, positiveStages: 0, stagesWithEmotion: 0 });
  });

  it('counts goal completion over ended sessions', () => {
    expect(goalCompletion({ ended: 3, goalReached: 2 })).toEqual({ rate: 2 / 3, reached: 2, ended: 3 });
    expect(goalCompletion({ ended: 0, goalReached: 0 }).rate).toBeNull();
  });

  it('puts it together for the small study', () => {
    const { records, offsite } = smallStudy();
    const health = journeyHealth(aggregateJourney(records));
    const offsiteHealth = tpHealth(health, offsiteKey(offsite.id))!;
    expect(offsiteHealth).toMatchObject({ score: null, reason: 'not_measured' });
    // Every touchpoint and stage has under 5 visits: low confidence; the journey's 7 visits with answers are enough.
    expect(health.lowConfidence).toBe(false);
    expect(health.stages.every((s) => s.score === null || s.lowConfidence)).toBe(true);
    // "/": 3 visits, a rage click and an error → friction 2/3 per visit, past the 0.5 saturation → 40; emotion
    // answers +2 and −1 (the dismissal does not count) → mean 0.5 → (0.5 + 2) / 4 = 0.625 → 20 × 0.375 = 7.5.
    // 100 − 47.5 → 53.
    expect(tpHealth(health, touchpointKey(aware, '/'))).toMatchObject({ score: 53, lowConfidence: true, reason: 'few_visits' });
    // "/deals": 1 visit, a dead end (friction 1, saturated), one open pain point noted outside a walk, no answers
    // (weights re-shared over 80: friction 50, dead end 18.75, pain 12.5) → 50 + 18.75 + 12.5 / 3 = 72.9 → 27.
    expect(tpHealth(health, touchpointKey(aware, '/deals'))?.score).toBe(27);
    // Aware, all its visits at once: 4 visits; friction 3/4 (rage click, error, dead end), saturated → 40; dead ends 1/4 → 15 × 0.25 = 3.75; emotion
    // 0.625 → 7.5; one pain point → 10 / 3 = 3.3. 100 − 54.6 → 45.
    expect(health.stages[0]).toMatchObject({ score: 45, lowConfidence: true, visits: 4, emotionMean: 0.5, emotionAnswers: 2 });
    expect(health.stages[0]!.parts.friction).toMatchObject({ raw: 0.75, badness: 1, weight: 40, contribution: 40 });
    expect(health.happiness).toEqual({ share: 0.5, positiveStages: 1, stagesWithEmotion: 2 });
    expect(health.goalCompletion).toEqual({ rate: 0.5, reached: 1, ended: 2 });
    expect(health.stages[3]!.score).toBeNull();
    // Plain data all the way down, so it can travel from the background to a page as a message.
    expect(JSON.parse(JSON.stringify(health))).toEqual(health);
  });

  it('takes the median of odd and even counts', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('calibration: a walk full of friction cannot read healthy', () => {
  // Bands (docs/health.md): good ≥ 80, fair 60–79, poor < 60.
  it('a 12-page walk with 22 friction signals reads poor, its stages with friction too', () => {
    const s = session({ endedAt: T0 + 600_000, outcome: 'abandoned' });
    const pages: Array<[string, string]> = [
      [aware, '/'], [aware, '/deals'], [consider, '/category/:slug'], [consider, '/product/:id'], [consider, '/product/:id'], [consider, '/search'],
      [purchase, '/cart'], [purchase, '/cart'], [purchase, '/checkout/*'], [consider, '/product/:id'], [purchase, '/cart'], [aware, '/'],
    ];
    const visits = pages.map(([stageId, page], i) => visit(s, stageId, page, T0 + i * 30_000));
    // The walk: friction where it hurt (the cart's coupon, a product page), the other pages quiet.
    const kinds: SignalKind[] = [
      ...Array<SignalKind>(8).fill('dead_click'), ...Array<SignalKind>(4).fill('rage_click'), ...Array<SignalKind>(4).fill('slow_click'),
      ...Array<SignalKind>(3).fill('quick_back'), ...Array<SignalKind>(3).fill('excessive_scroll'),
    ];
    const onto = [6, 7, 10, 3, 4, 9];
    const signals = kinds.map((kind, i) => signal(visits[onto[i % onto.length]!]!, kind));
    expect(signals).toHaveLength(22);
    const health = journeyHealth(aggregateJourney({ study, sessions: [s], visits, signals, responses: [], annotations: [], offsite: [] }));
    // 22 signals: 8 × 0.6 + 4 × 1 + 4 × 0.3 + 3 × 0.5 + 3 × 0.3 = 12.4 points over 12 visits → 1.03 per visit,
    // saturated: 50 of 100 points without answers → 50, poor (the issue saw such a walk read 89 when stages
    // averaged their pages' scores).
    expect(health.score).toBe(50);
    expect(healthBand(health.score)).toBe('poor');
    for (const stage of health.stages.filter((st) => Object.keys(st.rollup.signalsByKind).length)) expect(healthBand(stage.score), stage.name).toBe('poor');
  });

  it('saturated friction alone keeps any score out of "good", and without answers makes it poor', () => {
    const perfect = { csat: 1, ces: 1, seq: 1, emotion: 1 };
    const busy = { key: 'k', kind: 'page' as const, stageId: null, pageKey: '/', visits: 20, signalsByKind: { dead_click: 17 }, exits: 0, deadEnds: 0, openPainPoints: 0 };
    const answered = touchpointHealth({ ...busy, attitude: perfect, answers: 20 });
    expect(answered.score).toBe(60);
    expect(healthBand(answered.score)).toBe('fair');
    const silent = touchpointHealth({ ...busy, attitude: { csat: null, ces: null, seq: null, emotion: null }, answers: 0 });
    expect(silent.score).toBe(50);
    expect(healthBand(silent.score)).toBe('poor');
  });
});

describe('a long study', () => {
  it('aggregates 100k events without quadratic work', () => {
    const stages = study.stages.map((s) => s.id);
    const pages = ['/', '/deals', '/category/:slug', '/product/:id', '/search', '/cart', '/checkout/*', '/account/*', '/help', '/refer'];
    const sessions: Session[] = [];
    const visits: Visit[] = [];
    const signals: Signal[] = [];
    const responses: SurveyResponse[] = [];
    const kinds: SignalKind[] = ['rage_click', 'dead_click', 'slow_click', 'quick_back', 'error', 'excessive_scroll'];
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const s = session({ startedAt: T0 + i * 600_000, endedAt: T0 + i * 600_000 + 500_000, outcome: i % 3 === 0 ? 'goal_reached' : 'abandoned' });
      sessions.push(s);
      for (let j = 0; j < 20; j++) {
        const page = Math.floor(random() * pages.length);
        const v = visit(s, stages[Math.floor(page / 2)]!, pages[page]!, s.startedAt + j * 20_000);
        visits.push(v);
        signals.push(signal(v, kinds[Math.floor(random() * kinds.length)]!));
        if (j % 20 === 19) signals.push(signal(v, 'exit'));
        if (j % 4 === 0) responses.push(response(v, j % 8 === 0 ? 'emotion' : 'csat', j % 8 === 0 ? Math.floor(random() * 5) - 2 : 1 + Math.floor(random() * 5)));
      }
    }
    // 40k visits + 42k signals + 10k answers + 8k more signals ≈ 100k events.
    for (let i = 0; i < 8000; i++) signals.push(signal(visits[i * 5]!, 'slow_page'));
    expect(visits.length + signals.length + responses.length).toBe(100_000);

    const agg = aggregateJourney({ study, sessions, visits, signals, responses, annotations: [], offsite: [] });
    const health = journeyHealth(agg);
    expect(agg.counts.visits).toBe(40_000);
    expect(agg.stages.reduce((n, s) => n + s.visits, 0)).toBe(40_000);
    expect(agg.stages.reduce((n, s) => n + s.exits, 0)).toBe(2000);
    expect(agg.findability).toHaveLength(2000);
    expect(health.score).not.toBeNull();
    expect(health.lowConfidence).toBe(false);
    expect(health.goalCompletion.ended).toBe(2000);
  });
});
