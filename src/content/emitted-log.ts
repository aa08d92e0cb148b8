import type { ContentEvent } from '../core/messages';

/**
 * This observer instance's key: several instances (tabs, reloads) write at once, each only its own. Made on first
 * use: a call at the top would stay in dist/ with the rest compiled out.
 */
let key: string | undefined;
const log: [kind: string, eventId: string, ref: string][] = [];

/**
 * The e2e build only (compiled out of dist/): what this observer did with events, written to the page origin's
 * localStorage at once, so a test can count what a page emitted even after its tab has closed.
 */
function append(entry: (typeof log)[number]): void {
  log.push(entry);
  localStorage.setItem((key ??= `__jlTestHooks.emitted.${crypto.randomUUID()}`), JSON.stringify(log));
}

/** An event the page handed to its queue, with the record it speaks of (a visit or a signal). */
export function noteEmitted(event: ContentEvent): void {
  const ref = event.kind === 'visit.start' ? event.visit.id : event.kind === 'signal' ? event.signal.id : event.kind === 'response' ? event.response.id : event.visitId;
  append([event.kind === 'signal' ? `signal:${event.signal.kind}` : event.kind, event.eventId, ref]);
}

/** The visit this page's hello proposed, which the worker started (a start the page did not queue). */
export function noteEmittedStart(eventId: string, visitId: string): void {
  append(['visit.start', eventId, visitId]);
}

/** The observer, orphaned by an extension reload, handed `count` unacknowledged events to its successor. */
export function noteHandedOver(count: number): void {
  append(['handed-over', '', String(count)]);
}
