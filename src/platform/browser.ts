import browser, { type Runtime, type Tabs } from 'webextension-polyfill';
import { messageListener, type MessageHandler } from './message-listener';

/** The one seam to the extension APIs for extension pages and the worker: Chrome and Firefox differ behind it. */
export { browser };
export type { Runtime, Tabs };

/** Firefox's match patterns take no port: one with a port never matches (bug 1362809). Chromium's do. */
export const matchPatternsTakePorts = !__JL_FIREFOX__;

export function onMessage(handler: MessageHandler<Runtime.MessageSender>): void {
  browser.runtime.onMessage.addListener(messageListener(handler) as unknown as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
}
