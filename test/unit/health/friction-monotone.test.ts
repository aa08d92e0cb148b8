import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateJourney, type HealthRecords } from '../../../src/core/health/raw-rollups';
import { journeyHealth, type JourneyHealth } from '../../../src/core/health/journey-health';
import { SignalKind, type Signal } from '../../../src/core/records/signal';
import type { SurveyResponse } from '../../../src/core/records/response';
import type { Visit } from '../../../src/core/records/visit';
import { testStudy } from '../fixtures/records';

/** Issue 16, acceptance 3: adding friction to a session never raises any health score — touchpoint, stage, journey. */

const study = testStudy();
const stageIds = [...study.stages.map((s) => s.id), null];
const pages = ['/', '/deals', '/product/:id', '/cart', '/missing'];

const visitArb = fc.record({ stage: fc.integer({ min: 0, max: stageIds.length - 1 }), page: fc.integer({ min: 0, max: pages.length - 1 }) });
const walkArb = fc.array(
  fc.record({
    visits: fc.array(visitArb, { minLength: 1, maxLength: 8 }),
    signals: fc.array(fc.record({ visit: fc.nat(), kind: fc.constantFrom(...SignalKind.options) }), { maxLength: 10 }),
    answers: fc.array(fc.record({ visit: fc.nat(), value: fc.integer({ min: -2, max: 2 }) }), { maxLength: 3 }),
  }),
  { minLength: 1, maxLength: 4 },
);

type Walks = typeof walkArb extends fc.Arbitrary<infer T> ? T : never;

function recordsOf(walks: Walks): HealthRecords & { visits: Visit[]; signals: Signal[] } {
  const records = { study, sessions: [], visits: [] as Visit[], signals: [] as Signal[], responses: [] as SurveyResponse[], annotations: [], offsite: [] } satisfies HealthRecords;
  walks.forEach((walk, w) => {
    const sessionId = `00000000-0000-4000-8000-${String(w).padStart(12, '0')}`;
    const visits = walk.visits.map((v, i): Visit => {
      const stageId = stageIds[v.stage]!;
      return { id: `${sessionId}-v${i}`, studyId: study.id, sessionId, tabId: 1, url: 'http://127.0.0.1:4310/', title: '', pageKey: pages[v.page]!, stageId, ruleId: null, arrival: 'navigate', enteredAt: w * 1e6 + i * 1000, leftAt: w * 1e6 + i * 1000 + 900, maxScrollDepth: 0, endedBy: 'link' };
    });
    const on = (i: number) => visits[i % visits.length]!;
    walk.signals.forEach((s, i) => {
      const v = on(s.visit);
      records.signals.push({ id: `${sessionId}-s${i}`, studyId: study.id, sessionId, visitId: v.id, pageKey: v.pageKey, stageId: v.stageId, kind: s.kind, at: v.enteredAt + 1, element: null, detail: {} });
    });
    walk.answers.forEach((a, i) => {
      const v = on(a.visit);
      records.responses.push({ id: `${sessionId}-a${i}`, studyId: study.id, sessionId, visitId: v.id, pageKey: v.pageKey, stageId: v.stageId, surveyId: 'survey', instrument: 'emotion', trigger: 'on_demand', signalId: null, value: a.value, text: null, dismissed: false, at: v.enteredAt + 2 });
    });
    records.visits.push(...visits);
  });
  return records;
}

/** Every score of a map, by where it belongs. */
function scores(health: JourneyHealth): Map<string, number | null> {
  return new Map<string, number | null>([
    ['journey', health.score],
    ['untagged', health.untagged.score],
    ...health.stages.map((s) => [`stage ${s.stageId}`, s.score] as const),
    ...health.touchpoints.map((t) => [t.key, t.score] as const),
  ]);
}

describe('health and friction', () => {
  it('never rises when friction is added to a session', () => {
    fc.assert(
      fc.property(walkArb, fc.nat(), fc.nat(), fc.constantFrom(...SignalKind.options), (walks, w, v, kind) => {
        const before = recordsOf(walks);
        const walk = walks[w % walks.length]!;
        const target = before.visits.filter((visit) => visit.sessionId.endsWith(String(w % walks.length).padStart(12, '0')))[v % walk.visits.length]!;
        const after = { ...before, signals: [...before.signals, { id: 'ffffffff-ffff-4fff-8fff-ffffffffffff', studyId: study.id, sessionId: target.sessionId, visitId: target.id, pageKey: target.pageKey, stageId: target.stageId, kind, at: target.enteredAt + 5, element: null, detail: {} }] };
        const was = scores(journeyHealth(aggregateJourney(before)));
        const is = scores(journeyHealth(aggregateJourney(after)));
        for (const [where, score] of was) {
          if (score === null) expect(is.get(where), where).toBeNull();
          else expect(is.get(where), where).toBeLessThanOrEqual(score);
        }
      }),
      { numRuns: 300 },
    );
  });
});
