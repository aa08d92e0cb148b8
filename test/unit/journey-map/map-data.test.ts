import { describe, expect, it } from 'vitest';
import type { HealthFilter } from '../../../src/core/health/filter';
import { rollupsFor } from '../../../src/core/health/raw-rollups';
import { buildJourneyMap as fromRollups, touchpointLabels } from '../../../src/core/journey-map/map-data';
import { touchpointKey } from '../../../src/core/health/session-rollup';
import { newId } from '../../../src/core/records/common';
import type { Session } from '../../../src/core/records/session';
import type { Signal } from '../../../src/core/records/signal';
import type { Visit } from '../../../src/core/records/visit';
import { testPersona, testStudy } from '../fixtures/records';

const study = testStudy();
const buildJourneyMap = (records: Parameters<typeof rollupsFor>[0] & Omit<Parameters<typeof fromRollups>[0], 'rollups'>, filter: HealthFilter) =>
  fromRollups({ ...records, rollups: rollupsFor(records, filter) }, filter);
const [aware, consider] = study.stages;
const session = (personaId: string | null, startedAt: number): Session => ({
  id: newId(), studyId: study.id, personaId, goal: '', role: 'researcher', startedAt, endedAt: startedAt + 100_000, outcome: 'abandoned',
});
const visit = (s: Session, pageKey: string, stageId: string, enteredAt: number): Visit => ({
  id: newId(), studyId: study.id, sessionId: s.id, tabId: 1, url: `http://127.0.0.1:4310${pageKey}`, title: '', pageKey, stageId, ruleId: null,
  arrival: 'navigate', enteredAt, leftAt: enteredAt + 1000, maxScrollDepth: 1, endedBy: 'link',
});
const signal = (v: Visit, kind: Signal['kind'], name: string | null): Signal => ({
  id: newId(), studyId: study.id, sessionId: v.sessionId, visitId: v.id, pageKey: v.pageKey, stageId: v.stageId, kind, at: v.enteredAt + 10,
  element: name === null ? null : { tag: 'button', id: null, classes: [], role: 'button', name, selector: 'button' }, detail: {},
});

describe('the journey map data', () => {
  const minji = testPersona();
  const other = { ...testPersona(), id: newId(), name: 'Jun' };
  const s1 = session(minji.id, 1_000);
  const s2 = session(other.id, 500_000);
  const v = [visit(s1, '/', aware!.id, 2_000), visit(s1, '/product/:id', consider!.id, 3_000), visit(s1, '/category/:slug', consider!.id, 2_500), visit(s2, '/about', aware!.id, 501_000)];
  const signals = [signal(v[1]!, 'dead_click', 'Check stock'), signal(v[1]!, 'dead_click', 'Check stock'), signal(v[1]!, 'rage_click', 'Check stock'), signal(v[3]!, 'error', null)];
  const records = { study, personas: [minji, other], sessions: [s1, s2], visits: v, signals, responses: [], annotations: [], offsite: [] };

  it('lists the persona’s path per stage in the order first reached, and groups friction by kind and element', () => {
    const map = buildJourneyMap(records, { personaIds: [minji.id] });
    expect(map.actions[consider!.id]!.map((a) => a.pageKey)).toEqual(['/category/:slug', '/product/:id']);
    expect(map.actions[aware!.id]!.map((a) => a.pageKey)).toEqual(['/']);
    expect(map.painPoints[consider!.id]!.map((g) => [g.kind, g.element, g.count])).toEqual([
      ['dead_click', 'Check stock', 2],
      ['rage_click', 'Check stock', 1],
    ]);
    expect(map.painPoints[aware!.id]).toBeUndefined();
  });

  it('carries the stages’ findability, not each walk’s arrivals it is made of', () => {
    const map = buildJourneyMap(records, {});
    expect(map.aggregate.stages.find((s) => s.stageId === consider!.id)!.findability).toEqual({ sessions: 1, medianTimeMs: 1_500, medianPages: 2 });
    expect(map.aggregate).not.toHaveProperty('findability');
  });

  it('follows the filter: another persona, or a date range, gives another map', () => {
    const theirs = buildJourneyMap(records, { personaIds: [other.id] });
    expect(theirs.actions[aware!.id]!.map((a) => a.pageKey)).toEqual(['/about']);
    expect(theirs.painPoints[aware!.id]![0]).toMatchObject({ kind: 'error', element: null, count: 1 });
    const later = buildJourneyMap(records, { from: 400_000 });
    expect(Object.keys(later.actions)).toEqual([aware!.id]);
    expect(later.sessions).toHaveLength(2);
  });
});

describe('touchpoint names', () => {
  it('are the rule’s label, else the page title seen most, keyed by touchpoint', () => {
    const study = testStudy();
    const [aware, consider] = study.stages.map((s) => s.id) as [string, string];
    const rules = [
      { id: newId(), stageId: consider, kind: 'path' as const, pattern: '/product/:id', keepQuery: false, label: 'Product page' },
      { id: newId(), stageId: aware, kind: 'glob' as const, pattern: '/guides/**', keepQuery: false, label: '' },
      { id: newId(), stageId: aware, kind: 'title' as const, pattern: 'Deals', keepQuery: false, label: 'Not a page key' },
    ];
    const titles: Record<string, Record<string, number>> = {
      [touchpointKey(consider, '/product/:id')]: { 'Pulse 12': 3, 'Aurora X': 1 },
      [touchpointKey(aware, '/guides/**')]: { 'Buying guide': 1, 'Battery guide': 1 },
      [touchpointKey(null, '/order/:id')]: { 'Your order': 2 },
    };
    expect(touchpointLabels({ rules }, titles)).toEqual({
      [touchpointKey(consider, '/product/:id')]: 'Product page',
      [touchpointKey(aware, '/guides/**')]: 'Battery guide', // a tie goes to the first in text order
      [touchpointKey(null, '/order/:id')]: 'Your order',
    });
  });
});
