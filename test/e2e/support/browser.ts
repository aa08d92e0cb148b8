import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_PATH, headlessFlags } from '../../../scripts/chromium.mjs';
import { readAllInBrowser } from './store-read';
import { chromium, type Browser, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const DIST = process.env.JL_DIST ?? resolve(import.meta.dirname, '../../../dist');
/** The e2e build (vite.config.ts): may capture any tab, and has the hook for context-menu and command handlers. */
export const DIST_TEST = process.env.JL_DIST_TEST ?? resolve(import.meta.dirname, '../../../dist-test');

export interface Extension {
  context: BrowserContext;
  profile: string;
  id: string;
  worker: () => Promise<Worker>;
  url: (path: string) => string;
  close: () => Promise<void>;
}

/** Debian's Chromium with the built extension loaded, in a throwaway profile. */
export async function launchExtension(options: { lang?: string; dist?: string } = {}): Promise<Extension> {
  const dist = options.dist ?? DIST;
  const profile = await mkdtemp(join(tmpdir(), 'jl-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    acceptDownloads: true,
    locale: options.lang,
    // Chromium on Linux picks its UI language (which extensions' i18n follows) from LANGUAGE, given the
    // language packs (Debian's chromium-l10n); --lang alone left it in en-US here.
    ...(options.lang ? { env: { ...process.env, LANGUAGE: options.lang } } : {}),
    args: [
      ...headlessFlags(dist),
      // A second, CDP-level view of the browser: the only way to reach the action popup (see openPopup).
      '--remote-debugging-port=0',
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
  });
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(first.url()).host;
  // The worker may be stopped and restarted during a test: always ask for the live one.
  const worker = async () => context.serviceWorkers().find((w) => w.url().includes(id)) ?? (await context.waitForEvent('serviceworker'));
  return {
    context,
    profile,
    id,
    worker,
    url: (path) => `chrome-extension://${id}/${path}`,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Stops the extension's service worker the way the browser does after 30 s idle (CDP, from one of our pages). */
export async function stopServiceWorker(ext: Extension): Promise<void> {
  const stopper = await workerStopper(ext);
  await stopper.stop();
  await stopper.close();
}

export interface WorkerStopper {
  /** Stops the running worker and waits until it has stopped (a stopped one is first woken by what pages send). */
  stop: () => Promise<void>;
  close: () => Promise<void>;
}

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  status: string;
  runningStatus: string;
}

/** How long a worker runs before a test stops it: long enough to take the messages that woke it. */
const MIN_RUN_MS = 300;

/** One CDP connection on one of our pages that stops the extension's worker as often as asked. */
export async function workerStopper(ext: Extension): Promise<WorkerStopper> {
  const page = await ext.context.newPage();
  await page.goto(ext.url('src/ui/options/index.html'));
  const cdp = await ext.context.newCDPSession(page);
  let status = 'unknown';
  const changed = new Set<() => void>();
  let runningSince = 0;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: WorkerVersion[] }) => {
    // After a reload one event can list the old, redundant version (stopped) beside the new one: follow the newest.
    const ours = versions.filter((v) => v.scriptURL.includes(ext.id) && v.status !== 'redundant').sort((a, b) => Number(b.versionId) - Number(a.versionId))[0];
    if (!ours) return;
    if (ours.runningStatus === 'running' && status !== 'running') runningSince = Date.now();
    status = ours.runningStatus;
    for (const listener of changed) listener();
  });
  const until = (wanted: string) =>
    new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`the worker was not ${wanted} within 30 s (last seen: ${status})`)), 30_000);
      const check = () => status === wanted && (changed.delete(check), clearTimeout(timer), done());
      changed.add(check);
      check();
    });
  await cdp.send('ServiceWorker.enable');
  return {
    async stop() {
      await until('running');
      // Chromium stops a worker after 30 s idle, never as it starts: one stopped the moment it is up has served
      // nothing, and stopped so again and again (a loaded machine takes up to a second to start it) it leaves the
      // pages that woke it unanswered for seconds, which no browser does.
      const served = runningSince + MIN_RUN_MS - Date.now();
      if (served > 0) await new Promise((done) => setTimeout(done, served));
      const stopped = until('stopped');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await stopped;
    },
    async close() {
      await cdp.detach().catch(() => undefined);
      await page.close().catch(() => undefined);
    },
  };
}

/**
 * Reloads the unpacked extension as an update does (CDP Extensions.loadUnpacked on its folder: same id, a new
 * worker, the open pages' content scripts orphaned). chrome.runtime.reload() from the worker leaves an extension
 * loaded with --load-extension disabled in this Chromium.
 */
export async function reloadExtension(ext: Extension, dist: string): Promise<void> {
  const cdp = await ext.context.browser()!.newBrowserCDPSession();
  const started = ext.context.waitForEvent('serviceworker');
  await cdp.send('Extensions.loadUnpacked' as never, { path: dist } as never);
  await started;
  await cdp.detach();
}

/** A fresh CDP connection sees the targets that exist now, popups included. */
async function cdpViewer(ext: Extension): Promise<Browser> {
  const [port] = (await readFile(join(ext.profile, 'DevToolsActivePort'), 'utf8')).split('\n');
  return chromium.connectOverCDP(`http://127.0.0.1:${port}`);
}

/**
 * Opens the real action popup over `page` (chrome.action.openPopup from the worker), the way a click on the
 * toolbar button would; Playwright cannot click the toolbar. The launching connection does not attach to
 * popup targets, so a new connection over the DevTools port picks each popup up.
 */
export async function openPopup(ext: Extension, page: Page): Promise<Page> {
  await page.bringToFront();
  const worker = await ext.worker();
  // Over the window of `page`'s tab, which need not be the last focused one (a compose window may be).
  await worker.evaluate(async (url) => {
    // A match pattern matches no address with a fragment: then the last focused window with a toolbar.
    const [tab] = await chrome.tabs.query({ url: url.split('#')[0] });
    const windowId = tab?.windowId ?? (await chrome.windows.getLastFocused({ windowTypes: ['normal'] })).id;
    await chrome.action.openPopup({ windowId });
  }, page.url());
  const viewer = await cdpViewer(ext);
  const popupUrl = ext.url('src/ui/popup/index.html');
  for (let tries = 0; tries < 50; tries++) {
    const popup = viewer.contexts().flatMap((c) => c.pages()).find((p) => p.url().startsWith(popupUrl));
    if (popup) {
      await popup.waitForLoadState('domcontentloaded');
      return popup;
    }
    await page.waitForTimeout(100);
  }
  throw new Error('The action popup did not open');
}

/** Reads one object store from the worker, for assertions only: the product never reads through this path. */
export async function readStore<T = Record<string, unknown>>(ext: Extension, store: string): Promise<T[]> {
  return readFromStore<T>(ext, store, 'getAll');
}

/** The keys of one object store (for stores keyed out of line, such as meta). */
export async function readStoreKeys(ext: Extension, store: string): Promise<string[]> {
  return readFromStore<string>(ext, store, 'getAllKeys');
}

async function readFromStore<T>(ext: Extension, store: string, method: 'getAll' | 'getAllKeys'): Promise<T[]> {
  const worker = await ext.worker();
  // What the UI would read: the batches the worker acknowledged are applied first (src/background/journal.ts).
  await worker.evaluate(() => (globalThis as { __jlTestHooks?: { applied: () => Promise<void> } }).__jlTestHooks?.applied());
  return (await worker.evaluate(readAllInBrowser, [store, method] as const)) as T[];
}

/** The extension's isolated worlds in a page: where our observer runs, and proof of where it does not. */
export async function extensionWorlds(ext: Extension, page: Page): Promise<number> {
  const cdp = await ext.context.newCDPSession(page);
  const origins: string[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => origins.push(context.origin));
  await cdp.send('Runtime.enable');
  await cdp.detach();
  return origins.filter((origin) => origin.startsWith(`chrome-extension://${ext.id}`)).length;
}

/**
 * Runs `action` on `page` and returns the text of the file the browser downloads. Download behaviour is set
 * through CDP on purpose: the popup's second connection (openPopup) redirects Playwright's own download handling.
 */
export async function downloadFrom(ext: Extension, page: Page, action: () => Promise<void>): Promise<string> {
  return (await downloadFileFrom(ext, page, action)).data.toString('utf8');
}

/**
 * Like downloadFrom, with the file's name and raw bytes (for images). Waits for the browser to say the download
 * completed: while it runs, Chromium reserves the final name with an empty file next to the .crdownload one, which
 * a look at the folder alone can take for the finished file on a busy machine.
 */
export async function downloadFileFrom(ext: Extension, page: Page, action: () => Promise<void>): Promise<{ name: string; data: Buffer }> {
  const dir = await mkdtemp(join(ext.profile, 'downloads-'));
  const cdp = await ext.context.newCDPSession(page);
  const completed = new Promise<void>((done, fail) => {
    cdp.on('Browser.downloadProgress', ({ state }) => (state === 'completed' ? done() : state === 'canceled' && fail(new Error('The download was cancelled'))));
  });
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir, eventsEnabled: true });
  await action();
  const timeout = new Promise<never>((_, fail) => setTimeout(() => fail(new Error('Nothing was downloaded')), 10_000));
  try {
    await Promise.race([completed, timeout]);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  const [name] = (await readdir(dir)).filter((file) => !file.endsWith('.crdownload'));
  if (!name) throw new Error('The download completed, but its file is missing');
  return { name, data: await readFile(join(dir, name)) };
}

export const ALL_STORES = ['studies', 'personas', 'sessions', 'visits', 'signals', 'responses', 'annotations', 'feedback', 'offsite', 'meta', 'journal'];

/** Every record of every store, for counting and for searching for what must never be stored. */
export async function dumpStores(ext: Extension): Promise<Record<string, unknown[]>> {
  return Object.fromEntries(await Promise.all(ALL_STORES.map(async (store) => [store, await readStore(ext, store)])));
}

/** Polls until `check` holds (for setup code, where expect.poll is not allowed). */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${check.toString().slice(0, 120)}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
