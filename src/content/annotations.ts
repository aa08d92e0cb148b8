import type { Annotation } from '../core/records/annotation';
import type { PageErrorLog } from './feedback';
import { ask } from './messaging';
import { annotateFlow } from './on-demand';
import type { NotePlace, PickMode } from './note-place';
import { watchRoute } from './route-watch';

/** Frameworks render a new route a little after the URL changes; anchors are looked for after that. */
const ROUTE_SETTLE_MS = 300;

/**
 * Notes and reports on this page, the always-injected part: remembers the element last right-clicked, starts
 * picking when the background asks, and shows the page's pins on each load and route change. The picker,
 * forms, pins and anchoring load on demand (./annotate-flow), and only on pages that have notes or a request.
 */
export class PageNotes {
  #listening: AbortController | null = null;
  #remembered: Element | null = null;
  #picking = false;
  #pinsShown = false;
  #generation = 0;
  /** The on-demand part once loaded: an observer whose runtime is gone cannot name its URL again. */
  #flow: Awaited<ReturnType<typeof annotateFlow>> | null = null;

  readonly #place: () => NotePlace | null;
  readonly #errors: PageErrorLog;

  constructor(place: () => NotePlace | null, errors: PageErrorLog) {
    this.#place = place;
    this.#errors = errors;
  }

  /** The page's study is known, or changed: listen while the page is in one, and show its pins (`noted`: see reloadPins). */
  sync(noted: ReadonlySet<string>): void {
    const inStudy = this.#place() !== null;
    if (inStudy && !this.#listening) {
      this.#listening = new AbortController();
      const { signal } = this.#listening;
      // The element a person right-clicked; a page script's own contextmenu event (isTrusted false) cannot swap it.
      addEventListener('contextmenu', (event) => {
          if (event.isTrusted) this.#remembered = event.composedPath()[0] as Element;
        }, { capture: true, passive: true, signal });
      let settle: ReturnType<typeof setTimeout> | undefined;
      watchRoute(() => {
        clearTimeout(settle);
        settle = setTimeout(() => {
          this.#errors.reset();
          void this.reloadPins();
        }, ROUTE_SETTLE_MS);
      }, signal);
      signal.addEventListener('abort', () => clearTimeout(settle));
    } else if (!inStudy && this.#listening) {
      this.#listening.abort();
      this.#listening = null;
      this.#remembered = null;
    }
    void this.reloadPins(noted);
  }

  /**
   * Another observer has the page now (the extension reloaded, content/succession.ts) and shows the pins itself:
   * this one takes its own down and stops listening.
   */
  retire(): void {
    this.#listening?.abort();
    this.#listening = null;
    this.#generation++;
    if (this.#pinsShown) void this.#flow?.showPins([]);
    void this.#flow?.closeForms();
  }

  /** Picks an element (or takes the one right-clicked) and opens the note or report form on it. */
  async pick(mode: PickMode, target: 'pick' | 'context', note?: string): Promise<void> {
    if (this.#picking || !this.#place()) return;
    this.#picking = true;
    try {
      const flow = await this.#loadFlow();
      await flow.pickAndOpen(mode, target === 'context' ? this.#remembered : null, this.#place, this.#errors, note);
    } finally {
      this.#picking = false;
      // A note made here may have put up the first pin: the next route change must take it down.
      this.#pinsShown = true;
    }
  }

  /**
   * Asks for this page's notes; the pins (and their code) load only when there are some, or were. `noted`, the
   * study's pages with notes as the hello said, spares the question on a page that has none and shows none.
   */
  async reloadPins(noted?: ReadonlySet<string>): Promise<void> {
    const generation = ++this.#generation;
    const place = this.#place();
    let notes: Annotation[] = [];
    try {
      if (place && (!noted || noted.has(place.pageKey) || this.#pinsShown)) notes = await ask({ type: 'content.annotations', studyId: place.studyId, pageKey: place.pageKey });
    } catch {
      return; // The worker may be starting up: the pins stay as they are until the next load or change.
    }
    if (generation !== this.#generation || (!notes.length && !this.#pinsShown)) return;
    this.#pinsShown = notes.length > 0;
    const flow = await this.#loadFlow();
    if (generation === this.#generation) await flow.showPins(notes);
  }

  async #loadFlow() {
    this.#flow ??= await annotateFlow();
    return this.#flow;
  }
}
