import type { TabMessage } from '../core/messages';
import type { TabReplies } from '../core/replies';
import { browser } from '../platform/browser';

/**
 * The one way the worker asks the observer in a tab's top frame: a message of `TabMessage` in, its own reply out
 * (the observer's table, content/observer.ts, is typed by the same `TabReplies`). Rejects when no observer answers.
 */
export async function askTab<M extends TabMessage>(tabId: number, message: M): Promise<TabReplies[M['type']]> {
  return (await browser.tabs.sendMessage(tabId, message, { frameId: 0 })) as TabReplies[M['type']];
}
