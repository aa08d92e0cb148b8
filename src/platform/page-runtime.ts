import { messageListener, type MessageHandler } from './message-listener';

/**
 * The runtime as the observer injected into pages uses it. Firefox's `browser` and Chromium's MV3 `chrome`
 * (and its newer native `browser`) all return promises, so the page needs no polyfill: it would add 3 KB gzip
 * to every page of a study (PRODUCT.md §8). Extension pages and the worker keep the polyfill (browser.ts).
 */
const runtime = ((globalThis as { browser?: typeof chrome }).browser ?? chrome).runtime;

export function sendMessage(message: unknown): Promise<unknown> {
  return runtime.sendMessage(message);
}

export function onMessage(handler: MessageHandler<chrome.runtime.MessageSender>): void {
  runtime.onMessage.addListener(messageListener(handler));
}
