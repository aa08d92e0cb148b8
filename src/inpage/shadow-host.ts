/**
 * A host for UI we put into someone else's page. The shadow root is closed, so page scripts cannot reach into
 * it; the host's own box is set inline with !important, which outranks any page stylesheet, and `all: initial`
 * stops inherited page styles at the door.
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
].join('; ');

export interface ShadowHost {
  root: ShadowRoot;
  place(position: Partial<Record<'top' | 'right' | 'bottom' | 'left', string>>): void;
  remove(): void;
}

export function createShadowHost(tag: string, css: string): ShadowHost {
  const host = document.createElement(tag);
  // Our own UI is never described or signalled by our observers (the opt-out marker).
  host.setAttribute('data-jl-ignore', '');
  host.setAttribute('style', HOST_STYLE);
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
  document.documentElement.append(host);
  return {
    root,
    place(position) {
      const sides = Object.entries(position).map(([side, value]) => `${side}: ${value} !important`);
      host.setAttribute('style', [HOST_STYLE, ...sides].join('; '));
    },
    remove: () => host.remove(),
  };
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
