import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reachedGoalBy, visitWhereStopped } from '../../../src/core/journey/goal';
import { aggregateJourney, rollupsFor } from '../../../src/core/health/raw-rollups';
import { touchpointKey } from '../../../src/core/health/session-rollup';
import { UNTAGGED } from '../../../src/core/health/stage-rollups';
import { wholeStudyTouchpoint } from '../../../src/core/health/aggregate';
import { mergeRollups } from '../../../src/core/health/merged-rollups';
import { touchpointHealth } from '../../../src/core/health/touchpoint-health';
import { buildJourneyMap } from '../../../src/core/journey-map/map-data';
import type { Annotation } from '../../../src/core/records/annotation';
import { journeyMapView } from '../../../src/core/journey-map/map-view';
import { pathsSvg } from '../../../src/core/journey-map/paths-svg';
import { markdownReport } from '../../../src/core/exchange/markdown-report';
import type { SurveyResponse } from '../../../src/core/records/response';
import type { Session } from '../../../src/core/records/session';
import type { Signal, SignalKind } from '../../../src/core/records/signal';
import type { Instrument } from '../../../src/core/records/survey';
import type { Visit, VisitEnd } from '../../../src/core/records/visit';
import { exitOf } from '../../../src/core/signals/exit';
import { testStudy } from '../fixtures/records';

/**
 * Issue 16, acceptance 1: hand-written walks (test/fixtures/golden-walks.jsonc) whose exits, drop-off, goal
 * completion, findability, health parts and paths are worked out by hand in the fixture's comments; the map's
 * figures must equal them.
 */

interface Fixture {
  stages: string[];
  goal: string;
  sessions: Array<{
    id: string;
    persona: string;
    start: number;
    stop: number;
    outcome: 'goal_reached' | 'abandoned';
    visits: Array<{ page: string; stage: string | null; at: number; left?: number; end: VisitEnd | null; signals?: SignalKind[]; answers?: [Instrument, number][] }>;
  }>;
}

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/golden-walks.jsonc', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n'),
) as Fixture;

let n = 0;
const id = (name: string) => `${name}-${++n}`;

/** The records the product would have stored for these walks: visits, the detectors' signals, answers, and exits. */
function recordsOf(f: Fixture) {
  const base = testStudy();
  const study = { ...base, stages: f.stages.map((name) => ({ ...base.stages[0]!, id: name, name })), rules: [], goalStageId: f.goal };
  const sessions: Session[] = [];
  const visits: Visit[] = [];
  const signals: Signal[] = [];
  const responses: SurveyResponse[] = [];
  for (const s of f.sessions) {
    sessions.push({ id: s.id, studyId: study.id, personaId: s.persona, goal: 'Buy a phone', role: 'researcher', startedAt: s.start, endedAt: s.stop, outcome: s.outcome });
    const walk: Visit[] = s.visits.map((v) => ({
      id: id('visit'),
      studyId: study.id,
      sessionId: s.id,
      tabId: 1,
      url: `http://127.0.0.1:4310${v.page}`,
      title: v.page,
      pageKey: v.page,
      stageId: v.stage,
      ruleId: null,
      arrival: 'navigate',
      enteredAt: v.at,
      // A visit still open when the session stopped is closed by the stop (store.ts stopSession).
      leftAt: v.left ?? s.stop,
      maxScrollDepth: 0.5,
      endedBy: v.end ?? 'session_stopped',
    }));
    const at = (visit: Visit, kind: SignalKind, t: number): Signal => ({ id: id('signal'), studyId: study.id, sessionId: s.id, visitId: visit.id, pageKey: visit.pageKey, stageId: visit.stageId, kind, at: t, element: null, detail: {} });
    s.visits.forEach((v, i) => {
      const visit = walk[i]!;
      for (const kind of v.signals ?? []) signals.push(at(visit, kind, visit.enteredAt + 1));
      for (const [instrument, value] of v.answers ?? []) {
        responses.push({ id: id('answer'), studyId: study.id, sessionId: s.id, visitId: visit.id, pageKey: visit.pageKey, stageId: visit.stageId, surveyId: 'survey', instrument, trigger: 'on_demand', signalId: null, value, text: null, dismissed: false, at: visit.enteredAt + 2 });
      }
    });
    // Exits, with the rules the worker applies (journey-signals.ts noteExit; store.ts stopSession): one per visit.
    // Stopped with no tab given: at the page still open (store.ts stopSession, goal.ts visitWhereStopped).
    const last = visitWhereStopped(walk.map((visit, i) => ({ ...visit, leftAt: s.visits[i]!.left ?? null })), null)!;
    for (const visit of walk) {
      const reached = reachedGoalBy(walk, f.goal, visit.leftAt!);
      const exit = exitOf(visit, reached) ?? (visit.id === last.id && s.outcome === 'abandoned' ? exitOf(visit, reached, { abandoned: true }) : null);
      if (exit) signals.push(at(visit, 'exit', visit.leftAt!));
    }
    visits.push(...walk);
  }
  return { study, sessions, visits, signals, responses, annotations: [], offsite: [], personas: [] };
}

describe('the golden walks', () => {
  const records = recordsOf(fixture);
  const map = buildJourneyMap({ ...records, rollups: rollupsFor(records) });
  const view = journeyMapView(map);
  const column = (stageId: string) => view.columns.find((c) => c.stage.id === stageId)!;
  const stage = (stageId: string) => (stageId === UNTAGGED ? map.aggregate.untagged : map.aggregate.stages.find((s) => s.stageId === stageId)!);

  it('puts each exit at the stage where its walk ended, and a page of a later stage never reaches the goal', () => {
    expect(records.signals.filter((s) => s.kind === 'exit').map((s) => [s.sessionId, s.stageId, s.pageKey])).toEqual([
      ['s2', 'consider', '/product/:id'],
      ['s3', 'aware', '/'],
    ]);
    expect(Object.fromEntries([...fixture.stages, UNTAGGED].map((s) => [s, column(s).metrics.exits]))).toEqual({ aware: 1, consider: 1, buy: 0, support: 0, untagged: 0 });
  });

  it('has the drop-off per stage, and the goal completion', () => {
    expect(Object.fromEntries([...fixture.stages, UNTAGGED].map((s) => [s, column(s).metrics.dropOff]))).toEqual({ aware: 0.25, consider: 1 / 3, buy: 0, support: 0, untagged: 0 });
    expect(stage(UNTAGGED).sessionsReached).toBe(1);
    expect(view.goalCompletion).toEqual({ rate: 0.5, reached: 2, ended: 4 });
    expect(Object.fromEntries(aggregateJourney(records).findability.map((f) => [f.sessionId, f.reachedGoalStage]))).toEqual({ s1: true, s2: false, s3: false, s4: true });
  });

  it('has the findability medians', () => {
    const of = (s: string) => [column(s).metrics.medianTimeMs, column(s).metrics.medianPages, stage(s).findability.sessions];
    expect(of('aware')).toEqual([0, 1, 4]);
    expect(of('consider')).toEqual([15_000, 2, 3]);
    expect(of('buy')).toEqual([40_000, 3, 2]);
    expect(of('support')).toEqual([45_000, 3, 2]);
  });

  it('has the health of every stage, the Untagged column and the journey, with their parts', () => {
    const health = (s: string) => [column(s).health.score, column(s).health.lowConfidence];
    expect(health('aware')).toEqual([92, false]);
    expect(column('aware').health.parts).toMatchObject({ friction: { contribution: 0 }, exits: { raw: 0.2, contribution: 3 }, attitude: { raw: 0.75, contribution: 5 } });
    expect(health('consider')).toEqual([35, true]);
    expect(column('consider').health.parts).toMatchObject({ friction: { badness: 1, contribution: 40 }, exits: { contribution: 5 }, attitude: { raw: 0, contribution: 20 } });
    expect(health('buy')).toEqual([100, true]);
    expect(health('support')).toEqual([100, true]);
    expect(health(UNTAGGED)).toEqual([31, true]);
    expect(column(UNTAGGED).health.parts).toMatchObject({ friction: { weight: 50, contribution: 50 }, deadEnd: { weight: 18.8, contribution: 18.8 }, attitude: { badness: null } });
    expect([view.score, view.band, view.lowConfidence]).toEqual([61, 'fair', false]);
    expect(view.parts).toMatchObject({ friction: { contribution: 28.9 }, exits: { contribution: 2.3 }, deadEnd: { contribution: 1.2 }, attitude: { raw: 0.6875, contribution: 6.3 } });
  });

  it('shows the 404 and its friction in the Untagged column', () => {
    const untagged = column(UNTAGGED);
    expect(untagged.untagged).toBe(true);
    expect(untagged.touchpoints.map((c) => c.pageKey)).toEqual(['/missing']);
    expect(untagged.painPoints.map((g) => [g.kind, g.count])).toEqual(expect.arrayContaining([['dead_end', 1], ['quick_back', 1]]));
  });

  it('has the paths: transitions, where walks ended, and the most common path to the goal', () => {
    const k = (stageId: string | null, page: string) => touchpointKey(stageId, page);
    const home = k('aware', '/');
    const product = k('consider', '/product/:id');
    const cart = k('buy', '/cart');
    const help = k('support', '/help');
    const missing = k(null, '/missing');
    expect(view.paths.walks).toBe(4);
    expect(view.paths.transitions.map((t) => [t.from, t.to, t.count])).toEqual([
      [home, product, 2],
      [product, cart, 2],
      [home, help, 1],
      [home, missing, 1],
      [cart, help, 1],
      [help, product, 1],
      [missing, home, 1],
    ]);
    expect(view.paths.ends).toEqual([
      { key: home, count: 1 },
      { key: cart, count: 1 },
      { key: product, count: 1 },
      { key: help, count: 1 },
    ]);
    expect(view.paths.toGoal).toEqual({ keys: [home, product, cart], count: 2, reached: 2 });
  });

  it('draws the paths with those counts and writes the same figures into the Markdown report', () => {
    const svg = pathsSvg(view);
    expect([...svg.matchAll(/data-count="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([2, 2, 1, 1, 1, 1, 1]);
    const report = markdownReport({ study: map.study, aggregate: map.aggregate, health: map.health, labels: map.labels, generatedAt: 0 });
    expect(report).toMatch(/\| Untagged \| 31\/100 \(fewer than 5 visits\) \|/);
    expect(report).toContain('Most common path to the goal (2 of 2 walks that reached it): / → /product/:id → /cart');
    expect(report).toContain('- / → /product/:id: 2');
    expect(report).toMatch(/\| consider \| 35\/100 \(fewer than 5 visits\) \| -2\.0 \| 1 \| 33% \| 3 \|/);
  });

  it('gives one touchpoint’s health alone as the map gives it, notes included', () => {
    const note = (stageId: string | null, pageKey: string, type: Annotation['type'], status: Annotation['status']): Annotation => ({
      id: id('note'),
      studyId: records.study.id,
      sessionId: 's1',
      visitId: null,
      pageKey,
      stageId,
      type,
      text: type,
      emotion: null,
      role: 'pm',
      anchor: { selector: 'h1', quote: { exact: '', prefix: '', suffix: '' }, position: 0 },
      status,
      orphaned: false,
      createdAt: 5,
      updatedAt: 5,
    });
    const annotations = [
      note('consider', '/product/:id', 'pain_point', 'open'),
      note('consider', '/product/:id', 'pain_point', 'open'),
      note('buy', '/cart', 'pain_point', 'resolved'),
      note('aware', '/', 'opportunity', 'open'),
      note('support', '/nowhere', 'pain_point', 'open'),
    ];
    const noted = { ...records, annotations };
    const whole = buildJourneyMap({ ...noted, rollups: rollupsFor(noted) });
    const merged = mergeRollups(rollupsFor(noted));
    expect(whole.health.touchpoints.length).toBeGreaterThan(5);
    for (const health of whole.health.touchpoints) expect(touchpointHealth(wholeStudyTouchpoint(merged, annotations, health.key)!)).toEqual(health);
    expect(wholeStudyTouchpoint(merged, annotations, touchpointKey('buy', '/never'))).toBeNull();
  });
});
