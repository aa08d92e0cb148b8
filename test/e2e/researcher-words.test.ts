import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST_TEST, readStore } from './support/browser';
import { composeReady } from './support/compose';
import { addSurvey, askNow, createDemoStudy, startSessionOnShop, useShop } from './support/journey';
import { contextMenu } from './support/page-tools';

const NOTE = 'Quixotic zebra waits at the coupon box';
const REPORT = 'Vermilion walrus broke the coupon button';
const ANSWER = 'Saffron narwhal wanted the total earlier';
/** Each text whole, and its words the shop's pages never show. */
const WORDS = [NOTE, REPORT, ANSWER, 'Quixotic', 'zebra', 'Vermilion', 'walrus', 'Saffron', 'narwhal'];

/** What a hostile page in scope does: it listens, first and everywhere, to every key, input and clipboard event. */
function installKeylogger() {
  const heard: string[] = [];
  const types = ['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'textInput', 'compositionstart', 'compositionupdate', 'compositionend', 'copy', 'cut', 'paste', 'change', 'select', 'selectionchange'];
  for (const target of [window, document]) {
    for (const type of types) {
      target.addEventListener(
        type,
        (event) => {
          const e = event as KeyboardEvent & InputEvent & ClipboardEvent & { data?: string };
          heard.push(`${type}:${e.key ?? ''}${e.data ?? ''}${e.clipboardData?.getData('text') ?? ''}${String(getSelection() ?? '')}`);
        },
        true,
      );
    }
  }
  (window as unknown as { heard: string[] }).heard = heard;
}

/**
 * Issue 17, acceptance 1: the researcher's words never pass through the page. A keylogger page in scope hears no
 * key of a note, a report or an open-text answer being written and saved, and `window.find` finds none of them.
 */
describe('the researcher’s words never pass through the page', () => {
  const env = useShop({ dist: DIST_TEST });
  let shop: Page;

  beforeAll(async () => {
    const options = await createDemoStudy(env.ext, env.site.url);
    await options.getByTestId('study-item').getByRole('button', { name: /^Edit/ }).click();
    await addSurvey(options, 'Open text', 'On demand (keyboard shortcut or popup)', undefined, true);
    await options.getByRole('button', { name: 'Save study' }).click();
    await options.getByTestId('options-status').filter({ hasText: /saved/ }).waitFor();
    await options.close();
    shop = await startSessionOnShop(env);
    await shop.addInitScript(installKeylogger);
    await shop.goto(`${env.site.url}/cart`);
  });

  const heard = () => shop.evaluate(() => (window as unknown as { heard: string[] }).heard.filter((entry) => entry !== 'selectionchange:'));
  const found = () => shop.evaluate((words) => words.filter((word) => (window as unknown as { find: (text: string, caseSensitive: boolean, backwards: boolean, wrap: boolean) => boolean }).find(word, false, false, true)), WORDS);

  it('writes a note, a report and an open-text answer where the page hears and finds none of it', async () => {
    await contextMenu(env.ext, shop, 'annotate', '#apply-coupon');
    await composeReady(shop);
    await shop.keyboard.press('Space');
    await shop.keyboard.press('Tab');
    await shop.keyboard.type(NOTE);
    expect(await found()).toEqual([]);
    await shop.keyboard.press('Control+Enter');
    await expect.poll(async () => (await readStore<{ text: string }>(env.ext, 'annotations'))[0]?.text).toBe(NOTE);

    await contextMenu(env.ext, shop, 'feedback', '#apply-coupon');
    await composeReady(shop);
    await shop.keyboard.type(REPORT);
    expect(await found()).toEqual([]);
    await shop.keyboard.press('Control+Enter');
    await expect.poll(async () => (await readStore<{ text: string }>(env.ext, 'feedback'))[0]?.text).toBe(REPORT);

    await askNow(env.ext, shop);
    await composeReady(shop);
    await shop.keyboard.type(ANSWER);
    expect(await found()).toEqual([]);
    await shop.keyboard.press('Control+Enter');
    await expect.poll(async () => (await readStore<{ text: string | null }>(env.ext, 'responses')).find((r) => r.text)?.text).toBe(ANSWER);

    // At most the release of the keys that saved (the frame may be gone by then) reaches the page: no key of the text.
    expect((await heard()).filter((entry) => entry !== 'keyup:Enter' && entry !== 'keyup:Control')).toEqual([]);
    expect(await found()).toEqual([]);
  });
});
