import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openJourneyDb } from '../../../src/background/store/open-db';
import { asSessionRollup, rollupTx, readSessionRecords } from '../../../src/background/store/rollups';
import { applySynced, rebuildSynced, type Incoming } from '../../../src/background/store/synced';
import { rollupKey, rollupOf } from '../../../src/core/health/session-rollup';
import { newId } from '../../../src/core/records/common';
import type { Session } from '../../../src/core/records/session';
import type { Visit } from '../../../src/core/records/visit';
import { testStudy } from '../fixtures/records';

const study = testStudy();
const session = (studyId: string): Session => ({ id: newId(), studyId, personaId: null, goal: 'Buy a phone', role: 'researcher', startedAt: 1, endedAt: null, outcome: null });
const visit = (s: Session, enteredAt: number, leftAt: number | null = null): Visit => ({
  id: newId(), studyId: s.studyId, sessionId: s.id, tabId: 1, url: 'http://127.0.0.1:4310/cart', title: 'Cart', pageKey: '/cart',
  stageId: study.stages[0]!.id, ruleId: null, arrival: 'navigate', enteredAt, leftAt, maxScrollDepth: 0.5, endedBy: null,
});
const incoming = (kind: Incoming['kind'], record: { id: string }): Incoming => ({ kind, record, docId: `${kind}:${record.id}` }) as Incoming;

async function rollupMatches(db: Awaited<ReturnType<typeof openJourneyDb>>, s: Session): Promise<boolean> {
  const tx = db.transaction(['rollups', 'visits', 'signals', 'responses']);
  const ref = { studyId: s.studyId, sessionId: s.id };
  const [records, stored] = await Promise.all([readSessionRecords(rollupTx(tx), ref), tx.objectStore('rollups').get(rollupKey(s.studyId, s.id))]);
  return JSON.stringify(asSessionRollup(stored)?.visits) === JSON.stringify(rollupOf(s.studyId, s.id, records).visits);
}

describe('what a team sync writes', () => {
  it('stores records with their rollups, takes an ended visit over its open copy, and refuses another study’s ids', async () => {
    const db = await openJourneyDb(`synced-${newId()}`);
    const mine = session(study.id);
    const open = visit(mine, 10);
    expect(await applySynced(db, study.id, [incoming('study', study), incoming('sessions', mine), incoming('visits', open)])).toEqual([]);
    expect(await db.get('visits', open.id)).toEqual(open);
    expect(await rollupMatches(db, mine)).toBe(true);

    // The ended copy replaces the open one; an open copy arriving later does not undo it.
    const ended = { ...open, leftAt: 20 };
    await applySynced(db, study.id, [incoming('visits', ended)]);
    await applySynced(db, study.id, [incoming('visits', open)]);
    expect((await db.get('visits', open.id))?.leftAt).toBe(20);

    // Another study's session here: a record reusing its id, or filed under it, is refused and not written.
    const other = testStudy();
    const theirs = session(other.id);
    await applySynced(db, other.id, [incoming('study', other), incoming('sessions', theirs)]);
    const hijack = { ...theirs, studyId: study.id };
    const filed = visit({ ...theirs, studyId: study.id }, 30);
    expect(await applySynced(db, study.id, [incoming('sessions', hijack), incoming('visits', filed)])).toEqual([
      { id: `sessions:${theirs.id}`, reason: 'Already the id of a record of another study' },
      { id: `visits:${filed.id}`, reason: 'Filed under a session of another study' },
    ]);
    expect((await db.get('sessions', theirs.id))?.studyId).toBe(other.id);
    expect(await db.get('visits', filed.id)).toBeUndefined();
  });

  it('leaves a first load’s rollups to one rebuild at the end, which makes them right', async () => {
    const db = await openJourneyDb(`synced-${newId()}`);
    const s = session(study.id);
    const later: Parameters<typeof applySynced>[3] = [];
    await applySynced(db, study.id, [incoming('study', study), incoming('sessions', s), incoming('visits', visit(s, 1, 2)), incoming('visits', visit(s, 3))], later);
    expect(later!.length).toBe(2);
    expect(await db.get('rollups', rollupKey(study.id, s.id))).toBeUndefined();
    await rebuildSynced(db, later!);
    expect(await rollupMatches(db, s)).toBe(true);
  });
});
