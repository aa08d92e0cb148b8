import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST_TEST, readStore } from './support/browser';
import { answerInPanel, composeReady, sidePanelOpen } from './support/compose';
import { addSurvey, askNow, createDemoStudy, startSessionOnShop, useShop } from './support/journey';
import { contextMenu, pageTool } from './support/page-tools';
import { hasShadowHost, shadowHtml } from './support/shadow';

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
    // The note: picked in the page, whose click opens the side panel (the worker opens it with the click's gesture).
    expect(await sidePanelOpen(env.ext)).toBe(false);
    await pageTool(env.ext, shop, 'annotate', 'pick');
    await expect.poll(() => hasShadowHost(env.ext, shop, 'JOURNEY-LENS-PICKER'), { timeout: 10_000 }).toBe(true);
    await shop.locator('#apply-coupon').click({ force: true });
    const note = await composeReady(env.ext, shop);
    expect(await sidePanelOpen(env.ext)).toBe(true);
    expect(note.page.url()).toContain('/src/ui/panel/index.html');
    // The page says where to write, and holds no field.
    expect(await shadowHtml(env.ext, shop, 'JOURNEY-LENS-NOTE-FORM')).not.toMatch(/<textarea|<input/);
    await note.page.keyboard.press('Space');
    await note.page.keyboard.press('Tab');
    await note.page.keyboard.type(NOTE);
    expect(await found()).toEqual([]);
    await note.page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await readStore<{ text: string }>(env.ext, 'annotations'))[0]?.text).toBe(NOTE);
    await expect.poll(() => hasShadowHost(env.ext, shop, 'JOURNEY-LENS-NOTE-FORM')).toBe(false);
    // Its pin in the page shows a number and a kind; its words are read in the panel.
    await expect.poll(() => note.page.getByTestId('page-notes').textContent()).toContain(NOTE);

    // The report: from the context menu; the panel is open, so it is written there too.
    await contextMenu(env.ext, shop, 'feedback', '#apply-coupon');
    const report = await composeReady(env.ext, shop);
    await report.page.keyboard.type(REPORT);
    expect(await found()).toEqual([]);
    await report.page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await readStore<{ text: string }>(env.ext, 'feedback'))[0]?.text).toBe(REPORT);

    // The open-text question: the card in the page offers the panel.
    await askNow(env.ext, shop);
    await answerInPanel(env.ext, shop);
    const answer = await composeReady(env.ext, shop);
    await answer.page.keyboard.type(ANSWER);
    expect(await found()).toEqual([]);
    await answer.page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await readStore<{ text: string | null }>(env.ext, 'responses')).find((r) => r.text)?.text).toBe(ANSWER);

    // Not a key of it reached the page, which typed nothing: the only keys it heard are none at all.
    expect(await heard()).toEqual([]);
    expect(await found()).toEqual([]);
  });

  it('writes in a small window of its own where the panel is closed and cannot be opened (no gesture)', async () => {
    await (await env.ext.worker()).evaluate(async () => {
      const [window] = await chrome.windows.getAll({ windowTypes: ['normal'] });
      await (chrome.sidePanel as unknown as { close(o: { windowId: number }): Promise<void> }).close({ windowId: window!.id! });
    });
    await expect.poll(() => sidePanelOpen(env.ext)).toBe(false);
    // The right-click's gesture is spent (Chromium keeps one for 5 s) before the menu item runs.
    await shop.locator('#apply-coupon').click({ button: 'right' });
    await shop.waitForTimeout(5_500);
    await pageTool(env.ext, shop, 'annotate', 'context');
    const note = await composeReady(env.ext, shop);
    expect(note.page.url()).toContain('/src/ui/compose/index.html?tab=');
    await note.page.keyboard.press('Space');
    await note.page.keyboard.press('Tab');
    await note.page.keyboard.type(`${NOTE} again`);
    expect(await found()).toEqual([]);
    // Clicked, not Ctrl+Enter: the window closes as the note is saved, before a key could be released in it.
    await note.page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await readStore<{ text: string }>(env.ext, 'annotations')).map((n) => n.text)).toContain(`${NOTE} again`);
    // Done, the window closes itself.
    await expect.poll(() => note.page.isClosed()).toBe(true);
    expect(await heard()).toEqual([]);
  });
});
