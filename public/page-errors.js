// Runs in the page's own world (registered with world: 'MAIN'), where the page's uncaught errors and unhandled
// rejections fire with their messages. It hands the message and source, and nothing else, to the observer in
// the extension's isolated world as a JSON string: objects do not cross worlds, strings do.
(() => {
  const EVENT = 'journeylens:page-error';
  const hand = (message, source) =>
    document.dispatchEvent(new CustomEvent(EVENT, { detail: JSON.stringify({ message: String(message).slice(0, 500), source }) }));
  addEventListener('error', (event) => {
    if (event.error === undefined && event.message === '') return; // a resource failed to load, not a script error
    hand(event.message || 'Error', event.filename ? `${event.filename}:${event.lineno}:${event.colno}` : null);
  });
  addEventListener('unhandledrejection', (event) => {
    const reason = event.reason;
    hand(reason instanceof Error ? `Unhandled rejection: ${reason.message}` : `Unhandled rejection: ${String(reason)}`, null);
  });
})();
