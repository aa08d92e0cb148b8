export type MessageHandler<Sender> = (message: unknown, sender: Sender) => Promise<unknown> | undefined;

/**
 * Wraps a promise-returning handler as an onMessage listener. Chromium's native `browser` ignores a returned
 * promise, so the answer goes through `sendResponse` + `return true`, which every browser honours. A handler
 * returning undefined leaves the message to other listeners.
 */
export function messageListener<Sender>(handler: MessageHandler<Sender>) {
  return (message: unknown, sender: Sender, sendResponse: (reply: unknown) => void): boolean => {
    const reply = handler(message, sender);
    if (!reply) return false;
    reply.then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }));
    return true;
  };
}
