import PouchDB, { type Doc, type Replication } from 'pouchdb-browser';
import { canonicalJson, incomingWins, RECORD_KINDS } from '../../core/exchange/merge';
import { conflictLabel, docId, EDITABLE_KINDS, readDoc, SCREENSHOT_ATTACHMENT, toDoc, type SyncRecord } from '../../core/sync/doc';
import { databaseUrl, syncErrorOf, type SyncConflict, type SyncSettings, type SyncStatus } from '../../core/sync/settings';
import { screenshotBlob, studyRecordSet } from '../store/queries';
import { applySynced, type Incoming } from '../store/synced';
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
  [field: string]: unknown;
}

const STATE_ID = '_local/journey-lens';
/** Documents applied per IndexedDB transaction, and written per bulk request. */
const BATCH = 1000;
const KEEP_REFUSED = 100;

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
  json: string;
  shot: boolean;
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
    this.local = new PouchDB(mirrorName(settings.studyId));
    const auth = settings.username ? { auth: { username: settings.username, password: settings.password } } : {};
    this.remote = new PouchDB(databaseUrl(settings), auth);
    const { studyId, url, database, screenshots, username } = settings;
    this.status = { studyId, url, database, screenshots, username, state: 'starting', lastSyncAt: null, pending: 0, error: null, progress: null, refused: [], conflicts: [] };
  }

  async start(): Promise<void> {
    this.state = await this.local.get(STATE_ID).then(
      (doc) => doc as EngineState,
      () => ({ _id: STATE_ID, appliedSeq: 0, lastSyncAt: null, refused: [], conflicts: [], firstTotal: null }),
    );
    if (this.state.appliedSeq === 0 && this.state.firstTotal === null) {
      this.state.firstTotal = await this.remote.info().then((info) => info.doc_count, () => null);
    }
    this.publish();
    await this.loadKnown();
    await this.step(() => this.applyChanges());
    await this.step(() => this.push());
    if (this.stopped) return;
    this.replication = PouchDB.sync(this.local, this.remote, {
      live: true,
      retry: true,
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
        this.pushPending = this.pullPending = 0;
        this.status.state = 'idle';
        this.status.error = null;
        this.state.lastSyncAt = this.deps.now();
        this.publish();
      })
      .on('denied', (error) => this.failed(error))
      .on('error', (error) => this.failed(error));
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
    console.warn('[Journey Lens] team sync:', error);
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
      if (read?.ok) this.known.set(row.id, { rev: row.value.rev, json: canonicalJson(read.record), shot: read.shot });
    }
  }

  /** What the mirror received since last time, checked, into IndexedDB. */
  private async applyChanges(): Promise<void> {
    for (;;) {
      const { results, last_seq } = await this.local.changes({ since: this.state.appliedSeq, include_docs: true, conflicts: true, limit: BATCH });
      if (!results.length) return;
      const items: Incoming[] = [];
      const refused: { id: string; reason: string }[] = [];
      for (const { id, doc, deleted } of results) {
        // Records are never deleted through a team database; a removed conflict version leaves the winner.
        if (deleted || !doc || id.startsWith('_')) continue;
        const read = readDoc(doc, this.settings.studyId);
        if (!read.ok) {
          refused.push({ id: read.id, reason: read.reason });
          continue;
        }
        this.noteConflict(id, doc, read);
        const known = this.known.get(id);
        this.known.set(id, { rev: doc._rev!, json: canonicalJson(read.record), shot: read.shot });
        if (known?.rev === doc._rev) continue;
        const shot = read.shot ? await this.local.getAttachment(id, SCREENSHOT_ATTACHMENT).catch(() => undefined) : undefined;
        items.push({ ...read, docId: id, ...(shot ? { shot } : {}) } as Incoming);
      }
      for (const conflict of this.state.conflicts) await this.describeConflict(conflict);
      // A study's configuration first: the records of a study new here need it stored.
      items.sort((a, b) => Number(b.kind === 'study') - Number(a.kind === 'study'));
      refused.push(...(await applySynced(await this.deps.db(), this.settings.studyId, items)));
      for (const { id } of refused) this.known.delete(id);
      this.applied += results.length;
      this.state.appliedSeq = last_seq;
      this.state.refused = [...refused, ...this.state.refused].slice(0, KEEP_REFUSED);
      if (this.state.firstTotal !== null && this.applied >= this.state.firstTotal) this.state.firstTotal = null;
      await this.saveState();
      if (items.length) this.deps.applied(items.some((item) => item.kind === 'study'));
    }
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
    this.dirty = false;
    const db = await this.deps.db();
    const set = await studyRecordSet(db, this.settings.studyId);
    if (!set) return;
    const records: SyncRecord[] = [{ kind: 'study', record: set.study }, ...RECORD_KINDS.flatMap((kind) => set[kind].map((record) => ({ kind, record }) as SyncRecord))];
    const fresh: Doc[] = [];
    for (const item of records) {
      const id = docId(item.kind, item.record.id);
      const known = this.known.get(id);
      const json = canonicalJson(item.record);
      const wantsShot = this.settings.screenshots && item.kind === 'feedback' && item.record.screenshotId !== null;
      if (!known) {
        fresh.push(await this.docOf(db, item));
        continue;
      }
      const edited = known.json !== json && (EDITABLE_KINDS.has(item.kind) || incomingWins(item.kind as never, JSON.parse(known.json) as never, item.record as never));
      if (edited || (wantsShot && !known.shot)) await this.edit(db, item, known);
    }
    for (let i = 0; i < fresh.length; i += BATCH) {
      const chunk = fresh.slice(i, i + BATCH);
      const results = await this.local.bulkDocs(chunk);
      results.forEach((result, j) => {
        const doc = chunk[j]!;
        if (result.ok && result.rev) this.known.set(doc._id, { rev: result.rev, json: canonicalJson(doc.record), shot: doc._attachments !== undefined });
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
    this.known.set(doc._id, { rev, json: canonicalJson(item.record), shot: doc._attachments !== undefined });
  }
}

/** The local mirror's name: one PouchDB database per synced study. */
export const mirrorName = (studyId: string): string => `journey-lens-sync-${studyId}`;
