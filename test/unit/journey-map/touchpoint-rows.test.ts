import { describe, expect, it } from 'vitest';
import { DEFAULT_SORT, nextSort, sortTouchpoints, touchpointRows, type TouchpointRow } from '../../../src/core/journey-map/touchpoint-rows';
import { newId } from '../../../src/core/records/common';
import { addSession, addSignal, addVisit, mapOf, sampleRecords } from './fixture';

const row = (label: string, score: number | null, over: Partial<TouchpointRow> = {}): TouchpointRow =>
  ({ key: label, label, score, visits: 0, signals: 0, exits: 0, stageIndex: 0, ...over }) as TouchpointRow;

describe('the touchpoint table', () => {
  it('has a row per touchpoint with friction, exits and the stage name; untagged pages last', () => {
    const r = sampleRecords();
    const s = addSession(r);
    addSignal(r, addVisit(r, s, null, '/lost', s.startedAt + 1), 'error');
    r.offsite.push({ id: newId(), studyId: r.study.id, stageId: r.study.stages[0]!.id, channel: 'ad', name: 'Banner', note: '', personaId: null, sessionId: null, at: null, createdAt: 1 });
    const rows = touchpointRows(mapOf(r));
    const product = rows.find((x) => x.label === '/product/:id')!;
    expect(product).toMatchObject({ stageName: 'Consideration', visits: 2, signals: 4, exits: 0, kind: 'page' });
    expect(rows.find((x) => x.label === '/search')).toMatchObject({ signals: 0, exits: 1 });
    expect(rows.find((x) => x.label === 'Banner')).toMatchObject({ kind: 'offsite', channel: 'ad', score: null, stageName: 'Awareness' });
    expect(rows.at(-1)).toMatchObject({ label: '/lost', stageName: null, stageIndex: 5 });
  });

  it('opens worst first, keeps unscored touchpoints last either way, and breaks ties by journey order', () => {
    const rows = [row('b', 80), row('none', null), row('a', 40, { stageIndex: 2 }), row('c', 40, { stageIndex: 1 })];
    expect(sortTouchpoints(rows, DEFAULT_SORT).map((x) => x.label)).toEqual(['c', 'a', 'b', 'none']);
    expect(sortTouchpoints(rows, { key: 'health', direction: 'descending' }).map((x) => x.label)).toEqual(['b', 'c', 'a', 'none']);
  });

  it('sorts by visits, signals and exits', () => {
    const rows = [row('a', 1, { visits: 3, signals: 1, exits: 2 }), row('b', 2, { visits: 9, signals: 0, exits: 0 }), row('c', 3, { visits: 1, signals: 5, exits: 1 })];
    expect(sortTouchpoints(rows, { key: 'visits', direction: 'descending' }).map((x) => x.label)).toEqual(['b', 'a', 'c']);
    expect(sortTouchpoints(rows, { key: 'signals', direction: 'descending' }).map((x) => x.label)).toEqual(['c', 'a', 'b']);
    expect(sortTouchpoints(rows, { key: 'exits', direction: 'ascending' }).map((x) => x.label)).toEqual(['b', 'c', 'a']);
  });

  it('flips the direction on the same header, and starts counts high and health low', () => {
    expect(nextSort(DEFAULT_SORT, 'health')).toEqual({ key: 'health', direction: 'descending' });
    expect(nextSort(DEFAULT_SORT, 'visits')).toEqual({ key: 'visits', direction: 'descending' });
    expect(nextSort({ key: 'visits', direction: 'descending' }, 'health')).toEqual(DEFAULT_SORT);
  });
});
