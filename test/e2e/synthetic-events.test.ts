import { composeText } from './support/compose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST_TEST, readStore, waitUntil } from './support/browser';
import { addSurvey, createDemoStudy, startSessionOnShop, useShop } from './support/journey';
import { pageTool } from './support/page-tools';
import { hasShadowHost } from './support/shadow';

interface StoredSignal {
  kind: string;
  at: number;
}

/**
 * Issue 8: what a page script dispatches itself (isTrusted false) — click bursts, element.click(), keys, input,
 * submit, scroll, contextmenu, an exit through the top — makes no signal, asks no survey, answers no card and
 * chooses nothing in the picker; the same done by a person (Playwright's mouse and keyboard, which the browser
 * takes as real input) does.
 */
describe('events a page script makes up', () => {
  const env = useShop({ dist: DIST_TEST });
  let shop: Page;

  beforeAll(async () => {
    const options = await createDemoStudy(env.ext, env.site.url);
    await options.getByTestId('study-item').getByRole('button', { name: /^Edit/ }).click();
    await addSurvey(options, 'Emotion — five faces', 'After a friction signal', ['Signal', 'Rage click'], true);
    await addSurvey(options, 'CSAT — satisfaction 1–5', 'Exit intent');
    await options.getByTestId('friction-settings').locator('summary').click();
    await options.getByLabel('Minimum gap between prompts (minutes)').fill('0');
    await options.getByRole('button', { name: 'Save study' }).click();
    await options.getByTestId('options-status').filter({ hasText: /saved/ }).waitFor();
    shop = await startSessionOnShop(env);
    await shop.getByRole('link', { name: /^Cart/ }).click();
    await shop.waitForURL('**/cart');
    await waitUntil(async () => (await readStore<{ pageKey: string }>(env.ext, 'visits')).some((v) => v.pageKey === '/cart'));
  });

  const signals = () => readStore<StoredSignal>(env.ext, 'signals');
  const survey = () => hasShadowHost(env.ext, shop, 'JOURNEY-LENS-SURVEY');

  /** A page script doing its worst: everything a person's frustration would look like, none of it from a person. */
  const fakeEverything = () =>
    shop.evaluate(() => {
      const coupon = document.querySelector<HTMLButtonElement>('#apply-coupon')!;
      const box = coupon.getBoundingClientRect();
      const at = { bubbles: true, cancelable: true, composed: true, clientX: box.x + 5, clientY: box.y + 5, view: window };
      for (let i = 0; i < 8; i++) {
        coupon.dispatchEvent(new MouseEvent('mousedown', at));
        coupon.dispatchEvent(new MouseEvent('mouseup', at));
        coupon.dispatchEvent(new MouseEvent('click', at));
        coupon.click();
      }
      coupon.dispatchEvent(new MouseEvent('contextmenu', at));
      const email = document.querySelector<HTMLInputElement>('#newsletter-email')!;
      email.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
      email.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
      email.dispatchEvent(new InputEvent('input', { bubbles: true, data: 'a', inputType: 'insertText' }));
      email.form!.dispatchEvent(new SubmitEvent('submit', { bubbles: true, cancelable: true }));
      for (let i = 0; i < 6; i++) dispatchEvent(new Event('scroll'));
      document.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, clientX: 200, clientY: -5, relatedTarget: null }));
    });

  it('synthetic clicks, keys, input, submit, scroll and exits make no signal and ask no survey; real clicks do', async () => {
    const before = (await signals()).length;
    await fakeEverything();
    // Long enough for a rage-click episode (1 s window) and a dead-click wait to be decided, were they counted.
    await shop.waitForTimeout(2500);
    expect(await survey()).toBe(false);

    const realFrom = Date.now();
    const coupon = shop.getByRole('button', { name: 'Apply coupon' });
    for (let i = 0; i < 4; i++) await coupon.click({ delay: 20 });
    await expect.poll(async () => (await signals()).some((s) => s.kind === 'rage_click')).toBe(true);
    await expect.poll(survey).toBe(true);
    // The page's queue is sent in order: anything the fakes had caused would be stored before the real rage click.
    const stored = (await signals()).slice(before);
    expect(stored.filter((s) => s.at < realFrom)).toEqual([]);
    expect(stored.filter((s) => s.kind === 'rage_click')).toHaveLength(1);
  });

  it('a survey card takes no answer from page scripts, only from the keyboard', async () => {
    const answered = async () => (await readStore(env.ext, 'responses')).length;
    expect(await answered()).toBe(0);
    await shop.evaluate(() => {
      const host = document.querySelector('journey-lens-survey')!;
      for (const target of [window, document, document.activeElement ?? document.body, host]) {
        for (const key of ['1', 'Enter', 'Escape']) {
          target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
        }
      }
      (host as HTMLElement).click();
    });
    await shop.waitForTimeout(500);
    expect(await survey()).toBe(true);
    expect(await answered()).toBe(0);
    await shop.keyboard.press('2');
    await shop.keyboard.press('Enter');
    await expect.poll(answered).toBe(1);
    expect(await survey()).toBe(false);
  });

  it('the picker chooses nothing from synthetic clicks or keys, and a real click chooses', async () => {
    await pageTool(env.ext, shop, 'annotate', 'pick');
    await expect.poll(() => hasShadowHost(env.ext, shop, 'JOURNEY-LENS-PICKER')).toBe(true);
    await shop.evaluate(() => {
      const host = document.querySelector('journey-lens-picker')!;
      const box = document.querySelector('#apply-coupon')!.getBoundingClientRect();
      const at = { bubbles: true, cancelable: true, composed: true, clientX: box.x + 5, clientY: box.y + 5, button: 0 };
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) host.dispatchEvent(new MouseEvent(type, at));
      for (const key of ['ArrowDown', 'Enter', ' ']) dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    });
    await shop.waitForTimeout(500);
    expect(await hasShadowHost(env.ext, shop, 'JOURNEY-LENS-PICKER')).toBe(true);
    expect(await hasShadowHost(env.ext, shop, 'JOURNEY-LENS-NOTE-FORM')).toBe(false);
    // A synthetic Escape does not cancel it either; a real one does.
    await shop.evaluate(() => dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(await hasShadowHost(env.ext, shop, 'JOURNEY-LENS-PICKER')).toBe(true);
    await shop.keyboard.press('Escape');
    await expect.poll(() => hasShadowHost(env.ext, shop, 'JOURNEY-LENS-PICKER')).toBe(false);

    await pageTool(env.ext, shop, 'annotate', 'pick');
    await expect.poll(() => hasShadowHost(env.ext, shop, 'JOURNEY-LENS-PICKER')).toBe(true);
    const box = (await shop.locator('#apply-coupon').boundingBox())!;
    await shop.mouse.click(box.x + 5, box.y + 5);
    await expect.poll(() => composeText(env.ext, shop)).toContain('Apply coupon');
    await shop.keyboard.press('Escape');
    await expect.poll(() => hasShadowHost(env.ext, shop, 'JOURNEY-LENS-NOTE-FORM')).toBe(false);
  });

  it('a page script’s contextmenu event cannot change which element "Annotate this element" is about', async () => {
    await shop.locator('#apply-coupon').click({ button: 'right' });
    await shop.evaluate(() => document.querySelector('h1')!.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, composed: true })));
    await pageTool(env.ext, shop, 'annotate', 'context');
    await expect.poll(() => composeText(env.ext, shop)).toContain('Apply coupon');
    await shop.keyboard.press('Escape');
    await expect.poll(() => hasShadowHost(env.ext, shop, 'JOURNEY-LENS-NOTE-FORM')).toBe(false);
  });

  it('a page script’s submit event cannot hide that a form was left unfinished', async () => {
    await shop.locator('#newsletter-email').pressSequentially('someone@');
    await shop.evaluate(() => document.querySelector('#newsletter-form')!.dispatchEvent(new SubmitEvent('submit', { bubbles: true, cancelable: true })));
    await shop.getByRole('link', { name: 'Help', exact: true }).first().click();
    await shop.waitForURL('**/help');
    await expect.poll(async () => (await signals()).filter((s) => s.kind === 'form_abandonment').length).toBe(1);
  });
});
