import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openJourneyDb } from '../../src/background/store/open-db';
import type { Db } from '../../src/background/store/schema';
import * as store from '../../src/background/store/records';
import { applyContentEvents } from '../../src/background/recording/content-events';
import { sessionVisits } from '../../src/background/store/queries';
import { newId } from '../../src/core/records/common';
import { testPersona, testStudy, visitLeave, visitStart } from './fixtures/records';

let db: Db;
beforeEach(async () => {
  db = await openJourneyDb(`test-${newId()}`);
});

async function running() {
  const study = await store.saveStudy(db, testStudy());
  const persona = await store.savePersona(db, testPersona());
  const session = await store.startSession(db, { studyId: study.id, personaId: persona.id, goal: 'Buy a phone', role: 'researcher' }, 2_000);
  return { study, persona, session };
}

describe('sessions', () => {
  it('run one at a time and end with an outcome', async () => {
    const { study, session } = await running();
    expect(await store.activeSession(db)).toEqual(session);
    await expect(store.startSession(db, { studyId: study.id, personaId: null, goal: '', role: 'pm' }, 3_000)).rejects.toThrow('errorSessionRunning');
    const ended = await store.stopSession(db, 'goal_reached', 9_000);
    expect(ended).toMatchObject({ endedAt: 9_000, outcome: 'goal_reached' });
    expect(await store.activeSession(db)).toBeNull();
    await expect(store.stopSession(db, 'abandoned', 10_000)).rejects.toThrow('errorNoSession');
  });

  it('refuse a study or persona that does not exist', async () => {
    await expect(store.startSession(db, { studyId: newId(), personaId: null, goal: '', role: 'pm' }, 1)).rejects.toThrow('errorStudyGone');
    const study = await store.saveStudy(db, testStudy());
    await expect(store.startSession(db, { studyId: study.id, personaId: newId(), goal: '', role: 'pm' }, 1)).rejects.toThrow('errorPersonaGone');
  });
});

describe('visit events', () => {
  it('are written once even when a batch is sent again (worker stopped before it answered)', async () => {
    const { study, session } = await running();
    const batch = [visitStart(study, session.id, '/', 3_000), visitStart(study, session.id, '/about', 4_000)];
    expect((await applyContentEvents(db, batch, 7)).acked).toEqual(batch.map((e) => e.eventId));
    await applyContentEvents(db, batch, 7);
    const visits = await sessionVisits(db, session.id);
    expect(visits.map((v) => v.pageKey)).toEqual(['/', '/about']);
  });

  it('close the previous visit of the tab by how the next page was entered', async () => {
    const { study, session } = await running();
    const home = visitStart(study, session.id, '/', 3_000);
    const about = visitStart(study, session.id, '/about', 5_000);
    const back = visitStart(study, session.id, '/', 6_000, 'back_forward');
    const cart = visitStart(study, session.id, '/cart', 8_000, 'route_change');
    await applyContentEvents(db, [home, visitLeave(home.visit.id, 4_900, 'link', 0.8)], 1);
    await applyContentEvents(db, [about], 1);
    await applyContentEvents(db, [back], 1);
    await applyContentEvents(db, [cart], 1);
    const visits = await sessionVisits(db, session.id);
    expect(visits.map((v) => [v.pageKey, v.endedBy, v.leftAt])).toEqual([
      ['/', 'link', 4_900],
      ['/about', 'back_forward', 6_000],
      ['/', 'route_change', 8_000],
      ['/cart', null, null],
    ]);
    expect(visits[0]!.maxScrollDepth).toBe(0.8);
  });

  it('end where the next page began, even when the old page said goodbye later', async () => {
    const { study, session } = await running();
    const home = visitStart(study, session.id, '/', 3_000);
    await applyContentEvents(db, [home, visitLeave(home.visit.id, 5_200, 'link')], 1);
    await applyContentEvents(db, [visitStart(study, session.id, '/about', 5_000)], 1);
    expect((await sessionVisits(db, session.id))[0]).toMatchObject({ leftAt: 5_000, endedBy: 'link' });
  });

  it('end by link when the next page was referred from the study, even if the old page’s goodbye was lost', async () => {
    const { study, session } = await running();
    const next = { ...visitStart(study, session.id, '/about', 5_000), referred: true };
    await applyContentEvents(db, [visitStart(study, session.id, '/', 3_000), next], 1);
    await applyContentEvents(db, [visitStart(study, session.id, '/cart', 7_000)], 1);
    expect((await sessionVisits(db, session.id)).map((v) => v.endedBy)).toEqual(['link', 'navigation', null]);
  });

  it('keep tabs apart', async () => {
    const { study, session } = await running();
    await applyContentEvents(db, [visitStart(study, session.id, '/', 3_000)], 1);
    await applyContentEvents(db, [visitStart(study, session.id, '/about', 4_000)], 2);
    expect((await sessionVisits(db, session.id)).every((v) => v.endedBy === null)).toBe(true);
  });

  it('a leave that arrives after the next page keeps the earlier time, the deeper scroll and its own reason', async () => {
    const { study, session } = await running();
    const home = visitStart(study, session.id, '/', 3_000);
    await applyContentEvents(db, [home, visitStart(study, session.id, '/about', 5_000)], 1);
    await applyContentEvents(db, [visitLeave(home.visit.id, 4_950, 'link', 1)], 1);
    const [first] = await sessionVisits(db, session.id);
    expect(first).toMatchObject({ leftAt: 4_950, endedBy: 'link', maxScrollDepth: 1 });
  });

  it('are dropped (but acknowledged) when they belong to no running session', async () => {
    const { study, session } = await running();
    await store.stopSession(db, 'abandoned', 2_500);
    const late = visitStart(study, session.id, '/', 3_000);
    expect((await applyContentEvents(db, [late], 1)).acked).toEqual([late.eventId]);
    expect(await sessionVisits(db, session.id)).toEqual([]);
  });

  it('end as tab_closed, left_scope or session_stopped when nothing follows them', async () => {
    const { study, session } = await running();
    const a = visitStart(study, session.id, '/', 3_000);
    const b = visitStart(study, session.id, '/about', 3_000);
    const c = visitStart(study, session.id, '/cart', 3_000);
    await applyContentEvents(db, [a], 1);
    await applyContentEvents(db, [b, visitLeave(b.visit.id, 4_000, 'unknown')], 2);
    await applyContentEvents(db, [c], 3);
    await store.closeTabVisits(db, 1, 5_000);
    await store.stopSession(db, 'abandoned', 6_000);
    const ends = Object.fromEntries((await sessionVisits(db, session.id)).map((v) => [v.pageKey, [v.endedBy, v.leftAt]]));
    expect(ends).toEqual({ '/': ['tab_closed', 5_000], '/about': ['left_scope', 4_000], '/cart': ['session_stopped', 6_000] });
  });

  it('retag the running visit when its page gets a rule', async () => {
    const { study, session } = await running();
    const start = visitStart(study, session.id, '/x', 3_000);
    const stageId = study.stages[3]!.id;
    const deadEnd = (at: number) => ({
      kind: 'signal' as const,
      eventId: newId(),
      signal: { id: newId(), studyId: study.id, sessionId: session.id, visitId: start.visit.id, pageKey: '/x', stageId: null, kind: 'dead_end' as const, at, element: null, detail: {} },
    });
    await applyContentEvents(db, [start, deadEnd(3_100)], 1);
    await applyContentEvents(db, [deadEnd(3_200), { kind: 'visit.retag', eventId: newId(), visitId: start.visit.id, pageKey: '/x', stageId, ruleId: null }], 1);
    expect((await sessionVisits(db, session.id))[0]!.stageId).toBe(stageId);
    // What was recorded on the page moves with it, and the rollup counts it there (issue 16).
    expect((await db.getAll('signals')).map((s) => s.stageId)).toEqual([stageId, stageId]);
    const rollup = await db.get('rollups', session.id);
    expect(rollup && 'signals' in rollup && rollup.signals.byTouchpoint).toEqual({ [`${stageId}|/x`]: { dead_end: 2 } });
  });
});

describe('deleting', () => {
  it('a study removes its sessions and visits, but not while it records', async () => {
    const { study, session } = await running();
    await applyContentEvents(db, [visitStart(study, session.id, '/', 3_000)], 1);
    await expect(store.deleteStudy(db, study.id)).rejects.toThrow('errorStudyInUse');
    await store.stopSession(db, 'unknown', 4_000);
    await store.deleteStudy(db, study.id);
    expect(await db.count('visits')).toBe(0);
    expect(await db.count('sessions')).toBe(0);
    expect(await db.count('studies')).toBe(0);
  });
});

describe('journey signals', () => {
  const signals = () => db.getAll('signals');

  it('a return to the previous page within the quick-back time marks the page in between', async () => {
    const { study, session } = await running();
    const about = visitStart(study, session.id, '/about', 5_000);
    await applyContentEvents(db, [visitStart(study, session.id, '/', 3_000), about], 1);
    await applyContentEvents(db, [visitStart(study, session.id, '/', 14_000, 'back_forward')], 1);
    const [quickBack] = await signals();
    expect(quickBack).toMatchObject({ kind: 'quick_back', visitId: about.visit.id, pageKey: '/about', detail: { dwellMs: 9_000 } });
    await applyContentEvents(db, [visitStart(study, session.id, '/cart', 30_000), visitStart(study, session.id, '/', 41_000, 'back_forward')], 1);
    expect(await signals()).toHaveLength(1);
  });

  it('an exit is recorded once for the visit that left the scope or closed the tab before the goal', async () => {
    const { study, session } = await running();
    const home = visitStart(study, session.id, '/', 3_000);
    const other = visitStart(study, session.id, '/about', 3_000);
    await applyContentEvents(db, [home, visitLeave(home.visit.id, 4_000, 'left_scope')], 1);
    await applyContentEvents(db, [visitLeave(home.visit.id, 4_000, 'left_scope')], 1);
    await applyContentEvents(db, [other], 2);
    await store.closeTabVisits(db, 2, 6_000);
    const exits = (await signals()).map((s) => [s.kind, s.pageKey, s.detail.reason, s.at]);
    expect(exits).toEqual(expect.arrayContaining([['exit', '/', 'left_scope', 4_000], ['exit', '/about', 'tab_closed', 6_000]]));
    expect(exits).toHaveLength(2);
  });

  it('no exit once the goal stage was reached, and an idle exit from the page only before it', async () => {
    const { study, session } = await running();
    const goal = { ...visitStart(study, session.id, '/cart', 3_000) };
    goal.visit.stageId = study.goalStageId!;
    const idle = (visitId: string, at: number) => ({
      kind: 'signal' as const,
      eventId: newId(),
      signal: { id: newId(), studyId: study.id, sessionId: session.id, visitId, pageKey: '/', stageId: null, kind: 'exit' as const, at, element: null, detail: { reason: 'idle' } },
    });
    const home = visitStart(study, session.id, '/', 1_000);
    await applyContentEvents(db, [home, idle(home.visit.id, 2_000), idle(home.visit.id, 2_500)], 1);
    expect((await signals()).map((s) => s.detail.reason)).toEqual(['idle']);
    await applyContentEvents(db, [goal, idle(goal.visit.id, 4_000), visitLeave(goal.visit.id, 5_000, 'left_scope')], 1);
    expect(await signals()).toHaveLength(1);
  });

  it('a page’s signal is kept only for a visit of the running session', async () => {
    const { study, session } = await running();
    const home = visitStart(study, session.id, '/', 1_000);
    const dead = (visitId: string) => ({
      kind: 'signal' as const,
      eventId: newId(),
      signal: { id: newId(), studyId: study.id, sessionId: session.id, visitId, pageKey: '/', stageId: null, kind: 'dead_click' as const, at: 2_000, element: null, detail: { clicks: 1 } },
    });
    await applyContentEvents(db, [home, dead(home.visit.id), dead(newId())], 1);
    await store.stopSession(db, 'abandoned', 3_000);
    await applyContentEvents(db, [dead(home.visit.id)], 1);
    expect((await signals()).filter((s) => s.kind === 'dead_click')).toHaveLength(1);
  });
});
