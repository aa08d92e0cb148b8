import { OUTBOX_PREFIX } from '../../core/outbox';
import { browser } from '../../platform/browser';
import { applyOutboxEntry } from './ingest';
import { closeTabVisits } from '../store/records';
import type { WorkerDeps } from '../deps';

let draining = Promise.resolve();

/**
 * Applies every page's outbox entry, then removes it; a malformed or refused one is removed too. One drain at a
 * time. A worker stopped midway leaves the rest for its next start, and applying an entry twice changes nothing.
 */
export function drainOutbox(deps: WorkerDeps): Promise<void> {
  draining = draining.then(async () => {
    const entries = Object.entries(await browser.storage.session.get(null)).filter(([key]) => key.startsWith(OUTBOX_PREFIX));
    for (const [key, entry] of entries) {
      const tabId = await applyOutboxEntry(entry, deps);
      // The tab closed before its events arrived: a visit they started ends now, as tabs.onRemoved ends the others.
      if (tabId !== null && !(await browser.tabs.get(tabId).catch(() => null))) await closeTabVisits(await deps.db(), tabId, deps.now());
      await browser.storage.session.remove(key);
    }
  }).catch((error: unknown) => console.error('[Journey Lens] outbox:', error));
  return draining;
}
