import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readStore } from './support/browser';
import { addSurvey, askNow, createDemoStudy, startSessionOnShop, useShop } from './support/journey';
import { surveyCard, type CardView } from './support/shadow';

interface StoredResponse {
  instrument: string;
  trigger: string;
  stageId: string | null;
  signalId: string | null;
  value: number | null;
  dismissed: boolean;
  pageKey: string;
}

/**
 * Issue 4, acceptance 2 and 3: a CES prompt on entering Purchase and an emotion prompt after a rage click, both
 * answered with the keyboard and stored with their stage, trigger and signal; no second prompt on a second
 * entry into Purchase; and the card works, unreachable and unchanged, on a page with hostile CSS.
 */
describe('micro-surveys in the page', () => {
  const env = useShop();
  let shop: Page;
  let purchaseId: string;

  beforeAll(async () => {
    const options = await createDemoStudy(env.ext, env.site.url);
    await options.getByTestId('study-item').getByRole('button', { name: /^Edit/ }).click();
    await addSurvey(options, 'CES — effort 1–7', 'Entering a stage', ['Stage', 'Purchase']);
    await addSurvey(options, 'Emotion — five faces', 'After a friction signal', ['Signal', 'Rage click']);
    await addSurvey(options, 'CSAT — satisfaction 1–5', 'On demand (keyboard shortcut or popup)', undefined, true);
    // Two prompts follow each other in this walk; the pacing between prompts is a study setting.
    await options.getByTestId('friction-settings').locator('summary').click();
    await options.getByLabel('Minimum gap between prompts (minutes)').fill('0');
    await options.getByRole('button', { name: 'Save study' }).click();
    await options.getByTestId('options-status').filter({ hasText: /saved/ }).waitFor();
    const [study] = await readStore<{ stages: { id: string; name: string }[]; surveys: unknown[] }>(env.ext, 'studies');
    expect(study!.surveys).toHaveLength(3);
    purchaseId = study!.stages.find((s) => s.name === 'Purchase')!.id;

    shop = await startSessionOnShop(env);
  });

  const responses = () => readStore<StoredResponse>(env.ext, 'responses');
  const cardOn = async (page: Page) => {
    let card: CardView | null = null;
    await expect.poll(async () => (card = await surveyCard(env.ext, page)) !== null).toBe(true);
    return card!;
  };

  it('asks CES on entering Purchase and takes a keyboard answer', async () => {
    await shop.getByRole('link', { name: 'Aurora X' }).first().click();
    await shop.getByRole('button', { name: 'Add to cart' }).click();
    await shop.getByRole('link', { name: /^Cart/ }).click();
    await shop.waitForURL('**/cart');
    const card = await cardOn(shop);
    expect(card.html).toContain('This step made it easy for me to do what I wanted.');
    await shop.keyboard.press('6');
    await shop.keyboard.press('Enter');
    await expect.poll(async () => (await responses()).length).toBe(1);
    expect((await responses())[0]).toMatchObject({ instrument: 'ces', value: 6, trigger: 'stage_enter', stageId: purchaseId, signalId: null, dismissed: false, pageKey: '/cart' });
    expect(await surveyCard(env.ext, shop)).toBeNull();
  });

  it('asks how it feels after a rage click, tied to that signal', async () => {
    await shop.getByRole('link', { name: 'Account' }).first().click();
    await shop.waitForURL('**/account');
    await expect.poll(async () => (await readStore<{ pageKey: string }>(env.ext, 'visits')).some((v) => v.pageKey === '/account/*')).toBe(true);
    const track = shop.getByRole('button', { name: 'Track order' });
    await track.scrollIntoViewIfNeeded();
    for (let i = 0; i < 4; i++) await track.click({ delay: 20 });
    const card = await cardOn(shop);
    expect(card.html).toContain('How do you feel right now?');
    await shop.keyboard.press('1');
    await shop.keyboard.press('Enter');
    await expect.poll(async () => (await responses()).length).toBe(2);
    const [rage] = (await readStore<{ id: string; kind: string }>(env.ext, 'signals')).filter((s) => s.kind === 'rage_click');
    const emotion = (await responses()).find((r) => r.instrument === 'emotion');
    expect(emotion).toMatchObject({ value: -2, trigger: 'signal', signalId: rage!.id, pageKey: '/account/*' });
  });

  it('does not ask again on a second entry into Purchase', async () => {
    await shop.getByRole('link', { name: 'Home' }).first().click();
    await shop.waitForURL(`${env.site.url}/`);
    await shop.getByRole('link', { name: /^Cart/ }).click();
    await shop.waitForURL('**/cart');
    await expect.poll(async () => (await readStore<{ pageKey: string }>(env.ext, 'visits')).filter((v) => v.pageKey === '/cart').length).toBe(2);
    await shop.waitForTimeout(1500);
    expect(await surveyCard(env.ext, shop)).toBeNull();
    expect(await responses()).toHaveLength(2);
  });

  it('works on a page with hostile CSS, and the page can neither find nor restyle it', async () => {
    const ask = async () => {
      await askNow(env.ext, shop);
      return cardOn(shop);
    };
    const normal = await ask();
    await shop.keyboard.press('4');
    await shop.keyboard.press('Enter');
    await expect.poll(async () => (await responses()).length).toBe(3);

    await shop.goto(`${env.site.url}/product/2`);
    await shop.addStyleTag({ content: '* { all: unset !important; } div { display: none !important; } journey-lens-survey { display: none !important; opacity: 0 !important; }' });
    const hostile = await ask();
    expect(hostile.width).toBeGreaterThan(200);
    expect(hostile.height).toBeGreaterThan(80);
    for (const property of ['display', 'background-color', 'color', 'font-size', 'border-top-width', 'padding-left', 'width', 'visibility', 'opacity']) {
      expect(hostile.style[property], property).toBe(normal.style[property]);
    }
    const seenByPage = await shop.evaluate(() => ({
      dialogs: document.querySelectorAll('#jl-question, [aria-labelledby="jl-question"], [role="radiogroup"]').length,
      shadow: document.querySelector('journey-lens-survey')?.shadowRoot ?? null,
      text: document.documentElement.innerText.includes('How satisfied are you with this step?'),
    }));
    expect(seenByPage).toEqual({ dialogs: 0, shadow: null, text: false });
    await shop.keyboard.press('5');
    await shop.keyboard.press('Enter');
    await expect.poll(async () => (await responses()).length).toBe(4);
    expect((await responses()).filter((r) => r.instrument === 'csat').map((r) => r.value).sort()).toEqual([4, 5]);
  });
});
