import { describe, expect, it } from 'vitest';
import { openPopup } from './support/browser';
import { axeViolations } from './support/axe';
import { createDemoStudy, createPersona, useShop } from './support/journey';

/** Issue 9: popup, options and the studies, personas and map screens pass axe-core with nothing serious or critical. */
describe('accessibility (axe-core)', () => {
  const env = useShop();

  it('the options page: first run, study editor, personas', async () => {
    const options = await env.ext.context.newPage();
    await options.goto(env.ext.url('src/ui/options/index.html'));
    await options.getByRole('button', { name: 'Create the demo study' }).waitFor();
    expect(await axeViolations(options)).toEqual([]);
    await options.close();
    const studies = await createDemoStudy(env.ext, env.site.url);
    expect(await axeViolations(studies)).toEqual([]);
    await studies.getByTestId('study-item').getByRole('button', { name: /^Edit/ }).click();
    await studies.getByTestId('friction-settings').locator('summary').click();
    expect(await axeViolations(studies)).toEqual([]);
    await studies.getByRole('button', { name: 'Cancel' }).click();
    await createPersona(studies, 'Minji', '34', 'Buy a phone');
    expect(await axeViolations(studies)).toEqual([]);

    // Cancel with unsaved changes asks first: keeping on editing keeps them, discarding drops them.
    await studies.getByRole('button', { name: 'New persona' }).click();
    await studies.getByLabel('Name', { exact: true }).fill('Joon');
    await studies.getByRole('button', { name: 'Cancel' }).click();
    const dialog = studies.getByRole('dialog');
    await dialog.getByText('Your changes to this persona have not been saved.').waitFor();
    expect(await axeViolations(studies)).toEqual([]);
    await dialog.getByRole('button', { name: 'Keep editing' }).click();
    await expect.poll(() => studies.getByLabel('Name', { exact: true }).inputValue()).toBe('Joon');
    await studies.getByRole('button', { name: 'Cancel' }).click();
    await dialog.getByRole('button', { name: 'Discard changes' }).click();
    await expect.poll(() => studies.getByLabel('Name', { exact: true }).count()).toBe(0);
    expect(await studies.getByTestId('persona-item').allInnerTexts()).toEqual([expect.stringContaining('Minji')]);
  });

  it('the popup, idle and during a session', async () => {
    const shop = await env.ext.context.newPage();
    await shop.goto(`${env.site.url}/product/1`);
    const popup = await openPopup(env.ext, shop);
    await popup.getByRole('button', { name: 'Start session' }).waitFor();
    expect(await axeViolations(popup)).toEqual([]);
    await popup.getByRole('button', { name: 'Start session' }).click();
    await popup.getByTestId('session-visit-count').filter({ hasText: '1' }).waitFor();
    expect(await axeViolations(popup)).toEqual([]);
  });

  // Issue 17: the side panel (its page in a tab, told which tab it follows), during a session with friction.
  it('the side panel during a session', async () => {
    const shop = env.ext.context.pages().find((page) => page.url().endsWith('/product/1'))!;
    await shop.goto(`${env.site.url}/cart`);
    await shop.getByRole('button', { name: 'Apply coupon' }).click();
    const tabId = await (await env.ext.worker()).evaluate(async (url) => (await chrome.tabs.query({ url }))[0]!.id!, shop.url());
    const panel = await env.ext.context.newPage();
    await panel.goto(env.ext.url(`src/ui/panel/index.html?tab=${tabId}`));
    await panel.getByTestId('current-page-key').filter({ hasText: '/cart' }).waitFor();
    await panel.getByTestId('latest-signals').getByText(/dead click/i).waitFor({ timeout: 15_000 });
    expect(await axeViolations(panel)).toEqual([]);
  });
});
