/** Who sent a message, decided from what the browser says of the sender, never from the message itself. */
export type SenderKind = 'ui' | 'content';

export interface SenderFacts {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

export function senderKind(sender: SenderFacts, extensionId: string, extensionOrigin: string): SenderKind | null {
  if (sender.id !== extensionId || !sender.url) return null;
  if (sender.url.startsWith(extensionOrigin)) return 'ui';
  // Our content scripts run in top frames of http(s) pages only.
  if (sender.tab?.id !== undefined && sender.frameId === 0 && /^https?:\/\//.test(sender.url)) return 'content';
  return null;
}

export function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
