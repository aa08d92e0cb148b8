/**
 * The session outbox: where a page leaves its unacknowledged events when it goes away (content/event-queue.ts
 * says why), in the extension's storage.session, one key per page, for the worker to apply and remove
 * (background/outbox.ts). DOM-free and zod-free: the observer injected into pages imports it.
 */
export const OUTBOX_PREFIX = 'outbox:';

export interface OutboxEntryShape {
  /** The tab the page was in: a message's sender would have said, but the page is gone. */
  tabId: number;
  url: string;
  events: unknown[];
}
