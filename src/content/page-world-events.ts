/**
 * The document events between the page-world script (page-world.ts, the page's own world) and the observer (its
 * isolated world): only strings cross worlds, and the page can dispatch these too, so the observer checks them.
 */
/** An uncaught error or rejection, as JSON `{ message, source, at }`. */
export const PAGE_ERROR_EVENT = 'journeylens:error';
/** A click's answer the DOM does not show (`dialog`, `window`, `clipboard`), or a scroll call its scroll event shows late. */
export const PAGE_ANSWER_EVENT = 'journeylens:answer';
export type PageAnswer = 'dialog' | 'window' | 'clipboard' | 'scroll';
/** The observer listens now: the page world hands over the errors it held. */
export const PAGE_READY_EVENT = 'journeylens:ready';
