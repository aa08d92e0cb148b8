import { findQuote, matchesQuote, quoteMatches } from '../../core/anchoring/quote';
import type { Anchor } from '../../core/records/anchor';
import { nodeAt, pageText, rangeOf, textOf, type PageText } from './page-text';

export type Resolution =
  | { element: Element; method: 'selector' | 'quote' | 'fuzzy' | 'position' }
  | { element: null; orphaned: true };

/** Places of the quote checked at most; each costs a walk up the tree, and past these the element is not there. */
const MAX_CANDIDATES = 20;
/** Elements a selector may now match that are looked at. */
const MAX_HITS = 50;

/** An element still carries the anchor when its text is the quote, within the fuzzy bound. */
function carries(page: PageText, element: Element, exact: string): boolean {
  return matchesQuote(textOf(page, element), exact);
}

/**
 * The element at a text node that carries the quote: of its ancestors (and a label's control, for a field quoted
 * by its label), the one with the anchored tag, else the deepest.
 */
function holder(page: PageText, node: Node | undefined, exact: string, tag: string | undefined): Element | null {
  const found: Element[] = [];
  for (let element = node?.parentElement ?? null; element; element = element.parentElement) {
    if (carries(page, element, exact)) found.push(element);
    const control = element.localName === 'label' ? (element as HTMLLabelElement).control : null;
    if (control && carries(page, control, exact)) found.push(control);
  }
  return found.find((element) => element.localName === tag) ?? found[0] ?? null;
}

function bySelector(page: PageText, anchor: Anchor, doc: Document, weak: boolean): Element | null {
  let hits: Element[];
  try {
    hits = [...doc.querySelectorAll(anchor.selector)].slice(0, MAX_HITS);
  } catch {
    return null;
  }
  hits = hits.filter((element) => carries(page, element, anchor.quote.exact));
  if (hits.length === 1 && !weak) return hits[0]!;
  if (hits.length === 0) return null;
  // A positional selector, or one that now finds several elements, may point at a twin (the "Add to cart" of the
  // next product): it wins only where the quote's best place is, or, for an element with no page text, nearest
  // the recorded position.
  const best = findQuote(page.text, anchor.quote, anchor.position);
  const fits = hits
    .map((element) => ({ element, ...rangeOf(page, element) }))
    .filter((hit) => !best || hit.start === hit.end || (hit.start < best.end && best.start < hit.end))
    .sort((a, b) => Math.abs(a.start - anchor.position) - Math.abs(b.start - anchor.position));
  return fits[0]?.element ?? null;
}

/**
 * Finds an anchored element again: selector → quote (exact, then fuzzy) → position, each accepted only where the
 * element found still carries the quote; otherwise the anchor is orphaned (the annotation is kept and listed, never
 * attached to something else). Pass `page` to resolve many anchors against one reading of the page.
 */
export function resolveAnchor(anchor: Anchor, doc: Document, page: PageText = pageText(doc)): Resolution {
  // Built selectors lead every step with the tag, and the last step is the element's.
  const last = anchor.selector.replace(/"[^"]*"/g, '""').split(/\s*[\s>+~]\s*/).pop() ?? '';
  const tag = /^[a-z][\w-]*/i.exec(last)?.[0].toLowerCase();
  const hit = bySelector(page, anchor, doc, !/[[#]/.test(last));
  if (hit) return { element: hit, method: 'selector' };

  const { exact } = anchor.quote;
  let tried = 0;
  for (const match of quoteMatches(page.text, anchor.quote, anchor.position)) {
    const element = holder(page, nodeAt(page, (match.start + match.end) >> 1), exact, tag);
    if (element) return { element, method: match.distance === 0 ? 'quote' : 'fuzzy' };
    if (++tried >= MAX_CANDIDATES) break;
  }

  const element = exact ? holder(page, nodeAt(page, anchor.position), exact, tag) : null;
  return element ? { element, method: 'position' } : { element: null, orphaned: true };
}
