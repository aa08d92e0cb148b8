import { describe, expect, it } from 'vitest';
import { openPopup } from './support/browser';
import { createDemoStudy, startSessionOnShop, useShop } from './support/journey';

/** Issue 17: the toolbar button shows that a walk is recorded, and its friction count, and nothing once it stops. */
describe('the toolbar badge', () => {
  const env = useShop();

  it('shows recording and the friction count while a session runs, and nothing after', async () => {
    const options = await createDemoStudy(env.ext, env.site.url);
    const badge = () => options.evaluate(() => chrome.action.getBadgeText({}));
    expect(await badge()).toBe('');
    const shop = await startSessionOnShop(env);
    await expect.poll(badge).toBe('●');
    await shop.goto(`${env.site.url}/cart`);
    const coupon = shop.getByRole('button', { name: 'Apply coupon' });
    for (let i = 0; i < 4; i++) await coupon.click({ delay: 20 });
    await expect.poll(badge, { timeout: 15_000 }).toMatch(/^●[1-9]/);
    const popup = await openPopup(env.ext, shop);
    await popup.getByRole('button', { name: 'Stop: abandoned' }).click();
    await popup.getByTestId('last-session').waitFor();
    await expect.poll(badge).toBe('');
  });
});
