import type { Annotation } from '../core/records/annotation';
import { relayMessagesThrough, sendMessage } from '../platform/page-runtime';
import { closeForms, pickAndOpen, showPins } from './annotate-flow';
import type { PageErrorLog } from './feedback';
import { ask } from './messaging';
import type { NotePlace, PickMode } from './note-place';
import { relayForOrphans, relayThroughSuccessor } from './orphan-relay';

/**
 * Notes and reports on this page, loaded on demand (on-demand.ts) with the picker, forms, pins and anchoring:
 * only on pages whose study has notes here, or when a note or report is asked for. The observer keeps what
 * must run before that: the element last right-clicked, and route changes (content/observer.ts).
 */
export class PageNotes {
  #picking = false;
  #pinsShown = false;
  #generation = 0;
  #retired = false;

  readonly #place: () => NotePlace | null;
  readonly #errors: PageErrorLog;

  constructor(place: () => NotePlace | null, errors: PageErrorLog) {
    this.#place = place;
    this.#errors = errors;
  }

  /**
   * Another observer has the page now (the extension reloaded, content/succession.ts) and shows the pins itself:
   * this one takes its own down, and what it still sends goes through the successor, on the session's channel
   * `secret`. The forms it waits for close as cancelled: the panel reaches them through this observer's runtime,
   * which is gone.
   */
  retire(secret?: string): void {
    if (secret) relayMessagesThrough(relayThroughSuccessor(secret));
    this.#retired = true;
    this.#generation++;
    if (this.#pinsShown) void showPins([]);
    void closeForms();
  }

  /** Picks an element (or takes `remembered`, the one right-clicked) and opens the note or report form on it. */
  async pick(mode: PickMode, remembered: Element | null, note?: string): Promise<void> {
    if (this.#picking || !this.#place()) return;
    this.#picking = true;
    try {
      await pickAndOpen(mode, remembered, this.#place, this.#errors, note);
    } finally {
      this.#picking = false;
      // A note made here may have put up the first pin: the next route change must take it down.
      this.#pinsShown = true;
    }
  }

  /**
   * Asks for this page's notes and pins them. `noted`, the study's pages with notes as the hello said, spares
   * the question on a page that has none and shows none.
   */
  async reloadPins(noted?: ReadonlySet<string>): Promise<void> {
    const generation = ++this.#generation;
    const place = this.#place();
    let notes: Annotation[] = [];
    try {
      if (!this.#retired && place && (!noted || noted.has(place.pageKey) || this.#pinsShown)) notes = await ask({ type: 'content.annotations', studyId: place.studyId, pageKey: place.pageKey });
    } catch {
      return; // The worker may be starting up: the pins stay as they are until the next load or change.
    }
    if (generation !== this.#generation || (!notes.length && !this.#pinsShown)) return;
    this.#pinsShown = notes.length > 0;
    await showPins(notes);
  }
}

/** The successor's side after an update (content/orphan-relay.ts): an orphan's open forms send through this observer. */
export function relayOrphanForms(secret: string, signal: AbortSignal): void {
  relayForOrphans(secret, sendMessage, signal);
}
