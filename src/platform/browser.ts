import browser, { type Runtime } from 'webextension-polyfill';

/** The one seam to the extension APIs: Chrome and Firefox differ behind it, nowhere else. */
export { browser };
export type { Runtime };

/**
 * Answers runtime messages with the handler's promise. Chromium now ships a native `browser` that the polyfill
 * passes through, and its onMessage ignores a returned promise; `sendResponse` + `return true` works everywhere.
 * A handler returning undefined leaves the message to other listeners.
 */
export function onMessage(handler: (message: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined): void {
  const listener = (message: unknown, sender: Runtime.MessageSender, sendResponse: (reply: unknown) => void) => {
    const reply = handler(message, sender);
    if (!reply) return false;
    reply.then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }));
    return true;
  };
  browser.runtime.onMessage.addListener(listener as unknown as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
}
