import type { Frame, Page } from 'playwright-core';
import { waitUntil, type Extension } from './browser';
import { shadowBoxes, type Box } from './shadow';

const COMPOSE_PAGE = '/src/ui/compose/index.html';

/** Where the researcher writes what a page asked for: the page it is in, and the compose page's frame there. */
export interface ComposeSurface {
  page: Page;
  frame: Frame;
}

/** Whether our side panel is open in some window (the worker knows; Playwright does not list the panel). */
export async function sidePanelOpen(ext: Extension): Promise<boolean> {
  // After an update (reloadExtension) the old worker's handle may linger: the newest one that answers counts.
  const workers = ext.context.serviceWorkers().filter((worker) => worker.url().includes(ext.id));
  for (const worker of workers.reverse()) {
    const open = await worker
      .evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType] })).length > 0)
      .catch(() => null);
    if (open !== null) return open;
  }
  return false;
}

/**
 * The side panel's page watching `page`'s tab, as the real panel beside it does (one per page; Playwright cannot
 * reach the real one). In a window of its own, so `page` stays its window's active tab (a report's screenshot).
 */
const panels = new WeakMap<Page, Page>();
export async function panelFor(ext: Extension, page: Page): Promise<Page> {
  const known = panels.get(page);
  if (known && !known.isClosed()) return known;
  const worker = await ext.worker();
  const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]!.id!, page.url());
  const address = ext.url(`src/ui/panel/index.html?tab=${tabId}`);
  await worker.evaluate((url) => chrome.windows.create({ url, type: 'popup', width: 420, height: 900 }), address);
  // Found by its address: other pages may open meanwhile (an update opens a new tab).
  let panel: Page | undefined;
  await waitUntil(async () => (panel = ext.context.pages().find((p) => p.url() === address)) !== undefined);
  await panel!.waitForLoadState();
  panels.set(page, panel!);
  return panel!;
}

const live = (frame: Frame | undefined) => (frame && !frame.isDetached() ? frame : undefined);

/**
 * The forms composeReady has handed out, by address (each names its request's id): the form just sent may still be
 * drawn as the next one is asked for, and keys typed into it would be lost.
 */
const handedOut = new WeakMap<Extension, Set<string>>();

/**
 * The compose window the worker opened (the panel could not open), or the panel's framed form, once drawn; not one
 * in `skip`.
 */
async function findSurface(ext: Extension, page: Page, skip: ReadonlySet<string> = new Set()): Promise<ComposeSurface | null> {
  const window = ext.context.pages().find((p) => !p.isClosed() && p.url().includes(COMPOSE_PAGE) && !skip.has(p.url()));
  let surface: ComposeSurface | null = window ? { page: window, frame: window.mainFrame() } : null;
  if (!surface && (await sidePanelOpen(ext))) {
    const panel = await panelFor(ext, page);
    const frame = live(panel.frames().filter((f) => f.url().includes(COMPOSE_PAGE) && !skip.has(f.url())).at(-1));
    surface = frame ? { page: panel, frame } : null;
  }
  const drawn = await surface?.frame.evaluate(() => document.body.innerText.trim() !== '').catch(() => false);
  return drawn ? surface : null;
}

async function focusedField(frame: Frame): Promise<boolean> {
  // A frame being replaced may never answer: asked again rather than waited on.
  const asked = frame.evaluate(() => document.hasFocus() && document.activeElement !== document.body && document.activeElement !== null).catch(() => false);
  return Promise.race([asked, new Promise<boolean>((done) => setTimeout(() => done(false), 500))]);
}

/**
 * Waits until the form `page` asked for (one not handed out before) is drawn where it is written (never in
 * `page`), with the keyboard in it: what `surface.page.keyboard` types next is typed there.
 */
export async function composeReady(ext: Extension, page: Page): Promise<ComposeSurface> {
  // waitUntil, not expect.poll: helpers run in beforeAll too.
  let surface: ComposeSurface | null = null;
  const used = handedOut.get(ext) ?? new Set<string>();
  handedOut.set(ext, used);
  await waitUntil(async () => (surface = await findSurface(ext, page, used)) !== null);
  const { page: where, frame } = surface!;
  used.add(frame.url());
  await where.bringToFront();
  // The panel's frame takes the keyboard as a person's click into it would give it.
  await waitUntil(async () => {
    if (await focusedField(frame)) return true;
    await frame
      .evaluate(() => {
        window.focus();
        (document.querySelector('input, textarea, button') as HTMLElement | null)?.focus();
      })
      .catch(() => undefined);
    return false;
  });
  return surface!;
}

/** What the form `page` asked for shows where it is written, as text ('' while there is none). */
export async function composeText(ext: Extension, page: Page): Promise<string> {
  const surface = await findSurface(ext, page);
  return (await surface?.frame.evaluate(() => document.body.innerText).catch(() => '')) ?? '';
}

/** A person's click on "Answer in the panel" on the open-text card in `page` (a closed root: found as DevTools does). */
export async function answerInPanel(ext: Extension, page: Page): Promise<void> {
  let boxes: Box[] = [];
  await waitUntil(async () => (boxes = await shadowBoxes(ext, page, 'JOURNEY-LENS-SURVEY', 'submit')).length === 1);
  const [box] = boxes;
  await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
}
