import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openJourneyDb } from '../../src/background/store/open-db';
import { asSessionRollup } from '../../src/background/store/rollups';
import { DB_VERSION } from '../../src/background/store/migrations';
import type { JourneyDb } from '../../src/background/store/schema';
import { newId } from '../../src/core/records/common';
import { StudySettings } from '../../src/core/records/settings';
import { rollupOf, touchpointKey } from '../../src/core/health/session-rollup';
import type { StoreNames } from 'idb';
import { applyContentEvents } from '../../src/background/recording/content-events';
import * as store from '../../src/background/store/records';
import { FIRST_SOFT_404_PATTERNS as first, testPersona, testStudy, visitLeave, visitStart } from './fixtures/records';

/**
 * Every released schema version, filled with records, must open under the current code with every record kept.
 * The fixture for version v is written by the migrations up to v, as a browser that stopped updating there has it.
 */
describe('schema upgrades', () => {
  for (let from = 1; from <= DB_VERSION; from++) {
    it(`keeps every record from version ${from} to ${DB_VERSION}`, async () => {
      const name = `upgrade-${from}-${newId()}`;
      const old = await openJourneyDb(name, from);
      const study = testStudy();
      const persona = testPersona();
      await old.put('studies', study);
      await old.put('personas', persona);
      await old.put('meta', 'x', 'probe');
      const before = await Promise.all([...old.objectStoreNames].map(async (store) => [store, await old.count(store)] as const));
      old.close();

      const current = await openJourneyDb(name);
      expect(current.version).toBe(DB_VERSION);
      for (const [store, count] of before) expect(await current.count(store as StoreNames<JourneyDb>), store).toBe(count);
      expect(await current.get('studies', study.id)).toEqual(study);
      expect(await current.get('personas', persona.id)).toEqual(persona);
      current.close();
    });
  }

  it('sums up the sessions recorded before version 2 into their rollups', async () => {
    const name = `upgrade-rollups-${newId()}`;
    const old = await openJourneyDb(name, 1);
    const study = testStudy();
    const sessionId = newId();
    const stageId = study.stages[1]!.id;
    const visit = { id: newId(), studyId: study.id, sessionId, tabId: 1, url: 'http://127.0.0.1:4310/p', title: 'P', pageKey: '/p', stageId, ruleId: null, arrival: 'navigate' as const, enteredAt: 5, leftAt: 9, maxScrollDepth: 0, endedBy: 'link' as const };
    const signal = { id: newId(), studyId: study.id, sessionId, visitId: visit.id, pageKey: '/p', stageId, kind: 'dead_click' as const, at: 6, element: null, detail: {} };
    await old.put('visits', visit);
    await old.put('signals', signal);
    old.close();

    const current = await openJourneyDb(name);
    expect(await current.getAll('rollups')).toEqual([rollupOf(study.id, sessionId, { visits: [visit], signals: [signal], responses: [] })]);
    expect(asSessionRollup(await current.get('rollups', sessionId))!.visits.touchpoints).toEqual({ [touchpointKey(stageId, '/p')]: [1, 5] });
    current.close();
  });

  it('keeps a recorded walk of version 2 (visits, signals, rollups, the running session) record for record in version 3', async () => {
    const name = `upgrade-walk-${newId()}`;
    const old = await openJourneyDb(name, 2);
    const study = await store.saveStudy(old, testStudy());
    const session = await store.startSession(old, { studyId: study.id, personaId: null, goal: 'Buy', role: 'tester' }, 1);
    const home = visitStart(study, session.id, '/', 1_000);
    const signal = { id: newId(), studyId: study.id, sessionId: session.id, visitId: home.visit.id, pageKey: '/', stageId: null, kind: 'dead_click' as const, at: 1_500, element: null, detail: { clicks: 1 } };
    await applyContentEvents(old, [home, { kind: 'signal', eventId: newId(), signal }, visitLeave(home.visit.id, 2_000, 'link'), visitStart(study, session.id, '/cart', 2_000)], 1);
    const stores = [...old.objectStoreNames] as StoreNames<JourneyDb>[];
    const before = Object.fromEntries(await Promise.all(stores.map(async (s) => [s, await old.getAll(s)] as const)));
    expect(before.visits).toHaveLength(2);
    expect(before.signals).toHaveLength(1);
    expect(before.rollups).toHaveLength(1);
    old.close();

    const current = await openJourneyDb(name);
    for (const s of stores) expect(await current.getAll(s), s).toEqual(before[s]);
    expect(await current.count('journal')).toBe(0);
    current.close();
  });

  it('rebuilds the rollups of version 3 with their paths and page titles, dropping study summaries (version 4)', async () => {
    const name = `upgrade-paths-${newId()}`;
    const old = await openJourneyDb(name, 3);
    const study = await store.saveStudy(old, testStudy());
    const session = await store.startSession(old, { studyId: study.id, personaId: null, goal: 'Buy', role: 'tester' }, 1);
    const home = visitStart(study, session.id, '/', 1_000);
    await applyContentEvents(old, [home, visitLeave(home.visit.id, 2_000, 'link'), visitStart(study, session.id, '/cart', 2_000)], 1);
    // What version 3 stored: rollups without paths or titles, and a study summary adding them up.
    const stored = (await old.get('rollups', session.id)) as { visits: Record<string, unknown> };
    delete stored.visits.path;
    delete stored.visits.titles;
    await old.put('rollups', stored as never);
    await old.put('rollups', { key: `study|${study.id}`, studyId: study.id, merged: {}, rollupKeys: [session.id] } as never);
    old.close();

    const current = await openJourneyDb(name);
    const stage = study.stages[0]!.id;
    expect(await current.get('rollups', session.id)).toMatchObject({ visits: { path: [`${stage}|/`, `${stage}|/cart`], titles: { [`${stage}|/`]: { 'Page /': 1 } } } });
    expect(await current.get('rollups', `study|${study.id}`)).toBeUndefined();
    current.close();
  });

  it('indexes the journal by tab, batches acknowledged before the upgrade included (version 5)', async () => {
    const name = `upgrade-journal-${newId()}`;
    const old = await openJourneyDb(name, 4);
    const study = await store.saveStudy(old, testStudy());
    const session = await store.startSession(old, { studyId: study.id, personaId: null, goal: 'Buy', role: 'tester' }, 1);
    const [about, help] = [visitStart(study, session.id, '/about', 1_000), visitStart(study, session.id, '/help', 1_000)];
    await old.add('journal', { tabId: 4, events: [about] });
    await old.add('journal', { tabId: 9, events: [help] });
    old.close();

    const current = await openJourneyDb(name);
    expect((await current.getAllFromIndex('journal', 'byTab', 9)).map((entry) => entry.events)).toEqual([[help]]);
    expect(await current.count('journal')).toBe(2);
    current.close();
  });

  it('gives a study that kept the first soft-404 defaults today’s, and keeps a list someone changed (version 6)', async () => {
    const name = `upgrade-soft404-${newId()}`;
    const old = await openJourneyDb(name, 5);
    const untouched = testStudy();
    const changed = testStudy();
    await old.put('studies', { ...untouched, settings: { ...untouched.settings, soft404Patterns: first } });
    await old.put('studies', { ...changed, settings: { ...changed.settings, soft404Patterns: [...first, 'oops'] } });
    old.close();

    const current = await openJourneyDb(name);
    expect((await current.get('studies', untouched.id))!.settings.soft404Patterns).toEqual(StudySettings.parse({}).soft404Patterns);
    expect((await current.get('studies', untouched.id))!.settings.soft404Patterns).toContain('존재하지 않는 페이지');
    expect((await current.get('studies', changed.id))!.settings.soft404Patterns).toEqual([...first, 'oops']);
    current.close();
  });

  it('creates every store a fresh profile needs', async () => {
    const fresh = await openJourneyDb(`fresh-${newId()}`);
    expect([...fresh.objectStoreNames].sort()).toEqual(
      ['annotations', 'feedback', 'journal', 'meta', 'offsite', 'personas', 'responses', 'rollups', 'screenshots', 'sessions', 'signals', 'studies', 'visits'].sort(),
    );
  });
});
