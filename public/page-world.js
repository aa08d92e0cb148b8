// In the page's own world (world: 'MAIN'): errors, native dialogs, clipboard writes and window.open are seen only
// here. Strings go to the isolated-world observer on two document events (objects do not cross worlds). Errors
// thrown before the observer runs (it starts once the document is idle) are held until it says it is listening.
(() => {
  let held = [];
  const tell = (detail) => document.dispatchEvent(new CustomEvent('journeylens:page-error', { detail }));
  const hand = (message, source) => {
    const detail = JSON.stringify({ message: String(message).slice(0, 500), source, at: Date.now() });
    if (held && held.length < 20) held.push(detail);
    tell(detail);
  };
  document.addEventListener('journeylens:page-ready', () => {
    held?.forEach(tell);
    held = null;
  }, { once: true });
  addEventListener('error', (event) => {
    if (event.error === undefined && event.message === '') return; // a resource failed to load, not a script error
    hand(event.message || 'Error', event.filename ? `${event.filename}:${event.lineno}:${event.colno}` : null);
  });
  addEventListener('unhandledrejection', ({ reason }) => {
    hand(`Unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`, null);
  });
  // A click answered only by alert() or a clipboard write is answered; proxies keep the calls as they were.
  const watch = (owner, name, answer) => {
    const original = owner && owner[name];
    if (typeof original !== 'function') return;
    owner[name] = new Proxy(original, {
      apply: (target, self, args) => (document.dispatchEvent(new CustomEvent('journeylens:page-answer', { detail: answer })), Reflect.apply(target, self, args)),
    });
  };
  for (const name of ['alert', 'confirm', 'prompt', 'print']) watch(window, name, 'dialog');
  watch(window, 'open', 'window');
  watch(window.Clipboard && Clipboard.prototype, 'writeText', 'clipboard');
  watch(window.Clipboard && Clipboard.prototype, 'write', 'clipboard');
})();
