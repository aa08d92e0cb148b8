import { messageListener, type MessageHandler } from './message-listener';
import { native } from './native';

/**
 * The runtime as the observer injected into pages uses it: the browser's own (native.ts), so the page needs no
 * polyfill, which would add 3 KB gzip to every page of a study (PRODUCT.md §8). Extension pages and the worker
 * keep the polyfill (browser.ts). Chromium's newer native `browser` is a second set of bindings, built on first
 * use in every page (~2–3 ms) beside `chrome`'s, which the observer needs anyway.
 */
const runtime = native.runtime;

/** False once the extension has been reloaded or removed under this page: its runtime is gone for good. */
export function connected(): boolean {
  return runtime.id !== undefined;
}

/** An extension file's URL; the observer's on-demand parts are imported by it (scripts/observer-script.ts). */
export function extensionUrl(path: string): string {
  return runtime.getURL(path);
}

/**
 * Where messages go once the runtime is gone: through the observer that took over (content/succession.ts). On
 * the world's global: the parts loaded on demand are modules of their own, with their own copy of this one.
 */
const RELAY = Symbol.for('journey-lens.relay');
const world = globalThis as { [RELAY]?: (message: unknown) => Promise<unknown> };

export function relayMessagesThrough(through: (message: unknown) => Promise<unknown>): void {
  world[RELAY] = through;
}

export function sendMessage(message: unknown): Promise<unknown> {
  const relay = world[RELAY];
  return relay && !connected() ? relay(message) : runtime.sendMessage(message);
}

export function onMessage(handler: MessageHandler<chrome.runtime.MessageSender>): void {
  runtime.onMessage.addListener(messageListener(handler));
}

/**
 * An element's shadow root, open or closed: an extension may see into closed ones, where a page's card widget
 * keeps its fields (chrome.dom in Chromium, `openOrClosedShadowRoot` on elements in Firefox's content scripts).
 */
export function shadowRootOf(element: Element): ShadowRoot | null {
  // Only HTML elements host shadow roots; chrome.dom throws on any other (an <svg>).
  if (!(element instanceof HTMLElement)) return null;
  if (__JL_FIREFOX__) return (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ?? null;
  return chrome.dom?.openOrClosedShadowRoot(element) ?? element.shadowRoot;
}

/** Writes to the extension's storage.session (the worker opens it to pages); rejects where it cannot. */
export async function storeForSession(items: Record<string, unknown>): Promise<void> {
  await native.storage.session.set(items);
}
