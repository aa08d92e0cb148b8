import { unwrap, type IDBPObjectStore, type IDBPTransaction } from 'idb';
import { emptyMerged, forkMerged, isStudySummary, isStudySummaryKey, RollupAdder, studySummaryKey, summaryKeys, type EarlierFirsts, type FirstsPart, type MergedRollups, type StudySummary } from '../../core/health/merged-rollups';
import { newId } from '../../core/records/common';
import type { SurveyResponse } from '../../core/records/response';
import type { Signal } from '../../core/records/signal';
import type { Visit } from '../../core/records/visit';
import { addSignal, isEmptyRollup, responsePart, rollupKey, rollupOf, touchpointKey, visitPart, type FirstOfVisit, type SessionRollup } from '../../core/health/session-rollup';
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

/** Writes a session's rollup; a study summary that added it up is dropped (added up again when next asked for). */
function save(tx: RollupTx, rollup: SessionRollup): Promise<unknown> {
  const store = tx.objectStore('rollups');
  return Promise.all([rollup.inSummary && deleteSummaries(store, rollup.studyId), isEmptyRollup(rollup) ? store.delete(rollup.key) : store.put(rollup)]);
}

/** Every summary of the study, of any revision (merged-rollups.ts). */
function deleteSummaries(store: { delete(key: string | IDBKeyRange): Promise<void> }, studyId: string): Promise<unknown> {
  const { bare, revisions } = summaryKeys(studyId);
  return Promise.all([store.delete(bare), store.delete(IDBKeyRange.bound(revisions, `${revisions}\uffff`))]);
}

/** The session rollup stored under a session key (a study summary never is: its key is not one). */
export function asSessionRollup(stored: SessionRollup | StudySummary | undefined): SessionRollup | undefined {
  return stored && !isStudySummary(stored) ? stored : undefined;
}

/** Typed read-write for its writes; may be read-only (then nothing is written, see `wholeStudyRollups`). */
type SummaryTx = IDBPTransaction<JourneyDb, ('rollups' | 'signals')[], 'readwrite'>;

/** Whether a rollup may still change by recording: the running session's, or that of answers given outside a session. */
function isOpen(key: string, studyId: string, running: string | null): boolean {
  return key === running || key === rollupKey(studyId, null);
}

/**
 * The last study summaries read or written, by study: a map after a page's events (which leave the summary alone)
 * reads the summary's key, not its megabyte. Held while their key is the study's summary key; their walks and
 * answers, which every map shares with them (`forkMerged`), are frozen, so nothing can change what is held.
 */
const held = new Map<string, StudySummary>();
const HELD_STUDIES = 4;

function hold(summary: StudySummary): void {
  for (const walk of summary.merged.walks) deepFreeze(walk);
  for (const verbatim of summary.merged.verbatims) Object.freeze(verbatim);
  held.delete(summary.studyId);
  if (held.size >= HELD_STUDIES) held.delete(held.keys().next().value!);
  held.set(summary.studyId, summary);
}

function deepFreeze(value: object): void {
  Object.freeze(value);
  for (const inner of Object.values(value)) if (inner !== null && typeof inner === 'object' && !Object.isFrozen(inner)) deepFreeze(inner);
}

/** The study's summary stored under `key`: held, or read (and held unless its key is not a revision). */
async function summaryAt(store: IDBPObjectStore<JourneyDb, ('rollups' | 'signals')[], 'rollups', 'readwrite'>, studyId: string, key: string): Promise<StudySummary | undefined> {
  const kept = held.get(studyId);
  if (kept?.key === key) return kept;
  const stored = await store.get(key);
  // A summary stored before summaries listed their rollups is added up again (its sum would count them twice).
  if (!stored || !isStudySummary(stored) || !stored.rollupKeys) return undefined;
  if (key !== summaryKeys(studyId).bare) hold(stored);
  return stored;
}

/**
 * For the visits with an exit or a dead end in these rollups: their first such signal in the rollups with `summed`
 * keys (another session's signal of a visit can only come from an import), read from the signals — a summary keeps
 * counts, not each visit's first.
 */
async function earlierFirsts(tx: SummaryTx, studyId: string, summed: ReadonlySet<string>, rollups: readonly SessionRollup[]): Promise<EarlierFirsts> {
  if (!summed.size) return () => undefined;
  const found: Record<FirstsPart, Map<string, FirstOfVisit>> = { exits: new Map(), deadEnds: new Map() };
  const visitIds = new Set(rollups.flatMap((r) => [...Object.keys(r.signals.exits), ...Object.keys(r.signals.deadEnds)]));
  const byVisit = tx.objectStore('signals').index('byVisit');
  await Promise.all(
    [...visitIds].map(async (visitId) => {
      for (const signal of await byVisit.getAll(visitId)) {
        const part = signal.kind === 'exit' ? 'exits' : signal.kind === 'dead_end' ? 'deadEnds' : null;
        if (!part || signal.studyId !== studyId || !summed.has(rollupKey(studyId, signal.sessionId))) continue;
        const had = found[part].get(visitId);
        if (!had || signal.id < had[0]) found[part].set(visitId, [signal.id, touchpointKey(signal.stageId, signal.pageKey)]);
      }
    }),
  );
  return (part, visitId) => found[part].get(visitId);
}

/**
 * The study's session rollups added up, within `tx`: its summary, and the rollups not in it — settled ones are
 * added to it and kept (marked `inSummary`) as the summary's next revision, open ones (`isOpen`) are added for this
 * read only. Undefined when a settled one had to be added but `tx` is read-only. `running`: the running session's id.
 */
export async function wholeStudyRollups(tx: SummaryTx, studyId: string, running: string | null): Promise<MergedRollups | undefined> {
  const store = tx.objectStore('rollups');
  const keys = await store.index('byStudy').getAllKeys(studyId);
  const summaries = keys.filter((k) => isStudySummaryKey(k, studyId));
  // Two summaries are never written; should a store hold them, neither is trusted.
  const stored = summaries.length === 1 ? await summaryAt(store, studyId, summaries[0]!) : undefined;
  const summed = new Set(stored?.rollupKeys);
  const missing = keys.filter((k) => !isStudySummaryKey(k, studyId) && !summed.has(k));
  if ((tx.mode as IDBTransactionMode) === 'readonly' && missing.some((k) => !isOpen(k, studyId, running))) return undefined;
  // Without a summary, all of them: in one request.
  const read = summed.size ? await Promise.all(missing.map((k) => store.get(k))) : await store.index('byStudy').getAll(studyId);
  const rollups = read.map(asSessionRollup).filter((r) => r !== undefined);
  const adder = new RollupAdder(stored ? forkMerged(stored.merged) : emptyMerged(), await earlierFirsts(tx, studyId, summed, rollups));
  const settled = rollups.filter((r) => !isOpen(r.key, studyId, running));
  if (settled.length) {
    adder.add(settled);
    const next: StudySummary = { key: studySummaryKey(studyId, newId()), studyId, merged: adder.merged, rollupKeys: [...summed, ...settled.map((r) => r.key)] };
    // Held as stored, before this read adds the open rollups to its own merge.
    const kept = { ...next, merged: forkMerged(next.merged) };
    await Promise.all([
      ...summaries.map((k) => store.delete(k)),
      store.put(next),
      ...settled.filter((r) => !r.inSummary).map((r) => store.put({ ...r, inSummary: true })),
    ]);
    tx.done.then(() => hold(kept), () => undefined);
  }
  return adder.add(rollups.filter((r) => isOpen(r.key, studyId, running)));
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
    [...unique.entries()].map(async ([key, ref]) => {
      const [records, stored] = await Promise.all([readSessionRecords(tx, ref), tx.objectStore('rollups').get(key)]);
      const rollup = rollupOf(ref.studyId, ref.sessionId, records);
      // Its study's summary added up what it held: saving it drops that.
      if (asSessionRollup(stored)?.inSummary) rollup.inSummary = true;
      await save(tx, rollup);
    }),
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
