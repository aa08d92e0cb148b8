/** Our own layers in a page (cards, pins, picker, toast) are elements named journey-lens-…, never the page's. */
const OUR_LAYER = /^journey-lens-/i;

/** Any node, in either case of name (HTML upper-cases it): it runs on every batch of page mutations, allocating nothing. */
export function isOurLayer(node: { nodeName: string }): boolean {
  return OUR_LAYER.test(node.nodeName);
}
