import type PouchDB from 'pouchdb-core';
import { openMirror, Pouch, type Doc, type Replication } from './pouchdb';
import { canonicalJson, RECORD_KINDS } from '../../core/exchange/merge';
import { conflictLabel, docId, EDITABLE_KINDS, readDoc, SCREENSHOT_ATTACHMENT, toDoc, type SyncRecord } from '../../core/sync/doc';
import { databaseUrl, syncErrorOf, type SyncConflict, type SyncSettings, type SyncStatus } from '../../core/sync/settings';
import { screenshotBlob, studyRecordSet } from '../store/queries';
import { applySynced, rebuildSynced, type Incoming } from '../store/synced';
import type { RollupRef } from '../store/rollups';
import type { Db } from '../store/schema';

/** What the engine keeps across worker stops, in the mirror's own local (never replicated) document. */
interface EngineState {
  _id: string;
  _rev?: string;
  /** The mirror's changes up to here are in IndexedDB. */
  appliedSeq: number | string;
  lastSyncAt: number | null;
  refused: { id: string; reason: string }[];
  conflicts: SyncConflict[];
  /** Set until the first sync has applied what the server held when it started. */
  firstTotal: number | null;
  /** After a first load: where the replication starts (given once; PouchDB then keeps its own checkpoints). */
  pullSince?: number | string;
  pushSince?: number | string;
  /** Set while a first load's documents are written into the mirror: from where, and after which id. */
  mirrorFill?: { since: number | string; after: string | null };
  [field: string]: unknown;
}

const STATE_ID = '_local/journey-lens';
/** Documents applied per IndexedDB transaction, and written per bulk request. */
const BATCH = 1000;
const KEEP_REFUSED = 100;
/** A replication that stopped on an error starts again after this long. */
const RESTART_MS = 3000;
/** Documents per page of a first load. */
const LOAD_PAGE = 5000;

export interface EngineDeps {
  /** The database once the acknowledged page events are applied. */
  db: () => Promise<Db>;
  now: () => number;
  /** Something was written from the team database: cached maps are stale; a study's scope may have changed. */
  applied: (studyChanged: boolean) => void;
}

/** The mirror's current version of a document, as far as this engine wrote or applied it. */
interface Known {
  rev: string;
  /** What a local change would alter (see `printOf`). */
  print: string;
  shot: boolean;
}

/**
 * What of a record can change here, kept per document instead of the record (a long study has 100k): all of an
 * edited kind's content; whether a session or visit has ended; nothing of the rest, which is never rewritten.
 */
function printOf(item: SyncRecord): string {
  if (EDITABLE_KINDS.has(item.kind)) return canonicalJson(item.record);
  if (item.kind === 'sessions') return item.record.endedAt === null ? 'open' : 'ended';
  if (item.kind === 'visits') return item.record.leftAt === null ? 'open' : 'ended';
  return '';
}

const randomRev = (): string => crypto.randomUUID().replace(/-/g, '');

/**
 * One study's team sync: PouchDB replicates (live, with checkpoints, so a worker stop resumes where it was)
 * between the team database and a local mirror; this engine moves records from IndexedDB into the mirror and
 * what the mirror received into IndexedDB, checked by the records' schemas. All of it runs one step at a time.
 */
export class SyncEngine {
  private readonly local: PouchDB;
  private readonly remote: PouchDB;
  private replication: Replication | null = null;
  private readonly known = new Map<string, Known>();
  private state!: EngineState;
  private steps: Promise<unknown> = Promise.resolve();
  private dirty = true;
  private applyQueued = false;
  private pushTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private pushPending = 0;
  private pullPending = 0;
  private applied = 0;
  status: SyncStatus;

  constructor(
    readonly settings: SyncSettings,
    private readonly deps: EngineDeps,
  ) {
    this.local = openMirror(mirrorName(settings.studyId));
    const auth = settings.username ? { auth: { username: settings.username, password: settings.password } } : {};
    this.remote = new Pouch(databaseUrl(settings), auth);
    const { studyId, url, database, screenshots, username } = settings;
    this.status = { studyId, url, database, screenshots, username, state: 'starting', lastSyncAt: null, pending: 0, error: null, progress: null, refused: [], conflicts: [] };
  }

  async start(): Promise<void> {
    this.state = await this.local.get(STATE_ID).then(
      (doc) => doc as EngineState,
      () => ({ _id: STATE_ID, appliedSeq: 0, lastSyncAt: null, refused: [], conflicts: [], firstTotal: null }),
    );
    if (this.state.appliedSeq === 0 && this.state.firstTotal === null && !this.state.mirrorFill) {
      this.state.firstTotal = await this.remote.info().then((info) => info.doc_count, () => null);
    }
    this.publish();
    await this.loadKnown();
    if (this.state.appliedSeq === 0 && this.state.firstTotal && !this.state.mirrorFill) await this.step(() => this.firstLoad());
    if (this.state.mirrorFill) await this.step(() => this.fillMirror(this.state.mirrorFill!));
    await this.step(() => this.applyChanges());
    await this.step(() => this.push());
    this.replicate();
  }

  /** The live replication both ways; started again after an error it does not retry by itself. */
  private replicate(): void {
    if (this.stopped) return;
    const { pullSince, pushSince } = this.state;
    this.replication = Pouch.sync(this.local, this.remote, {
      live: true,
      retry: true,
      ...(pullSince !== undefined ? { pull: { since: pullSince } } : {}),
      ...(pushSince !== undefined ? { push: { since: pushSince } } : {}),
      batch_size: 500,
      batches_limit: 4,
      // Back online within seconds of the server's return, not PouchDB's default of up to ten minutes.
      back_off_function: (delay: number) => (delay === 0 ? 1000 : Math.min(delay * 2, 5000)),
    })
      .on('change', (info) => {
        const pending = info.change?.pending ?? 0;
        if (info.direction === 'pull') {
          this.pullPending = pending;
          this.queueApply();
        } else this.pushPending = pending;
        this.status.state = 'syncing';
        this.status.error = null;
        this.publish();
      })
      .on('active', () => {
        this.status.state = 'syncing';
        this.status.error = null;
        this.publish();
      })
      .on('paused', (error) => {
        if (error) return this.failed(error);
        if (this.state.pullSince !== undefined || this.state.pushSince !== undefined) {
          // Both directions wrote their checkpoints before they first paused: from now on they go by those. PouchDB
          // would start every retry of this replication from `since` again, so it is started anew without it.
          delete this.state.pullSince;
          delete this.state.pushSince;
          void this.step(() => this.saveState()).then(() => {
            this.replication?.cancel();
            this.replicate();
          });
        }
        this.pushPending = this.pullPending = 0;
        this.status.state = 'idle';
        this.status.error = null;
        this.state.lastSyncAt = this.deps.now();
        this.publish();
      })
      .on('denied', (error) => this.failed(error))
      .on('error', (error) => {
        this.failed(error);
        this.replication?.cancel();
        setTimeout(() => this.replicate(), RESTART_MS);
      });
    // A request failing while the replication was idle (the server went away) says so only here.
    for (const direction of [this.replication.push, this.replication.pull]) direction?.on('requestError', (error) => this.failed(error));
  }

  stop(): Promise<void> {
    this.stopped = true;
    this.replication?.cancel();
    if (this.pushTimer) clearTimeout(this.pushTimer);
    return this.steps.then(() => undefined, () => undefined);
  }

  /** Turned off for good: the mirror goes too (turning it on again sends everything again, by the same ids). */
  async destroy(): Promise<void> {
    await this.stop();
    await this.local.destroy();
  }

  /** Something was written here: send it, once the writes calm down. */
  localChanged(): void {
    this.dirty = true;
    if (this.pushTimer || this.stopped) return;
    this.pushTimer = setTimeout(() => {
      this.pushTimer = null;
      void this.step(() => this.push());
    }, 300);
  }

  /** The person picked `rev` among a conflict's versions: it becomes the one version everywhere. */
  resolve(id: string, rev: string): Promise<void> {
    return this.step(async () => {
      const current = await this.local.get(id, { conflicts: true });
      const chosen = rev === current._rev ? current : await this.local.get(id, { rev });
      if (chosen !== current) await this.local.put({ ...chosen, _id: id, _rev: current._rev, _conflicts: undefined });
      for (const other of current._conflicts ?? []) await this.local.remove(id, other);
      await this.applyChanges();
    });
  }

  private step<T>(run: () => Promise<T>): Promise<T> {
    const next = this.steps.then(() => (this.stopped ? (undefined as T) : run()));
    this.steps = next.catch((error: unknown) => this.failed(error));
    return next;
  }

  private queueApply(): void {
    if (this.applyQueued) return;
    this.applyQueued = true;
    void this.step(async () => {
      this.applyQueued = false;
      // A local edit not yet in the mirror goes first, so an incoming version meets it as a conflict.
      if (this.dirty) await this.push();
      await this.applyChanges();
    });
  }

  private failed(error: unknown): void {
    this.status.state = 'error';
    this.status.error = syncErrorOf(error);
    this.publish();
    const { status, name, message, reason } = (error ?? {}) as Record<string, unknown>;
    console.warn('[Journey Lens] team sync:', JSON.stringify({ status, name, message, reason }));
  }

  private publish(): void {
    const total = this.state?.firstTotal ?? null;
    this.status.lastSyncAt = this.state?.lastSyncAt ?? null;
    this.status.pending = this.pushPending + this.pullPending;
    this.status.progress = total !== null ? { done: Math.min(this.applied, total), total } : null;
    this.status.refused = this.state?.refused ?? [];
    this.status.conflicts = this.state?.conflicts ?? [];
  }

  private async saveState(): Promise<void> {
    const { rev } = await this.local.put(this.state);
    this.state._rev = rev;
    this.publish();
  }

  /** What the mirror holds, for telling local edits from what is there already. */
  private async loadKnown(): Promise<void> {
    const { rows } = await this.local.allDocs({ include_docs: true });
    for (const row of rows) {
      const read = row.doc && readDoc(row.doc, this.settings.studyId);
      if (read?.ok) this.known.set(row.id, { rev: row.value.rev, print: printOf(read), shot: read.shot });
    }
  }

  /**
   * The first sync of a study the server already holds, in two passes. First its documents, read page by page
   * (CouchDB's `_all_docs` costs a fraction of the replication's changes feed and `_bulk_get` per document), go
   * into IndexedDB, the touched sessions' rollups rebuilt once at the end: the study is all there to see. Then
   * the same pages go into the mirror with their revisions (`fillMirror`), which the two passes would otherwise
   * share IndexedDB for; the replication starts after it, from the server's sequence before the first page.
   */
  private async firstLoad(): Promise<void> {
    this.status.state = 'syncing';
    const since = (await this.remote.info()).update_seq;
    // The study's configuration first: the options page lists the study at once, with its progress.
    const study = await this.remote.allDocs({ include_docs: true, startkey: 'study:', endkey: 'study:\uffff' });
    await this.applyDocs(study.rows.flatMap((row) => (row.doc ? [row.doc] : [])));
    const rollups: RollupRef[] = [];
    // The next page is fetched while this one is written.
    let next = this.loadPage(null);
    for (;;) {
      const { docs, last } = await next;
      if (last === null) break;
      next = this.loadPage(last);
      await this.applyDocs(docs, rollups);
    }
    await rebuildSynced(await this.deps.db(), rollups);
    this.state.firstTotal = null;
    this.state.mirrorFill = { since, after: null };
    await this.saveState();
  }

  /**
   * The first load's second pass: the server's documents into the mirror as they are. One that changed since
   * the first pass (its revision is not the one applied) is applied now too. Resumable: it goes on after the last
   * page written. Nothing is sent meanwhile (see `push`).
   */
  private async fillMirror(fill: { since: number | string; after: string | null }): Promise<void> {
    this.status.state = 'syncing';
    let next = this.loadPage(fill.after);
    for (;;) {
      const { docs, last } = await next;
      if (last === null) break;
      next = this.loadPage(last);
      const changed = docs.filter((doc) => this.known.get(doc._id)?.rev !== doc._rev);
      await this.local.bulkDocs(docs, { new_edits: false });
      if (changed.length) await this.applyDocs(changed);
      this.state.mirrorFill = { ...fill, after: last };
      await this.saveState();
    }
    delete this.state.mirrorFill;
    this.state.pullSince = fill.since;
    this.state.pushSince = this.state.appliedSeq = (await this.local.info()).update_seq;
    await this.saveState();
  }

  /** A page of the server's documents after `after`, screenshots included. */
  private async loadPage(after: string | null): Promise<{ docs: Doc[]; last: string | null }> {
    const page = await this.remote.allDocs({ include_docs: true, limit: LOAD_PAGE, ...(after !== null ? { startkey: after, skip: 1 } : {}) });
    const docs = await Promise.all(
      page.rows.flatMap((row) => (row.doc && !row.id.startsWith('_') ? [row.doc] : [])).map((doc) => (doc._attachments ? this.remote.get(doc._id, { rev: doc._rev!, attachments: true, binary: true }) : doc)),
    );
    return { docs, last: page.rows.at(-1)?.id ?? null };
  }

  /** What the mirror received since last time, checked, into IndexedDB. */
  private async applyChanges(): Promise<void> {
    for (;;) {
      const { results, last_seq } = await this.local.changes({ since: this.state.appliedSeq, include_docs: true, conflicts: true, limit: BATCH });
      if (!results.length) return;
      // Records are never deleted through a team database; a removed conflict version leaves the winner.
      await this.applyDocs(results.flatMap(({ doc, deleted }) => (doc && !deleted ? [doc] : [])));
      this.state.appliedSeq = last_seq;
      await this.saveState();
    }
  }

  /** Checked documents into IndexedDB; the refused are listed, never stored. */
  private async applyDocs(docs: readonly Doc[], rollups?: RollupRef[]): Promise<void> {
    const items: Incoming[] = [];
    const refused: { id: string; reason: string }[] = [];
    for (const doc of docs) {
      const id = doc._id;
      if (id.startsWith('_')) continue;
      const read = readDoc(doc, this.settings.studyId);
      if (!read.ok) {
        refused.push({ id: read.id, reason: read.reason });
        continue;
      }
      this.noteConflict(id, doc, read);
      const known = this.known.get(id);
      this.known.set(id, { rev: doc._rev!, print: printOf(read), shot: read.shot });
      if (known?.rev === doc._rev) continue;
      const attached = doc._attachments?.[SCREENSHOT_ATTACHMENT]?.data;
      const shot = read.shot ? (attached ?? (await this.local.getAttachment(id, SCREENSHOT_ATTACHMENT).catch(() => undefined))) : undefined;
      items.push({ ...read, docId: id, ...(shot ? { shot } : {}) } as Incoming);
    }
    for (const conflict of this.state.conflicts) await this.describeConflict(conflict);
    // A study's configuration first: the records of a study new here need it stored.
    items.sort((a, b) => Number(b.kind === 'study') - Number(a.kind === 'study'));
    refused.push(...(await applySynced(await this.deps.db(), this.settings.studyId, items, rollups)));
    for (const { id } of refused) this.known.delete(id);
    this.applied += docs.length;
    this.state.refused = [...refused, ...this.state.refused].slice(0, KEEP_REFUSED);
    // A first load says it is done once the rollups are rebuilt too.
    if (!rollups && this.state.firstTotal !== null && this.applied >= this.state.firstTotal) this.state.firstTotal = null;
    this.publish();
    if (items.length) this.deps.applied(items.some((item) => item.kind === 'study'));
  }

  /** Keeps the list of conflicts (edited kinds only) in step with the mirror. */
  private noteConflict(id: string, doc: Doc, read: SyncRecord): void {
    const others = EDITABLE_KINDS.has(read.kind) ? (doc._conflicts ?? []) : [];
    const rest = this.state.conflicts.filter((conflict) => conflict.docId !== id);
    this.state.conflicts = others.length
      ? [...rest, { docId: id, kind: read.kind, winner: { rev: doc._rev!, label: conflictLabel(read) }, others: others.map((rev) => ({ rev, label: '' })) }]
      : rest;
  }

  private async describeConflict(conflict: SyncConflict): Promise<void> {
    for (const other of conflict.others) {
      if (other.label) continue;
      const doc = await this.local.get(conflict.docId, { rev: other.rev }).catch(() => null);
      const read = doc && readDoc(doc, this.settings.studyId);
      other.label = read?.ok ? conflictLabel(read) : '?';
    }
  }

  /** Records written here since the last push, into the mirror (the replication takes them on). */
  private async push(): Promise<void> {
    // Until a first load's documents are in the mirror, what is there cannot tell local records from theirs.
    if (this.state.mirrorFill) return;
    this.dirty = false;
    const db = await this.deps.db();
    const set = await studyRecordSet(db, this.settings.studyId);
    if (!set) return;
    const records: SyncRecord[] = [{ kind: 'study', record: set.study }, ...RECORD_KINDS.flatMap((kind) => set[kind].map((record) => ({ kind, record }) as SyncRecord))];
    const fresh: Doc[] = [];
    const freshItems: SyncRecord[] = [];
    for (const item of records) {
      const id = docId(item.kind, item.record.id);
      const known = this.known.get(id);
      const print = printOf(item);
      const wantsShot = this.settings.screenshots && item.kind === 'feedback' && item.record.screenshotId !== null;
      if (!known) {
        fresh.push(await this.docOf(db, item));
        freshItems.push(item);
        continue;
      }
      // An ended session or visit replaces its open copy, never the other way round (the import's rule).
      const edited = known.print !== print && (EDITABLE_KINDS.has(item.kind) || print === 'ended');
      if (edited || (wantsShot && !known.shot)) await this.edit(db, item, known);
    }
    for (let i = 0; i < fresh.length; i += BATCH) {
      const chunk = fresh.slice(i, i + BATCH);
      const items = freshItems.slice(i, i + BATCH);
      const results = await this.local.bulkDocs(chunk);
      results.forEach((result, j) => {
        const doc = chunk[j]!;
        if (result.ok && result.rev) this.known.set(doc._id, { rev: result.rev, print: printOf(items[j]!), shot: doc._attachments !== undefined });
      });
    }
  }

  private async docOf(db: Db, item: SyncRecord): Promise<Doc> {
    const doc: Doc = toDoc(this.settings.studyId, item);
    if (this.settings.screenshots && item.kind === 'feedback' && item.record.screenshotId) {
      const blob = await screenshotBlob(db, item.record.screenshotId);
      if (blob) doc._attachments = { [SCREENSHOT_ATTACHMENT]: { content_type: 'image/png', data: blob } };
    }
    return doc;
  }

  /**
   * An edit made here, on the version it was made from. When the mirror has moved on meanwhile (an edit from
   * elsewhere arrived), it becomes a sibling of that version: a conflict, which CouchDB's rule settles the same
   * way in every copy and which is shown, not dropped.
   */
  private async edit(db: Db, item: SyncRecord, known: Known): Promise<void> {
    const doc = await this.docOf(db, item);
    let rev: string;
    try {
      rev = (await this.local.put({ ...doc, _rev: known.rev })).rev;
    } catch (error) {
      if ((error as { status?: number }).status !== 409) throw error;
      const [depth, hash] = known.rev.split('-');
      const next = randomRev();
      rev = `${Number(depth) + 1}-${next}`;
      await this.local.bulkDocs([{ ...doc, _rev: rev, _revisions: { start: Number(depth) + 1, ids: [next, hash!] } }], { new_edits: false });
      this.queueApply();
    }
    this.known.set(doc._id, { rev, print: printOf(item), shot: doc._attachments !== undefined });
  }
}

/** The local mirror's name: one PouchDB database per synced study. */
export const mirrorName = (studyId: string): string => `journey-lens-sync-${studyId}`;
