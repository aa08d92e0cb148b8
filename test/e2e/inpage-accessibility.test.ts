import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST_TEST, readStore } from './support/browser';
import { axeInShadow, focusedIn, hostHas, inContentWorld, tabStops } from './support/content-world';
import { createDemoStudy, startSessionOnShop, useShop } from './support/journey';
import { contextMenu, pageTool, writeNote } from './support/page-tools';
import { axeViolations } from './support/axe';
import { composeReady } from './support/compose';
import { hasShadowHost, shadowBoxes } from './support/shadow';

const INSTRUMENTS = ['csat', 'ces', 'seq', 'nps', 'emotion', 'open_text'] as const;

/**
 * Issue 9: every card we put into a page — the survey card for each instrument, the note form, the feedback form,
 * the pin popover and the picker — passes axe-core (nothing serious or critical) where it is, in its closed shadow
 * root on a real page, and is usable by keyboard alone: Tab reaches every control, Esc closes, focus returns. The
 * forms typed in (note, report, open text) are the compose page's, in the side panel or a window (issue 17): axe
 * runs there too, and on the page's card that says where to write.
 */
describe('the cards in the page: axe-core and the keyboard', () => {
  const env = useShop({ dist: DIST_TEST });
  let shop: Page;
  let options: Page;

  beforeAll(async () => {
    options = await createDemoStudy(env.ext, env.site.url);
    shop = await startSessionOnShop(env);
    await shop.getByRole('link', { name: /^Cart/ }).click();
    await shop.waitForURL('**/cart');
  });

  const focusInPage = () => shop.evaluate(() => document.activeElement?.id ?? null);

  /**
   * Tabs from the focused control forward until focus leaves the card, then back from its last control until it
   * leaves at the top; returns every control focus reached, and puts focus back on the card's first control.
   */
  async function tabWalk(tag: string): Promise<string[]> {
    const visited = new Set<string>();
    const here = () => focusedIn(env.ext, shop, tag);
    const start = await here();
    expect(start, `${tag} takes focus when it opens`).not.toBeNull();
    visited.add(start!);
    for (let i = 0, at = start; i < 20 && at; i++) {
      await shop.keyboard.press('Tab');
      at = await here();
      if (at) visited.add(at);
    }
    let inside = false;
    for (let i = 0; i < 20; i++) {
      await shop.keyboard.press('Shift+Tab');
      const at = await here();
      if (at) visited.add(at);
      if (inside && !at) break;
      inside ||= at !== null;
    }
    await shop.keyboard.press('Tab');
    expect(await here(), 'Tab comes back into the card').not.toBeNull();
    return [...visited];
  }

  /** axe, the Tab walk, then Esc: the card is gone and focus is back on the page's `returnTo`. */
  async function audit(tag: string, returnTo: string) {
    expect(await axeInShadow(env.ext, shop, tag)).toEqual([]);
    const stops = await tabStops(env.ext, shop, tag);
    expect(stops.length).toBeGreaterThan(1);
    expect(await tabWalk(tag)).toEqual(expect.arrayContaining(stops));
    await shop.keyboard.press('Escape');
    await expect.poll(() => hasShadowHost(env.ext, shop, tag.toUpperCase())).toBe(false);
    expect(await focusInPage()).toBe(returnTo);
  }

  /**
   * A form written where the page cannot hear it: axe on the page's card saying where, and on the form; the keyboard
   * in the form, then Esc there: the card is gone, and the page's focus never left `returnTo`.
   */
  async function auditForm(tag: string, returnTo: string) {
    await expect.poll(() => hasShadowHost(env.ext, shop, tag.toUpperCase())).toBe(true);
    expect(await axeInShadow(env.ext, shop, tag)).toEqual([]);
    const { page, frame } = await composeReady(env.ext, shop);
    expect(await axeViolations(frame)).toEqual([]);
    await page.keyboard.press('Tab');
    expect(await frame.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
    await page.keyboard.press('Escape');
    await expect.poll(() => hasShadowHost(env.ext, shop, tag.toUpperCase())).toBe(false);
    expect(await focusInPage()).toBe(returnTo);
  }

  it.each(INSTRUMENTS)('the survey card: %s', async (instrument) => {
    // The study asks this instrument on demand; the popup's "Ask now" sends ui.survey.ask for the tab.
    const [study] = await readStore<{ surveys: unknown[] }>(env.ext, 'studies');
    const rule = { id: crypto.randomUUID(), instrument, trigger: { kind: 'on_demand' }, question: null, schedule: 'every_time', enabled: true };
    const saved = await options.evaluate((s) => chrome.runtime.sendMessage({ type: 'ui.study.save', study: s }), { ...study!, surveys: [rule] });
    expect(saved).toMatchObject({ ok: true });
    await shop.bringToFront();
    await shop.locator('#apply-coupon').focus();
    // Asked again until shown: the page's visit may still be on its way to the store (a busy machine).
    const ask = () =>
      options.evaluate(async (url) => {
        const [tab] = await chrome.tabs.query({ url });
        return chrome.runtime.sendMessage({ type: 'ui.survey.ask', tabId: tab!.id });
      }, shop.url());
    await expect.poll(ask).toMatchObject({ ok: true, data: { shown: true } });
    await expect.poll(() => hasShadowHost(env.ext, shop, 'JOURNEY-LENS-SURVEY')).toBe(true);
    // The open-text card holds no field: it offers the panel, where the answer is typed.
    await audit('journey-lens-survey', 'apply-coupon');
  });

  it('the note form', async () => {
    await contextMenu(env.ext, shop, 'annotate', '#apply-coupon');
    await auditForm('journey-lens-note-form', 'apply-coupon');
  });

  it('the feedback form', async () => {
    await contextMenu(env.ext, shop, 'feedback', '#apply-coupon');
    await auditForm('journey-lens-report-form', 'apply-coupon');
  });

  it('the pin popover', async () => {
    await writeNote(env.ext, shop, '#apply-coupon', 'The coupon field gives no feedback');
    await expect.poll(async () => (await shadowBoxes(env.ext, shop, 'JOURNEY-LENS-PINS', 'pin')).length).toBe(1);
    const [pin] = await shadowBoxes(env.ext, shop, 'JOURNEY-LENS-PINS', 'pin');
    await shop.mouse.click(pin!.x + pin!.width / 2, pin!.y + pin!.height / 2);
    await expect.poll(() => hostHas(env.ext, shop, 'journey-lens-pins', '[role=dialog]')).toBe(true);
    expect(await axeInShadow(env.ext, shop, 'journey-lens-pins')).toEqual([]);
    const stops = await tabStops(env.ext, shop, 'journey-lens-pins');
    expect(await tabWalk('journey-lens-pins')).toEqual(expect.arrayContaining(stops));
    // The walk leaves focus on the pin, the layer's first control; the popover follows it.
    await shop.keyboard.press('Tab');
    expect(await focusedIn(env.ext, shop, 'journey-lens-pins')).toBe('button[Close]');
    await shop.keyboard.press('Escape');
    await expect.poll(() => hostHas(env.ext, shop, 'journey-lens-pins', '[role=dialog]')).toBe(false);
    // Focus goes back to the note's pin, which opens the popover again from the keyboard.
    expect(await focusedIn(env.ext, shop, 'journey-lens-pins')).toMatch(/^button\[/);
    await shop.keyboard.press('Enter');
    await expect.poll(() => hostHas(env.ext, shop, 'journey-lens-pins', '[role=dialog]')).toBe(true);
    // The popover takes focus as it opens (so Esc reaches it).
    await expect.poll(() => focusedIn(env.ext, shop, 'journey-lens-pins')).toMatch(/^div\[/);
    await shop.keyboard.press('Escape');
    await expect.poll(() => hostHas(env.ext, shop, 'journey-lens-pins', '[role=dialog]')).toBe(false);
  });

  it('the picker: axe, Esc gives focus back, and the keyboard alone chooses', async () => {
    await shop.locator('#apply-coupon').focus();
    await pageTool(env.ext, shop, 'feedback', 'pick');
    await expect.poll(() => hasShadowHost(env.ext, shop, 'JOURNEY-LENS-PICKER')).toBe(true);
    expect(await axeInShadow(env.ext, shop, 'journey-lens-picker')).toEqual([]);
    expect(await focusedIn(env.ext, shop, 'journey-lens-picker')).not.toBeNull();
    await shop.keyboard.press('Escape');
    await expect.poll(() => hasShadowHost(env.ext, shop, 'JOURNEY-LENS-PICKER')).toBe(false);
    expect(await focusInPage()).toBe('apply-coupon');

    await pageTool(env.ext, shop, 'feedback', 'pick');
    await expect.poll(() => hasShadowHost(env.ext, shop, 'JOURNEY-LENS-PICKER')).toBe(true);
    await shop.keyboard.press('Tab');
    await shop.keyboard.press('Enter');
    await expect.poll(() => hasShadowHost(env.ext, shop, 'JOURNEY-LENS-REPORT-FORM')).toBe(true);
    expect(await hasShadowHost(env.ext, shop, 'JOURNEY-LENS-PICKER')).toBe(false);
    await (await composeReady(env.ext, shop)).page.keyboard.press('Escape');
    await expect.poll(() => hasShadowHost(env.ext, shop, 'JOURNEY-LENS-REPORT-FORM')).toBe(false);
  });

  // The picker's root (the forms are the compose page's now): under its veil, contrast is not computed.
  it('the audit sees inside the closed root: a nameless button put there is reported', async () => {
    await pageTool(env.ext, shop, 'annotate', 'pick');
    await expect.poll(() => hasShadowHost(env.ext, shop, 'JOURNEY-LENS-PICKER')).toBe(true);
    await inContentWorld(
      env.ext,
      shop,
      `chrome.dom.openOrClosedShadowRoot(document.querySelector('journey-lens-picker')).lastElementChild
        .insertAdjacentHTML('afterend', '<button type="button"></button>')`,
    );
    const found = await axeInShadow(env.ext, shop, 'journey-lens-picker');
    expect(found.map((v) => v.id)).toEqual(['button-name']);
    await shop.keyboard.press('Escape');
    await expect.poll(() => hasShadowHost(env.ext, shop, 'JOURNEY-LENS-PICKER')).toBe(false);
  });
});
