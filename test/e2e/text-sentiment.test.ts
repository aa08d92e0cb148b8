import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answerInPanel, composeReady } from './support/compose';
import { axeViolations } from './support/axe';
import { DIST_TEST, openPopup, readStore, waitUntil } from './support/browser';
import { addSurvey, askNow, createDemoStudy, startSessionOnShop, useShop } from './support/journey';
import { writeNote } from './support/page-tools';

/**
 * Issue 21, acceptance 3: answers typed in a session show their sentiment and a theme on the map. Two open-text
 * answers on the same page, one Korean and one English, typed into the survey card as a participant does, and a
 * note on that page that shares a theme (배송) with the Korean answer.
 */
describe('sentiment and themes of typed answers on the journey map', () => {
  const env = useShop({ dist: DIST_TEST });
  let shop: Page;
  let options: Page;

  const answer = async (text: string, count: number) => {
    await askNow(env.ext, shop);
    // The card in the page offers the panel, where the answer is typed (issue 17).
    await answerInPanel(env.ext, shop);
    const form = (await composeReady(env.ext, shop)).page;
    await form.keyboard.type(text);
    await form.keyboard.press('Control+Enter');
    await waitUntil(async () => (await readStore(env.ext, 'responses')).length === count);
  };

  beforeAll(async () => {
    options = await createDemoStudy(env.ext, env.site.url);
    await options.getByTestId('study-item').getByRole('button', { name: /^Edit/ }).click();
    await addSurvey(options, 'Open text', 'On demand (keyboard shortcut or popup)', undefined, true);
    await options.getByRole('button', { name: 'Save study' }).click();
    await options.getByTestId('options-status').filter({ hasText: /saved/ }).waitFor();

    shop = await startSessionOnShop(env);
    await answer('배송이 너무 느렸어요', 1);
    await answer('Delivery options are confusing', 2);
    await writeNote(env.ext, shop, 'h1', '배송 안내가 안 보여요');
    await waitUntil(async () => (await readStore(env.ext, 'annotations')).length === 1);
    const end = await openPopup(env.ext, shop);
    await end.getByRole('button', { name: 'Stop: goal reached' }).click();
    await end.getByTestId('last-session').waitFor();
    await end.close();
  });

  it('shows each answer’s sentiment and their themes in “Thoughts & feelings”', async () => {
    const stored = await readStore<{ text: string | null; stageId: string | null }>(env.ext, 'responses');
    expect(stored.map((r) => r.text).sort()).toEqual(['Delivery options are confusing', '배송이 너무 느렸어요']);
    await options.getByRole('tab', { name: 'Journey map' }).click();
    await options.getByTestId('journey-map').waitFor();
    const voice = options.getByTestId('text-voice');
    await voice.first().waitFor();
    expect(await voice.count()).toBe(1);
    expect(await voice.innerText()).toContain('3 negative · 0 neutral · 0 positive');
    const themes = await voice.getByTestId('text-theme').allInnerTexts();
    expect(themes.slice(0, 3)).toEqual(['배송 ×2', 'delivery ×1', 'options ×1']);
    const quotes = await options.locator('.cell-item.quote').allInnerTexts();
    expect(quotes).toHaveLength(2);
    for (const quote of quotes) expect(quote).toMatch(/negative$/);
    expect(await options.getByTestId('pain-points').getByTestId('text-sentiment').allInnerTexts()).toEqual(['negative']);
    // The emotion curve's second, marked series: one square for the one stage people wrote about, and its legend.
    const written = options.getByTestId('written-sentiment-curve');
    expect(await written.locator('rect').count()).toBe(2);
    expect(await written.innerHTML()).toContain('Sentiment of what people wrote');
    expect(await axeViolations(options)).toEqual([]);
  });

  it('shows a touchpoint’s themes, mix and each text’s sentiment in its evidence', async () => {
    await options.locator('.journey-map .chip').filter({ hasText: '/' }).first().click();
    const panel = options.getByTestId('evidence-panel');
    await panel.waitFor();
    const voice = panel.getByTestId('evidence-voice');
    expect(await voice.innerText()).toContain('3 negative · 0 neutral · 0 positive');
    expect(await voice.getByTestId('text-theme').first().innerText()).toBe('배송 ×2');
    expect(await panel.locator('.evidence-items').getByTestId('text-sentiment').allInnerTexts()).toEqual(['negative', 'negative', 'negative']);
    await panel.evaluate((el) => Promise.all(el.ownerDocument.getAnimations().map((a) => a.finished)));
    expect(await axeViolations(options)).toEqual([]);
    await options.keyboard.press('Escape');
  });
});
