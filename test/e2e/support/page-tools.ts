import { composeReady } from './compose';
import type { Page } from 'playwright-core';
import { waitUntil, type Extension } from './browser';
import { hasShadowHost } from './shadow';

/**
 * Runs what the context-menu items and keyboard commands run ("Annotate this element", "Report feedback…") on
 * the tab showing `page`, through the e2e build's hook: Playwright reaches neither the menu nor the commands.
 * `context` uses the element last right-clicked; `pick` starts the picker.
 */
export async function pageTool(ext: Extension, page: Page, command: 'annotate' | 'feedback', target: 'pick' | 'context'): Promise<void> {
  const worker = await ext.worker();
  await worker.evaluate(
    async ([url, command, target]) => {
      const [tab] = await chrome.tabs.query({ url });
      (globalThis as unknown as { __jlTestHooks: { pageTool: (c: string, id: number, t: string) => void } }).__jlTestHooks.pageTool(command!, tab!.id!, target!);
    },
    [page.url(), command, target],
  );
}

/** The same after a real right-click on `selector`, as a person opens the context menu on an element. */
export async function contextMenu(ext: Extension, page: Page, command: 'annotate' | 'feedback', selector: string): Promise<void> {
  await page.locator(selector).first().click({ button: 'right' });
  await pageTool(ext, page, command, 'context');
}

/** A note (a pain point unless `type` says otherwise) on `selector`, written with the keyboard through the context-menu path. */
export async function writeNote(ext: Extension, page: Page, selector: string, text: string, type: 'pain_point' | 'opportunity' = 'pain_point'): Promise<void> {
  await contextMenu(ext, page, 'annotate', selector);
  const { page: form } = await composeReady(ext, page);
  await form.keyboard.press('Space');
  // The kinds are a radio group in the form's order (pain point, opportunity, …): an arrow key picks the next.
  if (type === 'opportunity') await form.keyboard.press('ArrowRight');
  await form.keyboard.press('Tab');
  await form.keyboard.type(text);
  await form.keyboard.press('Control+Enter');
  await waitUntil(async () => !(await hasShadowHost(ext, page, 'JOURNEY-LENS-NOTE-FORM')));
}
