import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyContentEvents } from '../../src/background/recording/content-events';
import { openJourneyDb } from '../../src/background/store/open-db';
import { asSessionRollup, rebuildAllRollups, ROLLUP_STORES, rollupTx } from '../../src/background/store/rollups';
import { journeyMap } from '../../src/background/store/queries';
import { aggregateJourney } from '../../src/core/health/raw-rollups';
import { applyRetention, enforceRetention, readRetention, retentionPlan } from '../../src/background/retention';
import { handleMessage } from '../../src/background/dispatch';
import type { Db } from '../../src/background/store/schema';
import * as store from '../../src/background/store/records';
import { StoreHealthLog } from '../../src/background/store-health';
import { newId } from '../../src/core/records/common';
import { RETENTION_OFF } from '../../src/core/records/retention';
import type { FeedbackReport } from '../../src/core/records/feedback';
import type { Session } from '../../src/core/records/session';
import type { Study } from '../../src/core/records/study';
import { testStudy, visitStart } from './fixtures/records';
import type { WorkerDeps } from '../../src/background/deps';
import { syncOff } from './fixtures/sync-off';

const DAY = 86_400_000;
const NOW = 500 * DAY;

let db: Db;
let study: Study;
beforeEach(async () => {
  db = await openJourneyDb(`retention-${newId()}`);
  study = await store.saveStudy(db, testStudy());
});

/** An ended session from `day` with what a walk records: visits, signals, answers, a report with a screenshot, a note. */
async function recorded(day: number, visits = 2) {
  const session: Session = { id: newId(), studyId: study.id, personaId: null, goal: '', role: 'tester', startedAt: day * DAY, endedAt: day * DAY + 60_000, outcome: 'abandoned' };
  await db.put('sessions', session);
  const context = { studyId: study.id, sessionId: session.id, pageKey: '/', stageId: null };
  for (let i = 0; i < visits; i++) {
    const visitId = newId();
    await db.put('visits', { id: visitId, studyId: study.id, sessionId: session.id, tabId: 1, url: 'http://127.0.0.1:4310/', title: '', pageKey: '/', stageId: null, ruleId: null, arrival: 'navigate', enteredAt: day * DAY + i, leftAt: day * DAY + i + 1, maxScrollDepth: 0, endedBy: 'link' });
    await db.put('signals', { id: newId(), ...context, visitId, kind: 'rage_click', at: day * DAY + i, element: null, detail: {} });
  }
  await db.put('responses', { id: newId(), ...context, visitId: null, surveyId: newId(), instrument: 'ces', trigger: 'session_end', signalId: null, value: 3, text: null, dismissed: false, at: day * DAY } as never);
  const screenshotId = newId();
  await db.put('screenshots', new Blob(['png']), screenshotId);
  const report: FeedbackReport = { id: newId(), ...context, visitId: null, text: 'broken', severity: 'high', status: 'new', screenshotId, anchor: null, url: 'http://127.0.0.1:4310/', consoleErrors: [], environment: { browser: '', os: '', viewport: { width: 1, height: 1 }, devicePixelRatio: 1 }, createdAt: day * DAY };
  await db.put('feedback', report);
  const note = { id: newId(), ...context, visitId: null, type: 'idea', text: 'try a bigger button', emotion: null, role: 'tester', anchor: {}, status: 'open', orphaned: false, createdAt: day * DAY, updatedAt: day * DAY } as never;
  await db.put('annotations', note);
  return { session, report, screenshotId };
}

async function counts() {
  const names = ['sessions', 'visits', 'signals', 'responses', 'feedback', 'screenshots', 'annotations'] as const;
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await db.count(name)])));
}

describe('retention in the store', () => {
  it('previews exactly what it removes, removes it with the screenshots, and keeps notes and newer sessions', async () => {
    const old = await recorded(100, 3);
    const older = await recorded(50, 1);
    const recent = await recorded(495, 2);
    const before = await counts();

    const { preview, removal } = await retentionPlan(db, { days: 30, sessionsPerStudy: null }, NOW);
    expect(preview).toEqual({ sessions: 2, visits: 4, signals: 4, responses: 2, feedback: 2, notesKept: 2, from: 50 * DAY, to: 100 * DAY + 60_000 });
    expect(new Set(removal.sessionIds)).toEqual(new Set([old.session.id, older.session.id]));
    expect(await counts()).toEqual(before);

    // Written raw above, so their rollups are built the way an upgrade builds them.
    const tx = db.transaction([...ROLLUP_STORES], 'readwrite');
    await rebuildAllRollups(rollupTx(tx));
    await tx.done;
    const rolledUp = async () => (await db.getAll('rollups')).map(asSessionRollup).filter((r) => r !== undefined).map((r) => r.sessionId).sort();
    expect(await rolledUp()).toEqual([old.session.id, older.session.id, recent.session.id].sort());
    // The whole-study map, read now, is kept as the study's summary; it must not outlive the sessions removed.
    expect((await journeyMap(db, study.id, {}))!.aggregate.counts).toEqual({ visits: 6, signals: 6, responses: 3 });
    expect(await applyRetention(db, { days: 30, sessionsPerStudy: null }, NOW)).toEqual(preview);
    const { findability: _perWalk, ...whole } = aggregateJourney({ study, sessions: await db.getAll('sessions'), visits: await db.getAll('visits'), signals: await db.getAll('signals'), responses: await db.getAll('responses'), annotations: await db.getAll('annotations'), offsite: [] });
    expect((await journeyMap(db, study.id, {}))!.aggregate).toEqual(whole);
    expect(await counts()).toEqual({ sessions: 1, visits: 2, signals: 2, responses: 1, feedback: 1, screenshots: 1, annotations: 3 });
    // The map's per-session sums leave with their sessions (background/rollups.ts).
    expect(await rolledUp()).toEqual([recent.session.id]);
    expect(await db.get('sessions', recent.session.id)).toBeDefined();
    expect(await db.get('screenshots', old.screenshotId)).toBeUndefined();
    expect(await db.get('screenshots', recent.screenshotId)).toBeDefined();
    expect((await db.getAll('visits')).every((v) => v.sessionId === recent.session.id)).toBe(true);
  });

  it('never removes the running session or what it recorded, even when asked to', async () => {
    const running = await store.startSession(db, { studyId: study.id, personaId: null, goal: '', role: 'tester' }, 10 * DAY);
    await applyContentEvents(db, [visitStart(study, running.id, '/', 10 * DAY + 1)], 1);
    await recorded(20);
    await applyRetention(db, { days: 1, sessionsPerStudy: 1 }, NOW);
    await store.deleteRecorded(db, { sessionIds: [running.id], feedbackIds: [] });
    expect((await db.getAll('sessions')).map((s) => s.id)).toEqual([running.id]);
    expect(await db.count('visits')).toBe(1);
  });

  it('applies the saved setting (off until saved), on start and after a session ends', async () => {
    await recorded(10);
    expect(await readRetention(db)).toEqual(RETENTION_OFF);
    expect(await enforceRetention(db, NOW)).toBeNull();
    expect(await db.count('sessions')).toBe(1);

    const deps = {
      db: async () => db,
      now: () => NOW,
      extension: { id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' },
      studiesChanged: async () => undefined,
      translate: (key: string) => key,
      health: new StoreHealthLog({ read: async () => null, write: async () => undefined }),
      teamSync: syncOff,
    } as unknown as WorkerDeps;
    const ui = { id: deps.extension.id, url: `${deps.extension.origin}src/ui/options/index.html` };
    // Saving through the options page: what the preview said is what goes.
    const preview = await handleMessage({ type: 'ui.retention.preview', retention: { days: null, sessionsPerStudy: 2 } }, ui, deps);
    expect(preview).toMatchObject({ ok: true, data: { sessions: 0 } });
    expect(await handleMessage({ type: 'ui.retention.apply', retention: { days: null, sessionsPerStudy: 2 } }, ui, deps)).toMatchObject({ ok: true, data: { sessions: 0 } });
    expect(await handleMessage({ type: 'ui.retention.get' }, ui, deps)).toEqual({ ok: true, data: { days: null, sessionsPerStudy: 2 } });

    await recorded(20);
    await handleMessage({ type: 'ui.session.start', studyId: study.id, personaId: null, goal: '', role: 'tester' }, ui, deps);
    expect(await db.count('sessions')).toBe(3);
    // Ending the third session puts the oldest past "keep the 2 most recent".
    expect(await handleMessage({ type: 'ui.session.stop', outcome: 'unknown' }, ui, deps)).toMatchObject({ ok: true });
    expect((await db.getAll('sessions')).map((s) => s.startedAt).sort((a, b) => a - b)).toEqual([20 * DAY, NOW]);
  });

  it('refuses a malformed setting and changes nothing', async () => {
    const deps = { db: async () => db, now: () => NOW, extension: { id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' } } as unknown as WorkerDeps;
    const ui = { id: deps.extension.id, url: `${deps.extension.origin}src/ui/options/index.html` };
    await recorded(10);
    const reply = await handleMessage({ type: 'ui.retention.apply', retention: { days: -1, sessionsPerStudy: null } }, ui, deps);
    expect(reply).toMatchObject({ ok: false, error: 'errorMalformedMessage', issues: [{ path: 'retention.days' }] });
    expect(await db.count('sessions')).toBe(1);
    expect(await readRetention(db)).toEqual(RETENTION_OFF);
  });
});
