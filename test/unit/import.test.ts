import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { applyContentEvents } from '../../src/background/recording/content-events';
import { applyImport, previewImport } from '../../src/background/store/import';
import { openJourneyDb } from '../../src/background/store/open-db';
import { studyRecords } from '../../src/background/store/queries';
import type { Db } from '../../src/background/store/schema';
import * as store from '../../src/background/store/records';
import { newId } from '../../src/core/records/common';
import type { Study } from '../../src/core/records/study';
import { FIRST_SOFT_404_PATTERNS as first, testPersona, testStudy, visitStart } from './fixtures/records';

const profile = () => openJourneyDb(`profile-${newId()}`);

/** One researcher's walk in a profile: a persona, a session of three visits and a signal. */
async function walk(db: Db, study: Study, startAt: number) {
  const persona = await store.savePersona(db, { ...testPersona(startAt), name: `Walker ${startAt}` });
  const session = await store.startSession(db, { studyId: study.id, personaId: persona.id, goal: 'Buy', role: 'researcher' }, startAt);
  const visits = ['/', '/about', '/cart'].map((path, i) => visitStart(study, session.id, path, startAt + i * 1000));
  const signal = {
    kind: 'signal' as const,
    eventId: newId(),
    signal: { id: newId(), studyId: study.id, sessionId: session.id, visitId: visits[1]!.visit.id, pageKey: '/about', stageId: study.stages[0]!.id, kind: 'dead_click' as const, at: startAt + 1500, element: null, detail: { clicks: 1 } },
  };
  await applyContentEvents(db, [...visits, signal], 1);
  await store.stopSession(db, 'goal_reached', startAt + 5000);
}

async function exportText(db: Db, studyId: string): Promise<string> {
  return JSON.stringify(await studyRecords(db, studyId, 1));
}

const counts = async (db: Db) => Object.fromEntries(await Promise.all(['studies', 'personas', 'sessions', 'visits', 'signals'].map(async (s) => [s, await db.count(s as 'visits')])));

describe('importing study files', () => {
  it('round-trips: export → import into an empty profile → export gives the same data', async () => {
    const a = await profile();
    const study = await store.saveStudy(a, testStudy());
    await walk(a, study, 10_000);
    const first = await exportText(a, study.id);
    const empty = await profile();
    expect(await applyImport(empty, first)).toMatchObject({ ok: true });
    const second = await exportText(empty, study.id);
    const sorted = (text: string) => {
      const file = JSON.parse(text);
      for (const key of Object.keys(file)) if (Array.isArray(file[key])) file[key].sort((x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id));
      return file;
    };
    expect(sorted(second)).toEqual(sorted(first));
  });

  it('gives a study file from before the Korean soft-404 defaults today’s, and keeps a list someone changed', async () => {
    const a = await profile();
    const untouched = testStudy();
    const changed = testStudy();
    await a.put('studies', { ...untouched, settings: { ...untouched.settings, soft404Patterns: first } });
    await a.put('studies', { ...changed, settings: { ...changed.settings, soft404Patterns: ['oops'] } });
    const b = await profile();
    for (const study of [untouched, changed]) expect(await applyImport(b, await exportText(a, study.id))).toMatchObject({ ok: true });
    expect((await b.get('studies', untouched.id))!.settings.soft404Patterns).toEqual(testStudy().settings.soft404Patterns);
    expect((await b.get('studies', changed.id))!.settings.soft404Patterns).toEqual(['oops']);
  });

  it('merges two researchers’ exports of one study into a third profile; re-importing changes nothing', async () => {
    const a = await profile();
    const b = await profile();
    const c = await profile();
    const study = await store.saveStudy(a, testStudy());
    // B gets the study from A's file before either walks: the same study, ids and all.
    expect(await applyImport(b, await exportText(a, study.id))).toMatchObject({ ok: true });
    await walk(a, study, 10_000);
    await walk(b, study, 20_000);
    const fromA = await exportText(a, study.id);
    const fromB = await exportText(b, study.id);

    const preview = await previewImport(c, fromA);
    expect(preview).toMatchObject({ ok: true, plan: { studyAction: 'create', add: { sessions: 1, visits: 3, signals: 1, personas: 1 } } });
    expect(await counts(c)).toEqual({ studies: 0, personas: 0, sessions: 0, visits: 0, signals: 0 });
    await applyImport(c, fromA);
    await applyImport(c, fromB);
    expect(await counts(c)).toEqual({ studies: 1, personas: 2, sessions: 2, visits: 6, signals: 2 });

    const again = await previewImport(c, fromB);
    expect(again).toMatchObject({ ok: true, plan: { add: { sessions: 0, visits: 0, signals: 0, personas: 0 }, alreadyPresent: { sessions: 1, visits: 3, signals: 1 } } });
    await applyImport(c, fromB);
    expect(await counts(c)).toEqual({ studies: 1, personas: 2, sessions: 2, visits: 6, signals: 2 });
  });

  it('refuses a malformed file with its errors by path and writes nothing', async () => {
    const a = await profile();
    const study = await store.saveStudy(a, testStudy());
    await walk(a, study, 10_000);
    const file = JSON.parse(await exportText(a, study.id));
    const target = await profile();
    const before = await counts(target);
    const cases: Array<[unknown, RegExp]> = [
      [{ ...file, version: 99 }, /version/],
      [{ ...file, visits: file.visits.map((v: object, i: number) => (i === 1 ? { ...v, pageKey: undefined } : v)) }, /visits\.?\[?1/],
      [{ ...file, signals: [{ ...file.signals[0], detail: { '<img src=x onerror=alert(1)>': 'x'.repeat(600) } }] }, /signals/],
      ['{ not json', /JSON/i],
    ];
    for (const [bad, path] of cases) {
      const result = await applyImport(target, typeof bad === 'string' ? bad : JSON.stringify(bad));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.map((e) => `${e.path} ${e.message}`).join('\n')).toMatch(path);
    }
    expect(await counts(target)).toEqual(before);
  });
});
