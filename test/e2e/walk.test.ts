import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPopup, readStore, stopServiceWorker } from './support/browser';
import { createDemoStudy, createPersona, storedVisits, useShop } from './support/journey';

/**
 * Issue 2, acceptance 1 and 2: a researcher sets up the demo study and a persona in the options page, starts a
 * session from the popup, walks the shop across five stages (with history-API and hash route changes), the
 * service worker is stopped mid-walk, and the session is stopped from the popup.
 */
describe('a persona walk-through', () => {
  let shop: Page;

  const env = useShop();

  it('is recorded as stage-tagged visits, in order, none lost or doubled across a worker stop', async () => {
    const options = await createDemoStudy(env.ext, env.site.url);
    await createPersona(options, 'Minji', '34', 'Buy a first smartphone');

    shop = await env.ext.context.newPage();
    await shop.goto(`${env.site.url}/`);
    const popup = await openPopup(env.ext, shop);
    await expect.poll(() => popup.getByTestId('current-stage').textContent()).toBe('Awareness');
    await popup.getByLabel('Persona').selectOption({ label: 'Minji' });
    await popup.getByLabel('Goal or task').fill('Buy a phone as a first-time buyer');
    await popup.getByRole('button', { name: 'Start session' }).click();
    await expect.poll(() => popup.getByTestId('session-visit-count').textContent()).toBe('1');
    await popup.close();

    await shop.getByRole('link', { name: 'Phones', exact: true }).first().click();
    await shop.waitForURL('**/category/phones');
    await shop.getByRole('link', { name: 'Aurora X' }).first().click();
    await shop.waitForURL('**/product/1');
    await shop.getByRole('button', { name: 'Add to cart' }).click();
    await storedVisits(env.ext, 3);

    // The browser stops idle workers; nothing the pages send meanwhile may be lost or stored twice.
    await stopServiceWorker(env.ext);
    await shop.getByRole('link', { name: /^Cart/ }).click();
    await shop.waitForURL('**/cart');
    await shop.getByRole('link', { name: 'Proceed to checkout' }).click();
    await shop.waitForURL('**/checkout');
    await shop.getByRole('button', { name: 'Continue to shipping' }).click();
    await shop.waitForURL('**/checkout/shipping');
    await stopServiceWorker(env.ext);
    await shop.getByRole('link', { name: 'Help', exact: true }).first().click();
    await shop.waitForURL('**/help');
    await shop.getByRole('link', { name: /returns/i }).first().click();
    await shop.waitForURL('**/help#/article/returns');

    await shop.getByRole('link', { name: 'Refer a friend' }).click();
    await shop.waitForURL('**/refer');

    const visits = await storedVisits(env.ext, 9);
    const [study] = await readStore<{ stages: { id: string; name: string }[] }>(env.ext, 'studies');
    const stage = (id: string | null) => study!.stages.find((s) => s.id === id)?.name ?? 'untagged';
    expect(visits.map((v) => [v.pageKey, stage(v.stageId), v.arrival])).toEqual([
      ['/', 'Awareness', 'session_start'],
      ['/category/:slug', 'Consideration', 'navigate'],
      ['/product/:id', 'Consideration', 'navigate'],
      ['/cart', 'Purchase', 'navigate'],
      ['/checkout', 'Purchase', 'navigate'],
      ['/checkout/shipping', 'Purchase', 'route_change'],
      ['/help', 'Retention', 'navigate'],
      ['/help#/article/:slug', 'Retention', 'route_change'],
      ['/refer', 'Advocacy', 'navigate'],
    ]);
    expect(new Set(visits.map((v) => v.id)).size).toBe(9);
    expect(visits.slice(0, -1).map((v) => v.endedBy)).toEqual(['link', 'link', 'link', 'link', 'route_change', 'link', 'route_change', 'link']);
    for (let i = 1; i < visits.length; i++) expect(visits[i - 1]!.leftAt).toBeLessThanOrEqual(visits[i]!.enteredAt);
    expect(visits.every((v) => !v.url.includes('?'))).toBe(true);

    const during = await openPopup(env.ext, shop);
    await expect.poll(() => during.getByTestId('session-visit-count').textContent()).toBe('9');
    await expect.poll(() => during.getByTestId('current-stage').textContent()).toBe('Advocacy');
    // The touchpoint's health with its parts (one short visit so far: it says the sample is thin).
    const health = during.getByTestId('touchpoint-health');
    await health.locator('summary').click();
    expect(await health.innerText()).toMatch(/Touchpoint health:\s*\d+[\s\S]*low confidence \(1 visit\)[\s\S]*Friction per visit[\s\S]*Exit rate/);
    const listed = await during.getByTestId('session-visits').locator('li').allInnerTexts();
    expect(listed.map((text) => text.replace(/\s+/g, ' ').trim())).toEqual(
      visits.map((v) => `${v.pageKey} ${stage(v.stageId)}`).reverse(),
    );
    await during.getByRole('button', { name: 'Stop: goal reached' }).click();
    await expect.poll(() => during.getByTestId('last-session').textContent()).toMatch(/Minji, goal reached/);
    await during.getByTestId('last-session').locator('summary').click();
    expect(await during.getByTestId('last-session').getByRole('listitem').count()).toBe(9);

    const [session] = await readStore<{ outcome: string; endedAt: number; goal: string }>(env.ext, 'sessions');
    expect(session).toMatchObject({ outcome: 'goal_reached', goal: 'Buy a phone as a first-time buyer' });
    const closed = await readStore<{ endedBy: string | null; pageKey: string }>(env.ext, 'visits');
    expect(closed.filter((v) => v.endedBy === null)).toEqual([]);
  });
});
