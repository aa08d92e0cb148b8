import type { TabMessage } from '../core/messages';
import type { TabReplies } from '../core/replies';
import type { Arrival } from '../core/records/visit';
import { connected, onMessage } from '../platform/page-runtime';
import { PageNotes } from './annotations';
import { watchPasswordFields, watchTypedValues } from './element-description';
import { EventQueue } from './event-queue';
import { PageErrorLog } from './feedback';
import { RefusedError } from './messaging';
import { PageRecorder } from './page-recorder';

/**
 * The observer injected into pages of a study's scope. It may be injected twice (registered, then injected
 * into an already open tab), so the first instance claims the page and later ones leave.
 */
const CLAIM = Symbol.for('journey-lens.observer');
/** A worker stopping as the page loads is soon back: quick tries for the first 2 s, then backing off up to 5 s. */
const QUICK_HELLO_TRIES = 20;
const helloRetryMs = (attempt: number) => (attempt < QUICK_HELLO_TRIES ? 100 : Math.min(100 * 2 ** (attempt - QUICK_HELLO_TRIES + 1), 5000));
const scope = globalThis as { [CLAIM]?: true };

function arrivalOfThisLoad(): Arrival {
  const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  if (entry?.type === 'reload' || entry?.type === 'back_forward') return entry.type;
  return 'navigate';
}

if (!scope[CLAIM]) {
  scope[CLAIM] = true;
  // Before anything is recorded or masked: a field shown as text must still be known as a password field.
  watchPasswordFields(document);
  watchTypedValues();
  // The extension reloaded or went under the page: an observer that took over has the page now, or none will.
  const retire = () => {
    recorder.stop();
    notes.retire();
  };
  const queue = new EventQueue(50, retire);
  const recorder = new PageRecorder(queue, () => notes.retire());
  // Notes and feedback: pins on load and route change, picking on request (the UI loads on demand).
  const notes = new PageNotes(() => recorder.place(), new PageErrorLog());
  // Each answer is checked against its message's reply (`satisfies`, erased: a table of handlers costs this
  // script bytes it does not have, PRODUCT.md §8). Only the worker messages a tab, so these are not validated.
  onMessage((message) => {
    const request = message as TabMessage;
    if (request?.type === 'tab.describe') return Promise.resolve(recorder.describe() satisfies TabReplies['tab.describe']);
    if (request?.type === 'tab.refresh') return recorder.refresh(arrivalOfThisLoad()).then(() => notes.sync(recorder.notedPages)).then(() => null satisfies TabReplies['tab.refresh']);
    if (request?.type === 'tab.prompt') {
      recorder.prompt(request.prompt);
      return Promise.resolve(null satisfies TabReplies['tab.prompt']);
    }
    // Answered at once: picking and writing take as long as the person needs.
    if (request?.type === 'tab.pick') {
      void notes.pick(request.mode, request.target, request.note);
      return Promise.resolve(null satisfies TabReplies['tab.pick']);
    }
    return undefined;
  });
  // A worker that is stopping as the page loads drops its hello: the page tries again until it is heard or
  // refused (a page that never says hello records nothing).
  const helloWithRetry = async (arrival: Arrival, attempt = 0): Promise<void> => {
    try {
      await recorder.refresh(arrival);
      notes.sync(recorder.notedPages);
    } catch (error) {
      if (error instanceof RefusedError || !connected()) return;
      setTimeout(() => void helloWithRetry(arrival, attempt + 1), helloRetryMs(attempt));
    }
  };
  void helloWithRetry(arrivalOfThisLoad());
}
