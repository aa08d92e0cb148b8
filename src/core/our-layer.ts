/** Our own layers in a page (cards, pins, picker, toast) are elements named journey-lens-…, never the page's. */
const PREFIX = 'journey-lens-';

export function isOurLayer(node: { nodeName: string }): boolean {
  return node.nodeName.toLowerCase().startsWith(PREFIX);
}
