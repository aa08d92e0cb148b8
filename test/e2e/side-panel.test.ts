import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readStore } from './support/browser';
import { createDemoStudy, startSessionOnShop, useShop } from './support/journey';

/**
 * Issue 17, acceptance 2 (the side panel's page opened as a tab, told which tab it watches as the popup is): the
 * stage follows a navigation, and a dead click shows in the panel within a second of being decided.
 */
describe('the side panel, the live console of a walk', () => {
  const env = useShop();
  let shop: Page;
  let panel: Page;

  beforeAll(async () => {
    await createDemoStudy(env.ext, env.site.url);
    shop = await startSessionOnShop(env);
    const options = await env.ext.context.newPage();
    await options.goto(env.ext.url('src/ui/options/index.html'));
    const tabId = await options.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]!.id!, shop.url());
    await options.close();
    panel = await env.ext.context.newPage();
    await panel.goto(env.ext.url(`src/ui/panel/index.html?tab=${tabId}`));
  });

  it('follows the page’s stage through a navigation', async () => {
    await expect.poll(() => panel.getByTestId('current-page-key').textContent()).toBe('/');
    await shop.goto(`${env.site.url}/cart`);
    await expect.poll(() => panel.getByTestId('current-page-key').textContent()).toBe('/cart');
    await expect.poll(() => panel.getByTestId('current-stage').textContent()).toContain('Purchase');
  });

  it('shows a dead click within a second of it being decided', async () => {
    await shop.getByRole('button', { name: 'Apply coupon' }).click();
    await expect.poll(async () => (await readStore<{ kind: string }>(env.ext, 'signals')).some((s) => s.kind === 'dead_click'), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => panel.getByTestId('latest-signals').textContent(), { timeout: 1000, interval: 50 }).toMatch(/dead click/i);
  });
});
