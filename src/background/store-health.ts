import { StoreHealth, type StoreFailureKind } from '../core/records/store-health';

/** The database did not open because an older connection would not let go (it never answered versionchange). */
export class StoreBlockedError extends Error {
  override name = 'StoreBlockedError';
}

/**
 * Which failure of IndexedDB an error is, or null for anything else (a bug, a refusal). These are the ones a
 * retry can outlive, so the page keeps its events instead of dropping them as refused.
 */
export function storeFailureOf(error: unknown): StoreFailureKind | null {
  const name = error instanceof Error || error instanceof DOMException ? error.name : null;
  if (name === 'QuotaExceededError') return 'quota';
  if (name === 'AbortError') return 'aborted';
  if (name === 'UnknownError' || name === 'DataError' || name === 'NotReadableError') return 'unknown';
  // Open failed or blocked, or the connection closed under a running request (an update, a cleared profile).
  if (name === 'StoreBlockedError' || name === 'VersionError' || name === 'InvalidStateError' || name === 'NotFoundError') return 'unavailable';
  return null;
}

/** Where the health survives a worker stop: chrome.storage.session in the worker, a plain value in tests. */
export interface HealthStorage {
  read: () => Promise<unknown>;
  write: (health: StoreHealth | null) => Promise<void>;
}

/** The store's health, in memory and in `storage`: set by a failed write, cleared by the next one that works. */
export class StoreHealthLog {
  /** undefined until read back from `storage` (a restarted worker). */
  private current: StoreHealth | null | undefined;

  constructor(private readonly storage: HealthStorage) {}

  async get(): Promise<StoreHealth | null> {
    if (this.current === undefined) {
      const saved = StoreHealth.safeParse(await this.storage.read().catch(() => null));
      this.current ??= saved.success ? saved.data : null;
    }
    return this.current;
  }

  /** A write failed; `page` is the tab whose events wait, with how many it holds. */
  async failed(kind: StoreFailureKind, at: number, page?: { tabId: number; queued: number }): Promise<void> {
    const before = await this.get();
    const waiting = { ...before?.waiting, ...(page ? { [page.tabId]: page.queued } : {}) };
    this.current = { kind, firstAt: before?.firstAt ?? at, lastAt: at, failures: (before?.failures ?? 0) + 1, waiting };
    await this.storage.write(this.current);
  }

  async succeeded(): Promise<void> {
    if ((await this.get()) === null) return;
    this.current = null;
    await this.storage.write(null);
  }

  /** A closed tab's queue went with it: it no longer waits. */
  async tabClosed(tabId: number): Promise<void> {
    const health = await this.get();
    if (!health || !(tabId in health.waiting)) return;
    const { [tabId]: _gone, ...waiting } = health.waiting;
    this.current = { ...health, waiting };
    await this.storage.write(this.current);
  }
}
