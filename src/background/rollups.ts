import { unwrap, type IDBPTransaction, type StoreNames } from 'idb';
import { isStudySummary, mergeRollups, studySummaryKey, type MergedRollups, type StudySummary } from '../core/health/merged-rollups';
import type { SurveyResponse } from '../core/records/response';
import type { Signal } from '../core/records/signal';
import type { Visit } from '../core/records/visit';
import { addSignal, compareText, isEmptyRollup, responsePart, rollupKey, rollupOf, visitPart, type SessionRollup } from '../core/health/session-rollup';
import type { JourneyDb } from './schema';

/**
 * Keeps each session's rollup (core/health/session-rollup.ts) equal to its records: every write of a visit, signal
 * or answer goes through a `RollupWriter` in the same transaction, so the two land together or not at all.
 */

export const ROLLUP_STORES = ['rollups', 'visits', 'signals', 'responses'] as const;
type RollupTx = IDBPTransaction<JourneyDb, (typeof ROLLUP_STORES)[number][], 'readwrite'>;

/** A transaction over (at least) the rollup stores; idb types a transaction by its exact list of stores. */
export function rollupTx(tx: IDBPTransaction<JourneyDb, never[], 'readwrite'> | object): RollupTx {
  return tx as RollupTx;
}

/** Which rollup a record counts in. */
export interface RollupRef {
  studyId: string;
  sessionId: string | null;
}

function readVisits(tx: RollupTx, ref: RollupRef): Promise<Visit[]> {
  // Visits and signals always belong to a session; only answers may belong to none.
  if (ref.sessionId === null) return Promise.resolve([]);
  return tx.objectStore('visits').index('bySession').getAll(IDBKeyRange.bound([ref.sessionId, 0], [ref.sessionId, Number.MAX_SAFE_INTEGER]));
}

function readSignals(tx: RollupTx, ref: RollupRef): Promise<Signal[]> {
  return ref.sessionId === null ? Promise.resolve([]) : tx.objectStore('signals').index('bySession').getAll(ref.sessionId);
}

async function readResponses(tx: RollupTx, ref: RollupRef): Promise<SurveyResponse[]> {
  if (ref.sessionId !== null) return tx.objectStore('responses').index('bySession').getAll(ref.sessionId);
  // Answers of no session are not in the bySession index (null is not a key).
  return (await tx.objectStore('responses').index('byStudy').getAll(ref.studyId)).filter((r) => r.sessionId === null);
}

export async function readSessionRecords(tx: RollupTx, ref: RollupRef) {
  const [visits, signals, responses] = await Promise.all([readVisits(tx, ref), readSignals(tx, ref), readResponses(tx, ref)]);
  return { visits, signals, responses };
}

/** Writes a session's rollup, and drops its study's summary: added up again when next asked for. */
function save(tx: RollupTx, rollup: SessionRollup): Promise<unknown> {
  const store = tx.objectStore('rollups');
  return Promise.all([store.delete(studySummaryKey(rollup.studyId)), isEmptyRollup(rollup) ? store.delete(rollup.key) : store.put(rollup)]);
}

/** The session rollup stored under a session key (a study summary never is: its key is not one). */
export function asSessionRollup(stored: SessionRollup | StudySummary | undefined): SessionRollup | undefined {
  return stored && !isStudySummary(stored) ? stored : undefined;
}

/**
 * The study's summary: the stored one, or one added up from its session rollups now and stored, within `tx` — a
 * read-write transaction, so no write lands between the reading and the keeping.
 */
export async function studySummary(tx: IDBPTransaction<JourneyDb, ('rollups' | StoreNames<JourneyDb>)[], 'readwrite'>, studyId: string): Promise<MergedRollups> {
  const store = tx.objectStore('rollups');
  const stored = await store.get(studySummaryKey(studyId));
  if (stored && isStudySummary(stored)) return stored.merged;
  const rollups = (await store.index('byStudy').getAll(studyId)).map(asSessionRollup).filter((r) => r !== undefined).sort((a, b) => compareText(a.key, b.key));
  const merged = mergeRollups(rollups);
  await store.put({ key: studySummaryKey(studyId), studyId, merged });
  return merged;
}

/**
 * Recomputes the rollups of these sessions from their records, within `tx`: after an import, a deletion (a study,
 * old sessions), or anything else that wrote records without a `RollupWriter`. A session left without records
 * loses its rollup.
 */
export async function rebuildRollups(tx: RollupTx, refs: Iterable<RollupRef>): Promise<void> {
  const unique = new Map<string, RollupRef>();
  for (const ref of refs) unique.set(rollupKey(ref.studyId, ref.sessionId), ref);
  await Promise.all(
    [...unique.values()].map(async (ref) => save(tx, rollupOf(ref.studyId, ref.sessionId, await readSessionRecords(tx, ref)))),
  );
}

/** Every rollup of the database, from its records: the upgrade that introduced them. */
export async function rebuildAllRollups(tx: RollupTx): Promise<void> {
  const [visits, signals, responses] = await Promise.all([
    tx.objectStore('visits').getAll(),
    tx.objectStore('signals').getAll(),
    tx.objectStore('responses').getAll(),
  ]);
  const groups = new Map<string, { ref: RollupRef; visits: Visit[]; signals: Signal[]; responses: SurveyResponse[] }>();
  const group = (ref: RollupRef) => {
    const key = rollupKey(ref.studyId, ref.sessionId);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ref, visits: [], signals: [], responses: [] }));
    return g;
  };
  for (const visit of visits) group(visit).visits.push(visit);
  for (const signal of signals) group(signal).signals.push(signal);
  for (const response of responses) group(response).responses.push(response);
  await Promise.all([...groups.values()].map(({ ref, ...records }) => save(tx, rollupOf(ref.studyId, ref.sessionId, records))));
}

/**
 * The writes of one transaction to visits, signals and answers, with their sessions' rollups: signals are added to
 * their rollup as they are written (the bulk of what is recorded), while the visits and answers of a session are
 * read again at the end (a few dozen) — a visit changes after it is written (left, retagged).
 */
export class RollupWriter {
  private readonly rollups = new Map<string, Promise<SessionRollup>>();
  private readonly staleVisits = new Map<string, RollupRef>();
  private readonly staleResponses = new Map<string, RollupRef>();

  constructor(private readonly tx: RollupTx) {}

  private rollup(ref: RollupRef): Promise<SessionRollup> {
    const key = rollupKey(ref.studyId, ref.sessionId);
    let rollup = this.rollups.get(key);
    if (!rollup) {
      rollup = this.tx
        .objectStore('rollups')
        .get(key)
        .then((stored) => asSessionRollup(stored) ?? rollupOf(ref.studyId, ref.sessionId, { visits: [], signals: [], responses: [] }));
      this.rollups.set(key, rollup);
    }
    return rollup;
  }

  /**
   * Signals already stored (a batch sent again) change nothing; the rest are written and counted. Bursts bring
   * hundreds: they are added with the plain IndexedDB API (one request each, no promise each), and an id already
   * stored is told by the add itself failing, which is handled so the transaction goes on.
   */
  async signals(list: readonly Signal[]): Promise<void> {
    if (!list.length) return;
    const store = unwrap(this.tx.objectStore('signals'));
    const added: Signal[] = [];
    await new Promise<void>((done, fail) => {
      let pending = list.length;
      const settled = () => --pending === 0 && done();
      for (const signal of list) {
        const request = store.add(signal);
        request.onsuccess = () => {
          added.push(signal);
          settled();
        };
        request.onerror = (event) => {
          if (request.error?.name !== 'ConstraintError') return fail(request.error);
          event.preventDefault();
          event.stopPropagation();
          settled();
        };
      }
    });
    for (const signal of added) addSignal((await this.rollup(signal)).signals, signal);
  }

  visit(visit: Visit): Promise<unknown> {
    this.staleVisits.set(rollupKey(visit.studyId, visit.sessionId), visit);
    void this.rollup(visit);
    return this.tx.objectStore('visits').put(visit);
  }

  response(response: SurveyResponse): Promise<unknown> {
    this.staleResponses.set(rollupKey(response.studyId, response.sessionId), response);
    void this.rollup(response);
    return this.tx.objectStore('responses').put(response);
  }

  /** Waits for the writes, brings the touched rollups up to date and writes them. Call once, before `tx.done`. */
  async finish(): Promise<void> {
    await Promise.all(
      [...this.rollups.entries()].map(async ([key, pending]) => {
        const rollup = await pending;
        const visitsOf = this.staleVisits.get(key);
        const responsesOf = this.staleResponses.get(key);
        if (visitsOf) rollup.visits = visitPart(await readVisits(this.tx, visitsOf));
        if (responsesOf) rollup.responses = responsePart(await readResponses(this.tx, responsesOf));
        await save(this.tx, rollup);
      }),
    );
  }
}
