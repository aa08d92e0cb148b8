import type { PageDescription } from '../core/replies';
import { browser, onMessage } from '../platform/browser';
import { refreshPages, syncContentScripts } from './content-scripts';
import { openJourneyDb } from './open-db';
import { handleMessage, type RouterDeps } from './router';
import type { Db } from './schema';
import { askNow } from './session-surveys';
import { dataUrlToBlob, onPageToolCommand, startPick, syncContextMenus } from './page-tools';
import { closeTabVisits } from './store';
import { forgetMaps } from './map-cache';
import { rebuildRollups, ROLLUP_STORES, rollupTx } from './rollups';

/**
 * The service worker: the only writer of IndexedDB. It keeps nothing in memory that is not also stored, since
 * the browser stops it after 30 s idle; listeners are registered at the top level so a message wakes it.
 */

let dbPromise: Promise<Db> | null = null;
function db(): Promise<Db> {
  dbPromise ??= openJourneyDb().then((opened) => {
    opened.addEventListener('close', () => (dbPromise = null));
    return opened;
  });
  return dbPromise;
}

const deps: RouterDeps = {
  db,
  now: () => Date.now(),
  extension: { id: browser.runtime.id, origin: browser.runtime.getURL('') },
  async describeTab(tabId) {
    try {
      return (await browser.tabs.sendMessage(tabId, { type: 'tab.describe' }, { frameId: 0 })) as PageDescription | null;
    } catch {
      return null;
    }
  },
  async tabUrl(tabId) {
    return (await browser.tabs.get(tabId).catch(() => null))?.url ?? null;
  },
  translate: (key) => browser.i18n.getMessage(key),
  startPick: (tabId, mode) => startPick(tabId, mode, 'pick'),
  async captureTab(tabId) {
    try {
      const tab = await browser.tabs.get(tabId);
      if (!tab.active) return null;
      return dataUrlToBlob(await browser.tabs.captureVisibleTab(tab.windowId!, { format: 'png' }));
    } catch {
      // No activeTab grant and no host access to capture (e.g. opened without a user gesture).
      return null;
    }
  },
  async showPrompt(tabId, prompt) {
    try {
      await browser.tabs.sendMessage(tabId, { type: 'tab.prompt', prompt }, { frameId: 0 });
      return true;
    } catch {
      return false;
    }
  },
  async studiesChanged(studies) {
    await syncContentScripts(studies);
    await syncContextMenus(studies);
    await refreshPages(studies);
  },
};

onMessage((message, sender) => handleMessage(message, sender, deps));

// The keyboard command for an on-demand survey (users can rebind it on the browser's shortcuts page).
browser.commands.onCommand.addListener((command, tab) => {
  if (command === 'ask-now' && tab?.id !== undefined) void db().then((opened) => askNow(opened, tab.id!, deps));
  else onPageToolCommand(command, tab, 'pick');
});
browser.contextMenus.onClicked.addListener((info, tab) => onPageToolCommand(String(info.menuItemId), tab, 'context'));

browser.tabs.onRemoved.addListener((tabId) => {
  forgetMaps();
  void db().then((opened) => closeTabVisits(opened, tabId, Date.now()));
});

// Registrations persist, but a study whose host permission was granted or revoked meanwhile needs a resync.
async function resync(): Promise<void> {
  const studies = await (await db()).getAll('studies');
  await syncContentScripts(studies);
  await syncContextMenus(studies);
}
browser.runtime.onInstalled.addListener(() => void resync());
browser.runtime.onStartup.addListener(() => void resync());
browser.permissions.onAdded.addListener(() => void resync());
browser.permissions.onRemoved.addListener(() => void resync());

// The e2e build only: lets a test run what a context-menu click or keyboard command runs. Compiled out of dist/.
if (__JL_TEST_HOOKS__) {
  (globalThis as { __jlTestHooks?: unknown }).__jlTestHooks = {
    pageTool: (command: string, tabId: number, target: 'pick' | 'context') => onPageToolCommand(command, { id: tabId } as never, target),
    /**
     * bench/: content-event batches through the path a page's `content.events` message takes in this worker
     * (validation, scope check, `applyContentEvents` on the real database, survey decision), minus the IPC.
     * Returns the elapsed ms, or throws on the first refused batch.
     */
    ingest: async (batches: readonly unknown[][], page: { url: string; tabId: number }): Promise<number> => {
      const sender = { id: browser.runtime.id, url: page.url, frameId: 0, tab: { id: page.tabId } };
      const started = performance.now();
      for (const events of batches) {
        const reply = await handleMessage({ type: 'content.events', events }, sender, deps);
        if (!reply.ok) throw new Error(`ingest refused: ${reply.error} ${JSON.stringify(reply.issues ?? [])}`);
      }
      return performance.now() - started;
    },
    /**
     * bench/: puts a long study's records straight into the store (an import of 100k events takes longer than a
     * benchmark may), with their sessions' rollups rebuilt in the same transaction, as an import does.
     */
    storeRecords: async (records: Record<'sessions' | 'visits' | 'signals' | 'responses', { id: string; studyId: string; sessionId: string | null }[]>) => {
      const tx = (await db()).transaction(['sessions', ...ROLLUP_STORES], 'readwrite');
      const puts: Promise<unknown>[] = [];
      for (const [name, list] of Object.entries(records)) for (const record of list) puts.push(tx.objectStore(name as 'sessions').put(record as never));
      await Promise.all(puts);
      await rebuildRollups(rollupTx(tx), [...records.visits, ...records.signals, ...records.responses]);
      await tx.done;
    },
  };
}
