import type { ContentEvent } from '../core/messages';

/** What an observer orphaned by an extension reload holds for the one injected in its place. */
export interface Handover {
  events: ContentEvent[];
  /**
   * The visit it had open: the page is the same document, so the visit goes on under its successor, which
   * judges the page's load only if the orphan had not yet (the verdict comes at the first click).
   */
  openVisit: { id: string; enteredAt: number; loadJudged: boolean } | null;
}

/**
 * The orphan and its successor run in different isolated worlds (Chromium gives the new observer a new context)
 * and share only the DOM, where the page listens too. The channel is named by a secret of the session the worker
 * gives every observer (`content.hello`), kept out of records and exports (a session's id is in every export):
 * the page can neither hear nor forge what it cannot name. Events dispatched on the document run their
 * listeners at once, so asking and answering take no wait; strings cross worlds whole.
 */
export const channel = (secret: string, part: 'ask' | 'give' | 'relay' | 'relayed') => `journey-lens-${part}-${secret}`;

/** Hands events (and, the first time, the open visit) to the observer that took over (its side: content/take-over.ts). */
export type Give = (handover: Handover) => void;

/**
 * The orphan's side: when an observer of the same session asks, `succeeded` learns it and may give now and
 * later (clicks it saw may still be waiting for the page's answer).
 */
export function awaitSuccessor(secret: string, succeeded: (give: Give) => void, signal: AbortSignal): void {
  const give: Give = (handover) => document.dispatchEvent(new CustomEvent(channel(secret, 'give'), { detail: JSON.stringify(handover) }));
  document.addEventListener(channel(secret, 'ask'), () => succeeded(give), { signal });
}

export function parseJson(detail: unknown): unknown {
  try {
    return typeof detail === 'string' ? JSON.parse(detail) : null;
  } catch {
    return null;
  }
}
