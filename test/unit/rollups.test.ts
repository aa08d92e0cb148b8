import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { applyContentEvents } from '../../src/background/recording/content-events';
import { applyImport } from '../../src/background/store/import';
import { openJourneyDb } from '../../src/background/store/open-db';
import { journeyMap, sessionSummary, wholeStudyTouchpointHealth } from '../../src/background/store/queries';
import { asSessionRollup, rebuildRollups, rollupTx } from '../../src/background/store/rollups';
import type { Db } from '../../src/background/store/schema';
import * as store from '../../src/background/store/records';
import type { HealthFilter } from '../../src/core/health/filter';
import { aggregateJourney, rollupsFor } from '../../src/core/health/raw-rollups';
import { isStudySummary, isStudySummaryKey, mergeRollups, type StudySummary } from '../../src/core/health/merged-rollups';
import { buildJourneyMap } from '../../src/core/journey-map/map-data';
import { rollupKey, rollupOf, type SessionRollup } from '../../src/core/health/session-rollup';
import { EXPORT_FORMAT, EXPORT_VERSION, type StudyExport } from '../../src/core/exchange/study-export';
import type { ContentEvent } from '../../src/core/messages';
import { newId } from '../../src/core/records/common';
import type { SurveyResponse } from '../../src/core/records/response';
import type { Session } from '../../src/core/records/session';
import type { Signal, SignalKind } from '../../src/core/records/signal';
import type { Study } from '../../src/core/records/study';
import type { Visit } from '../../src/core/records/visit';
import { testPersona, testStudy, visitLeave, visitStart } from './fixtures/records';

/**
 * The rollups kept beside the records must always equal rollups computed from scratch from what the store holds,
 * whatever was written: recorded batches (sent twice, too), imports that add and replace, deletions.
 */

const open = () => openJourneyDb(`rollups-${newId()}`);

/** What every rollup should be, from the records the store holds now. */
async function recomputed(db: Db): Promise<SessionRollup[]> {
  const [visits, signals, responses] = await Promise.all([db.getAll('visits'), db.getAll('signals'), db.getAll('responses')]);
  const groups = new Map<string, { studyId: string; sessionId: string | null; visits: Visit[]; signals: Signal[]; responses: SurveyResponse[] }>();
  const group = (r: { studyId: string; sessionId: string | null }) => {
    const key = rollupKey(r.studyId, r.sessionId);
    return groups.get(key) ?? groups.set(key, { studyId: r.studyId, sessionId: r.sessionId, visits: [], signals: [], responses: [] }).get(key)!;
  };
  for (const v of visits) group(v).visits.push(v);
  for (const s of signals) group(s).signals.push(s);
  for (const r of responses) group(r).responses.push(r);
  return [...groups.values()].map((g) => rollupOf(g.studyId, g.sessionId, g)).sort((a, b) => a.key.localeCompare(b.key));
}

/** The stored session rollups, without the mark of being in the study summary (the one field not from records). */
async function storedRollups(db: Db): Promise<SessionRollup[]> {
  return (await db.getAll('rollups'))
    .map(asSessionRollup)
    .filter((r) => r !== undefined)
    .map(({ inSummary: _in, ...rollup }) => rollup)
    .sort((a, b) => a.key.localeCompare(b.key));
}

async function expectRollupsCurrent(db: Db): Promise<void> {
  expect(await storedRollups(db)).toEqual(await recomputed(db));
}

/** The study's one summary, under whichever revision's key. */
async function storedSummary(db: Db, study: Study): Promise<StudySummary | undefined> {
  const keys = (await db.getAllKeysFromIndex('rollups', 'byStudy', study.id)).filter((key) => isStudySummaryKey(key, study.id));
  expect(keys.length).toBeLessThanOrEqual(1);
  const stored = keys[0] === undefined ? undefined : await db.get('rollups', keys[0]);
  return stored && isStudySummary(stored) ? stored : undefined;
}

/**
 * The map of the whole study (drawn from the study summary, kept and added to by earlier maps until a write to a
 * rollup in it drops it) and of a filter (added up from session rollups) is the map from every record the store
 * holds now. After a whole-study map, the summary holds exactly the settled rollups — all but the running
 * session's and that of answers outside a session — each marked as in it, added up as they are now.
 */
async function expectMapsCurrent(db: Db, study: Study, filters: readonly HealthFilter[] = [{}]): Promise<void> {
  const [sessions, visits, signals, responses, personas] = await Promise.all([db.getAll('sessions'), db.getAll('visits'), db.getAll('signals'), db.getAll('responses'), db.getAll('personas')]);
  const records = { study, sessions, visits, signals, responses, annotations: [], offsite: [] };
  for (const filter of filters) {
    const fromStore = await journeyMap(db, study.id, filter);
    expect(fromStore).toEqual(buildJourneyMap({ ...records, study: (await db.get('studies', study.id))!, personas, rollups: rollupsFor(records, filter) }, filter));
    // The popup's page panel adds up its touchpoint alone: as the whole-study map has it.
    if (!Object.keys(filter).length) for (const health of fromStore!.health.touchpoints) expect(await wholeStudyTouchpointHealth(db, study.id, health.key)).toEqual(health);
    // A map carries no walk's own arrivals (map-data.ts): the rest is all of the aggregate added up from scratch.
    const { findability: _perWalk, ...whole } = aggregateJourney(records, filter);
    expect(fromStore!.aggregate).toEqual(whole);
  }
  if (filters.some((filter) => !Object.keys(filter).length)) {
    const running = await db.get('meta', store.ACTIVE_SESSION);
    const settled = (await recomputed(db)).filter((r) => r.sessionId !== null && r.sessionId !== running);
    const summary = await storedSummary(db, study);
    expect(summary?.merged ?? null).toEqual(settled.length ? mergeRollups(settled) : null);
    expect([...(summary?.rollupKeys ?? [])].sort()).toEqual(settled.map((r) => r.key).sort());
    for (const key of summary?.rollupKeys ?? []) expect(asSessionRollup(await db.get('rollups', key))?.inSummary).toBe(true);
  }
}

const KINDS: SignalKind[] = ['rage_click', 'dead_click', 'dead_end', 'exit', 'error', 'slow_click'];

function signalOn(visit: Visit, kind: SignalKind, at: number, element: string | null): Signal {
  const { studyId, sessionId, id: visitId, pageKey, stageId } = visit;
  const described = element === null ? null : { tag: 'button', id: null, classes: [], role: null, name: element, selector: `#${element}` };
  return { id: newId(), studyId, sessionId, visitId, pageKey, stageId, kind, at, element: described, detail: {} };
}

function answerOn(visit: Visit | null, study: Study, value: number | null, text: string | null, at: number): SurveyResponse {
  return {
    id: newId(),
    studyId: study.id,
    sessionId: visit?.sessionId ?? null,
    visitId: visit?.id ?? null,
    pageKey: visit?.pageKey ?? '/',
    stageId: visit?.stageId ?? null,
    surveyId: newId(),
    instrument: text === null ? 'csat' : 'open_text',
    trigger: 'on_demand',
    signalId: null,
    value: text === null ? value : null,
    text,
    dismissed: false,
    at,
  };
}

/** One step of a recorded walk, as the generator picks it; indexes wrap around what exists so far. */
type Step =
  | { op: 'start'; page: number; dt: number }
  | { op: 'leave'; visit: number; dt: number }
  | { op: 'retag'; visit: number; page: number }
  | { op: 'signal'; visit: number; kind: number; element: number; dt: number }
  | { op: 'answer'; visit: number; value: number; open: boolean }
  | { op: 'resend'; batch: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('start' as const), page: fc.nat(5), dt: fc.integer({ min: 0, max: 5_000 }) }),
  fc.record({ op: fc.constant('leave' as const), visit: fc.nat(), dt: fc.integer({ min: 0, max: 5_000 }) }),
  fc.record({ op: fc.constant('retag' as const), visit: fc.nat(), page: fc.nat(5) }),
  fc.record({ op: fc.constant('signal' as const), visit: fc.nat(), kind: fc.nat(KINDS.length - 1), element: fc.nat(3), dt: fc.integer({ min: 0, max: 500 }) }),
  fc.record({ op: fc.constant('answer' as const), visit: fc.nat(), value: fc.integer({ min: 1, max: 5 }), open: fc.boolean() }),
  fc.record({ op: fc.constant('resend' as const), batch: fc.nat() }),
);

const PAGES = ['/', '/product/1', '/product/2', '/cart', '/checkout', '/about'];

describe('session rollups', () => {
  it('equal a full recompute after any recorded walks, batches sent twice included, and after each session stops', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.array(step, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        async (walks, stopLast) => {
          const db = await open();
          const study = await store.saveStudy(db, testStudy());
          const ended: Visit[] = [];
          let now = 2_000;
          for (const [w, batches] of walks.entries()) {
            const session = await store.startSession(db, { studyId: study.id, personaId: null, goal: '', role: 'pm' }, now);
            const visits: Visit[] = [];
            const sent: ContentEvent[][] = [];
            for (const batch of batches) {
              const events: ContentEvent[] = [];
              for (const s of batch) {
                const visit = visits.length ? visits[('visit' in s ? s.visit : 0) % visits.length]! : null;
                if (s.op === 'start') {
                  now += s.dt;
                  const event = visitStart(study, session.id, PAGES[s.page]!, now);
                  event.visit.stageId = study.stages[s.page % study.stages.length]!.id;
                  visits.push({ ...event.visit, tabId: 7, leftAt: null, maxScrollDepth: 0, endedBy: null });
                  events.push(event);
                } else if (s.op === 'resend') {
                  if (sent.length) events.push(...sent[s.batch % sent.length]!);
                } else if (!visit) continue;
                else if (s.op === 'leave') events.push(visitLeave(visit.id, now + s.dt));
                else if (s.op === 'retag') events.push({ kind: 'visit.retag', eventId: newId(), visitId: visit.id, pageKey: PAGES[s.page]!, stageId: null, ruleId: null });
                else if (s.op === 'signal') {
                  const signal = signalOn(visit, KINDS[s.kind]!, now + s.dt, s.element ? `b${s.element}` : null);
                  events.push({ kind: 'signal', eventId: newId(), signal });
                } else events.push({ kind: 'response', eventId: newId(), response: answerOn(visit, study, s.value, s.open ? 'It was fine' : null, now) });
              }
              sent.push(events);
              // The running session's writes leave the summary of the sessions before it as it was: not dropped.
              const before = await storedSummary(db, study);
              await applyContentEvents(db, events, 7);
              expect(await storedSummary(db, study)).toEqual(before);
              await expectMapsCurrent(db, study);
            }
            if (w === walks.length - 1 && !stopLast) break;
            // Stopping writes only the stopped session's rollup; the next map adds it to the summary.
            const before = await storedSummary(db, study);
            now += 10_000;
            await store.stopSession(db, 'abandoned', now);
            expect(await storedSummary(db, study)).toEqual(before);
            ended.push(...visits);
            await expectMapsCurrent(db, study);
          }
          await expectRollupsCurrent(db);
          await expectMapsCurrent(db, study);
          // A late goodbye from a page of an ended session changes a rollup the summary holds: the summary goes.
          const late = ended[0];
          if (late) {
            expect((await storedSummary(db, study))?.rollupKeys).toContain(late.sessionId);
            await applyContentEvents(db, [visitLeave(late.id, now + 20_000)], 7);
            expect(await storedSummary(db, study)).toBeUndefined();
            await expectRollupsCurrent(db);
            await expectMapsCurrent(db, study);
          }
          db.close();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('equal a full recompute after imports that add and replace, deletions of sessions and of the study', async () => {
    const file = fc.record({
      sessions: fc.integer({ min: 1, max: 4 }),
      visits: fc.array(fc.record({ session: fc.nat(), page: fc.nat(5), at: fc.integer({ min: 0, max: 100_000 }) }), { maxLength: 12 }),
      signals: fc.array(fc.record({ visit: fc.nat(), kind: fc.nat(KINDS.length - 1), element: fc.nat(2), at: fc.integer({ min: 0, max: 100_000 }), orphan: fc.boolean() }), { maxLength: 20 }),
      answers: fc.array(fc.record({ visit: fc.nat(), value: fc.integer({ min: 1, max: 5 }), open: fc.boolean(), loose: fc.boolean() }), { maxLength: 6 }),
    });
    await fc.assert(
      fc.asyncProperty(file, file, fc.nat(), fc.integer({ min: 0, max: 100_000 }), async (first, second, removed, from) => {
        const db = await open();
        const study = testStudy();
        const persona = testPersona();
        const sessions: Session[] = [];
        const visits: Visit[] = [];
        const signals: Signal[] = [];
        const responses: SurveyResponse[] = [];
        const exportOf = (spec: typeof first): StudyExport => {
          for (let i = 0; i < spec.sessions; i++) {
            sessions.push({ id: newId(), studyId: study.id, personaId: i % 2 ? persona.id : null, goal: '', role: 'pm', startedAt: i * 20_000, endedAt: i * 20_000 + 10_000, outcome: 'abandoned' });
          }
          for (const v of spec.visits) {
            const session = sessions[v.session % sessions.length]!;
            const stageId = study.stages[v.page % study.stages.length]!.id;
            visits.push({ id: newId(), studyId: study.id, sessionId: session.id, tabId: 1, url: `http://127.0.0.1:4310${PAGES[v.page]}`, title: 'Page', pageKey: PAGES[v.page]!, stageId, ruleId: null, arrival: 'navigate', enteredAt: v.at, leftAt: null, maxScrollDepth: 0, endedBy: null });
          }
          for (const s of spec.signals) {
            if (!visits.length) break;
            const signal = signalOn(visits[s.visit % visits.length]!, KINDS[s.kind]!, s.at, s.element ? `b${s.element}` : null);
            // A signal whose session the file does not bring: it counts by its own time.
            signals.push(s.orphan ? { ...signal, sessionId: newId() } : signal);
          }
          for (const a of spec.answers) {
            const visit = a.loose || !visits.length ? null : visits[a.visit % visits.length]!;
            responses.push(answerOn(visit, study, a.value, a.open ? 'Hard to find' : null, 5_000 + a.value));
          }
          return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: 1, study, personas: [persona], sessions: [...sessions], visits: [...visits], signals: [...signals], responses: [...responses], annotations: [], feedback: [], offsite: [], screenshots: [] };
        };
        const imported = await applyImport(db, JSON.stringify(exportOf(first)));
        expect(imported.ok).toBe(true);
        await expectRollupsCurrent(db);
        await expectMapsCurrent(db, study);

        // A second file: more records, and a visit the store holds as open comes back ended in another session
        // (the import takes it: a replace that moves it).
        const next = exportOf(second);
        if (visits.length) {
          visits[0] = { ...visits[0]!, sessionId: sessions.at(-1)!.id, leftAt: visits[0]!.enteredAt + 1, endedBy: 'link' };
          next.visits = [...visits];
        }
        expect((await applyImport(db, JSON.stringify(next))).ok).toBe(true);
        await expectRollupsCurrent(db);
        // For a time filter too (orphans count by their time).
        await expectMapsCurrent(db, study, [{}, { from }, { personaIds: [persona.id] }]);

        // Old sessions deleted with their records (the retention feature), then the rollups of those sessions mended.
        const gone = sessions[removed % sessions.length]!;
        const tx = db.transaction(['rollups', 'visits', 'signals', 'responses', 'sessions'], 'readwrite');
        const deleted: { studyId: string; sessionId: string | null }[] = [];
        for (const name of ['visits', 'signals', 'responses'] as const) {
          const index = tx.objectStore(name as 'signals').index('bySession');
          const range = name === 'visits' ? IDBKeyRange.bound([gone.id, 0], [gone.id, Number.MAX_SAFE_INTEGER]) : gone.id;
          for (const record of await index.getAll(range as string)) {
            deleted.push(record);
            await tx.objectStore(name as 'signals').delete(record.id);
          }
        }
        await tx.objectStore('sessions').delete(gone.id);
        await rebuildRollups(rollupTx(tx), deleted);
        await tx.done;
        await expectRollupsCurrent(db);
        await expectMapsCurrent(db, study);

        // Retention's deletion of another session.
        await store.deleteRecorded(db, { sessionIds: [sessions[(removed + 1) % sessions.length]!.id], feedbackIds: [] });
        await expectRollupsCurrent(db);
        await expectMapsCurrent(db, study);

        await store.deleteStudy(db, study.id);
        expect(await db.getAll('rollups')).toEqual([]);
        db.close();
      }),
      { numRuns: 40 },
    );
  });

  it('count a visit’s exit and dead end once when a session added to the summary later holds one of them too', async () => {
    const LOW = '00000000-0000-4000-8000-000000000000';
    const HIGH = 'ffffffff-ffff-4fff-bfff-ffffffffffff';
    for (const kind of ['exit', 'dead_end'] as const) {
      for (const [summed, later] of [[LOW, HIGH], [HIGH, LOW]] as const) {
        const db = await open();
        const study = testStudy();
        const session: Session = { id: newId(), studyId: study.id, personaId: null, goal: '', role: 'pm', startedAt: 0, endedAt: 10_000, outcome: 'abandoned' };
        const visit: Visit = { id: newId(), studyId: study.id, sessionId: session.id, tabId: 1, url: 'http://127.0.0.1:4310/', title: 'Page', pageKey: '/', stageId: study.stages[0]!.id, ruleId: null, arrival: 'navigate', enteredAt: 1_000, leftAt: 2_000, endedBy: 'link', maxScrollDepth: 0 };
        const file = (records: Partial<StudyExport>): string =>
          JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: 1, study, personas: [], sessions: [], visits: [], signals: [], responses: [], annotations: [], feedback: [], offsite: [], ...records });
        expect((await applyImport(db, file({ sessions: [session], visits: [visit], signals: [{ ...signalOn(visit, kind, 1_500, null), id: summed }] }))).ok).toBe(true);
        await expectMapsCurrent(db, study);
        // The same visit's signal in another session's rollup (one the file does not bring), on another touchpoint.
        const before = await storedSummary(db, study);
        const elsewhere = { ...signalOn(visit, kind, 1_600, null), id: later, sessionId: newId(), pageKey: '/cart', stageId: study.stages[1]!.id };
        expect((await applyImport(db, file({ signals: [elsewhere] }))).ok).toBe(true);
        expect(await storedSummary(db, study)).toEqual(before);
        await expectMapsCurrent(db, study);
        db.close();
      }
    }
  });

  /** A study with one ended session and its summary, after a whole-study map. */
  async function studyWithSummary(db: Db) {
    const study = await store.saveStudy(db, testStudy());
    const session = await store.startSession(db, { studyId: study.id, personaId: null, goal: '', role: 'pm' }, 1_000);
    await applyContentEvents(db, [visitStart(study, session.id, '/', 2_000)], 3);
    await store.stopSession(db, 'abandoned', 3_000);
    await expectMapsCurrent(db, study);
    return { study, summary: (await storedSummary(db, study))! };
  }

  it('add up again a summary stored before summaries listed their rollups, and keep it as a revision', async () => {
    const db = await open();
    const { study, summary } = await studyWithSummary(db);
    const { rollupKeys: _keys, ...old } = summary;
    // Under the key summaries had before revisions.
    await db.delete('rollups', summary.key);
    await db.put('rollups', { ...old, key: `study|${study.id}` } as StudySummary);
    await expectMapsCurrent(db, study);
    expect((await storedSummary(db, study))!.key).toMatch(new RegExp(`^study\\|${study.id}\\|.`));
    db.close();
  });

  it('go on with a summary stored before revisions until a session is added to it', async () => {
    const db = await open();
    const { study, summary } = await studyWithSummary(db);
    await db.delete('rollups', summary.key);
    await db.put('rollups', { ...summary, key: `study|${study.id}` });
    await expectMapsCurrent(db, study);
    expect((await storedSummary(db, study))!.key).toBe(`study|${study.id}`);
    const next = await store.startSession(db, { studyId: study.id, personaId: null, goal: '', role: 'pm' }, 4_000);
    await applyContentEvents(db, [visitStart(study, next.id, '/cart', 5_000)], 3);
    await store.stopSession(db, 'goal_reached', 6_000);
    await expectMapsCurrent(db, study);
    expect((await storedSummary(db, study))!.key).not.toBe(`study|${study.id}`);
    db.close();
  });

  it('read the summary’s key, not the summary, for a map after the running session recorded', async () => {
    const db = await open();
    const { study, summary } = await studyWithSummary(db);
    const session = await store.startSession(db, { studyId: study.id, personaId: null, goal: '', role: 'pm' }, 4_000);
    const read = vi.spyOn(IDBObjectStore.prototype, 'get');
    try {
      for (const [i, page] of ['/', '/cart', '/'].entries()) {
        await applyContentEvents(db, [visitStart(study, session.id, page, 5_000 + i * 1_000)], 3);
        read.mockClear();
        await journeyMap(db, study.id, {});
        expect(read.mock.calls.filter(([key]) => key === summary.key)).toEqual([]);
        // Each map adds the running session to a merge of its own: the summary held stays as stored.
        await expectMapsCurrent(db, study);
      }
    } finally {
      read.mockRestore();
    }
    // The store still holds what was written: holding it changed nothing.
    expect(await storedSummary(db, study)).toEqual(summary);
    db.close();
  });

  it('never take a summary held in memory for one stored since, whatever wrote it', async () => {
    const db = await open();
    const { study, summary } = await studyWithSummary(db);
    // Another writer's summary of the same study (as a second worker, or an older build, could leave): a new key.
    const other: StudySummary = { ...summary, key: `study|${study.id}|${newId()}`, merged: { ...summary.merged, counts: { visits: 99, signals: 0, responses: 0 } } };
    await db.delete('rollups', summary.key);
    await db.put('rollups', other);
    const map = await journeyMap(db, study.id, {});
    expect(map!.aggregate.counts.visits).toBe(99);
    db.close();
  });

  it('give the popup a session’s signal counts and its latest signals', async () => {
    const db = await open();
    const study = await store.saveStudy(db, testStudy());
    const session = await store.startSession(db, { studyId: study.id, personaId: null, goal: '', role: 'pm' }, 1_000);
    const start = visitStart(study, session.id, '/', 2_000);
    const visit: Visit = { ...start.visit, tabId: 3, leftAt: null, maxScrollDepth: 0, endedBy: null };
    const signals = [1, 2, 3, 4, 5, 6, 7].map((i) => signalOn(visit, i % 2 ? 'dead_click' : 'rage_click', 2_000 + i * 10, null));
    await applyContentEvents(db, [start, ...signals.map((signal) => ({ kind: 'signal' as const, eventId: newId(), signal }))], 3);
    const summary = await sessionSummary(db, session);
    expect(summary.signalCounts).toEqual({ dead_click: 4, rage_click: 3 });
    expect(summary.latestSignals.map((s) => s.at)).toEqual([2_070, 2_060, 2_050, 2_040, 2_030]);
    db.close();
  });
});
