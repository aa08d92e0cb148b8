import { inertText } from '../core/inert-text';
import { storableSource } from '../core/journey/route';
import { PAGE_ERROR_EVENT, PAGE_READY_EVENT } from './page-world-events';

/**
 * Any page script can dispatch the hand-over event, so a page can fake errors — as it can throw real ones: past
 * this many per page load the rest are not heard (a real error loop says nothing new after them either).
 */
const MAX_PER_LOAD = 20;
const MESSAGE_CHARS = 500;

export interface PageError {
  /** When the page world saw it (an error while the page loads is handed over later, once we listen). */
  at: number;
  message: string;
  /** `url:line:column` with the URL scrubbed (core/journey/route.ts storableSource), or null. */
  source: string | null;
}

const listeners = new Set<(error: PageError) => void>();
/** Every error heard in this page load, so a subscriber that comes later (a session started) hears them too. */
const heard: PageError[] = [];

// One listener for the page load, which counts, reads, cuts and scrubs each error once for every subscriber.
document.addEventListener(PAGE_ERROR_EVENT, (event) => {
  const error = read((event as CustomEvent<unknown>).detail);
  if (error && heard.push(error) <= MAX_PER_LOAD) for (const listener of listeners) listener(error);
});
// The page world holds what the page threw before this script ran (it runs once the document is idle).
document.dispatchEvent(new Event(PAGE_READY_EVENT));

/** Calls `listener` with each of the page's uncaught errors (those of this load so far first), until `signal` aborts. */
export function onPageError(listener: (error: PageError) => void, signal?: AbortSignal): void {
  heard.slice(0, MAX_PER_LOAD).forEach(listener);
  listeners.add(listener);
  signal?.addEventListener('abort', () => listeners.delete(listener));
}

function read(detail: unknown): PageError | null {
  if (typeof detail !== 'string') return null;
  try {
    const { message, source, at } = JSON.parse(detail) as { message?: unknown; source?: unknown; at?: unknown };
    if (typeof message !== 'string') return null;
    // A page can forge the time too: only one from this page load and not in the future is taken.
    const when = typeof at === 'number' && at >= performance.timeOrigin && at <= Date.now() ? at : Date.now();
    return { at: when, message: inertText(message.slice(0, MESSAGE_CHARS)), source: typeof source === 'string' ? storableSource(source) : null };
  } catch {
    // Not ours: page scripts can dispatch anything on the document.
    return null;
  }
}
