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
const channel = (secret: string, part: 'ask' | 'give' | 'relay' | 'relayed') => `journey-lens-${part}-${secret}`;

/** What an orphan's UI still asks after an update: a note form's save, a report's sending; nothing else passes. */
const RELAYED = new Set(['content.annotation.save', 'content.feedback']);

/** Hands events (and, the first time, the open visit) to the observer that took over. */
export type Give = (handover: Handover) => void;

/**
 * The orphan's side: when an observer of the same session asks, `succeeded` learns it and may give now and
 * later (clicks it saw may still be waiting for the page's answer).
 */
export function awaitSuccessor(secret: string, succeeded: (give: Give) => void, signal: AbortSignal): void {
  const give: Give = (handover) => document.dispatchEvent(new CustomEvent(channel(secret, 'give'), { detail: JSON.stringify(handover) }));
  document.addEventListener(channel(secret, 'ask'), () => succeeded(give), { signal });
}

/**
 * The successor's side: asks every orphan of the session in this page (an extension reloaded twice leaves two)
 * and adopts what they give, now and while `signal` holds, and from the first, relays their requests (`send`).
 * Returns the open visit an orphan gave at once. The background validates the events as it validates any page's.
 */
export function succeedOrphans(
  secret: string,
  adopt: (events: ContentEvent[]) => void,
  send: (message: unknown) => Promise<unknown>,
  signal: AbortSignal,
): Handover['openVisit'] {
  let openVisit: Handover['openVisit'] = null;
  let relaying = false;
  const take = (event: Event) => {
    const handover = parseHandover(parseJson((event as CustomEvent).detail));
    if (!handover) return;
    openVisit = handover.openVisit ?? openVisit;
    adopt(handover.events);
    // Only once an orphan exists: before, there is no one to relay for.
    if (!relaying) relayForOrphans(secret, send, signal);
    relaying = true;
  };
  document.addEventListener(channel(secret, 'give'), take, { signal });
  document.dispatchEvent(new Event(channel(secret, 'ask')));
  return openVisit;
}

function parseHandover(json: unknown): Handover | null {
  const value = json as Partial<Handover> | null;
  if (!Array.isArray(value?.events)) return null;
  const open = value.openVisit;
  const valid = open && typeof open.id === 'string' && typeof open.enteredAt === 'number' && typeof open.loadJudged === 'boolean';
  const openVisit = valid ? { id: open.id, enteredAt: open.enteredAt, loadJudged: open.loadJudged } : null;
  return { events: value.events, openVisit };
}

/**
 * The successor's side of requests: an orphan's UI still on screen (a note form being written) asks the worker
 * through this observer, whose runtime works; same tab and frame, so the worker sees the same sender.
 */
function relayForOrphans(secret: string, send: (message: unknown) => Promise<unknown>, signal: AbortSignal): void {
  document.addEventListener(
    channel(secret, 'relay'),
    (event) => {
      const request = parseJson((event as CustomEvent).detail) as { id?: unknown; message?: { type?: unknown } } | null;
      if (typeof request?.id !== 'string' || !RELAYED.has(request.message?.type as string)) return;
      const id = request.id;
      void send(request.message)
        .then(
          (reply) => ({ id, reply }),
          (error: unknown) => ({ id, error: error instanceof Error ? error.message : String(error) }),
        )
        .then((answer) => document.dispatchEvent(new CustomEvent(channel(secret, 'relayed'), { detail: JSON.stringify(answer) })));
    },
    { signal },
  );
}

/** The orphan's side: a sendMessage that goes through the observer that took over. */
export function relayThroughSuccessor(secret: string): (message: unknown) => Promise<unknown> {
  const waiting = new Map<string, { resolve: (reply: unknown) => void; reject: (error: Error) => void }>();
  document.addEventListener(channel(secret, 'relayed'), (event) => {
    const answer = parseJson((event as CustomEvent).detail) as { id?: unknown; reply?: unknown; error?: unknown } | null;
    if (typeof answer?.id !== 'string') return;
    const pending = waiting.get(answer.id);
    if (!pending) return;
    waiting.delete(answer.id);
    if (typeof answer.error === 'string') pending.reject(new Error(answer.error));
    else pending.resolve(answer.reply);
  });
  return (message) =>
    new Promise((resolve, reject) => {
      const id = crypto.randomUUID();
      waiting.set(id, { resolve, reject });
      document.dispatchEvent(new CustomEvent(channel(secret, 'relay'), { detail: JSON.stringify({ id, message }) }));
    });
}

function parseJson(detail: unknown): unknown {
  try {
    return typeof detail === 'string' ? JSON.parse(detail) : null;
  } catch {
    return null;
  }
}
