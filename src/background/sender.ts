import type { PageSender } from './handler';

/** Who sent a message, decided from what the browser says of the sender, never from the message itself. */
export type Sender = { kind: 'ui' } | ({ kind: 'content' } & PageSender);

export interface SenderFacts {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

export function senderOf(sender: SenderFacts, extensionId: string, extensionOrigin: string): Sender | null {
  if (sender.id !== extensionId || !sender.url) return null;
  if (sender.url.startsWith(extensionOrigin)) return { kind: 'ui' };
  // Our content scripts run in top frames of http(s) pages only.
  if (sender.tab?.id !== undefined && sender.frameId === 0 && /^https?:\/\//.test(sender.url)) return { kind: 'content', url: sender.url, tabId: sender.tab.id };
  return null;
}

export function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
