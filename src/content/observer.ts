import type { TabMessage, VisitProposal } from '../core/messages';
import type { TabReplies } from '../core/replies';
import { connected, onMessage } from '../platform/page-runtime';
import { watchPasswordFields, watchTypedValues } from './element-description';
import { EventQueue } from './event-queue';
import { PageErrorLog } from './feedback';
import { RefusedError } from './messaging';
import { pageNotes } from './on-demand';
import { PageRecorder } from './page-recorder';
import { watchRoute } from './route-watch';

/**
 * The observer injected into pages of a study's scope. It may be injected twice (registered, then injected
 * into an already open tab), so the first instance claims the page and later ones leave.
 */
const CLAIM = Symbol.for('journey-lens.observer');
/**
 * The successor's side of taking a page over from an observer orphaned by an extension update (take-over.ts):
 * the worker runs it just before an observer it injects into a page already open (background/content-scripts.ts).
 * An observer loaded with its page is the page's first, and has no orphan to look for.
 */
const injectedLate = (globalThis as { [key: symbol]: typeof import('./take-over') | undefined })[Symbol.for('journey-lens.part.take-over')];
/** A worker stopping as the page loads is soon back, but a busy machine may take seconds to start it: quick tries for the first 4 s, then backing off up to 5 s. */
const QUICK_HELLO_TRIES = 40;
const helloRetryMs = (attempt: number) => (attempt < QUICK_HELLO_TRIES ? 100 : Math.min(100 * 2 ** (attempt - QUICK_HELLO_TRIES + 1), 5000));
const scope = globalThis as { [CLAIM]?: true };
/** Frameworks render a new route a little after the URL changes; a note's element is looked for after that. */
const ROUTE_SETTLE_MS = 300;

function arrivalOfThisLoad(): VisitProposal['arrival'] {
  const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  if (entry?.type === 'reload' || entry?.type === 'back_forward') return entry.type;
  return 'navigate';
}

if (!scope[CLAIM]) {
  scope[CLAIM] = true;
  // Before anything is recorded or masked: a field shown as text must still be known as a password field.
  watchPasswordFields();
  watchTypedValues();
  // The extension reloaded or went under the page: an observer that took over has the page now, or none will.
  const retire = (secret?: string) => {
    recorder.stop();
    listening.abort();
    void notes?.then((loaded) => loaded.retire(secret));
  };
  const queue = new EventQueue(50, retire);
  // An orphan's forms may still send: they go through this observer (content/orphan-relay.ts, loaded with the forms).
  const recorder = new PageRecorder(queue, retire, (secret, signal) => void pageNotes().then((part) => part.relayOrphanForms(secret, signal)));
  const listening = new AbortController();
  const errors = new PageErrorLog();
  // Notes and reports load on demand (content/page-notes.ts): on a page with notes, or when one is asked for.
  let notes: ReturnType<typeof loadNotes> | undefined;
  const loadNotes = async () => new (await pageNotes()).PageNotes(() => recorder.place(), errors);
  // After a route change, pins shown are asked for again whatever the last hello said (a note may have been added since).
  const showNotes = (afterRoute = false) => {
    const place = recorder.place();
    if (notes || (place && recorder.notedPages.has(place.pageKey))) void (notes ??= loadNotes()).then((loaded) => loaded.reloadPins(afterRoute ? undefined : recorder.notedPages));
  };
  // The element a person right-clicked, for "Add a note here"; a page's own contextmenu event (isTrusted false) cannot swap it.
  let rightClicked: Element | null = null;
  addEventListener('contextmenu', (event) => event.isTrusted && (rightClicked = event.composedPath()[0] as Element), { capture: true, passive: true, signal: listening.signal });
  let settle: ReturnType<typeof setTimeout> | undefined;
  watchRoute(() => {
    recorder.routeChanged();
    clearTimeout(settle);
    settle = setTimeout(() => {
      errors.reset();
      showNotes(true);
    }, ROUTE_SETTLE_MS);
  }, listening.signal);
  // Each answer is checked against its message's reply (`satisfies`, erased: a table of handlers costs this
  // script bytes it does not have, PRODUCT.md §8). Only the worker messages a tab, so these are not validated.
  onMessage((message) => {
    const request = message as TabMessage;
    if (request?.type === 'tab.describe') return Promise.resolve(recorder.describe() satisfies TabReplies['tab.describe']);
    if (request?.type === 'tab.refresh') return recorder.refresh(arrivalOfThisLoad()).then(() => showNotes()).then(() => null satisfies TabReplies['tab.refresh']);
    if (request?.type === 'tab.prompt') {
      recorder.prompt(request.prompt);
      return Promise.resolve(null satisfies TabReplies['tab.prompt']);
    }
    // Answered at once: picking and writing take as long as the person needs.
    if (request?.type === 'tab.pick') {
      void (notes ??= loadNotes()).then((loaded) => loaded.pick(request.mode, request.target === 'context' ? rightClicked : null, request.note));
      return Promise.resolve(null satisfies TabReplies['tab.pick']);
    }
    return undefined;
  });
  // A worker that is stopping as the page loads drops its hello: the page tries again until it is heard or
  // refused (a page that never says hello records nothing).
  // An observer loaded with its page proposes the visit of that load; one injected later proposes none: it may
  // find an orphan there whose visit it goes on with.
  recorder.takeOver = injectedLate?.succeedOrphans;
  const helloWithRetry = async (arrival: VisitProposal['arrival'], attempt = 0): Promise<void> => {
    try {
      await recorder.refresh(arrival, injectedLate ? undefined : arrival);
      showNotes();
    } catch (error) {
      if (error instanceof RefusedError || !connected()) return;
      setTimeout(() => void helloWithRetry(arrival, attempt + 1), helloRetryMs(attempt));
    }
  };
  void helloWithRetry(arrivalOfThisLoad());
}
