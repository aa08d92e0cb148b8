import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPopup } from './support/browser';
import { createDemoStudy, useShop } from './support/journey';

/** Chromium's action popup is at most this tall; what is below scrolls, out of sight. */
const POPUP_MAX_HEIGHT = 600;

/** Where `name`'s button is in the popup's viewport (Playwright's boxes are the viewport's, scrolled as it is). */
async function reach(popup: Page, name: string | RegExp): Promise<{ top: number; bottom: number; height: number }> {
  const button = popup.getByRole('button', { name });
  await button.waitFor();
  const box = (await button.boundingBox())!;
  return { top: box.y, bottom: box.y + box.height, height: await popup.evaluate(() => innerHeight) };
}

/**
 * Issue 17: the popup fits Chromium's 600 px popup at 100 % zoom with Start, and then Stop, in view without
 * scrolling, on a study page with the demo study's persona and surveys.
 */
describe('the popup fits its 600 px', () => {
  const env = useShop();

  it('shows Start, and then Stop, without scrolling', async () => {
    await createDemoStudy(env.ext, env.site.url, true);
    const shop = await env.ext.context.newPage();
    await shop.goto(`${env.site.url}/cart`);
    // The real popup, then its page at exactly the popup's largest size (the headless screen draws it shorter).
    await (await openPopup(env.ext, shop)).close();
    const tabId = await (await env.ext.worker()).evaluate(async (url) => (await chrome.tabs.query({ url }))[0]!.id!, shop.url());
    const popup = await env.ext.context.newPage();
    await popup.setViewportSize({ width: 380, height: POPUP_MAX_HEIGHT });
    await popup.goto(env.ext.url(`src/ui/popup/index.html?tab=${tabId}`));
    await popup.getByTestId('current-page-key').waitFor();
    expect(await popup.evaluate(() => devicePixelRatio)).toBe(1);
    const start = await reach(popup, 'Start session');
    console.log(`Start: bottom ${start.bottom} px of ${start.height} px`);
    expect(start.height).toBe(POPUP_MAX_HEIGHT);
    expect(start.top).toBeGreaterThanOrEqual(0);
    expect(start.bottom).toBeLessThanOrEqual(start.height);
    await popup.getByRole('button', { name: 'Start session' }).click();
    // A walk of a few pages and a dead click: the visit list, the friction table and the survey state grow.
    await popup.getByTestId('session-visit-count').waitFor();
    for (const path of ['/', '/product/1', '/about', '/help', '/cart']) {
      await shop.goto(`${env.site.url}${path}`);
      await shop.waitForTimeout(300); // the page's hello: a visit per page
    }
    await shop.getByRole('button', { name: 'Apply coupon' }).click();
    await expect.poll(async () => Number(await popup.getByTestId('session-visit-count').textContent()), { timeout: 15_000 }).toBeGreaterThanOrEqual(5);
    await expect.poll(() => popup.getByTestId('friction-counts').isVisible(), { timeout: 15_000 }).toBe(true);
    for (const name of ['Stop: goal reached', 'Stop: abandoned']) {
      const stop = await reach(popup, name);
      console.log(`${name}: bottom ${stop.bottom} px of ${stop.height} px`);
      expect(stop.top).toBeGreaterThanOrEqual(0);
      expect(stop.bottom).toBeLessThanOrEqual(stop.height);
    }
  });
});
