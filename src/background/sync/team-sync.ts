import type PouchDB from 'pouchdb-core';
import { Pouch } from './pouchdb';
import { Study } from '../../core/records/study';
import { readDoc } from '../../core/sync/doc';
import { databaseUrl, SyncSettings, syncErrorOf, syncLine, type SyncLine, type SyncStatus } from '../../core/sync/settings';
import { UserError } from '../errors';
import { SyncEngine, type EngineDeps } from './engine';

/** Where the settings are kept: storage.local (the worker's, never exported), not IndexedDB. */
export interface SettingsArea {
  read: () => Promise<unknown>;
  write: (value: Record<string, SyncSettings>) => Promise<void>;
}

/** The browser's idle timer: an extension API call resets it (Chromium ≥ 110), so the worker stays while syncing. */
const KEEP_ALIVE_MS = 20_000;

/**
 * Every study's team sync: off unless a person turned it on. Started when the worker starts (a browser start, an
 * update, any message) for the studies that have it on; kept alive while one runs.
 */
export class TeamSync {
  private readonly engines = new Map<string, SyncEngine>();
  private keepAlive: ReturnType<typeof setInterval> | null = null;
  private started: Promise<void> | null = null;

  constructor(
    private readonly area: SettingsArea,
    private readonly deps: EngineDeps & { ping: () => Promise<unknown>; wake: (on: boolean) => Promise<unknown> },
  ) {}

  /** Starts every study's sync that is on (once per worker). */
  start(): Promise<void> {
    this.started ??= this.settings().then(async (all) => {
      for (const settings of Object.values(all)) await this.run(settings);
    });
    return this.started;
  }

  /** Something was written here: each running sync sends what changed. */
  changed(): void {
    for (const engine of this.engines.values()) engine.localChanged();
  }

  async status(studyId: string): Promise<SyncStatus | null> {
    await this.start();
    return this.engines.get(studyId)?.status ?? null;
  }

  async lines(): Promise<SyncLine[]> {
    await this.start();
    return [...this.engines.values()].map((engine) => syncLine(engine.status));
  }

  /** Turns a study's sync on (or changes where it goes); a password left empty keeps the one saved. */
  async enable(settings: SyncSettings): Promise<SyncStatus> {
    await this.start();
    const all = await this.settings();
    const saved = all[settings.studyId];
    const next = settings.password === '' && saved ? { ...settings, password: saved.password } : settings;
    await this.area.write({ ...all, [settings.studyId]: next });
    await this.engines.get(settings.studyId)?.stop();
    this.engines.delete(settings.studyId);
    return this.run(next);
  }

  async disable(studyId: string): Promise<void> {
    await this.start();
    const { [studyId]: _off, ...rest } = await this.settings();
    await this.area.write(rest);
    await this.engines.get(studyId)?.destroy();
    this.engines.delete(studyId);
    this.keep();
  }

  async resolve(studyId: string, docId: string, rev: string): Promise<SyncStatus> {
    const engine = this.engines.get(studyId);
    if (!engine) throw new UserError('errorSyncOff');
    await engine.resolve(docId, rev);
    return engine.status;
  }

  /**
   * Joins a study another person shares: the database must hold exactly one study, checked by its schema. Its
   * configuration is stored with the first sync, which brings the rest.
   */
  async join(settings: Omit<SyncSettings, 'studyId'>): Promise<SyncStatus> {
    const auth = settings.username ? { auth: { username: settings.username, password: settings.password } } : {};
    const remote = new Pouch(databaseUrl(settings), { ...auth, skip_setup: true });
    let rows: Awaited<ReturnType<PouchDB['allDocs']>>['rows'];
    try {
      ({ rows } = await remote.allDocs({ startkey: 'study:', endkey: 'study:\uffff', include_docs: true }));
    } catch (error) {
      throw new UserError(JOIN_ERRORS[syncErrorOf(error)]);
    } finally {
      void remote.close();
    }
    const studies = rows.flatMap((row) => {
      const studyId = (row.doc?.record as { id?: unknown } | undefined)?.id;
      const read = typeof studyId === 'string' ? readDoc(row.doc, studyId) : null;
      return read?.ok && read.kind === 'study' && Study.safeParse(read.record).success ? [read.record.id] : [];
    });
    if (studies.length !== 1) throw new UserError('errorSyncNoStudy');
    return this.enable(SyncSettings.parse({ ...settings, studyId: studies[0] }));
  }

  private async settings(): Promise<Record<string, SyncSettings>> {
    const stored = await this.area.read();
    const all: Record<string, SyncSettings> = {};
    if (stored && typeof stored === 'object') {
      for (const value of Object.values(stored)) {
        const parsed = SyncSettings.safeParse(value);
        if (parsed.success) all[parsed.data.studyId] = parsed.data;
      }
    }
    return all;
  }

  private async run(settings: SyncSettings): Promise<SyncStatus> {
    const engine = new SyncEngine(settings, this.deps);
    this.engines.set(settings.studyId, engine);
    this.keep();
    // The first sync of a big study goes on after the reply; its progress is in the status.
    void engine.start().catch((error: unknown) => console.warn('[Journey Lens] team sync did not start:', error));
    return engine.status;
  }

  private keep(): void {
    if (this.engines.size && !this.keepAlive) {
      this.keepAlive = setInterval(() => void this.deps.ping(), KEEP_ALIVE_MS);
      void this.deps.wake(true);
    }
    if (!this.engines.size && this.keepAlive) {
      clearInterval(this.keepAlive);
      this.keepAlive = null;
      void this.deps.wake(false);
    }
  }
}

const JOIN_ERRORS = { auth: 'errorSyncAuth', offline: 'errorSyncOffline', refused: 'errorSyncRefused', other: 'errorSyncRefused' } as const;
