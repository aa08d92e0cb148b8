import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { cachedJourneyMap, forgetMaps, touchpointHealthOf } from '../../src/background/map-cache';
import { applyContentEvents } from '../../src/background/recording/content-events';
import { openJourneyDb } from '../../src/background/store/open-db';
import * as store from '../../src/background/store/records';
import { newId } from '../../src/core/records/common';
import { testStudy, visitStart } from './fixtures/records';

/** A study whose running session has visited `/`. */
async function walkedStudy() {
  const db = await openJourneyDb(`map-cache-${newId()}`);
  const study = await store.saveStudy(db, testStudy());
  const session = await store.startSession(db, { studyId: study.id, personaId: null, goal: '', role: 'pm' }, 1_000);
  await applyContentEvents(db, [visitStart(study, session.id, '/', 2_000)], 3);
  return { db, study, session };
}

describe('the maps and health the worker keeps', () => {
  it('keep nothing read while a write was under way: it may be from before the write', async () => {
    const { db, study, session } = await walkedStudy();
    const stage = study.stages[0]!.id;
    const reading = Promise.all([cachedJourneyMap(db, study.id, {}), touchpointHealthOf(db, study.id, stage, '/')]);
    // As the worker's dispatch does for a write (before it, and again once written).
    forgetMaps();
    await reading;
    await applyContentEvents(db, [visitStart(study, session.id, '/', 3_000)], 3);
    expect((await touchpointHealthOf(db, study.id, stage, '/'))!.visits).toBe(2);
    expect((await cachedJourneyMap(db, study.id, {}))!.aggregate.counts.visits).toBe(2);
    db.close();
  });

  it('keep what was read with no write since', async () => {
    const { db, study, session } = await walkedStudy();
    const stage = study.stages[0]!.id;
    expect((await touchpointHealthOf(db, study.id, stage, '/'))!.visits).toBe(1);
    const map = await cachedJourneyMap(db, study.id, {});
    // Written without telling the caches: what they keep is what is shown.
    await applyContentEvents(db, [visitStart(study, session.id, '/', 3_000)], 3);
    expect(await cachedJourneyMap(db, study.id, {})).toBe(map);
    expect((await touchpointHealthOf(db, study.id, stage, '/'))!.visits).toBe(1);
    forgetMaps();
    expect((await touchpointHealthOf(db, study.id, stage, '/'))!.visits).toBe(2);
    db.close();
  });
});
