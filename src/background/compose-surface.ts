import type { Runtime } from '../platform/browser';
import { browser } from '../platform/browser';
import { openSidePanel, sidePanelOpenIn } from '../platform/side-panel';

/** The page a form is written in when the side panel cannot be opened (ui/compose): no file of ours is web-accessible. */
const COMPOSE_PAGE = 'src/ui/compose/index.html';
const WINDOW_SIZE = { width: 420, height: 620 };
const key = (tabId: number) => `compose.${tabId}`;

/** Each tab's attempt to open the panel, begun in the message listener's synchronous part. */
const attempts = new Map<number, Promise<boolean>>();

/**
 * Called first thing in the worker's message listener, before anything is awaited: a page asking for a form to be
 * written gets the side panel opened while the click that asked still counts as the person's gesture. Any await
 * before `sidePanel.open` loses it. Validation comes after, in the handler; opening our own panel harms nothing.
 */
export function openPanelForCompose(message: unknown, sender: Runtime.MessageSender): void {
  const tabId = sender.tab?.id;
  if ((message as { type?: unknown } | null)?.type !== 'content.compose.open' || sender.id !== browser.runtime.id || tabId === undefined) return;
  attempts.set(
    tabId,
    openSidePanel(tabId).then(
      () => true,
      () => false,
    ),
  );
}

/**
 * Form `id` of the page in `tabId` waits to be written: the side panel shows it (opened just now, or open already);
 * else (Firefox's sidebar opens only from a browser action, or Chrome said no) a small extension window does.
 */
export async function showCompose(tabId: number, id: string): Promise<'panel' | 'window'> {
  await browser.storage.session.set({ [key(tabId)]: id });
  const attempt = attempts.get(tabId);
  attempts.delete(tabId);
  const { windowId } = await browser.tabs.get(tabId);
  if ((await attempt) || (windowId !== undefined && (await sidePanelOpenIn(windowId).catch(() => false)))) return 'panel';
  await browser.windows.create({ type: 'popup', url: browser.runtime.getURL(`${COMPOSE_PAGE}?tab=${tabId}&id=${id}`), ...WINDOW_SIZE });
  return 'window';
}

/** The form waiting in `tabId`, as the page last asked; the page still has to confirm it is open. */
export const pendingCompose = {
  async get(tabId: number): Promise<string | null> {
    const id = (await browser.storage.session.get(key(tabId)))[key(tabId)];
    return typeof id === 'string' ? id : null;
  },
  async forget(tabId: number, id: string): Promise<void> {
    if ((await pendingCompose.get(tabId)) === id) await browser.storage.session.remove(key(tabId));
  },
};
