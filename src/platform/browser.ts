import browser, { type Runtime, type Tabs } from 'webextension-polyfill';
import { messageListener, type MessageHandler } from './message-listener';

/** The one seam to the extension APIs for extension pages and the worker: Chrome and Firefox differ behind it. */
export { browser };
export type { Runtime, Tabs };

export function onMessage(handler: MessageHandler<Runtime.MessageSender>): void {
  browser.runtime.onMessage.addListener(messageListener(handler) as unknown as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
}
