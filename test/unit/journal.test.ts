import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoreNames } from 'idb';
import { applyContentEvents } from '../../src/background/recording/content-events';
import { applyJournal, journalBatch } from '../../src/background/recording/journal';
import { asSessionRollup } from '../../src/background/store/rollups';
import { openJourneyDb } from '../../src/background/store/open-db';
import { handleMessage } from '../../src/background/dispatch';
import { applyAcknowledged } from '../../src/background/recording/ingest';
import type { Db, JourneyDb } from '../../src/background/store/schema';
import * as store from '../../src/background/store/records';
import { StoreHealthLog } from '../../src/background/store-health';
import type { ContentEvent, PromptSpec } from '../../src/core/messages';
import { newId } from '../../src/core/records/common';
import type { Study } from '../../src/core/records/study';
import { testStudy, visitLeave, visitStart } from './fixtures/records';
import type { WorkerDeps } from '../../src/background/deps';

const EXT = { id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' };
const ui = { id: EXT.id, url: `${EXT.origin}src/ui/popup/index.html` };
const page = { id: EXT.id, url: 'http://127.0.0.1:4310/', frameId: 0, tab: { id: 6 } };
const TAB = 6;

let name: string;
let db: Db;
let deps: WorkerDeps;
let shown: { tabId: number; prompt: PromptSpec }[];

function depsFor(connection: Db): WorkerDeps {
  return {
    db: async () => connection,
    handoverChannel: async () => 'channel-secret',
    injectPart: async () => undefined,
    now: () => 10_000,
    extension: EXT,
    describeTab: async () => null,
    tabUrl: async () => null,
    studiesChanged: async () => undefined,
    translate: (key) => key,
    showPrompt: async (tabId, prompt) => {
      shown.push({ tabId, prompt });
      return true;
    },
    captureTab: async () => null,
    relayCompose: async () => null,
    showCompose: async () => 'panel',
    outlineInTab: async () => true,
    pendingCompose: { get: async () => null, forget: async () => undefined },
    startPick: async () => false,
    health: new StoreHealthLog({ read: async () => undefined, write: async () => undefined }),
  };
}

beforeEach(async () => {
  name = `journal-${newId()}`;
  db = await openJourneyDb(name);
  deps = depsFor(db);
  shown = [];
});

async function walking(study: Study = testStudy()) {
  const saved = await store.saveStudy(db, study);
  const session = await store.startSession(db, { studyId: saved.id, personaId: null, goal: '', role: 'tester' }, 1);
  return { study: saved, session };
}

function deadClicks(study: Study, sessionId: string, visitId: string, n: number): ContentEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    kind: 'signal' as const,
    eventId: newId(),
    signal: { id: newId(), studyId: study.id, sessionId, visitId, pageKey: '/', stageId: null, kind: 'dead_click' as const, at: 2_000 + i, element: null, detail: { clicks: 1 } },
  }));
}

/** Every store's records but the journal's, for comparing two databases (record ids are the same in both). */
async function snapshot(of: Db) {
  const names = [...of.objectStoreNames].filter((s) => s !== 'journal') as StoreNames<JourneyDb>[];
  return Object.fromEntries(await Promise.all(names.map(async (s) => [s, await of.getAll(s)] as const)));
}

const overview = async (d: WorkerDeps = deps) => (await handleMessage({ type: 'ui.overview' }, ui, d)) as { ok: true; data: { active: { visits: unknown[]; signalCounts: Record<string, number> } } };

describe('the journal', () => {
  it('acknowledges a batch as one record, applied into visits, signals and rollups afterwards', async () => {
    const { study, session } = await walking();
    const home = visitStart(study, session.id, '/', 1_000);
    await journalBatch(db, TAB, [home, ...deadClicks(study, session.id, home.visit.id, 50)]);
    expect([await db.count('journal'), await db.count('visits'), await db.count('signals')]).toEqual([1, 0, 0]);

    await applyJournal(async () => db, async () => undefined);
    expect([await db.count('journal'), await db.count('visits'), await db.count('signals')]).toEqual([0, 1, 50]);
    expect(asSessionRollup(await db.get('rollups', session.id))!.signals.latest.length).toBeGreaterThan(0);
    expect((await db.get('visits', home.visit.id))!.tabId).toBe(TAB);
  });

  it('drops an entry it cannot read, and applies the ones after it: one bad entry does not stop the store', async () => {
    const { study, session } = await walking();
    const home = visitStart(study, session.id, '/', 1_000);
    await db.add('journal', { tabId: TAB, events: [{ kind: 'signal', eventId: 'not-an-id' }] } as never);
    await journalBatch(db, TAB, [home]);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await applyJournal(async () => db, async () => undefined);
    expect([await db.count('journal'), await db.count('visits')]).toEqual([0, 1]);
    expect(errors).toHaveBeenCalledWith('[Journey Lens] an unreadable journal entry was dropped:', expect.stringContaining('events'));
    errors.mockRestore();
  });

  it('applies a batch acknowledged twice (a page re-sending after a lost reply) as once', async () => {
    const { study, session } = await walking();
    const home = visitStart(study, session.id, '/', 1_000);
    const batch = [home, ...deadClicks(study, session.id, home.visit.id, 20), visitLeave(home.visit.id, 3_000, 'link')];
    await journalBatch(db, TAB, batch);
    await journalBatch(db, TAB, batch);
    await applyJournal(async () => db, async () => undefined);
    expect(await db.count('journal')).toBe(0);
    const twice = await snapshot(db);

    const control = await openJourneyDb(`journal-control-${newId()}`);
    // The same study and running session, and the batch applied once.
    for (const record of await db.getAll('studies')) await control.put('studies', record);
    for (const record of await db.getAll('sessions')) await control.put('sessions', record);
    for (const key of await db.getAllKeys('meta')) await control.put('meta', await db.get('meta', key), key);
    await applyContentEvents(control, batch, TAB);
    expect(twice).toEqual(await snapshot(control));
    expect((await overview()).data.active.signalCounts).toEqual({ dead_click: 20 });
  });

  it('loses nothing when the worker stops between the acknowledgement and the apply, or between the apply and the removal', async () => {
    const { study, session } = await walking();
    const home = visitStart(study, session.id, '/', 1_000);
    const first = [home, ...deadClicks(study, session.id, home.visit.id, 30)];
    const second = [visitLeave(home.visit.id, 3_000, 'link'), visitStart(study, session.id, '/cart', 3_000)];
    await journalBatch(db, TAB, first);
    // Stopped after applying the first entry, before removing it; the second is acknowledged, not applied.
    await applyContentEvents(db, first, TAB);
    await journalBatch(db, TAB, second);
    db.close();

    // The next worker: a new connection, whose first request applies what the journal holds, oldest first.
    const restarted = await openJourneyDb(name);
    const active = (await overview(depsFor(restarted))).data.active;
    expect(active.visits).toHaveLength(2);
    expect(active.signalCounts).toEqual({ dead_click: 30 });
    expect(await restarted.count('journal')).toBe(0);
    expect((await restarted.get('visits', home.visit.id))!).toMatchObject({ leftAt: 3_000, endedBy: 'link' });
    restarted.close();
  });

  it('is applied before any request reads or changes the store: queries see acknowledged events, a stop does not drop them', async () => {
    const { study, session } = await walking();
    const home = visitStart(study, session.id, '/', 1_000);
    // Acknowledged only: no pass was asked for (the dispatch would ask for one in the background).
    await journalBatch(db, TAB, [home, ...deadClicks(study, session.id, home.visit.id, 5)]);
    const visits = await handleMessage({ type: 'ui.session.visits', sessionId: session.id }, ui, deps);
    expect(visits).toMatchObject({ ok: true, data: [{ id: home.visit.id }] });

    await journalBatch(db, TAB, deadClicks(study, session.id, home.visit.id, 3));
    expect(await handleMessage({ type: 'ui.session.stop', outcome: 'abandoned' }, ui, deps)).toMatchObject({ ok: true });
    // Acknowledged before the stop: part of the walk. After it: not, as before the journal.
    await journalBatch(db, TAB, deadClicks(study, session.id, home.visit.id, 4));
    const file = await handleMessage({ type: 'ui.study.export', studyId: study.id }, ui, deps);
    // 5 + 3 dead clicks, and the exit "Stop: abandoned" puts at the last visit.
    const kinds = file.ok ? (file.data as { signals: { kind: string }[] }).signals.map((s) => s.kind) : [];
    expect(kinds.filter((k) => k === 'dead_click')).toHaveLength(8);
    expect(kinds.filter((k) => k === 'exit')).toHaveLength(1);
    expect(await db.count('journal')).toBe(0);
  });

  it('acknowledges through the dispatch before applying, then puts the survey the batch calls for on its tab', async () => {
    const rule = { id: newId(), instrument: 'csat' as const, trigger: { kind: 'signal' as const, signalKind: 'dead_click' as const }, question: null, schedule: 'every_time' as const, enabled: true };
    const { study, session } = await walking({ ...testStudy(), surveys: [rule] });
    const home = visitStart(study, session.id, '/', 1_000);
    const reply = await handleMessage({ type: 'content.events', events: [home, ...deadClicks(study, session.id, home.visit.id, 2)], queued: 3 }, page, deps);
    expect(reply).toEqual({ ok: true, data: { acked: expect.any(Array) } });
    await applyAcknowledged(deps);
    expect(shown).toEqual([{ tabId: TAB, prompt: expect.objectContaining({ surveyId: rule.id, trigger: 'signal' }) }]);
    expect(await db.count('signals')).toBe(2);
  });

  it('drops an event outside its study’s scope before it reaches the journal', async () => {
    const { study, session } = await walking();
    const foreign = visitStart(study, session.id, '/', 1_000);
    foreign.visit.url = 'https://elsewhere.test/';
    expect(await handleMessage({ type: 'content.events', events: [foreign], queued: 1 }, page, deps)).toEqual({ ok: true, data: { acked: [foreign.eventId] } });
    expect(await db.count('journal')).toBe(0);
  });
});
