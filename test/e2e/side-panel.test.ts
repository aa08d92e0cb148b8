import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readStore } from './support/browser';
import { addSurvey, createDemoStudy, startSessionOnShop, useShop } from './support/journey';
import { hasShadowHost } from './support/shadow';

/**
 * Issue 17, acceptance 2 (the side panel's page opened as a tab, told which tab it watches as the popup is): the
 * stage follows a navigation, a skipped survey says why, and a dead click shows in the panel within a second of
 * being decided.
 */
describe('the side panel, the live console of a walk', () => {
  const env = useShop();
  let shop: Page;
  let panel: Page;

  beforeAll(async () => {
    const study = await createDemoStudy(env.ext, env.site.url);
    // Two stages ask on entry; the study's default gap between prompts (5 minutes) holds the second back.
    await study.getByTestId('study-item').getByRole('button', { name: /^Edit/ }).click();
    await addSurvey(study, 'CES — effort 1–7', 'Entering a stage', ['Stage', 'Consideration']);
    await addSurvey(study, 'CSAT — satisfaction 1–5', 'Entering a stage', ['Stage', 'Purchase']);
    await study.getByRole('button', { name: 'Save study' }).click();
    await study.getByTestId('options-status').filter({ hasText: /saved/ }).waitFor();
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
    // Entering Purchase asked its survey; dismissed, it starts the gap before the next prompt.
    await expect.poll(() => hasShadowHost(env.ext, shop, 'JOURNEY-LENS-SURVEY')).toBe(true);
    await shop.keyboard.press('Escape');
    await expect.poll(() => hasShadowHost(env.ext, shop, 'JOURNEY-LENS-SURVEY')).toBe(false);
  });

  it('says why a survey due on entering a stage was not asked', async () => {
    await shop.goto(`${env.site.url}/product/1`);
    await expect.poll(() => panel.getByTestId('prompt-skip').textContent(), { timeout: 15_000 }).toContain('too soon after the previous one');
  });

  it('shows a dead click within a second of it being decided', async () => {
    await shop.goto(`${env.site.url}/cart`);
    await shop.getByRole('button', { name: 'Apply coupon' }).click();
    await expect.poll(async () => (await readStore<{ kind: string }>(env.ext, 'signals')).some((s) => s.kind === 'dead_click'), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => panel.getByTestId('latest-signals').textContent(), { timeout: 1000, interval: 50 }).toMatch(/dead click/i);
  });

  it('counts down to the next possible survey, and shows a signal’s element in the page', async () => {
    await expect.poll(() => panel.getByTestId('next-prompt').textContent()).toMatch(/^Next survey possible in \d+:\d\d$/);
    await panel.getByTestId('latest-signals').getByRole('button', { name: /^Show me: Dead click/ }).first().click();
    await expect.poll(() => hasShadowHost(env.ext, shop, 'JOURNEY-LENS-OUTLINE')).toBe(true);
  });
});
