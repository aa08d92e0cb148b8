/**
 * The document events between the page-world script (page-world.ts, the page's own world) and the observer (its
 * isolated world): only strings cross worlds. The page can dispatch these too: the observer checks what an error
 * says, and a forged answer gets a page nothing a change to its own DOM would not.
 */
/** An uncaught error or rejection, as JSON `{ message, source, at }`. */
export const PAGE_ERROR_EVENT = 'journeylens:error';
/**
 * A click's answer the DOM does not show (a dialog, a chooser, a new window, a clipboard write), or, with the detail
 * `scroll`, a scroll call, whose scroll event a busy page hears late. Which answer it was decides nothing.
 */
export const PAGE_ANSWER_EVENT = 'journeylens:answer';
export const PAGE_SCROLL = 'scroll';
/** The observer listens now: the page world hands over the errors it held. */
export const PAGE_READY_EVENT = 'journeylens:ready';
