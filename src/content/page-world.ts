import { PAGE_ANSWER_EVENT, PAGE_ERROR_EVENT, PAGE_READY_EVENT, PAGE_SCROLL } from './page-world-events';

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
/**
 * What Sentry's inbound filters drop by default: a cross-origin script's error with nothing in it, and the
 * ResizeObserver loop notice browsers report as an error though nothing failed (the spec's authors call it benign).
 */
const NOT_A_FAILURE = /^(Script error\.?$|ResizeObserver loop )/;
addEventListener('error', (event) => {
  if (event.error === undefined && event.message === '') return; // a resource failed to load, not a script error
  if (NOT_A_FAILURE.test(event.message)) return;
  hand(event.message || 'Error', event.filename ? `${event.filename}:${event.lineno}:${event.colno}` : null);
});
addEventListener('unhandledrejection', ({ reason }) => hand(`Unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`, null));

/**
 * A click answered only by alert() or a clipboard write is answered: a proxy tells, then calls as before. A scroll
 * call says so (`detail`), as the observer times a page's scroll from it.
 */
function watch<T extends object>(owner: T | undefined, name: keyof T & string, detail?: typeof PAGE_SCROLL): void {
  const original = owner?.[name];
  if (typeof original !== 'function') return;
  owner![name] = new Proxy(original, {
    apply: (target, self, args) => (document.dispatchEvent(new CustomEvent(PAGE_ANSWER_EVENT, { detail })), Reflect.apply(target, self, args)),
  });
}
for (const name of ['alert', 'confirm', 'prompt', 'print', 'open'] as const) watch(window, name);
watch(window.Clipboard?.prototype, 'writeText');
watch(window.Clipboard?.prototype, 'write');
/**
 * The browser's own choosers and prompts: a file chooser a button opens through a hidden input, a share sheet, the
 * location prompt of "stores near me", a passkey or saved-password sheet, the notification, camera or microphone
 * prompt. Choosing takes as long as it takes; the click was answered when it opened.
 * Their interfaces are built in a page's world only when first touched, a third of a millisecond of every page
 * load: they are watched from the person's first press or key, which comes before the click that opens one.
 */
const firstInput = (event: Event) => {
  if (!event.isTrusted) return;
  removeEventListener('pointerdown', firstInput, true);
  removeEventListener('keydown', firstInput, true);
  watch(HTMLInputElement.prototype, 'click');
  watch(HTMLInputElement.prototype, 'showPicker');
  watch(Navigator.prototype, 'share');
  watch(window.Geolocation?.prototype, 'getCurrentPosition');
  watch(window.CredentialsContainer?.prototype, 'get');
  watch(window.CredentialsContainer?.prototype, 'create');
  watch(window.Notification, 'requestPermission');
  watch(window.MediaDevices?.prototype, 'getUserMedia');
  // A page's scroll shows on screen at once (the compositor animates it) but reaches the page's scroll event only at
  // its next main-thread frame, seconds later on a busy page: the call is when the page answered.
  for (const name of ['scroll', 'scrollTo', 'scrollBy', 'scrollIntoView'] as const) {
    for (const owner of [window, Element.prototype] as Element[]) watch(owner, name, PAGE_SCROLL);
  }
};
addEventListener('pointerdown', firstInput, true);
addEventListener('keydown', firstInput, true);
