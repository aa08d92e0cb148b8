/**
 * A host for UI that scrolls with the page (pins), unlike createShadowHost's fixed cards: a zero-size box at the
 * document's origin, absolutely positioned, that lets the pointer through except where its children take it.
 * Same defences as shadow-host.ts: closed root, inline !important box, `all: initial`, the opt-out marker.
 */
const LAYER_STYLE = [
  'all: initial !important',
  'position: absolute !important',
  'top: 0 !important',
  'left: 0 !important',
  'width: 0 !important',
  'height: 0 !important',
  'overflow: visible !important',
  // One below the cards and the picker, which must cover pins.
  'z-index: 2147483646 !important',
  'visibility: visible !important',
  'opacity: 1 !important',
  'pointer-events: none !important',
  'contain: layout style !important',
].join('; ');

export interface LayerHost {
  root: ShadowRoot;
  element: HTMLElement;
  setHidden(hidden: boolean): void;
  remove(): void;
}

export function createLayerHost(tag: string, css: string): LayerHost {
  const element = document.createElement(tag);
  element.setAttribute('data-jl-ignore', '');
  const setHidden = (hidden: boolean) => element.setAttribute('style', `${LAYER_STYLE}; display: ${hidden ? 'none' : 'block'} !important`);
  setHidden(false);
  const root = element.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
  document.documentElement.append(element);
  return { root, element, setHidden, remove: () => element.remove() };
}
