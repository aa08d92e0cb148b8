import { describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { openPopup, readStore, stopServiceWorker, waitUntil, type Extension } from './support/browser';
import { createDemoStudy, startSessionOnShop, storedVisits, useShop } from './support/journey';

/**
 * Issue 8: the extension's storage really runs out (CDP's Storage.overrideQuotaForOrigin on the extension's own
 * origin shrinks its quota, and Chromium's IndexedDB refuses the commit with QuotaExceededError). Nothing the
 * pages record meanwhile is lost; the popup says why nothing is saved and what to do; once there is room again,
 * what waited is stored and the message goes.
 */
describe('a full store', () => {
  const env = useShop();

  /** Sets the quota of the extension's origin (in bytes), or gives the real one back. */
  async function quota(cdp: CDPSession, ext: Extension, bytes?: number) {
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: `chrome-extension://${ext.id}`, ...(bytes === undefined ? {} : { quotaSize: bytes }) });
  }

  /** A write to another database of the extension's origin (the same quota); returns how it ended. */
  async function smallWrite(ext: Extension): Promise<string> {
    const worker = await ext.worker();
    return worker.evaluate(
      (bytes) =>
        new Promise<string>((done) => {
          const open = indexedDB.open('e2e-filler', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('filler');
          open.onerror = () => done(String(open.error?.name));
          open.onsuccess = () => {
            const tx = open.result.transaction('filler', 'readwrite');
            tx.objectStore('filler').put(new Uint8Array(bytes), 'filler');
            tx.oncomplete = () => done('stored');
            tx.onabort = () => done(String(tx.error?.name));
            tx.addEventListener('complete', () => open.result.close());
            tx.addEventListener('abort', () => open.result.close());
          };
        }),
      1024,
    );
  }

  it('keeps the pages’ events, tells the person in the popup, and stores them once there is room', async () => {
    const options = await createDemoStudy(env.ext, env.site.url);
    const shop = await startSessionOnShop(env);
    await storedVisits(env.ext, 1);

    // The storage runs out: far below what is already used, so any write that grows the database fails. Chromium's
    // IndexedDB caches the space an origin has left for up to 30 s, so the new quota holds once that has passed.
    const cdp = await env.ext.context.newCDPSession(options);
    await quota(cdp, env.ext, 1);
    await waitUntil(async () => (await smallWrite(env.ext)) === 'QuotaExceededError', 45_000);

    await shop.getByRole('link', { name: 'Phones', exact: true }).first().click();
    await shop.waitForURL('**/category/phones');
    const popup = await openPopup(env.ext, shop);
    const notice = popup.getByTestId('store-health');
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.getAttribute('data-kind')).toBe('quota');
    expect(await notice.innerText()).toMatch(/Storage is full: new data is not being saved[\s\S]*free disk space[\s\S]*export old studies and delete them[\s\S]*how long data is kept/);
    await expect.poll(async () => Number(/(\d+) events? from/.exec(await popup.getByTestId('store-health-waiting').innerText())?.[1])).toBeGreaterThanOrEqual(1);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
    expect(await readStore(env.ext, 'visits')).toHaveLength(1);

    // A write from the options page says the same, specifically.
    await options.getByTestId('study-item').getByRole('button', { name: /^Edit/ }).click();
    await options.getByRole('button', { name: 'Save study' }).click();
    await expect.poll(() => options.getByRole('alert').filter({ hasText: /out of storage space/ }).count()).toBeGreaterThan(0);

    // The browser stops the worker: the health is still known, and the page still holds its events.
    await stopServiceWorker(env.ext);
    const afterStop = await openPopup(env.ext, shop);
    await expect.poll(() => afterStop.getByTestId('store-health').count()).toBe(1);
    await afterStop.close();

    await quota(cdp, env.ext);
    const visits = await storedVisits(env.ext, 2);
    expect(visits.map((v) => v.pageKey)).toEqual(['/', '/category/:slug']);
    const healed = await openPopup(env.ext, shop);
    await expect.poll(() => healed.getByTestId('session-visit-count').textContent()).toBe('2');
    expect(await healed.getByTestId('store-health').count()).toBe(0);
    await healed.close();
  });
});

describe('retention', () => {
  const env = useShop();

  async function walkAndStop(shop: Page) {
    await shop.getByRole('link', { name: 'Phones', exact: true }).first().click();
    await shop.waitForURL('**/category/phones');
    const popup = await openPopup(env.ext, shop);
    await popup.getByRole('button', { name: 'Stop: goal reached' }).click();
    await popup.getByTestId('last-session').waitFor();
    await popup.close();
    // A tab left open would join the next session when it starts.
    await shop.close();
  }

  it('previews what it removes, removes it on confirm, and never the running session', async () => {
    const options = await createDemoStudy(env.ext, env.site.url);
    await walkAndStop(await startSessionOnShop(env));
    await walkAndStop(await startSessionOnShop(env));
    const running = await startSessionOnShop(env);
    await storedVisits(env.ext, 5);
    const sessions = await readStore<{ id: string; endedAt: number | null }>(env.ext, 'sessions');
    const runningId = sessions.find((s) => s.endedAt === null)!.id;

    await options.getByRole('tab', { name: 'Data' }).click();
    await options.getByLabel('Keep the most recent sessions of each study (count)').fill('0');
    await options.getByRole('button', { name: 'Review and save…' }).click();
    await expect.poll(() => options.getByText('Enter a whole number from 1 to 10000, or leave it empty.').count()).toBe(1);

    // Keep 1: the running session is the most recent, so the two walks before it go.
    await options.getByLabel('Keep the most recent sessions of each study (count)').fill('1');
    await options.getByRole('button', { name: 'Review and save…' }).click();
    const preview = options.getByTestId('retention-preview');
    await expect.poll(() => preview.count()).toBe(1);
    expect(await preview.innerText()).toMatch(/Removed now — sessions: 2, page visits: 4, friction signals: \d+, survey answers: 0, feedback reports: 0\.\s*Recorded between .+ and .+\./);
    expect(await axeViolations(options)).toEqual([]);
    // Nothing changes before the confirmation.
    expect(await readStore(env.ext, 'sessions')).toHaveLength(3);
    await options.getByRole('dialog').getByRole('button', { name: 'Remove and save' }).click();
    await expect.poll(() => options.getByTestId('options-status').textContent()).toBe('Retention saved; sessions removed: 2.');

    expect((await readStore<{ id: string }>(env.ext, 'sessions')).map((s) => s.id)).toEqual([runningId]);
    const visits = await readStore<{ sessionId: string }>(env.ext, 'visits');
    expect(visits.map((v) => v.sessionId)).toEqual([runningId]);
    expect((await readStore<{ sessionId: string }>(env.ext, 'signals')).every((s) => s.sessionId === runningId)).toBe(true);
    expect(await readStore(env.ext, 'meta')).toContainEqual({ days: null, sessionsPerStudy: 1 });

    // The running session keeps recording.
    await running.getByRole('link', { name: 'Phones', exact: true }).first().click();
    await storedVisits(env.ext, 2);
    // The setting is read back when the page opens again.
    await options.reload();
    await options.getByRole('tab', { name: 'Data' }).click();
    await expect.poll(() => options.getByLabel('Keep the most recent sessions of each study (count)').inputValue()).toBe('1');
    expect(await options.getByLabel('Keep sessions from the last (days)').inputValue()).toBe('');
  });

  it('is applied again when the worker starts, without the options page', async () => {
    // "Keep 1" holds; a new session makes the last one the second most recent. Starting a session does not apply
    // retention; the next worker start does.
    await walkAndStop(env.ext.context.pages().find((p) => p.url().startsWith(env.site.url))!);
    const shop = await startSessionOnShop(env);
    const ids = async () => (await readStore<{ id: string; endedAt: number | null }>(env.ext, 'sessions')).map((s) => [s.endedAt === null, s.id] as const);
    const [ended, running] = (await ids()).sort(([a], [b]) => Number(a) - Number(b));
    expect([ended?.[0], running?.[0]]).toEqual([false, true]);
    await stopServiceWorker(env.ext);
    // The page's next message wakes the worker.
    await shop.getByRole('link', { name: 'Phones', exact: true }).first().click();
    await expect.poll(async () => (await ids()).map(([, id]) => id)).toEqual([running![1]]);
  });
});
