import type { Observation } from '../core/signals/observation';
import { describeElement, isField, isIgnored, selectorOf } from './element-description';
import { isOurLayer } from '../core/our-layer';
import { RecentClickTarget } from './recent-click-target';
import { watchFieldsNear } from './nearby-fields';
import { isEligibleClick } from '../core/signals/click-response';
import { PAGE_ANSWER_EVENT, PAGE_SCROLL } from './page-world-events';

/** A wheel's or key's smooth scroll lasts a few hundred ms; a scroll later than that is a script's (scrollIntoView). */
const SCROLL_INPUT_MS = 500;

/** One mutation or scroll observation per frame is all the detectors need; busy pages mutate far more often. */
const FRAME_MS = 16;
/** How a page calls its own site for a person: fetch and XMLHttpRequest (not beacons, pixels, scripts or styles). */
const OWN_CALL = /^(fetch|xmlhttprequest)$/;
const WHOLE_TREE: MutationObserverInit = { subtree: true, childList: true, attributes: true, characterData: true };
const TICK_MS = 1000;

/**
 * Turns the live page into plain observations for the pure detectors: passive listeners, one shared
 * MutationObserver and two PerformanceObservers, all hung on `signal`. No work per mutation beyond a timestamp.
 *
 * What only judges a person's input (the mutations and requests that answer a click, the clock that times them out)
 * starts at their first press, key or wheel: a page looked at and left costs its load nothing for them. The clock
 * also starts after `idleMs` without input, for the idle exit.
 */
export function observePage(emit: (observation: Observation) => void, onActivity: () => void, idleMs: number, signal: AbortSignal): void {
  const on = <K extends keyof WindowEventMap>(type: K, listener: (event: WindowEventMap[K]) => void) =>
    addEventListener(type, listener, { capture: true, passive: true, signal });
  const onDocument = <K extends keyof DocumentEventMap>(type: K, listener: (event: DocumentEventMap[K]) => void) =>
    document.addEventListener(type, listener, { capture: true, passive: true, signal });

  let lcp: PerformanceObserver | null = null;
  let lastClickAt = 0;
  let lastMutation = 0;
  const clicked = new RecentClickTarget();
  const reportLcp = (entries: PerformanceEntryList) => {
    for (const entry of entries) emit({ type: 'lcp', at: Date.now(), ms: Math.round(entry.startTime) });
  };

  const answer = () => emit({ type: 'answer', at: Date.now() });
  // Where the press began, and when text was last selected: a press that moved or selected is a drag, not a click.
  let down = { x: 0, y: 0, at: 0 };
  let selectedAt = 0;
  // Scrolling counts as a person's only right after their wheel, touch, keys or press (a scrollbar dragged). A press
  // or key that ends in a click was that click, not scrolling: a scroll after it is the page's (a busy page's
  // smooth "Back to top" may start 300 ms late), so the clock goes back to the latest wheel or touch.
  let scrollInputAt = 0;
  let wheelAt = 0;
  // A person's input, as it comes: from then on the page's answers are watched and the clock ticks.
  const tick = () => {
    clearTimeout(ticker);
    ticker = setInterval(() => emit({ type: 'tick', at: Date.now() }), TICK_MS);
  };
  let ticker = setTimeout(tick, idleMs);
  let mutations: MutationObserver | undefined;
  const watchAnswers = () => {
    if (mutations) return;
    mutations = new MutationObserver((records) => {
      // Our own layers coming and going (a card, pins) are not the page answering a click.
      if (onlyOurLayers(records)) return;
      clicked.forget();
      const at = Date.now();
      if (at - lastMutation < FRAME_MS) return;
      lastMutation = at;
      emit({ type: 'mutation', at });
    });
    mutations.observe(document, WHOLE_TREE);
    // Resource entries arrive when a request ends; only one that started after the latest click can answer it, and
    // only the page's own call to its site: analytics and session-replay tags send beacons on clicks and upload
    // every few seconds, to their own origins, and would answer every click.
    const requests = new PerformanceObserver((list) => {
      const startedAfterClick = list
        .getEntries()
        .some((entry) => performance.timeOrigin + entry.startTime >= lastClickAt && OWN_CALL.test((entry as PerformanceResourceTiming).initiatorType) && entry.name.startsWith(location.origin + '/'));
      if (startedAfterClick) emit({ type: 'request', at: Date.now() });
    });
    requests.observe({ type: 'resource' });
    signal.addEventListener('abort', () => {
      mutations?.disconnect();
      requests.disconnect();
    });
    tick();
  };
  const inputNow = () => {
    watchAnswers();
    return (scrollInputAt = Date.now());
  };
  signal.addEventListener('abort', () => clearInterval(ticker));
  on('mousedown', (event) => {
    if (event.isTrusted) down = { x: event.clientX, y: event.clientY, at: inputNow() };
  });
  on('wheel', (event) => event.isTrusted && (wheelAt = inputNow()));
  on('touchmove', (event) => event.isTrusted && (wheelAt = inputNow()));

  on('click', (event) => {
    const path = event.composedPath();
    const element = path[0];
    // Clicks made by page scripts (element.click()) are not a person's frustration.
    if (!event.isTrusted || !(element instanceof Element)) return;
    // A click from an assistive tool comes with no press or key before it.
    watchAnswers();
    onActivity();
    // A web component (Lit, Shoelace, Fluent) answers inside its shadow root, which the document's observer does not see.
    for (const node of path) if (node instanceof ShadowRoot) mutations!.observe(node, WHOLE_TREE);
    // Browsers settle LCP at the first input; what they still hold counts before the click does, and no more comes.
    if (lcp) {
      reportLcp(lcp.takeRecords());
      lcp.disconnect();
      lcp = null;
    }
    lastClickAt = Date.now();
    scrollInputAt = wheelAt;
    const dragPx = Math.hypot(event.clientX - down.x, event.clientY - down.y);
    const selectedText = selectedAt >= down.at && document.getSelection()?.isCollapsed === false;
    const target = clicked.of(element, event);
    emit({ type: 'click', at: lastClickAt, x: event.clientX, y: event.clientY, target, dragPx, selectedText });
    if (isEligibleClick(target)) watchFieldsNear(element, answer);
  });

  let lastScroll = 0;
  // Scroll events are trusted even when a page script scrolls: only the input before them tells a person's apart.
  // The page's own scroll calls count from the call (page-world.ts), as a smooth scroll shows from then on.
  const scrolled = () => {
    const at = Date.now();
    const byPerson = at - scrollInputAt <= SCROLL_INPUT_MS;
    if (byPerson) onActivity();
    if (at - lastScroll < FRAME_MS) return;
    lastScroll = at;
    emit({ type: 'scroll', at, y: scrollY, byPerson });
  };
  // Events a page script dispatches itself (isTrusted false) are no person's doing: they make no signal.
  on('scroll', (event) => event.isTrusted && scrolled());
  onDocument('selectionchange', () => {
    if (document.getSelection()?.isCollapsed !== false) return;
    selectedAt = Date.now();
    emit({ type: 'selection', at: selectedAt });
  });
  // The element focused, not its shadow host: a button in a web component focuses itself, which answers nothing.
  on('focusin', (event) => {
    const focused = event.composedPath()[0];
    if (event.isTrusted && focused instanceof Element) emit({ type: 'focus', at: Date.now(), targetKey: selectorOf(focused) });
  });
  onDocument('visibilitychange', () => emit({ type: 'focus', at: Date.now(), targetKey: null }));
  on('keydown', (event) => {
    if (!event.isTrusted) return;
    onActivity();
    // Keys that do not scroll are followed by no scroll of the person's.
    inputNow();
  });
  // Answers the DOM does not show. Media events do not bubble; capture on the window still sees them. A popover
  // shown or hidden (popovertarget, showPopover) changes no attribute, nor does going full screen: only events tell.
  onDocument('copy', answer);
  onDocument('fullscreenchange', answer);
  on('play', answer);
  on('pause', answer);
  on('change', answer);
  on('toggle', answer);
  // The page-world script's answers; a page could send these too, but could as well change its DOM.
  document.addEventListener(PAGE_ANSWER_EVENT, (event) => ((event as CustomEvent<unknown>).detail === PAGE_SCROLL ? scrolled() : answer()), { signal });
  watchNavigations(answer, (at) => emit({ type: 'navigation', at }), signal);
  on('input', (event) => {
    const field = event.target;
    if (!event.isTrusted) return;
    onActivity();
    // The fact of input only: which field of which form, never what was typed.
    if (!(field instanceof Element) || !isField(field) || isIgnored(field)) return;
    const form = field.closest('form');
    if (form) emit({ type: 'input', at: Date.now(), form: selectorOf(form), description: describeElement(field) });
  });
  on('submit', (event) => {
    if (!(event.target instanceof HTMLFormElement)) return;
    answer();
    if (event.isTrusted) emit({ type: 'submit', at: Date.now(), form: selectorOf(event.target) });
  });

  lcp = new PerformanceObserver((list) => reportLcp(list.getEntries()));
  lcp.observe({ type: 'largest-contentful-paint', buffered: true });
  signal.addEventListener('abort', () => lcp?.disconnect());

  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  if (navigation && navigation.loadEventEnd > 0) emit({ type: 'load', at: Date.now(), ms: Math.round(navigation.loadEventEnd) });
  else addEventListener('load', () => emit({ type: 'load', at: Date.now(), ms: Math.round(performance.now()) }), { once: true, signal });
}

/**
 * Who moves the page on: a navigation the page starts (a script, a form, a link) answers a click; going back or
 * forward is the person's. The Navigation API tells them apart; where a browser lacks it, both are seen only
 * as the page or route going away, which decides the clicks still waiting just the same.
 */
function watchNavigations(answer: () => void, personNavigated: (at: number) => void, signal: AbortSignal): void {
  (globalThis as { navigation?: EventTarget }).navigation?.addEventListener(
    'navigate',
    (event) => {
      const { navigationType, userInitiated } = event as Event & { navigationType?: string; userInitiated?: boolean };
      // history.back() from a script is a traverse too, but the page's own doing.
      if (navigationType === 'traverse' && userInitiated) personNavigated(Date.now());
      else answer();
    },
    { signal },
  );
}

/** The first record of a page's own change ends the walk; node lists are read by index, nothing is allocated. */
function onlyOurLayers(records: MutationRecord[]): boolean {
  for (const record of records) {
    if (isOurLayer(record.target)) continue;
    if (record.type !== 'childList') return false;
    for (let i = 0; i < record.addedNodes.length; i++) if (!isOurLayer(record.addedNodes[i]!)) return false;
    for (let i = 0; i < record.removedNodes.length; i++) if (!isOurLayer(record.removedNodes[i]!)) return false;
  }
  return true;
}
