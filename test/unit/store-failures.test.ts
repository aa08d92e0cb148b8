import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openJourneyDb, sharedConnection } from '../../src/background/store/open-db';
import { handleMessage } from '../../src/background/dispatch';
import { applyAcknowledged } from '../../src/background/recording/ingest';
import type { Db } from '../../src/background/store/schema';
import { studyRecords } from '../../src/background/store/queries';
import * as store from '../../src/background/store/records';
import { StoreHealthLog, storeFailureOf } from '../../src/background/store-health';
import { newId } from '../../src/core/records/common';
import type { StoreHealth } from '../../src/core/records/store-health';
import { failCommits } from './fixtures/failing-writes';
import { testStudy, visitStart } from './fixtures/records';
import type { WorkerDeps } from '../../src/background/deps';

const EXT = { id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' };
const ui = { id: EXT.id, url: `${EXT.origin}src/ui/options/index.html` };
const page = { id: EXT.id, url: 'http://127.0.0.1:4310/', frameId: 0, tab: { id: 7 } };

let db: Db;
let deps: WorkerDeps;
/** What chrome.storage.session would hold. */
let saved: StoreHealth | null;
let undo: () => void = () => undefined;

const savedHealth = () => ({ read: async () => saved, write: async (health: StoreHealth | null) => void (saved = health) });

beforeEach(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  db = await openJourneyDb(`failures-${newId()}`);
  saved = null;
  deps = {
    db: async () => db,
    handoverChannel: async () => 'channel-secret',
    injectPart: async () => undefined,
    now: () => 9_000,
    extension: EXT,
    describeTab: async () => null,
    tabUrl: async () => null,
    studiesChanged: async () => undefined,
    translate: (key) => `[${key}]`,
    showPrompt: async () => false,
    captureTab: async () => null,
    relayCompose: async () => null,
    showCompose: async () => 'panel',
    outlineInTab: async () => true,
    pendingCompose: { get: async () => null, forget: async () => undefined },
    startPick: async () => false,
    health: new StoreHealthLog(savedHealth()),
  };
});
afterEach(() => {
  undo();
  vi.restoreAllMocks();
});

async function walking() {
  const study = await store.saveStudy(db, testStudy());
  const session = await store.startSession(db, { studyId: study.id, personaId: null, goal: '', role: 'tester' }, 1);
  return { study, session };
}

describe('a write the store refuses', () => {
  for (const [name, kind] of [
    ['QuotaExceededError', 'quota'],
    ['AbortError', 'aborted'],
    ['UnknownError', 'unknown'],
  ] as const) {
    it(`(${name}) is not acknowledged, is kept as the store's health, and the same batch is stored once it works again`, async () => {
      const { study, session } = await walking();
      const events = [visitStart(study, session.id, '/', 2), visitStart(study, session.id, '/cart', 3)];
      undo = failCommits(name);
      const failed = await handleMessage({ type: 'content.events', events, queued: 5 }, page, deps);
      expect(failed).toEqual({ ok: false, error: kind === 'quota' ? 'storeFailedQuota' : 'storeFailedOther', storeFailure: kind });
      expect(await db.count('visits')).toBe(0);
      const health = { kind, firstAt: 9_000, lastAt: 9_000, failures: 1, waiting: { 7: 5 } };
      expect(await deps.health.get()).toEqual(health);
      expect(saved).toEqual(health);
      // A restarted worker reads it back.
      expect(await new StoreHealthLog(savedHealth()).get()).toEqual(health);
      expect(await handleMessage({ type: 'ui.store.health' }, ui, deps)).toEqual({ ok: true, data: health });

      undo();
      const retried = await handleMessage({ type: 'content.events', events, queued: 5 }, page, deps);
      expect(retried).toMatchObject({ ok: true, data: { acked: events.map((e) => e.eventId) } });
      await applyAcknowledged(deps);
      expect(await db.count('visits')).toBe(2);
      expect(await deps.health.get()).toBeNull();
      expect(saved).toBeNull();
    });
  }

  it('from the options page says the store is full, specifically, and changes nothing', async () => {
    undo = failCommits('QuotaExceededError');
    const reply = await handleMessage({ type: 'ui.study.save', study: testStudy() }, ui, deps);
    expect(reply).toEqual({ ok: false, error: 'storeFailedQuota', storeFailure: 'quota' });
    expect(await db.count('studies')).toBe(0);
    expect(saved).toMatchObject({ kind: 'quota', failures: 1, waiting: {} });
  });

  it('(an import) says the store is full and imports nothing, all or nothing as ever', async () => {
    const { study } = await walking();
    const file = JSON.stringify(await studyRecords(db, study.id, 1));
    const target = await openJourneyDb(`import-${newId()}`);
    deps.db = async () => target;
    undo = failCommits('QuotaExceededError');
    expect(await handleMessage({ type: 'ui.import.apply', text: file }, ui, deps)).toEqual({ ok: false, error: 'storeFailedQuota', storeFailure: 'quota' });
    expect([await target.count('studies'), await target.count('sessions')]).toEqual([0, 0]);
    undo();
    expect(await handleMessage({ type: 'ui.import.apply', text: file }, ui, deps)).toMatchObject({ ok: true, data: { ok: true } });
    expect([await target.count('studies'), await target.count('sessions')]).toEqual([1, 1]);
  });

  it('counts failures and the events each page holds, and forgets a closed tab’s', async () => {
    const { study, session } = await walking();
    undo = failCommits('QuotaExceededError');
    deps.now = () => 10_000;
    await handleMessage({ type: 'content.events', events: [visitStart(study, session.id, '/', 2)], queued: 3 }, page, deps);
    deps.now = () => 12_000;
    await handleMessage({ type: 'content.events', events: [visitStart(study, session.id, '/a', 3)], queued: 4 }, { ...page, tab: { id: 8 } }, deps);
    expect(saved).toEqual({ kind: 'quota', firstAt: 10_000, lastAt: 12_000, failures: 2, waiting: { 7: 3, 8: 4 } });
    await deps.health.tabClosed(7);
    expect(saved).toMatchObject({ waiting: { 8: 4 } });
  });

  it('is told apart from a bug or a refusal, which a retry cannot fix', () => {
    expect(storeFailureOf(new DOMException('x', 'QuotaExceededError'))).toBe('quota');
    expect(storeFailureOf(new DOMException('x', 'InvalidStateError'))).toBe('unavailable');
    expect(storeFailureOf(new TypeError('x is undefined'))).toBeNull();
    expect(storeFailureOf('nope')).toBeNull();
  });
});

describe('a database that does not open', () => {
  it('fails the request as a store failure, and the next request opens it again', async () => {
    let attempts = 0;
    deps.db = sharedConnection(async () => {
      if (++attempts === 1) throw new DOMException('Internal error opening backing store', 'UnknownError');
      return db;
    });
    const first = await handleMessage({ type: 'ui.overview' }, ui, deps);
    expect(first).toMatchObject({ ok: false, storeFailure: 'unknown' });
    // Its health is answered without the database.
    expect(await handleMessage({ type: 'ui.store.health' }, ui, deps)).toMatchObject({ ok: true, data: { kind: 'unknown' } });
    expect(await handleMessage({ type: 'ui.overview' }, ui, deps)).toMatchObject({ ok: true });
    expect(attempts).toBe(2);
  });

  it('fails at once when an older connection blocks the upgrade, instead of hanging', async () => {
    const name = `blocked-${newId()}`;
    // An old connection that ignores versionchange (and stays open: the blocked upgrade never runs).
    await new Promise<void>((done) => {
      const open = indexedDB.open(name, 1);
      open.onsuccess = () => done();
    });
    const error = await openJourneyDb(name, 2).catch((caught: unknown) => caught);
    expect(storeFailureOf(error)).toBe('unavailable');
  });
});
