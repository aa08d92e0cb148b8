import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST_TEST, extensionWorlds, readStore, reloadExtension, waitUntil } from './support/browser';
import { addSurvey, askNow, createDemoStudy, startSessionOnShop, storedVisits, useShop, type StoredVisit } from './support/journey';
import { contextMenu, writeNote } from './support/page-tools';
import { hasShadowHost, shadowHostCount } from './support/shadow';

interface StoredSignal {
  kind: string;
  visitId: string;
  detail: { count?: number; clicks?: number };
}

/**
 * PRODUCT.md §9: an extension update mid-visit loses nothing. The observer left in the page without a runtime
 * hands its visit, its unsent events and the clicks it was still judging to the one the new worker injects
 * (content/succession.ts); the page sees one observer's work, not two.
 */
describe('an extension update in the middle of a visit', () => {
  const env = useShop({ dist: DIST_TEST });
  let shop: Page;

  /**
   * Reloads the extension as an update does, and waits for the new observer in `page`. A document loaded after
   * earlier reloads also holds empty contexts of the old extension's worlds, so the count only grows by one.
   */
  async function updateUnder(page: Page) {
    const before = await extensionWorlds(env.ext, page);
    await reloadExtension(env.ext, DIST_TEST);
    await waitUntil(async () => (await extensionWorlds(env.ext, page)) > before);
  }

  beforeAll(async () => {
    const options = await createDemoStudy(env.ext, env.site.url);
    await options.getByTestId('study-item').getByRole('button', { name: /^Edit/ }).click();
    await addSurvey(options, 'Emotion — five faces', 'On demand (keyboard shortcut or popup)', undefined, true);
    await options.getByRole('button', { name: 'Save study' }).click();
    await options.getByTestId('options-status').filter({ hasText: /saved/ }).waitFor();
    await options.close();
    shop = await startSessionOnShop(env);
  });

  it('goes on with the visit, judges the clicks it cut once, and shows the pins once', { timeout: 60_000 }, async () => {
    await shop.goto(`${env.site.url}/cart`);
    const [, cart] = await storedVisits(env.ext, 2);
    await writeNote(env.ext, shop, '#apply-coupon', 'Nothing happens on apply');
    await waitUntil(async () => (await shadowHostCount(env.ext, shop, 'JOURNEY-LENS-PINS')) === 1);

    // A burst on a button that does nothing, then the update at once: the dead click waits 7 s for an answer,
    // so the old observer is still judging it when the new one takes over.
    const coupon = shop.getByRole('button', { name: 'Apply coupon' });
    for (let i = 0; i < 4; i++) await coupon.click({ delay: 20 });
    await updateUnder(shop);

    const signals = async () => (await readStore<StoredSignal>(env.ext, 'signals')).filter((s) => s.visitId === cart!.id);
    const kinds = async () => (await signals()).map((s) => s.kind).sort();
    await expect.poll(kinds, { timeout: 20_000 }).toEqual(['dead_click', 'rage_click']);
    const burst = await signals();
    expect(burst.find((s) => s.kind === 'rage_click')!.detail.count).toBe(4);
    expect(burst.find((s) => s.kind === 'dead_click')!.detail.clicks).toBe(4);
    // The new observer drew the note's pin; the old one took its own down.
    expect(await shadowHostCount(env.ext, shop, 'JOURNEY-LENS-PINS')).toBe(1);

    // New clicks are the new observer's alone: one more rage click, not two.
    for (let i = 0; i < 4; i++) await coupon.click({ delay: 20 });
    await expect.poll(kinds, { timeout: 20_000 }).toEqual(['dead_click', 'dead_click', 'rage_click', 'rage_click']);

    // The cart visit went on under the new observer, and ends when the page is left: no second cart visit.
    await shop.goto(`${env.site.url}/help`);
    const visits = await storedVisits(env.ext, 3);
    expect(visits.filter((v) => v.url.endsWith('/cart')).map((v) => v.id)).toEqual([cart!.id]);
    await expect.poll(async () => (await readStore<StoredVisit>(env.ext, 'visits')).find((v) => v.id === cart!.id)!.leftAt).not.toBeNull();
  });

  /** A slow page's load, judged at the first click: before the update, or after it by the new observer. */
  async function slowPagesAcrossUpdate(clickBefore: boolean): Promise<number> {
    await shop.goto(`${env.site.url}/deals`);
    const origin = await shop.evaluate(() => Math.round(performance.timeOrigin));
    await shop.waitForFunction(() => (document.querySelector('img.deals-hero') as HTMLImageElement | null)?.complete === true, null, { timeout: 10_000 });
    const deals = async () => (await readStore<StoredVisit>(env.ext, 'visits')).find((v) => v.enteredAt === origin);
    const slowPages = async () => {
      const visit = await deals();
      return (await readStore<StoredSignal>(env.ext, 'signals')).filter((s) => s.kind === 'slow_page' && s.visitId === visit?.id).length;
    };
    const heading = shop.getByRole('heading', { level: 1 });
    if (clickBefore) {
      await heading.click();
      await expect.poll(slowPages, { timeout: 15_000 }).toBe(1);
    }
    await updateUnder(shop);
    // The new observer's first click, and the page's leaving, would each give a verdict not given yet.
    await heading.click();
    await shop.goto(`${env.site.url}/help`);
    await expect.poll(async () => (await deals())?.leftAt ?? null, { timeout: 15_000 }).not.toBeNull();
    return slowPages();
  }

  it('judges a slow page judged before the update once, not again after it', { timeout: 60_000 }, async () => {
    expect(await slowPagesAcrossUpdate(true)).toBe(1);
  });

  it('judges a slow page not judged before the update once, after it', { timeout: 60_000 }, async () => {
    expect(await slowPagesAcrossUpdate(false)).toBe(1);
  });

  it('stores the answer to a survey card shown before the update and answered after it', { timeout: 60_000 }, async () => {
    await shop.goto(`${env.site.url}/help`);
    const responses = async () => (await readStore<{ value: number | null; visitId: string }>(env.ext, 'responses')).length;
    const before = await responses();
    await askNow(env.ext, shop);
    await updateUnder(shop);
    // The card is the old observer's: it hands the answer on to the new one.
    await shop.keyboard.press('4');
    await shop.keyboard.press('Enter');
    await expect.poll(responses, { timeout: 15_000 }).toBe(before + 1);
  });

  // The form is written in the side panel (issue 17), which reaches the page's form through the observer's
  // runtime: an update ends that runtime, so the old observer cancels the forms it waits for as it retires, and
  // takes their card off the page rather than leave one nothing can answer.
  it('takes away a note form that was open during the update', { timeout: 60_000 }, async () => {
    await shop.goto(`${env.site.url}/help`);
    const form = () => hasShadowHost(env.ext, shop, 'JOURNEY-LENS-NOTE-FORM');
    const notesBefore = (await readStore(env.ext, 'annotations')).length;
    await contextMenu(env.ext, shop, 'annotate', 'h1');
    await waitUntil(form);
    await updateUnder(shop);
    await waitUntil(async () => !(await form()));
    expect(await readStore(env.ext, 'annotations')).toHaveLength(notesBefore);
  });
});
