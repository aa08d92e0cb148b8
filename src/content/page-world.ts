import { PAGE_ANSWER_EVENT, PAGE_ERROR_EVENT, PAGE_READY_EVENT } from './page-world-events';

/*
 * Runs in the page's own world (world: 'MAIN', at document_start), built as its own classic script
 * (scripts/observer-script.ts): errors, native dialogs, clipboard writes and window.open are seen only here. Errors
 * thrown before the observer runs (it starts once the document is idle) are held until it says it listens.
 */
let held: string[] | null = [];
const tell = (detail: string) => document.dispatchEvent(new CustomEvent(PAGE_ERROR_EVENT, { detail }));
const hand = (message: unknown, source: string | null) => {
  const detail = JSON.stringify({ message: String(message).slice(0, 500), source, at: Date.now() });
  if (held && held.length < 20) held.push(detail);
  tell(detail);
};
document.addEventListener(
  PAGE_READY_EVENT,
  () => {
    held?.forEach(tell);
    held = null;
  },
  { once: true },
);
addEventListener('error', (event) => {
  if (event.error === undefined && event.message === '') return; // a resource failed to load, not a script error
  hand(event.message || 'Error', event.filename ? `${event.filename}:${event.lineno}:${event.colno}` : null);
});
addEventListener('unhandledrejection', ({ reason }) => hand(`Unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`, null));

/** A click answered only by alert() or a clipboard write is answered: a proxy tells, then calls as before. */
function watch<T extends object>(owner: T | undefined, name: keyof T & string, answer: 'dialog' | 'window' | 'clipboard'): void {
  const original = owner?.[name];
  if (typeof original !== 'function') return;
  owner![name] = new Proxy(original, {
    apply: (target, self, args) => (document.dispatchEvent(new CustomEvent(PAGE_ANSWER_EVENT, { detail: answer })), Reflect.apply(target, self, args)),
  });
}
for (const name of ['alert', 'confirm', 'prompt', 'print'] as const) watch(window, name, 'dialog');
watch(window, 'open', 'window');
watch(window.Clipboard?.prototype, 'writeText', 'clipboard');
watch(window.Clipboard?.prototype, 'write', 'clipboard');
