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

/**
 * Lets the observer in pages write storage.session, which is the worker's alone by default (Chromium; the
 * polyfill does not know the call and passes it through). The level lasts for the browser session.
 */
export function openSessionStorageToPages(): Promise<void> {
  const session = browser.storage.session as { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };
  return session.setAccessLevel?.({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }) ?? Promise.resolve();
}
