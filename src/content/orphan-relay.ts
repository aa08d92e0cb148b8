import { channel, parseJson } from './succession';

/*
 * After an extension update, a note or report form the orphaned observer still shows sends through the observer
 * that took over (content/succession.ts), whose runtime works: same tab and frame, so the worker sees the same
 * sender. Loaded with the forms (content/page-notes.ts), never with the observer: the orphan has it because its
 * form is open, the successor loads it when it finds an orphan.
 */

/** What an orphan's UI still asks after an update: a note form's save, a report's sending; nothing else passes. */
const RELAYED = new Set(['content.annotation.save', 'content.feedback']);

/**
 * The successor's side of requests: an orphan's UI still on screen (a note form being written) asks the worker
 * through this observer, whose runtime works; same tab and frame, so the worker sees the same sender.
 */
export function relayForOrphans(secret: string, send: (message: unknown) => Promise<unknown>, signal: AbortSignal): void {
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
