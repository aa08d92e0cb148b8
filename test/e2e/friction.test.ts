import { beforeAll, describe, expect, it } from 'vitest';
import { StudyExport } from '../../src/core/exchange/study-export';
import type { Page } from 'playwright-core';
import { downloadFrom, dumpStores, openPopup, readStore } from './support/browser';
import { createDemoStudy, startSessionOnShop, useShop } from './support/journey';

interface StoredSignal {
  id: string;
  kind: string;
  pageKey: string;
  visitId: string;
  element: { selector: string; name: string | null } | null;
  detail: Record<string, unknown>;
}

const CANARY = 'CANARY-7f3a9q';

/**
 * Issue 3, acceptance 2–4: a normal walk through the demo shop produces no signal; then each planted episode
 * produces exactly its signals, the popup shows the counts and the latest signal after each, and nothing typed
 * is stored.
 */
describe('friction signals on the demo shop', () => {
  let shop: Page;

  const env = useShop();

  beforeAll(async () => {
    await createDemoStudy(env.ext, env.site.url);
    shop = await startSessionOnShop(env);
  });

  const signals = () => readStore<StoredSignal>(env.ext, 'signals');

  /** Goes to a page and waits until its visit is recorded: from then on the observer sees every click. */
  async function visit(path: string): Promise<void> {
    const before = (await readStore(env.ext, 'visits')).length;
    await shop.goto(`${env.site.url}${path}`);
    await expect.poll(async () => (await readStore(env.ext, 'visits')).length).toBeGreaterThan(before);
  }
  const kinds = async () => (await signals()).map((s) => s.kind).sort();
  let seen: string[] = [];
  const seenIds = new Set<string>();

  /** Waits for the planted kinds to be stored (and no others), then checks the popup shows them. */
  async function expectEpisode(planted: string[]): Promise<StoredSignal[]> {
    const expected = [...seen, ...planted].sort();
    await expect
      .poll(kinds, { timeout: 15_000 })
      .toEqual(expected)
      .catch(async (error: unknown) => {
        // What the episode stored, to tell a miss from a false alarm.
        console.log('signals of this episode:', JSON.stringify((await signals()).filter((s) => !seenIds.has(s.id))));
        throw error;
      });
    const fresh = (await signals()).filter((s) => !seenIds.has(s.id));
    for (const signal of fresh) seenIds.add(signal.id);
    seen = expected;
    const popup = await openPopup(env.ext, shop);
    for (const kind of new Set(planted)) {
      const row = popup.getByTestId('friction-counts').locator(`tr[data-kind="${kind}"] td`).last();
      await expect.poll(() => row.textContent()).toBe(String(seen.filter((k) => k === kind).length));
    }
    const latest = await popup.getByTestId('latest-signals').locator('li').first().getAttribute('data-kind');
    expect(planted).toContain(latest);
    await popup.close();
    return fresh;
  }

  it('a normal walk (links, working buttons, reading, one scroll) produces none', async () => {
    await shop.mouse.wheel(0, 600);
    await shop.getByRole('link', { name: 'Phones', exact: true }).first().click();
    await shop.waitForURL('**/category/phones');
    await shop.getByRole('link', { name: 'Pulse 12' }).first().click();
    await shop.waitForURL('**/product/2');
    await shop.getByRole('button', { name: 'Add to cart' }).click();
    await shop.getByRole('link', { name: /^Cart/ }).click();
    await shop.waitForURL('**/cart');
    await shop.getByRole('link', { name: 'Proceed to checkout' }).click();
    await shop.getByRole('button', { name: 'Continue to shipping' }).click();
    await shop.waitForURL('**/checkout/shipping');
    await shop.getByRole('link', { name: 'Help', exact: true }).first().click();
    await shop.waitForURL('**/help');
    await shop.getByRole('link', { name: /returns/i }).first().click();
    await shop.waitForURL('**/help#/article/returns');
    await shop.waitForTimeout(1600); // past the dead-end check of the last route
    await shop.getByRole('link', { name: 'Refer a friend' }).click();
    await shop.waitForURL('**/refer');
    await shop.getByRole('button', { name: 'Copy referral link' }).click();
    await shop.waitForTimeout(2000);
    expect(await kinds()).toEqual([]);
    const popup = await openPopup(env.ext, shop);
    await popup.getByTestId('friction-none').waitFor();
    await popup.close();
  });

  it('an unresponsive "Apply coupon" button is one dead click', async () => {
    await shop.getByRole('link', { name: /^Cart/ }).click();
    await shop.waitForURL('**/cart');
    await shop.getByRole('button', { name: 'Apply coupon' }).click();
    const [dead] = await expectEpisode(['dead_click']);
    expect(dead!.element).toMatchObject({ selector: '#apply-coupon', name: 'Apply coupon' });
  });

  it('clicking it again and again is a rage click (and one dead click for the burst)', async () => {
    const coupon = shop.getByRole('button', { name: 'Apply coupon' });
    for (let i = 0; i < 4; i++) await coupon.click({ delay: 20 });
    const found = await expectEpisode(['rage_click', 'dead_click']);
    expect(found.find((s) => s.kind === 'rage_click')!.detail.count).toBe(4);
    expect(found.find((s) => s.kind === 'dead_click')!.detail.clicks).toBe(4);
  });

  it('a button that answers after 4 s is a slow click', async () => {
    await visit('/product/3');
    // Scroll first, as a person does: a scroll right after a click would count as the page answering it.
    const check = shop.getByRole('button', { name: 'Check store stock' });
    await check.scrollIntoViewIfNeeded();
    await shop.waitForTimeout(400);
    await check.click();
    await shop.getByText('In stock at 3 stores').waitFor();
    const [slow] = await expectEpisode(['slow_click']);
    expect(slow!.detail.delayMs).toBeGreaterThanOrEqual(3900);
    expect(slow!.detail.delayMs).toBeLessThan(5000);
  });

  it('a button that throws is a page error and an error click (and, as nothing happens, a dead click)', async () => {
    await visit('/account');
    await shop.getByRole('button', { name: 'Track order' }).click();
    const found = await expectEpisode(['error', 'error_click', 'dead_click']);
    expect(found.find((s) => s.kind === 'error')!.detail.message).toMatch(/Order tracking service unavailable/);
    expect(found.find((s) => s.kind === 'error_click')!.element!.selector).toBe('#track-order');
  });

  it('a broken link to a 404 is a dead end on the error page', async () => {
    await shop.getByRole('link', { name: 'About' }).first().click();
    await shop.waitForURL('**/about');
    await shop.getByRole('link', { name: 'Careers' }).click();
    await shop.waitForURL('**/careers');
    const [deadEnd] = await expectEpisode(['dead_end']);
    expect(deadEnd!.detail).toEqual({ reason: 'http_error', status: 404 });
  });

  it('a 404 left by Back after half a second is still a dead end, and a quick back', async () => {
    // Issue 15, 1: the check waited 1.5 s and leaving cancelled it; a quick bounce is how people meet a 404.
    await visit('/');
    await shop.getByRole('link', { name: 'About' }).first().click();
    await shop.waitForURL('**/about');
    await shop.waitForTimeout(10_500); // past a quick back on About itself
    await shop.getByRole('link', { name: 'Careers' }).click();
    await shop.waitForURL('**/careers');
    await shop.waitForTimeout(500);
    await shop.goBack();
    await shop.waitForURL('**/about');
    const found = await expectEpisode(['dead_end', 'quick_back']);
    expect(found.find((s) => s.kind === 'dead_end')!.detail).toEqual({ reason: 'http_error', status: 404 });
  });

  it('a soft 404 is a dead end', async () => {
    await visit('/promo/winter-sale');
    const [deadEnd] = await expectEpisode(['dead_end']);
    expect(deadEnd!.detail).toMatchObject({ reason: 'soft_404' });
  });

  it('a page with no way forward is a dead end', async () => {
    await visit('/');
    await shop.getByLabel(/email/i).last().fill(`${CANARY}@example.com`);
    await shop.getByRole('button', { name: 'Subscribe' }).click();
    await shop.waitForURL('**/newsletter/thanks');
    const [deadEnd] = await expectEpisode(['dead_end']);
    expect(deadEnd!.detail).toEqual({ reason: 'no_way_forward' });
  });

  it('a form left half-filled is form abandonment, and nothing typed is stored', async () => {
    await visit('/account/register');
    await shop.locator('#reg-name').fill(`Name ${CANARY}`);
    await shop.locator('#reg-password').fill(`pw-${CANARY}`);
    await shop.locator('#reg-about').fill(`About ${CANARY}`);
    await shop.locator('#reg-bio').click();
    await shop.keyboard.type(`Bio ${CANARY}`);
    await shop.getByRole('link', { name: 'Account' }).first().click();
    await shop.waitForURL('**/account');
    const [abandoned] = await expectEpisode(['form_abandonment']);
    expect(abandoned!.detail.fields).toBe(4);
    expect(abandoned!.pageKey).toBe('/account/*');
  });

  it('a slow hero image makes a slow page', async () => {
    await visit('/deals');
    await shop.waitForFunction(() => (document.querySelector('img.deals-hero') as HTMLImageElement | null)?.complete === true, null, { timeout: 10_000 });
    await shop.waitForTimeout(300);
    await shop.getByRole('link', { name: 'Help', exact: true }).first().click();
    await shop.waitForURL('**/help');
    const [slow] = await expectEpisode(['slow_page']);
    expect(slow!.detail.lcpMs).toBeGreaterThan(4000);
    expect(slow!.pageKey).toBe('/deals');
  });

  it('scrolling up and down without clicking is excessive scrolling', async () => {
    await visit('/guides/choosing-a-phone');
    for (let i = 0; i < 4; i++) {
      await shop.mouse.wheel(0, 900);
      await shop.waitForTimeout(250);
      await shop.mouse.wheel(0, -700);
      await shop.waitForTimeout(250);
    }
    await expectEpisode(['excessive_scroll']);
  });

  /** Clicks a button already in view: Playwright's own scrolling to it would answer the click. */
  async function clickInView(name: string): Promise<void> {
    const button = shop.getByRole('button', { name });
    await button.scrollIntoViewIfNeeded();
    await shop.waitForTimeout(300);
    await button.click();
  }
  /** Past the time an unanswered click is given up on, the person moves on (a heading asks for nothing). */
  async function moveOnAfterGivingUp(): Promise<void> {
    await shop.waitForTimeout(2700);
    await shop.locator('h1').click();
    await shop.waitForTimeout(1500);
  }

  /**
   * The guide read to its end, then "Back to top" pressed. A `busy` page also scrolls smoothly at once and then works
   * for 3 s: the scroll shows at once, but with no frame of the page's own there is no scroll event until then.
   */
  async function backToTopOfGuide(busy = false): Promise<void> {
    await visit('/guides/choosing-a-phone');
    await shop.mouse.wheel(0, 50_000);
    await expect.poll(() => shop.evaluate(() => scrollY)).toBeGreaterThan(1000);
    await shop.waitForTimeout(700); // the wheel's own scrolling is over
    if (busy) {
      await shop.evaluate(() =>
        document.getElementById('back-to-top')!.addEventListener('click', () => {
          scrollTo({ top: 0, behavior: 'smooth' });
          for (const until = Date.now() + 3000; Date.now() < until; );
        }),
      );
    }
    await shop.getByRole('button', { name: 'Back to top ↑' }).click();
    await expect.poll(() => shop.evaluate(() => scrollY)).toBe(0);
  }

  it('a "Back to top" the page answers only by scrolling, 400 ms after the press, is no dead click', async () => {
    await backToTopOfGuide();
    await moveOnAfterGivingUp();
    expect(await kinds()).toEqual(seen);
  });

  it('a smooth "Back to top" is answered when the page calls it, though its scroll event comes 3 s late behind the page’s work', async () => {
    await backToTopOfGuide(true);
    // Without the call counted, the page's scroll event 3 s after the click made it a slow click.
    await moveOnAfterGivingUp();
    expect(await kinds()).toEqual(seen);
  });

  it('a button that opens a popover (no change to the DOM, only its toggle event) is no dead click', async () => {
    await visit('/product/3');
    await clickInView('Delivery & returns');
    await expect.poll(() => shop.evaluate(() => document.getElementById('delivery-info')!.matches(':popover-open'))).toBe(true);
    await moveOnAfterGivingUp();
    expect(await kinds()).toEqual(seen);
  });

  it('a button that only takes the page full screen (no change to the DOM) is no dead click', async () => {
    await visit('/product/3');
    await clickInView('View full screen');
    await expect.poll(() => shop.evaluate(() => document.fullscreenElement?.id ?? null)).toBe('product-img');
    await shop.evaluate(() => document.exitFullscreen());
    await moveOnAfterGivingUp();
    expect(await kinds()).toEqual(seen);
  });

  it('a button that opens the browser’s notification prompt (no change to the DOM) is no dead click', async () => {
    await visit('/guides/choosing-a-phone');
    await clickInView('Notify me of new guides');
    await moveOnAfterGivingUp();
    expect(await kinds()).toEqual(seen);
  });

  it('going back within 10 s is a quick back on the page in between', async () => {
    await visit('/about');
    await shop.getByRole('link', { name: 'Help centre' }).click();
    await shop.waitForURL('**/help');
    await shop.waitForTimeout(500);
    await shop.goBack();
    await shop.waitForURL('**/about');
    const [quick] = await expectEpisode(['quick_back']);
    expect(quick!.pageKey).toBe('/help');
  });

  it('stores no typed character anywhere: not in IndexedDB, not in the study export', async () => {
    const dump = JSON.stringify(await dumpStores(env.ext));
    expect(dump.length).toBeGreaterThan(1000);
    expect(dump).not.toContain(CANARY);

    const options = await env.ext.context.newPage();
    await options.goto(env.ext.url('src/ui/options/index.html#studies'));
    const text = await downloadFrom(env.ext, options, () => options.getByRole('button', { name: /^Export JSON: / }).click());
    const parsed = StudyExport.parse(JSON.parse(text));
    expect(parsed.signals.length).toBe(seen.length);
    expect(text).not.toContain(CANARY);
  });

  it('a visit keeps how far down its page was seen: part of a long page left unscrolled, all of it scrolled through', async () => {
    const guide = '/guides/choosing-a-phone';
    await visit(guide);
    const shown = await shop.evaluate(() => Math.round((innerHeight / document.documentElement.scrollHeight) * 1000) / 1000);
    expect(shown).toBeLessThan(0.9);
    await visit('/about');
    await visit(guide);
    await shop.mouse.wheel(0, 50_000);
    await expect.poll(() => shop.evaluate(() => scrollY + innerHeight >= document.documentElement.scrollHeight - 1)).toBe(true);
    await visit('/about');
    const depths = async () =>
      (await readStore<{ url: string; enteredAt: number; maxScrollDepth: number }>(env.ext, 'visits'))
        .filter((v) => v.url.endsWith(guide))
        .sort((a, b) => a.enteredAt - b.enteredAt)
        .slice(-2)
        .map((v) => v.maxScrollDepth);
    await expect.poll(depths).toEqual([shown, 1]);
  });

  it('a route left before its page was measured keeps the depth seen on it, not the depth of the route that follows', async () => {
    const guide = '/guides/choosing-a-phone';
    const before = (await readStore(env.ext, 'visits')).length;
    await shop.goto(`${env.site.url}${guide}`);
    // Quickly, so the route changes before the page's settled measure (1.5 s after its visit began).
    await expect.poll(async () => (await readStore(env.ext, 'visits')).length, { interval: 20 }).toBeGreaterThan(before);
    const shown = await shop.evaluate(() => Math.round((innerHeight / document.documentElement.scrollHeight) * 1000) / 1000);
    expect(shown).toBeLessThan(0.9);
    // A single-page app's route: the URL changes, then the next view, a short one, replaces the long page.
    await shop.evaluate(() => {
      history.pushState(null, '', '/guides/choosing-a-phone/summary');
      document.body.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'In short: pick by size.' }));
    });
    expect(await shop.evaluate(() => innerHeight >= document.documentElement.scrollHeight)).toBe(true);
    await visit('/about');
    const depth = async () =>
      (await readStore<{ url: string; enteredAt: number; maxScrollDepth: number }>(env.ext, 'visits'))
        .filter((v) => v.url.endsWith(guide))
        .sort((a, b) => a.enteredAt - b.enteredAt)
        .at(-1)?.maxScrollDepth;
    await expect.poll(depth).toBe(shown);
  });
});
