/**
 * "Show me" from the side panel: outlines the element a signal names in the page, for a few seconds, in a closed
 * shadow root. Run by the worker with `scripting.executeScript({ func })`: serialised on its own, so it uses
 * nothing from outside its body; nothing of it is in the script injected into every page (PRODUCT.md §8).
 * Returns whether the element is on the page.
 */
export function outlineElement(selector: string, ms: number): boolean {
  let element: Element | null = null;
  try {
    element = document.querySelector(selector);
  } catch {
    return false;
  }
  if (!element) return false;
  element.scrollIntoView({ block: 'center', inline: 'nearest' });
  const box = element.getBoundingClientRect();
  const host = document.createElement('journey-lens-outline');
  host.setAttribute('data-jl-ignore', '');
  const root = host.attachShadow({ mode: 'closed' });
  const frame = document.createElement('div');
  const place = `left:${box.left - 4}px;top:${box.top - 4}px;width:${box.width + 8}px;height:${box.height + 8}px`;
  frame.setAttribute('style', `position:fixed;${place};border:3px solid #e5484d;border-radius:6px;box-shadow:0 0 0 3px #fff;pointer-events:none;z-index:2147483647`);
  root.append(frame);
  host.setAttribute('style', 'all:initial !important;position:fixed !important;inset:0 !important;pointer-events:none !important;z-index:2147483647 !important');
  document.documentElement.append(host);
  setTimeout(() => host.remove(), ms);
  return true;
}
