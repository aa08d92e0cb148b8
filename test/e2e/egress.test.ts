import { composeReady } from './support/compose';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST_TEST, downloadFileFrom, openPopup, readStore, stopServiceWorker } from './support/browser';
import { addSurvey, askNow, createDemoStudy, createPersona, useShop } from './support/journey';
import { watchNetwork, type NetworkWatch } from './support/network';
import { contextMenu, writeNote } from './support/page-tools';
import { hasShadowHost } from './support/shadow';

/** `JL_SCREENSHOTS=1` makes this walk also write the README's pictures; normal runs leave the tree alone. */
const SCREENSHOTS = process.env.JL_SCREENSHOTS === '1' ? resolve(import.meta.dirname, '../../docs') : null;

/**
 * Issue 8: during a whole researcher's walk — study and persona, a session from the popup, pages with friction,
 * a survey answered, a note, a feedback report with its screenshot, the map and every export — the extension
 * makes no network request: its worker, popup and options page fetch nothing but their own files. The web page
 * fetches only from its own site. First the watcher is shown to catch a fetch from each of those places.
 */
describe('no network', () => {
  const env = useShop({ dist: DIST_TEST });
  let watch: NetworkWatch;

  beforeAll(async () => {
    watch = await watchNetwork(env.ext);
  });
  afterAll(() => watch?.stop());

  it('the watcher sees a fetch made by the worker, by an extension page and by the popup; their policy refuses one off the extension', async () => {
    // The extension pages' CSP (default-src 'self') refuses any request off the extension, so the watcher is shown
    // a request for one of our own files from each place, and each place shown to be refused the site.
    const probe = (n: number) => env.ext.url(`manifest.json?probe=${n}`);
    const offsite = `${env.site.url}/about?probe=off`;
    const fetchBoth = (url: string) => fetch(url).then((r) => r.status);
    const refused = (url: string) => fetch(url).then(() => 'fetched', () => 'refused');
    const worker = await env.ext.worker();
    await worker.evaluate(fetchBoth, probe(1));
    const options = await env.ext.context.newPage();
    await options.goto(env.ext.url('src/ui/options/index.html'));
    await options.evaluate(fetchBoth, probe(2));
    const shop = await env.ext.context.newPage();
    await shop.goto(`${env.site.url}/`);
    const popup = await openPopup(env.ext, shop);
    await popup.evaluate(fetchBoth, probe(3));
    await expect.poll(() => watch.seen.filter((r) => r.url.includes('?probe=')).map((r) => r.url)).toEqual([probe(1), probe(2), probe(3)]);
    expect(watch.seen.filter((r) => r.url.includes('?probe=')).map((r) => [r.target, r.from.replace(env.ext.url(''), '')])).toEqual([
      ['service_worker', 'service-worker-loader.js'],
      ['page', 'src/ui/options/index.html'],
      ['other', 'src/ui/popup/index.html'],
    ]);
    expect([await worker.evaluate(refused, offsite), await options.evaluate(refused, offsite), await popup.evaluate(refused, offsite)]).toEqual(['refused', 'refused', 'refused']);
    expect(watch.egress(env.site.url)).toEqual([]);
    await popup.close();
    await options.close();
    await shop.close();
    watch.seen.length = 0;
  });

  it('a whole walk, from setting up a study to exporting it, makes none', async () => {
    const options = await createDemoStudy(env.ext, env.site.url);
    await options.getByTestId('study-item').getByRole('button', { name: /^Edit/ }).click();
    await addSurvey(options, 'Emotion — five faces', 'After a friction signal', ['Signal', 'Rage click']);
    await addSurvey(options, 'Emotion — five faces', 'On demand (keyboard shortcut or popup)', undefined, true);
    await options.getByRole('button', { name: 'Save study' }).click();
    await options.getByTestId('options-status').filter({ hasText: /saved/ }).waitFor();
    await createPersona(options, 'Minji', '34', 'Buy a first smartphone');
    await createPersona(options, 'Joon', '52', 'Replace a broken phone, then tell friends');

    const shop = await env.ext.context.newPage();
    const startSession = async (persona: string, goal: string) => {
      await shop.goto(`${env.site.url}/`);
      const start = await openPopup(env.ext, shop);
      await start.getByLabel('Persona').selectOption({ label: persona });
      await start.getByLabel('Goal or task').fill(goal);
      await start.getByRole('button', { name: 'Start session' }).click();
      await start.getByTestId('session-visit-count').filter({ hasText: '1' }).waitFor();
      await start.close();
    };
    const responses = async () => (await readStore(env.ext, 'responses')).length;
    /** The popup's "Ask now", answered with the n-th face. */
    const answerNow = async (face: string) => {
      const before = await responses();
      await askNow(env.ext, shop);
      await shop.keyboard.press(face);
      await shop.keyboard.press('Enter');
      await expect.poll(responses).toBe(before + 1);
    };

    // First session: a quick, happy one that ends by recommending the shop (how it felt, asked at each stage).
    await startSession('Joon', 'Replace a broken phone');
    await answerNow('4');
    await shop.getByRole('link', { name: 'Phones', exact: true }).first().click();
    await shop.getByRole('link', { name: 'Pulse 12' }).first().click();
    await shop.waitForURL('**/product/**');
    await answerNow('5');
    await shop.getByRole('button', { name: 'Add to cart' }).click();
    await shop.getByRole('link', { name: /^Cart/ }).click();
    await shop.waitForURL('**/cart');
    await answerNow('4');
    await shop.getByRole('link', { name: 'Refer a friend' }).click();
    await shop.waitForURL('**/refer');
    await answerNow('5');
    const stop = await openPopup(env.ext, shop);
    await stop.getByRole('button', { name: 'Stop: goal reached' }).click();
    await stop.getByTestId('last-session').waitFor();
    await stop.close();

    // Second session: friction, a note, a feedback report.
    await startSession('Minji', 'Buy a phone as a first-time buyer');

    await shop.getByRole('link', { name: 'Phones', exact: true }).first().click();
    await shop.getByRole('link', { name: 'Aurora X' }).first().click();
    await shop.waitForURL('**/product/1');
    await shop.getByRole('button', { name: 'Add to cart' }).click();
    await shop.getByRole('link', { name: /^Cart/ }).click();
    await shop.waitForURL('**/cart');
    // Friction: a coupon button that does nothing, clicked again and again; the emotion survey follows.
    const coupon = shop.getByRole('button', { name: 'Apply coupon' });
    for (let i = 0; i < 4; i++) await coupon.click({ delay: 20 });
    await expect.poll(() => hasShadowHost(env.ext, shop, 'JOURNEY-LENS-SURVEY')).toBe(true);
    await shop.keyboard.press('2');
    await shop.keyboard.press('Enter');
    await expect.poll(responses).toBe(5);
    await writeNote(env.ext, shop, '#apply-coupon', 'Coupons fail without a word');
    expect(await readStore(env.ext, 'annotations')).toHaveLength(1);
    await writeNote(env.ext, shop, '#apply-coupon', 'Say why a coupon was refused, next to the field', 'opportunity');
    expect((await readStore<{ type: string }>(env.ext, 'annotations')).map((a) => a.type).sort()).toEqual(['opportunity', 'pain_point']);

    // The browser stops an idle worker; the one that starts again is watched from its first request.
    await stopServiceWorker(env.ext);
    await shop.getByRole('link', { name: 'Proceed to checkout' }).click();
    await shop.waitForURL('**/checkout');
    await expect.poll(async () => (await readStore<{ pageKey: string }>(env.ext, 'visits')).filter((v) => v.pageKey === '/checkout').length).toBe(1);
    await shop.getByRole('link', { name: 'Account' }).first().click();
    await shop.waitForURL('**/account');
    await shop.getByRole('button', { name: 'Track order' }).click();
    await contextMenu(env.ext, shop, 'feedback', '#track-order');
    const form = (await composeReady(env.ext, shop)).page;
    await form.keyboard.type('Tracking an order shows nothing at all.');
    await form.keyboard.press('Control+Enter');
    await expect.poll(async () => (await readStore<{ screenshotId: string | null }>(env.ext, 'feedback'))[0]?.screenshotId ?? null).not.toBeNull();
    await shop.getByRole('link', { name: 'Help', exact: true }).first().click();
    await shop.waitForURL('**/help');
    await shop.getByRole('link', { name: /returns/i }).first().click();
    await shop.waitForURL('**/help#/article/returns');

    const during = await openPopup(env.ext, shop);
    await expect.poll(() => during.getByTestId('session-visit-count').textContent()).toBe('8');
    if (SCREENSHOTS) {
      await mkdir(SCREENSHOTS, { recursive: true });
      await during.getByTestId('latest-signals').waitFor();
      await during.screenshot({ path: `${SCREENSHOTS}/popup.png`, fullPage: true });
    }
    await during.getByRole('button', { name: 'Stop: abandoned' }).click();
    await during.getByTestId('last-session').waitFor();
    await during.close();

    await options.bringToFront();
    await options.getByRole('tab', { name: 'Journey map' }).click();
    await options.getByTestId('journey-map').waitFor();
    await expect.poll(() => options.getByTestId('pain-points').allInnerTexts()).toContainEqual(expect.stringContaining('Coupons fail without a word'));
    if (SCREENSHOTS) {
      // The headline figures, the map and its legend: the picture as a person sees the tab.
      await options.setViewportSize({ width: 1440, height: 900 });
      const from = (await options.locator('.map-summary').boundingBox())!;
      const to = (await options.getByRole('list', { name: 'What the touchpoint colours mean' }).boundingBox())!;
      const map = (await options.getByTestId('journey-map').boundingBox())!;
      await options.screenshot({ path: `${SCREENSHOTS}/journey-map.png`, fullPage: true, clip: { x: map.x - 12, y: from.y - 12, width: map.width + 24, height: to.y + to.height - from.y + 24 } });
    }
    const exports = ['Download JSON', 'Download Markdown report', 'Download SVG', 'Download PNG', ...['visits', 'signals', 'responses', 'annotations', 'feedback'].map((kind) => `Download CSV: ${kind}`)];
    for (const name of exports) {
      const file = await downloadFileFrom(env.ext, options, () => options.getByRole('button', { name, exact: true }).click());
      expect(file.data.length, name).toBeGreaterThan(0);
      if (SCREENSHOTS && name === 'Download PNG') await writeFile(`${SCREENSHOTS}/journey-map-export.png`, file.data);
    }
    await options.getByRole('tab', { name: 'Feedback reports' }).click();
    await options.getByTestId('feedback-item').waitFor();
    await expect.poll(() => options.locator('[data-testid="feedback-item"] img.shot').evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);

    // The watcher was watching: it saw the popup and the options page load their own files, and the shop its pages.
    expect(watch.seen.some((r) => r.byExtension && r.from.includes('/src/ui/popup/'))).toBe(true);
    expect(watch.seen.some((r) => r.byExtension && r.from.includes('/src/ui/options/'))).toBe(true);
    expect(watch.seen.some((r) => !r.byExtension && r.url.endsWith('/help'))).toBe(true);
    expect(watch.egress(env.site.url)).toEqual([]);

    // And it still watches the worker that started again after the stop: a request from it is seen.
    const worker = await env.ext.worker();
    await worker.evaluate((url) => fetch(url).then((r) => r.status), env.ext.url('manifest.json?probe=after'));
    await expect.poll(() => watch.seen.filter((r) => r.url.endsWith('?probe=after')).map((r) => r.target)).toEqual(['service_worker']);
  });
});
