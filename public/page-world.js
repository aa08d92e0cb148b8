// Runs in the page's own world (registered with world: 'MAIN'), where the page's uncaught errors and unhandled
// rejections fire with their messages, and where its native dialogs, clipboard writes and window.open calls can be
// seen at all. It hands over strings only (objects do not cross worlds) on two document events the observer in the
// extension's isolated world listens to: an error's message and source, and the name of an answer to a click.
(() => {
  const ERROR = 'journeylens:page-error';
  const ANSWER = 'journeylens:page-answer';
  const hand = (message, source) =>
    document.dispatchEvent(new CustomEvent(ERROR, { detail: JSON.stringify({ message: String(message).slice(0, 500), source }) }));
  addEventListener('error', (event) => {
    if (event.error === undefined && event.message === '') return; // a resource failed to load, not a script error
    hand(event.message || 'Error', event.filename ? `${event.filename}:${event.lineno}:${event.colno}` : null);
  });
  addEventListener('unhandledrejection', (event) => {
    const reason = event.reason;
    hand(reason instanceof Error ? `Unhandled rejection: ${reason.message}` : `Unhandled rejection: ${String(reason)}`, null);
  });
  // A click answered by alert() or a copy to the clipboard changes nothing in the DOM; it is still answered. The
  // functions are wrapped in proxies so the page calls them as before (same arguments, result and `this`).
  const watch = (owner, name, answer) => {
    const original = owner && owner[name];
    if (typeof original !== 'function') return;
    const tell = () => document.dispatchEvent(new CustomEvent(ANSWER, { detail: answer }));
    owner[name] = new Proxy(original, { apply: (target, self, args) => (tell(), Reflect.apply(target, self, args)) });
  };
  for (const name of ['alert', 'confirm', 'prompt', 'print']) watch(window, name, 'dialog');
  watch(window, 'open', 'window');
  const clipboard = window.Clipboard && Clipboard.prototype;
  watch(clipboard, 'writeText', 'clipboard');
  watch(clipboard, 'write', 'clipboard');
})();
