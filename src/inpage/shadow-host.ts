import { isOurLayer } from '../core/our-layer';

/**
 * A host for UI we put into someone else's page. The shadow root is closed, so page scripts cannot reach into
 * it. The host's own box is set from inside, by a `:host` rule with !important: an important rule of the inner
 * context outranks any of the page's, inline ones included, so the page can restyle the host in vain; `all:
 * initial` stops inherited page styles at the door. What the page can still do to the host from outside
 * (remove it, make it or the document inert or hidden, cover it) is undone or answered by `guard`.
 */

const HOST_STYLE = [
  'all: initial !important',
  'position: fixed !important',
  'z-index: 2147483647 !important',
  'display: block !important',
  'visibility: visible !important',
  'opacity: 1 !important',
  'pointer-events: auto !important',
  'contain: layout style !important',
  'transform: none !important',
  'filter: none !important',
  'clip-path: none !important',
  'mask: none !important',
].join('; ');

/** The attributes we set on a host; any other the page adds (`inert`, `hidden`, `popover`…) is taken off. */
const OUR_ATTRIBUTES = new Set(['data-jl-ignore']);

export interface ShadowHost {
  root: ShadowRoot;
  place(position: Partial<Record<'top' | 'right' | 'bottom' | 'left', string>>): void;
  remove(): void;
}

export function createShadowHost(tag: string, css: string): ShadowHost {
  const host = document.createElement(tag);
  // Our own UI is never described or signalled by our observers (the opt-out marker).
  host.setAttribute('data-jl-ignore', '');
  const root = host.attachShadow({ mode: 'closed' });
  const box = document.createElement('style');
  const style = document.createElement('style');
  style.textContent = css;
  const place = (position: Partial<Record<'top' | 'right' | 'bottom' | 'left', string>>) => {
    const sides = Object.entries(position).map(([side, value]) => `${side}: ${value} !important`);
    box.textContent = `:host { ${[HOST_STYLE, ...sides].join('; ')} }`;
  };
  place({});
  root.append(box, style);
  document.documentElement.append(host);
  const unguard = guard(host, root);
  return {
    root,
    place,
    remove: () => {
      unguard();
      host.remove();
    },
  };
}

/**
 * Keeps the host in the page and free of the page's attributes; and while focus is in the UI, a key pressed when
 * the UI is not shown as drawn (the document made transparent or inert, the host covered) takes focus out of
 * it instead of typing blind: the page cannot keep focus in a UI it hid or disabled.
 */
function guard(host: HTMLElement, root: ShadowRoot): () => void {
  const watch = new MutationObserver(() => {
    for (const name of host.getAttributeNames()) if (!OUR_ATTRIBUTES.has(name)) host.removeAttribute(name);
    if (!host.isConnected) document.documentElement.append(host);
  });
  watch.observe(host, { attributes: true });
  watch.observe(document, { childList: true, subtree: true });
  const check = (event: Event) => {
    if (shownAsDrawn(host)) return;
    event.preventDefault();
    event.stopPropagation();
    (root.activeElement as HTMLElement | null)?.blur();
  };
  root.addEventListener('keydown', check, true);
  root.addEventListener('beforeinput', check, true);
  return () => {
    watch.disconnect();
    root.removeEventListener('keydown', check, true);
    root.removeEventListener('beforeinput', check, true);
  };
}

/** Whether the host is rendered, opaque, not inert, and on top at its centre (under none but our own UI). */
function shownAsDrawn(host: HTMLElement): boolean {
  if (!host.isConnected || host.closest('[inert]') || document.querySelector(':modal')) return false;
  if (!host.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
  for (const element of [document.documentElement, document.body, host]) {
    const style = element && getComputedStyle(element);
    if (style && (style.filter !== 'none' || style.clipPath !== 'none' || Number(style.opacity) < 1)) return false;
  }
  const rect = host.getBoundingClientRect();
  const top = document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2);
  return top !== null && isOurLayer(top);
}

/** The corner farthest from what triggered the prompt, so the card never covers it. */
export function cornerAwayFrom(rect: { x: number; y: number; width: number; height: number } | null, margin = '16px') {
  if (!rect) return { bottom: margin, right: margin };
  const centreX = rect.x + rect.width / 2;
  const centreY = rect.y + rect.height / 2;
  const vertical = centreY > innerHeight / 2 ? { top: margin } : { bottom: margin };
  const horizontal = centreX > innerWidth / 2 ? { left: margin } : { right: margin };
  return { ...vertical, ...horizontal };
}
