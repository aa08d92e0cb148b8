import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { OUTBOX_PREFIX } from '../../src/core/outbox';
import { DIST_TEST, extensionWorlds, type Extension, readStore, readStoreKeys, reloadExtension, waitUntil, workerStopper, type WorkerStopper } from './support/browser';
import { createDemoStudy, startSessionOnShop, useShop } from './support/journey';

const TABS = 5;
const ROUNDS = 16;
const RELOAD_ROUND = 8;
/** Pages where a burst lands, and on what: an unresponsive button (rage + dead click) and a heading (rage click). */
const TARGETS = { '/cart': '#apply-coupon', '/help': 'h1' } as const;
type Path = keyof typeof TARGETS;

interface Emitted {
  kind: string;
  eventId: string;
  ref: string;
}

interface StoredSignal {
  id: string;
  kind: string;
  visitId: string;
  at: number;
}

interface StoredVisit {
  id: string;
  tabId: number;
  url: string;
  enteredAt: number;
  leftAt: number | null;
  endedBy: string | null;
}

/**
 * Issue 8, PRODUCT.md §9: no event is lost when the service worker is stopped mid-session, when a tab closes
 * during a burst, or with several tabs recording at once. Five tabs click in bursts while the worker is stopped
 * again and again, tabs close in the middle of bursts, and the extension reloads mid-session. The e2e build
 * logs every event a page hands to its queue (content/emitted-log.ts, in the page origin's localStorage so a
 * closed tab's log survives it) and every event a committed write applied (content-events.ts). Every emitted
 * event must be applied, and every emitted visit and signal stored exactly once: those an observer orphaned by
 * the reload held unacknowledged, or saw before its successor started, too (content/succession.ts). The open
 * visits go on, and every page load that stayed over a second is a visit.
 */
describe('events across worker stops, closing tabs, many tabs and a reload', () => {
  const env = useShop({ dist: DIST_TEST });

  // Sixteen rounds of five tabs, each waiting for a page to wake the stopped worker: over a minute on a loaded
  // two-core machine, more than the e2e default allows one test.
  it('are all stored, once each', { timeout: 180_000 }, async () => {
    const started = Date.now();
    await createDemoStudy(env.ext, env.site.url);
    const first = await startSessionOnShop(env);
    await first.goto(`${env.site.url}/cart`);
    // Every page load after the session's first page, by its time origin (a visit's start), and how long the page
    // lived: a page must say hello before it records, and one that lives a moment while the worker is stopped
    // again and again may not be answered in time.
    type Load = { origin: number; lived: number | null };
    type Tab = { page: Page; path: Path; load: Load };
    const loads: Load[] = [];
    const loaded = async (page: Page) => {
      const load = { origin: await page.evaluate(() => Math.round(performance.timeOrigin)), lived: null };
      loads.push(load);
      return load;
    };
    const left = ({ load }: Tab) => (load.lived = Date.now() - load.origin);
    const tabs: Tab[] = [{ page: first, path: '/cart', load: await loaded(first) }];
    const open = async (path: Path): Promise<Tab> => {
      const page = await env.ext.context.newPage();
      await page.goto(`${env.site.url}${path}`);
      return { page, path, load: await loaded(page) };
    };
    for (let i = 1; i < TABS; i++) tabs.push(await open(i % 2 ? '/help' : '/cart'));

    /** Clicks the page's target `clicks` times in quick succession: a rage-click burst (of 3 or more) once it ends. */
    const burst = async ({ page, path }: { page: Page; path: Path }, clicks = 4) => {
      const box = (await page.locator(TARGETS[path]).boundingBox())!;
      for (let i = 0; i < clicks; i++) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { delay: 10 });
    };

    let stopper: WorkerStopper = await workerStopper(env.ext);
    let stops = 0;
    const stopWorker = async () => {
      await stopper.stop();
      stops++;
    };
    let closedMidBurst = 0;

    for (let round = 0; round < ROUNDS; round++) {
      if (round === RELOAD_ROUND) {
        // The extension reloads mid-burst, as on an update: the old content scripts lose their runtime. Chromium
        // applies an update once the extension is idle, and its worker is not while it applies what closing pages
        // left in the session outbox, which the update empties with the rest of storage.session. A reload through
        // CDP does not wait, so the test does (the worker may have been stopped midway: the wait wakes it).
        await stopper.close();
        await outboxDrained(env.ext);
        await Promise.all([...tabs.map((tab) => burst(tab)), reloadExtension(env.ext, DIST_TEST)]);
        // The worker injects a new observer into each open page: two worlds of ours there, the orphan's and its own.
        for (const tab of tabs) await waitUntil(async () => (await extensionWorlds(env.ext, tab.page)) === 2);
        stopper = await workerStopper(env.ext);
        continue;
      }
      // Every tab bursts at once while the worker is stopped under them.
      await Promise.all([...tabs.map((tab) => burst(tab)), stopWorker()]);
      if (round % 4 === 1) {
        // A tab closes in the middle of a burst, with the worker just stopped: its last events were never sent.
        const index = (round >> 2) % TABS;
        await burst(tabs[index]!, 2);
        await stopWorker();
        await burst(tabs[index]!, 2);
        left(tabs[index]!);
        await tabs[index]!.page.close();
        closedMidBurst++;
        tabs[index] = await open(index % 2 ? '/help' : '/cart');
      }
      if (round % 4 === 3) {
        // Every tab moves to the other page mid-burst with the worker just stopped: a visit ends and another
        // starts in each, and the old pages' last events were never sent.
        await Promise.all(tabs.map((tab) => burst(tab, 3)));
        await stopWorker();
        await Promise.all(
          tabs.map(async (tab) => {
            tab.path = tab.path === '/cart' ? '/help' : '/cart';
            left(tab);
            await tab.page.goto(`${env.site.url}${tab.path}`);
            tab.load = await loaded(tab.page);
          }),
        );
      }
    }
    // The walk ends with every tab closing mid-burst.
    await Promise.all(tabs.map((tab) => burst(tab, 3)));
    tabs.forEach(left);
    await Promise.all(tabs.map((tab) => tab.page.close()));
    closedMidBurst += tabs.length;

    // What the pages emitted, read from their origin's localStorage once no page of it is open any more.
    const logs = await observerLogs(env.ext, env.site.url);
    const handOvers = (log: Emitted[]) => log.filter((e) => e.kind === 'handed-over');
    const emitted = logs.flat().filter((e) => e.kind !== 'handed-over');
    const appliedIds = async () => new Set((await readStoreKeys(env.ext, 'meta')).filter((k) => k.startsWith(ACKED)).map((k) => k.slice(ACKED.length)));
    // Every event is applied, those the observers orphaned by the reload held included: they handed them over.
    const missing = async () => {
      const applied = await appliedIds();
      return emitted.filter((e) => !applied.has(e.eventId));
    };
    await expect.poll(async () => (await missing()).length, { timeout: 20_000 }).toBe(0).catch(async (error) => {
      console.log('MISSING', JSON.stringify(await missing()));
      throw error;
    });
    const applied = await appliedIds();

    // The reload: each orphaned observer handed what it held to the one injected in its place, and its open
    // visit went on under the new one (a visit started under the old observer and ended under the new one).
    const orphans = logs.filter((log) => handOvers(log).length > 0);
    expect(orphans.length).toBe(TABS);
    const handedOver = orphans.reduce((sum, log) => sum + handOvers(log).reduce((n, e) => n + Number(e.ref), 0), 0);
    // The tabs burst as the extension reloads: those bursts' signals are the orphans' to hand over.
    expect(handedOver).toBeGreaterThan(0);
    const resumed = orphans.map((log) => log.findLast((e) => e.kind === 'visit.start')!);
    const endedByNewObserver = (visitId: string) => logs.some((log) => !orphans.includes(log) && log.some((e) => e.kind === 'visit.leave' && e.ref === visitId));
    expect(resumed.filter((start) => !endedByNewObserver(start.ref))).toEqual([]);

    // The log is complete: every stored visit has its end logged, the closed tabs' last words included.
    const starts = emitted.filter((e) => e.kind === 'visit.start' && applied.has(e.eventId)).map((e) => e.ref);
    const leaves = new Set(emitted.filter((e) => e.kind === 'visit.leave').map((e) => e.ref));
    expect(starts.filter((id) => !leaves.has(id))).toEqual([]);

    const visits = await readStore<StoredVisit>(env.ext, 'visits');
    const signals = await readStore<StoredSignal>(env.ext, 'signals');
    const emittedSignals = emitted.filter((e) => e.kind.startsWith('signal:'));
    const pageSignals = signals.filter((s) => s.kind !== 'quick_back' && s.kind !== 'exit');
    // Every emitted visit and signal is stored, and nothing a page did not emit (a page's visit is not started twice).
    expect(visits.map((v) => v.id).sort()).toEqual([...starts].sort());
    expect(pageSignals.map((s) => s.id).sort()).toEqual(emittedSignals.filter((e) => applied.has(e.eventId)).map((e) => e.ref).sort());
    // Once each: no burst was recorded twice under another id (as two observers in one page would).
    expect(new Set(pageSignals.map((s) => `${s.kind} ${s.visitId} ${s.at}`)).size).toBe(pageSignals.length);
    expect(new Set(visits.map((v) => `${v.tabId} ${v.url} ${v.enteredAt}`)).size).toBe(visits.length);
    expect(visits.filter((v) => v.endedBy === null || v.leftAt === null)).toEqual([]);
    // Every page that stayed over a second was recorded (its hello is tried again every 100 ms for 4 s).
    const unrecorded = loads.filter((load) => !visits.some((v) => v.enteredAt === load.origin));
    expect(unrecorded.filter((load) => load.lived! > 1000)).toEqual([]);

    const byKind = (list: { kind: string }[]) => Object.fromEntries([...new Set(list.map((e) => e.kind))].sort().map((k) => [k, list.filter((e) => e.kind === k).length]));
    console.log(
      `loss suite: ${emitted.length} events emitted (${JSON.stringify(byKind(emitted))}), ${emitted.filter((e) => applied.has(e.eventId)).length} applied; ` +
        `the reload orphaned ${orphans.length} observers, which handed ${handedOver} unacknowledged events to their successors; ` +
        `${resumed.length} visits went on under the new observers; ` +
        `${loads.length - unrecorded.length} of ${loads.length} page loads recorded (${unrecorded.map((l) => `one left after ${l.lived} ms`).join(', ') || 'all'}); ` +
        `${visits.length} visits and ${pageSignals.length} page signals stored, none twice; ${stops} worker stops, ` +
        `${closedMidBurst} tabs closed mid-burst, ${TABS} tabs at once, 1 extension reload; ${Math.round((Date.now() - started) / 1000)} s`,
    );
    expect(stops).toBeGreaterThanOrEqual(20);
    // Not vacuous: the tabs recorded throughout. Bursts close together fold into one episode, so how many signals
    // they make depends on timing (80–164 seen in 5 tabs × 16 rounds); half of one per tab and round still says so.
    expect(emittedSignals.length).toBeGreaterThanOrEqual((ROUNDS * TABS) / 2);
    await stopper.close();
  });
});

const ACKED = '__jlTestHooks.acked.';
const EMITTED = '__jlTestHooks.emitted.';

/** Waits until the worker has applied every page's outbox entry, waking it if it was stopped midway. */
async function outboxDrained(ext: Extension): Promise<void> {
  const page = await ext.context.newPage();
  await page.goto(ext.url('src/ui/popup/index.html'));
  await waitUntil(() =>
    page.evaluate(async (prefix) => {
      await chrome.runtime.sendMessage({ type: 'ui.store.health' });
      return Object.keys(await chrome.storage.session.get(null)).every((key) => !key.startsWith(prefix));
    }, OUTBOX_PREFIX),
  );
  await page.close();
}

/**
 * The log of every observer that ran on the site (one localStorage key per observer instance), read in a page of
 * the site opened once the observers are no longer registered (it must not record a visit): the extension pages'
 * policy lets them frame no site, and a frame elsewhere would see partitioned storage.
 */
async function observerLogs(ext: Extension, siteUrl: string): Promise<Emitted[][]> {
  await (await ext.worker()).evaluate(() => chrome.scripting.unregisterContentScripts());
  const reader = await ext.context.newPage();
  await reader.goto(`${siteUrl}/robots.txt`);
  const logs = await reader.evaluate((prefix) => Object.keys(localStorage).filter((key) => key.startsWith(prefix)).map((key) => localStorage.getItem(key)!), EMITTED);
  await reader.close();
  return logs.map((log) => (JSON.parse(log) as [string, string, string][]).map(([kind, eventId, ref]) => ({ kind, eventId, ref })));
}
