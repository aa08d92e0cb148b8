import type { Page } from 'playwright-core';
import { axeSource, type AxeViolation } from './axe';
import type { Extension } from './browser';

/*
 * Auditing the cards we inject, where they live: in a closed shadow root of a real page. Neither axe in the page
 * (closed roots are invisible there) nor a copy of the card's markup in a test page (other styles, other layout,
 * no page underneath for contrast) would audit what a person meets. So axe runs in our content script's own
 * isolated world, reached over CDP, where `chrome.dom.openOrClosedShadowRoot` hands over the closed root: the
 * live nodes, their computed styles and their place on the page. Only for the audit, `shadowRoot` on our hosts
 * answers with that root in this world (axe walks the tree through it); page scripts see nothing of this.
 */

interface ExecutionContext {
  id: number;
  origin: string;
  auxData?: { type?: string };
}

/** Runs `expression` (awaited, returned by value) in our content script's isolated world on `page`. */
export async function inContentWorld<T>(ext: Extension, page: Page, expression: string): Promise<T> {
  const cdp = await ext.context.newCDPSession(page);
  try {
    const contexts: ExecutionContext[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context as ExecutionContext));
    await cdp.send('Runtime.enable');
    const ours = contexts.filter((c) => c.origin === `chrome-extension://${ext.id}` && c.auxData?.type === 'isolated').at(-1);
    if (!ours) throw new Error('Journey Lens has no isolated world in this page');
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: ours.id, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(`In the content world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  } finally {
    await cdp.detach();
  }
}

/** The closed root of our host `tag` (lower case), as an expression of the content world. */
const rootOf = (tag: string) => `chrome.dom.openOrClosedShadowRoot(document.querySelector(${JSON.stringify(tag)}))`;

/**
 * axe-core over one of our hosts and its closed shadow tree: serious and critical violations only. axe cannot
 * tell the contrast of anything outside <body> ("unable to determine", never a violation), and our hosts are
 * children of <html>; so colour contrast is checked in a second pass with the host moved into <body> for that
 * moment — the same rendering, since the host is fixed in place with inline !important styles and `all:
 * initial` — and then put back, with focus where it was.
 */
export async function axeInShadow(ext: Extension, page: Page, tag: string): Promise<AxeViolation[]> {
  await inContentWorld(ext, page, `${await axeSource};0`);
  return inContentWorld(
    ext,
    page,
    `(async () => {
      const host = document.querySelector(${JSON.stringify(tag)});
      const root = chrome.dom.openOrClosedShadowRoot(host);
      const own = Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot');
      Object.defineProperty(Element.prototype, 'shadowRoot', {
        configurable: true,
        get() { return this.localName.startsWith('journey-lens-') ? chrome.dom.openOrClosedShadowRoot(this) : own.get.call(this); },
      });
      const context = { include: [[${JSON.stringify(tag)}]] };
      const focused = root.activeElement;
      const [parent, next] = [host.parentNode, host.nextSibling];
      try {
        const all = await axe.run(context, { resultTypes: ['violations'] });
        document.body.append(host);
        const contrast = await axe.run(context, { runOnly: ['color-contrast'], resultTypes: ['violations'] });
        return [...all.violations, ...contrast.violations]
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
      } finally {
        parent.insertBefore(host, next);
        focused?.focus({ preventScroll: true });
        Object.defineProperty(Element.prototype, 'shadowRoot', own);
      }
    })()`,
  );
}

/** A short name for the element that has focus inside host `tag`'s root, or null when focus is elsewhere. */
export function focusedIn(ext: Extension, page: Page, tag: string): Promise<string | null> {
  return inContentWorld(
    ext,
    page,
    `(() => {
      const element = ${rootOf(tag)}?.activeElement;
      return element ? ${describe('element')} : null;
    })()`,
  );
}

/** Every control in host `tag`'s root that Tab should reach: tabbable, enabled, shown; a radio group is one stop. */
export function tabStops(ext: Extension, page: Page, tag: string): Promise<string[]> {
  return inContentWorld(
    ext,
    page,
    `(() => {
      const root = ${rootOf(tag)};
      return [...root.querySelectorAll('button, input, textarea, select, a[href], [tabindex]')]
        .filter((e) => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0)
        .map((element) => ${describe('element')})
        .filter((name, i, all) => all.indexOf(name) === i);
    })()`,
  );
}

/** Whether host `tag` holds an element matching `selector` (e.g. an open popover). */
export function hostHas(ext: Extension, page: Page, tag: string, selector: string): Promise<boolean> {
  return inContentWorld(ext, page, `(() => { const root = ${rootOf(tag)}; return !!root && root.querySelector(${JSON.stringify(selector)}) !== null; })()`);
}

/** A short name of an element, as an expression; native radios of one group are one name (Tab stops at one). */
function describe(v: string): string {
  const label = `(${v}.getAttribute('aria-label') || ${v}.textContent.trim().slice(0, 24) || ${v}.value || '')`;
  return `(${v}.type === 'radio' && ${v}.name ? 'radio group ' + ${v}.name : ${v}.localName + (${v}.id ? '#' + ${v}.id : '') + '[' + ${label} + ']')`;
}
