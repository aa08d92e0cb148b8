import { OUTBOX_PREFIX } from '../core/outbox';
import { browser, onMessage, openSessionStorageToPages } from '../platform/browser';
import { refreshPages, syncContentScripts } from './content-scripts';
import { sharedConnection } from './store/open-db';
import { handleMessage } from './dispatch';
import { applyAcknowledged } from './recording/ingest';
import type { Db } from './store/schema';
import { askNow } from './session-surveys';
import { dataUrlToBlob, onPageToolCommand, startPick, syncContextMenus } from './page-tools';
import { closeTabVisits, storeRecords } from './store/records';
import { drainOutbox } from './recording/outbox';
import { forgetMaps } from './map-cache';
import { journeyMapInputs } from './store/queries';
import { buildJourneyMap } from '../core/journey-map/map-data';
import { enforceRetention } from './retention';
import { StoreHealthLog } from './store-health';
import type { WorkerDeps } from './deps';
import { askTab } from './tab-messages';
import { movesBadge, showRecording } from './badge';
import { openPanelForCompose, pendingCompose, showCompose } from './compose-surface';
import { outlineElement } from './outline-element';
import { openSidePanel } from '../platform/side-panel';
import { TeamSync } from './sync/team-sync';

/** How long "show me" outlines an element: long enough to find it on the page. */
const OUTLINE_MS = 3000;

/**
 * The service worker: the only writer of IndexedDB. It keeps nothing in memory that is not also stored, since
 * the browser stops it after 30 s idle; listeners are registered at the top level so a message wakes it.
 */

const db: () => Promise<Db> = sharedConnection();

// Session storage: in memory, kept across worker stops, gone with the browser (as are the pages' queues).
const HEALTH_KEY = 'storeHealth';
const health = new StoreHealthLog({
  read: async () => (await browser.storage.session.get(HEALTH_KEY))[HEALTH_KEY],
  write: (value) => (value ? browser.storage.session.set({ [HEALTH_KEY]: value }) : browser.storage.session.remove(HEALTH_KEY)),
});

/**
 * Local storage, not session storage: an extension update clears the latter, and the observers on both sides of
 * an update must name the same channel. Not IndexedDB, which exports and imports read.
 */
const HANDOVER_KEY = 'handoverChannel';
async function handoverChannel(sessionId: string): Promise<string> {
  const stored = (await browser.storage.local.get(HANDOVER_KEY))[HANDOVER_KEY] as { sessionId?: string; channel?: string } | undefined;
  if (stored?.sessionId === sessionId && typeof stored.channel === 'string') return stored.channel;
  const channel = crypto.randomUUID();
  await browser.storage.local.set({ [HANDOVER_KEY]: { sessionId, channel } });
  return channel;
}

/** The database once the batches pages sent are applied: what runs outside a message waits for them too. */
const appliedDb = () => applyAcknowledged(deps).then(db);

/** Settings in storage.local: never in IndexedDB, which exports read. */
const SYNC_KEY = 'teamSync';
const SYNC_ALARM = 'team-sync';
const teamSync = new TeamSync(
  { read: async () => (await browser.storage.local.get(SYNC_KEY))[SYNC_KEY], write: (value) => browser.storage.local.set({ [SYNC_KEY]: value }) },
  {
    db: appliedDb,
    now: () => Date.now(),
    applied(studyChanged) {
      forgetMaps();
      // A study that arrived (or whose scope changed) gets its observer registered, and its open pages their pins.
      if (studyChanged) void resync(true);
    },
    ping: () => browser.runtime.getPlatformInfo(),
    // A worker the browser stopped anyway (an update, memory pressure) is woken by the alarm, and syncs again.
    wake: (on) => (on ? browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 }) : browser.alarms.clear(SYNC_ALARM)),
  },
);

const deps: WorkerDeps = {
  db,
  teamSync,
  health,
  handoverChannel,
  async injectPart(tabId, part) {
    // The observer runs in top frames only (content-scripts.ts); its isolated world is the default one.
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [`inpage/${part}.js`] });
  },
  now: () => Date.now(),
  extension: { id: browser.runtime.id, origin: browser.runtime.getURL('') },
  async describeTab(tabId) {
    try {
      return await askTab(tabId, { type: 'tab.describe' });
    } catch {
      return null;
    }
  },
  async tabUrl(tabId) {
    return (await browser.tabs.get(tabId).catch(() => null))?.url ?? null;
  },
  translate: (key) => browser.i18n.getMessage(key),
  startPick: (tabId, mode, note) => startPick(tabId, mode, 'pick', note),
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
  relayCompose: askTab,
  async outlineInTab(tabId, selector) {
    const [result] = await browser.scripting
      .executeScript({ target: { tabId, frameIds: [0] }, func: outlineElement, args: [selector, OUTLINE_MS] })
      .catch(() => []);
    return result?.result === true;
  },
  showCompose,
  pendingCompose,
  async showPrompt(tabId, prompt) {
    try {
      await askTab(tabId, { type: 'tab.prompt', prompt });
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

/**
 * The badge follows a page's batches at most once a second: in a burst of tabs each batch would otherwise wait for
 * the journal to be applied and read the session's counts, work that competes with the pages' hellos.
 */
const BADGE_MS = 1000;
let badgeDue: ReturnType<typeof setTimeout> | undefined;
function refreshBadge(coalesce: boolean): void {
  const show = () => void appliedDb().then(showRecording).catch((error: unknown) => console.warn('[Journey Lens] badge:', error));
  if (!coalesce) return show();
  badgeDue ??= setTimeout(() => {
    badgeDue = undefined;
    show();
  }, BADGE_MS);
}

onMessage(async (message, sender) => {
  openPanelForCompose(message, sender);
  const reply = await handleMessage(message, sender, deps);
  // A walk starting or stopping shows at once; its friction within a second.
  if (reply.ok && movesBadge(message)) refreshBadge((message as { type: string }).type === 'content.events');
  return reply;
});

// Studies synced with a team database sync again whenever the worker starts (browser start, update, a message,
// the alarm set while a sync is on).
void teamSync.start();
browser.alarms.onAlarm.addListener((alarm) => alarm.name === SYNC_ALARM && void teamSync.start());

// The keyboard commands (users can rebind them on the browser's shortcuts page). The side panel opens only in
// the listener's synchronous part, while the key press still counts as the person's gesture.
browser.commands.onCommand.addListener((command, tab) => {
  if (command === 'side-panel' && tab?.id !== undefined) void openSidePanel(tab.id).catch((error: unknown) => console.warn('[Journey Lens] side panel:', error));
  else if (command === 'ask-now' && tab?.id !== undefined) void appliedDb().then((opened) => askNow(opened, tab.id!, deps));
  else onPageToolCommand(command, tab, 'pick');
});
browser.contextMenus.onClicked.addListener((info, tab) => onPageToolCommand(String(info.menuItemId), tab, 'context'));

// What pages left in the session outbox as they went away (content/event-queue.ts): written there, it wakes this
// worker; left over from a worker stopped midway, it is applied at the next start.
void openSessionStorageToPages();
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'session' && Object.entries(changes).some(([key, change]) => key.startsWith(OUTBOX_PREFIX) && change.newValue !== undefined)) void drainOutbox(deps);
});
void drainOutbox(deps);

browser.tabs.onRemoved.addListener((tabId) => {
  forgetMaps();
  void health.tabClosed(tabId);
  // After what the tab sent is applied: a visit it started is then stored, and ends now.
  void appliedDb()
    .then((opened) => closeTabVisits(opened, tabId, Date.now()))
    .then(forgetMaps)
    .catch((error: unknown) => console.warn('[Journey Lens] closed tab’s visits not ended:', error));
});

// Registrations persist, but a study whose host permission was granted or revoked meanwhile needs a resync.
async function resync(refreshOpenPages = false): Promise<void> {
  const studies = await (await db()).getAll('studies');
  await syncContentScripts(studies);
  await syncContextMenus(studies);
  if (refreshOpenPages) await refreshPages(studies);
}
// After an update or reload the open pages' observers have lost their runtime, and nothing would record those
// pages until they navigate: each gets a new observer now, which goes on with the page's open visit.
browser.runtime.onInstalled.addListener(() => void resync(true));
// Batches a stopped worker acknowledged but did not apply are applied first. The retention setting holds without
// anyone opening the options page: each time the worker starts.
void appliedDb()
  .then((opened) => enforceRetention(opened, Date.now()))
  .catch((error: unknown) => console.warn('[Journey Lens] retention not applied:', error));
browser.runtime.onStartup.addListener(() => void resync());
browser.permissions.onAdded.addListener(() => void resync());
browser.permissions.onRemoved.addListener(() => void resync());

// The e2e build only: lets a test run what a context-menu click or keyboard command runs. Compiled out of dist/.
if (__JL_TEST_HOOKS__) {
  (globalThis as { __jlTestHooks?: unknown }).__jlTestHooks = {
    pageTool: (command: string, tabId: number, target: 'pick' | 'context') => onPageToolCommand(command, { id: tabId } as never, target),
    /**
     * bench/: content-event batches through the path a page's `content.events` message takes in this worker
     * (validation, scope check, the journal write that acknowledges them), minus the IPC. Returns the elapsed ms
     * until the last batch was acknowledged, or throws on the first refused batch; `applied` waits for the rest.
     */
    ingest: async (batches: readonly unknown[][], page: { url: string; tabId: number }): Promise<number> => {
      const sender = { id: browser.runtime.id, url: page.url, frameId: 0, tab: { id: page.tabId } };
      const started = performance.now();
      for (const events of batches) {
        const reply = await handleMessage({ type: 'content.events', events, queued: events.length }, sender, deps);
        if (!reply.ok) throw new Error(`ingest refused: ${reply.error} ${JSON.stringify(reply.issues ?? [])}`);
      }
      return performance.now() - started;
    },
    /** bench/: resolves once every acknowledged batch is applied into the visits, signals and rollups. */
    applied: () => applyAcknowledged(deps),
    /**
     * bench/: puts a long study's records straight into the store (an import of 100k events takes longer than a
     * benchmark may), with their sessions' rollups rebuilt in the same transaction, as an import does.
     */
    storeRecords: async (records: Parameters<typeof storeRecords>[1]) => storeRecords(await db(), records),
    /** bench/map-breakdown.mjs: where a cold journey map's time goes in this worker, phase by phase. */
    mapPhases: async (studyId: string) => {
      const opened = await db();
      const started = performance.now();
      const inputs = await journeyMapInputs(opened, studyId, {});
      const read = performance.now();
      if (!inputs) throw new Error('no such study');
      const map = buildJourneyMap(inputs, {});
      const built = performance.now();
      const json = JSON.stringify(map);
      const serialised = performance.now();
      structuredClone(map);
      const cloned = performance.now();
      return {
        readMs: read - started,
        buildMs: built - read,
        jsonMs: serialised - built,
        cloneMs: cloned - serialised,
        replyBytes: json.length,
        summaryBytes: JSON.stringify(inputs.merged).length,
      };
    },
  };
}
