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
 * and share only the DOM, where the page listens too. The channel is named by the session's id, which never
 * leaves the extension's worlds: the page can neither hear nor forge what it cannot name. Events dispatched on
 * the document run their listeners at once, so asking and answering take no wait; strings cross worlds whole.
 */
const channel = (sessionId: string, part: 'ask' | 'give' | 'relay' | 'relayed') => `journey-lens-${part}-${sessionId}`;

/** Hands events (and, the first time, the open visit) to the observer that took over. */
export type Give = (handover: Handover) => void;

/**
 * The orphan's side: when an observer of the same session asks, `succeeded` learns it and may give now and
 * later (clicks it saw may still be waiting for the page's answer).
 */
export function awaitSuccessor(sessionId: string, succeeded: (give: Give) => void, signal: AbortSignal): void {
  const give: Give = (handover) => document.dispatchEvent(new CustomEvent(channel(sessionId, 'give'), { detail: JSON.stringify(handover) }));
  document.addEventListener(channel(sessionId, 'ask'), () => succeeded(give), { signal });
}

/**
 * The successor's side: asks every orphan of the session in this page (an extension reloaded twice leaves two)
 * and adopts what they give, now and while `signal` holds. Returns the open visit an orphan gave at once. The
 * background validates the events as it validates any page's.
 */
export function succeedOrphans(sessionId: string, adopt: (events: ContentEvent[]) => void, signal: AbortSignal): Handover['openVisit'] {
  let openVisit: Handover['openVisit'] = null;
  const take = (event: Event) => {
    const handover = parseHandover(parseJson((event as CustomEvent).detail));
    if (!handover) return;
    openVisit = handover.openVisit ?? openVisit;
    adopt(handover.events);
  };
  document.addEventListener(channel(sessionId, 'give'), take, { signal });
  document.dispatchEvent(new Event(channel(sessionId, 'ask')));
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
export function relayForOrphans(sessionId: string, send: (message: unknown) => Promise<unknown>, signal: AbortSignal): void {
  document.addEventListener(
    channel(sessionId, 'relay'),
    (event) => {
      const request = parseJson((event as CustomEvent).detail) as { id?: unknown; message?: unknown } | null;
      if (typeof request?.id !== 'string') return;
      const id = request.id;
      void send(request.message)
        .then(
          (reply) => ({ id, reply }),
          (error: unknown) => ({ id, error: error instanceof Error ? error.message : String(error) }),
        )
        .then((answer) => document.dispatchEvent(new CustomEvent(channel(sessionId, 'relayed'), { detail: JSON.stringify(answer) })));
    },
    { signal },
  );
}

/** The orphan's side: a sendMessage that goes through the observer that took over. */
export function relayThroughSuccessor(sessionId: string): (message: unknown) => Promise<unknown> {
  const waiting = new Map<string, { resolve: (reply: unknown) => void; reject: (error: Error) => void }>();
  document.addEventListener(channel(sessionId, 'relayed'), (event) => {
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
      document.dispatchEvent(new CustomEvent(channel(sessionId, 'relay'), { detail: JSON.stringify({ id, message }) }));
    });
}

function parseJson(detail: unknown): unknown {
  try {
    return typeof detail === 'string' ? JSON.parse(detail) : null;
  } catch {
    return null;
  }
}
